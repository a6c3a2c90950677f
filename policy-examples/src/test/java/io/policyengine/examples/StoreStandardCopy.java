package io.policyengine.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled store-standard pack's source folder, for tests that edit rule files. */
public final class StoreStandardCopy {
    /** The pack's rule files, as sources; the tests run in the module directory. */
    public static final Path SOURCE = Path.of("..", "policy-rules", "src", "main", "resources", "packs", "store-standard");

    private StoreStandardCopy() {
    }

    /** Copies the pack into {@code folder} (created if need be) and returns it. */
    public static Path in(Path folder) {
        try (Stream<Path> files = Files.list(SOURCE)) {
            Files.createDirectories(folder);
            for (Path file : files.toList()) Files.copy(file, folder.resolve(file.getFileName()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
