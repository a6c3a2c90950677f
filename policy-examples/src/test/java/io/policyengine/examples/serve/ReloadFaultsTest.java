package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.PolicyEngine;
import io.policyengine.examples.cli.PolicyCli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.policyengine.examples.serve.RulesFolder.changeRefundDays;
import static io.policyengine.examples.serve.RulesFolder.copyOfStoreStandard;
import static io.policyengine.examples.serve.RulesFolder.policy;
import static io.policyengine.examples.serve.RulesFolder.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #23, findings 3, 4 and 8: hot reload follows the folder, survives anything a file does, and ignores what is no pack file. */
class ReloadFaultsTest {
    private static final String PACKAGING_SENTENCE = "damaged or missing packaging excludes refund and exchange = ";

    @TempDir
    Path temp;

    /** 3,000 selects nested in one another: what threw a StackOverflowError on the watcher's thread. */
    private static String deeplyNested() {
        return "{packaging, select, other {".repeat(3000) + "x" + "}}".repeat(3000);
    }

    private static void nestTheSentence(Path pack) throws Exception {
        Path sentences = pack.resolve("sentences.en.txt");
        String text = Files.readString(sentences);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(PACKAGING_SENTENCE) + ".*$").matcher(text);
        assertThat(line.find()).isTrue();
        Files.writeString(sentences, line.replaceFirst(Matcher.quoteReplacement(PACKAGING_SENTENCE + deeplyNested())));
    }

    @Test
    @DisplayName("finding 3: a sentence nested 3,000 deep is a reload error naming FILE:LINE, and the next save still goes live")
    void deepSentenceFile() throws Exception {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        try (LiveService live = LiveService.start(PolicyEngine.load(pack), true, null)) {
            String oldHash = policy(live).get("hash").asText();

            nestTheSentence(pack);
            JsonNode failed = waitFor(live, p -> !p.get("lastReloadError").isNull());

            assertThat(failed.get("lastReloadError").asText()).containsPattern("sentences\\.en\\.txt:\\d+: .*nested more than 16 deep");
            assertThat(failed.get("hash").asText()).isEqualTo(oldHash);

            Files.copy(RulesFolder.BUNDLED.resolve("sentences.en.txt"), pack.resolve("sentences.en.txt"), StandardCopyOption.REPLACE_EXISTING);
            changeRefundDays(pack, 15, 16);
            JsonNode fixed = waitFor(live, p -> p.get("lastReloadError").isNull() && !p.get("hash").asText().equals(oldHash));
            assertThat(fixed.get("terms").get("defectRefundDays").asInt()).isEqualTo(16);
        }
    }

    @Test
    @DisplayName("finding 3: validate names the deeply nested sentence's FILE:LINE, with no stack trace")
    void deepSentenceValidated() throws Exception {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        nestTheSentence(pack);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = PolicyCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), "validate", pack.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).containsPattern("sentences\\.en\\.txt:\\d+: .*selects nested more than 16 deep");
        assertThat(out + err.toString()).doesNotContain("Exception", "Error:", "\tat ");
    }

    @Test
    @DisplayName("finding 4: a rules folder renamed into place (mv rules rules.old && mv rules.v2 rules) goes live")
    void folderSwappedByRename() throws Exception {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        Path next = copyOfStoreStandard(temp.resolve("rules.v2"));
        changeRefundDays(next, 15, 17);
        try (LiveService live = LiveService.start(PolicyEngine.load(pack), true, null)) {
            String oldHash = policy(live).get("hash").asText();

            Files.move(pack, temp.resolve("rules.old"));
            Files.move(next, pack);

            JsonNode swapped = waitFor(live, p -> !p.get("hash").asText().equals(oldHash));
            assertThat(swapped.get("terms").get("defectRefundDays").asInt()).isEqualTo(17);
            assertThat(swapped.get("lastReloadError").isNull()).isTrue();
        }
    }

    @Test
    @DisplayName("finding 4: a symbolic link pointed at another folder (ln -sfn relB current) goes live")
    void symlinkSwapped() throws Exception {
        Path first = copyOfStoreStandard(temp.resolve("relA"));
        Path second = copyOfStoreStandard(temp.resolve("relB"));
        changeRefundDays(second, 15, 18);
        Path current = Files.createSymbolicLink(temp.resolve("current"), first.getFileName());
        try (LiveService live = LiveService.start(PolicyEngine.load(current), true, null)) {
            String oldHash = policy(live).get("hash").asText();

            Path staged = Files.createSymbolicLink(temp.resolve("current.new"), second.getFileName());
            Files.move(staged, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            JsonNode swapped = waitFor(live, p -> !p.get("hash").asText().equals(oldHash));
            assertThat(swapped.get("terms").get("defectRefundDays").asInt()).isEqualTo(18);
        }
    }

    @Test
    @DisplayName("finding 8: a log, a hidden file, a swap file or a backup in the rules folder reloads nothing; a rule file does")
    void otherFilesIgnored() throws Exception {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        try (LiveService live = LiveService.start(PolicyEngine.load(pack), true, null)) {
            for (int i = 0; i < 5; i++) {
                Files.writeString(pack.resolve("decisions.jsonl"), "{\"decisionId\":\"" + i + "\"}\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                Files.writeString(pack.resolve(".pack.drl.swp"), "swap " + i);
                Files.writeString(pack.resolve("pack.drl~"), "backup " + i);
                Files.writeString(pack.resolve("notes.txt"), "notes " + i);
                Thread.sleep(100);
            }
            Thread.sleep(1500); // the watcher's settle time is 200 ms: any reload would have started by now

            assertThat(reloads(live)).isZero();

            Files.writeString(pack.resolve("pack.drl"), Files.readString(pack.resolve("pack.drl")) + "\n// touched\n");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (reloads(live) == 0 && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(reloads(live)).isPositive();
        }
    }

    /** Reloads counted, succeeded and failed. */
    private static double reloads(LiveService live) {
        double total = 0;
        Matcher counted = Pattern.compile("(?m)^policy_reloads_total\\{[^}]*\\} (\\S+)$").matcher(live.get("/metrics").body());
        while (counted.find()) total += Double.parseDouble(counted.group(1));
        return total;
    }
}
