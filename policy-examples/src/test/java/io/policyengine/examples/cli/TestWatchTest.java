package io.policyengine.examples.cli;

import io.policyengine.examples.StoreStandardCopy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code test --watch}: the command runs as {@code ./policy test --watch} runs it, with the saves
 * handed in by the test instead of waited for, so nothing here depends on how fast the machine is.
 */
class TestWatchTest {
    private static final String REFUND_DAYS = "defectRefundDays   : int = 15";

    @TempDir
    Path dir;

    /** Saves the test makes itself: each {@link #next} makes the next save, and there are no more after the last. */
    private static final class ScriptedSaves implements ExampleWatch.Saves {
        private final Deque<Runnable> saves;
        boolean closed;

        ScriptedSaves(List<Runnable> saves) {
            this.saves = new ArrayDeque<>(saves);
        }

        @Override
        public boolean next() {
            if (saves.isEmpty()) return false;
            saves.poll().run();
            return true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    @DisplayName("re-runs after a save, reports a broken save as FILE:LINE and waits, re-runs after the fix")
    void reRunsAfterEachSave() {
        Path pack = copyOfStoreStandard();
        // a day-15 defect refund passes with 15 days and fails with 14; a day-3 one passes with both
        Path examples = write("examples.jsonl", example("DAY15", "2026-03-16", "REFUND") + "\n" + example("DAY3", "2026-03-04", "REFUND") + "\n");
        Path packFile = pack.resolve("pack.drl");
        Path tiers = pack.resolve("defect-tiers.drl");
        String tiersText = read(tiers);
        ScriptedSaves saves = new ScriptedSaves(List.of(
                () -> replace(packFile, REFUND_DAYS, "defectRefundDays   : int = 14"),
                () -> replace(tiers, "rule \"defect refund window\"", "rule \"defect refund window\" ("),
                () -> writeText(tiers, tiersText),
                () -> replace(examples, "\"outcome\": \"REFUND\"}}\n{", "\"outcome\": \"EXCHANGE\"}}\n{")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new TestCommand(paths -> {
            assertThat(paths).containsExactly(pack, examples);
            return saves;
        }));
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--watch", "--rules", pack.toString(), examples.toString());

        assertThat(exit).isZero();
        assertThat(saves.closed).isTrue();
        List<String> results = out.toString().lines().filter(l -> l.matches("\\d+ passed, \\d+ failed")).toList();
        assertThat(results).containsExactly(
                "2 passed, 0 failed",   // first run
                "1 passed, 1 failed",   // 14 days: DAY15 is an exchange now
                "1 passed, 1 failed",   // the fix of the broken save: still 14 days
                "2 passed, 0 failed");  // the example now expects the exchange
        assertThat(out.toString()).contains("the rules do not load");
        assertThat(err.toString()).contains(tiers + ":");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    @DisplayName("the file watcher reports a saved rule file as one save")
    void fileSavesSeeASave() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Path examples = write("examples/store.jsonl", "");
        try (FileSaves saves = FileSaves.watch(List.of(rules, examples))) {
            CompletableFuture<Boolean> save = CompletableFuture.supplyAsync(() -> {
                try {
                    return saves.next();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            writeText(rules.resolve("pack.drl"), "package p;\n");

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(save.get(30, TimeUnit.SECONDS)).isTrue());

            CompletableFuture<Boolean> exampleSave = CompletableFuture.supplyAsync(() -> {
                try {
                    return saves.next();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            writeText(examples, "{}\n");
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(exampleSave.get(30, TimeUnit.SECONDS)).isTrue());
        }
    }

    @Test
    @DisplayName("a closed watcher ends the watch")
    void closedWatcherEnds() throws Exception {
        FileSaves saves = FileSaves.watch(List.of(Files.createDirectories(dir.resolve("rules"))));
        saves.close();

        assertThat(saves.next()).isFalse();
    }

    private static String example(String id, String claimDate, String outcome) {
        return "{\"claim\": {\"id\": \"" + id + "\", \"product\": {\"sku\": \"S-1\"}, \"purchaseDate\": \"2026-03-01\", \"claimDate\": \""
                + claimDate + "\", \"qualityDefect\": true, \"request\": \"REFUND\"}, \"expect\": {\"outcome\": \"" + outcome + "\"}}";
    }

    private Path copyOfStoreStandard() {
        return StoreStandardCopy.in(dir.resolve("store-standard"));
    }

    private Path write(String name, String text) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeText(file, text);
        return file;
    }

    private static void replace(Path file, String from, String to) {
        String text = read(file);
        assertThat(text).contains(from);
        writeText(file, text.replace(from, to));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeText(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
