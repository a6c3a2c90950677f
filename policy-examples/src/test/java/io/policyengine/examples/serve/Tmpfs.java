package io.policyengine.examples.serve;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A small tmpfs mounted for a test, to make a disk full on purpose. Mounting needs root: where it cannot
 * mount, the test is skipped with the reason. {@link #fill} takes every free byte, {@link #free} gives them back.
 */
final class Tmpfs implements AutoCloseable {
    final Path dir;
    private final Path filler;

    private Tmpfs(Path dir) {
        this.dir = dir;
        this.filler = dir.resolve("filler");
    }

    static Tmpfs mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String output = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        assumeTrue(output == null, "cannot mount a tmpfs to fill a disk (needs root): " + output);
        return new Tmpfs(dir);
    }

    /** Writes a file until the disk is full. */
    void fill() throws IOException {
        byte[] block = new byte[512];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // no space left: that was the point
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler-tail"))) {
            for (int i = 0; i < 4096; i++) out.write(0);
        } catch (IOException full) {
            // the last page too
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(filler);
        Files.deleteIfExists(dir.resolve("filler-tail"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    /** Runs a command; null when it succeeded, else what it printed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return e.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return String.join(" ", command) + ": timed out";
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.exitValue() == 0 ? null : "exit " + process.exitValue() + ": " + output;
    }
}
