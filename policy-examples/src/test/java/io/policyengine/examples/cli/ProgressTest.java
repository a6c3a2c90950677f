package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.json.ClaimJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Long work shows its progress on a terminal's stderr, and nothing more when stderr is not one. The terminal is
 * a real pseudo-terminal ({@code script} of util-linux), the command a JVM of its own as the launcher starts it,
 * over a million claims (two hundred thousand when nothing is to show) so that the work lasts past the first second.
 */
class ProgressTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String CLASSPATH = System.getProperty("java.class.path");

    @TempDir
    static Path dir;
    private static final long SEED = 20261124;
    private static final int DISTINCT = 10_000;
    private static final int MILLION = 1_000_000;
    /** Enough to last past the first second, when progress would show on a terminal. */
    private static final int FEWER = 200_000;
    static Path claims;
    static Path fewerClaims;

    @BeforeAll
    static void aMillionClaims() throws Exception {
        // Ten thousand generated claims written over and over: a million lines in a second, instead of a JVM of its own
        List<String> distinct = ClaimGenerator.stream(SEED).limit(DISTINCT).map(ClaimJson::toJson).toList();
        claims = repeated(dir.resolve("claims.jsonl"), distinct, MILLION);
        fewerClaims = repeated(dir.resolve("fewer-claims.jsonl"), distinct, FEWER);
    }

    /** {@code file} holding {@code lines} over and over, {@code count} lines in all. */
    private static Path repeated(Path file, List<String> lines, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                out.write(lines.get(i % lines.size()));
                out.write('\n');
            }
        }
        return file;
    }

    /**
     * A million claims, then a file with one bad line: the progress line has been drawn long before the bad line
     * comes, and the bad line's {@code FILE:LINE: error} must start a line of its own, not run on after the progress.
     */
    @Test
    void onATerminalDecideRedrawsHowFarItGotAndClosesWithTheCountABadLineOnItsOwnLine() throws Exception {
        assumeThat(new File("/usr/bin/script")).as("script of util-linux").exists();
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"claimId\": \"LAST\"\n");
        String command = String.join(" ", policy(List.of("-Dpolicy.stderr.terminal=true"), "decide", "--json",
                claims.toString(), bad.toString())) + " > /dev/null";
        Path terminal = dir.resolve("terminal.txt");
        Process run = new ProcessBuilder("script", "-qfec", command, "/dev/null")
                .redirectErrorStream(true).redirectOutput(terminal.toFile()).start();
        assertThat(run.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).as("a bad line is exit 2").isEqualTo(ExitCodes.BAD_INPUT);

        String shown = Files.readString(terminal, StandardCharsets.UTF_8);
        assertThat(shown).as("a line redrawn in place while deciding").containsPattern("\rdecided [0-9,]+ claims, 0 errors, [0-9]+\\.[0-9] s");
        assertThat(shown).as("the closing count").containsPattern("\rdecided 1,000,001 claims, 1 errors, [0-9]+\\.[0-9] s *\r?\n");
        int badLine = shown.indexOf(bad + ":");  // FILE:LINE: not JSON ...
        assertThat(badLine).as("the bad line on stderr").isPositive();
        String before = shown.substring(Math.max(shown.lastIndexOf('\r', badLine), shown.lastIndexOf('\n', badLine)) + 1, badLine);
        assertThat(before).as("what the terminal shows before the bad line, on its line").isEmpty();
    }

    @Test
    void withoutATerminalStderrHoldsNothingExtra() throws Exception {
        Path err = dir.resolve("err.txt");
        Process run = new ProcessBuilder(policy(List.of(), "decide", "--json", fewerClaims.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        assertThat(run.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(run.exitValue()).isZero();
        assertThat(Files.readString(err)).isEmpty();
    }

    private static List<String> policy(List<String> properties, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-XX:+UseParallelGC"));
        command.addAll(properties);
        command.addAll(List.of("-cp", CLASSPATH, Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
