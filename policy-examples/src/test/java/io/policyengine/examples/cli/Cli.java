package io.policyengine.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the command line in-process, as the launcher does (with {@code bench}), and the files the tests feed it. */
final class Cli {
    static final Path STORE_STANDARD = Path.of("..", "policy-rules", "src", "main", "resources", "packs", "store-standard");

    /** What one run printed, and its exit code. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }

        private static List<String> lines(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
            return lines;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    static Run runWithStdin(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PolicyCli.run(new ByteArrayInputStream(stdin), new PrintWriter(out), new PrintWriter(err),
                List.of(new BenchCommand()), args);
        return new Run(exit, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    /** A one-line claim, day 8 after purchase with a defect; {@code more} are added as top-level fields. */
    static String claim(String id, String... more) {
        StringBuilder text = new StringBuilder("{\"id\": \"" + id + "\", \"product\": {\"sku\": \"S-1\", \"category\": \"TV\"}, "
                + "\"purchaseDate\": \"2026-03-01\", \"claimDate\": \"2026-03-09\", \"qualityDefect\": true");
        for (String field : more) text.append(", ").append(field);
        return text.append("}").toString();
    }

    static String example(String claim, String outcome) {
        return "{\"claim\": " + claim + ", \"expect\": {\"outcome\": \"" + outcome + "\"}}";
    }

    /** A copy of the store-standard pack with one more rule file. */
    static Path packWith(Path folder, String file, String drl) {
        try (Stream<Path> files = Files.list(STORE_STANDARD)) {
            Files.createDirectories(folder);
            for (Path source : files.toList()) Files.copy(source, folder.resolve(source.getFileName()));
            Files.writeString(folder.resolve(file), drl);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
