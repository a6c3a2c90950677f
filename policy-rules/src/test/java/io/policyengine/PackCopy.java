package io.policyengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled store-standard pack in a temporary folder, for tests that edit rule files. */
final class PackCopy {
    static final Path SOURCE = Path.of("src/main/resources/packs/store-standard");

    private PackCopy() {
    }

    static Path storeStandardIn(Path folder) {
        try (Stream<Path> files = Files.list(SOURCE)) {
            Files.createDirectories(folder);
            for (Path file : files.toList()) Files.copy(file, folder.resolve(file.getFileName()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} by {@code to} in one file of the pack, as a policy author's edit would. */
    static void edit(Path pack, String file, String from, String to) {
        try {
            Path path = pack.resolve(file);
            String text = Files.readString(path);
            if (!text.contains(from)) throw new IllegalArgumentException(file + " does not contain " + from);
            Path staged = Files.createTempFile(pack.getParent(), "edit", ".tmp");
            Files.writeString(staged, text.replace(from, to));
            Files.move(staged, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
