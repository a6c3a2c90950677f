package io.policyengine.examples.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.model.Claim;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code policy report}: early warnings at the 30-day edge, plan values, bad lines, an empty log. */
class ReportCommandTest {
    @TempDir
    Path dir;

    private Path log(List<String> lines) throws IOException {
        Path log = dir.resolve("log-" + lines.size() + "-" + System.nanoTime() + ".jsonl");
        Files.write(log, lines);
        return log;
    }

    private static List<String> lines(Claim... claims) {
        return List.of(claims).stream().map(DecisionLogs::line).toList();
    }

    @Nested
    class EarlyWarnings {
        @Test
        @DisplayName("three defect claims of one SKU and fault 29 days apart warn; 30 days apart they do not")
        void thirtyConsecutiveDays() throws IOException {
            // out of date order on purpose: a log need not be sorted
            Path log = log(lines(
                    DecisionLogs.defect("A-2", "AC-1", "NO_COOLING", "2026-03-15"),
                    DecisionLogs.defect("B-3", "TV-1", "NO_PICTURE", "2026-03-31"),
                    DecisionLogs.defect("A-3", "AC-1", "NO_COOLING", "2026-03-30"),
                    DecisionLogs.defect("B-1", "TV-1", "NO_PICTURE", "2026-03-01"),
                    DecisionLogs.defect("A-1", "AC-1", "NO_COOLING", "2026-03-01"),
                    DecisionLogs.defect("B-2", "TV-1", "NO_PICTURE", "2026-03-15")));

            JsonNode warnings = DecisionLogs.policy("report", "--json", log.toString()).json().get("earlyWarnings");

            assertThat(warnings).hasSize(1);
            JsonNode warning = warnings.get(0);
            assertThat(warning.get("sku").asText()).isEqualTo("AC-1");
            assertThat(warning.get("fault").asText()).isEqualTo("NO_COOLING");
            assertThat(warning.get("count").asInt()).isEqualTo(3);
            assertThat(warning.get("firstClaimId").asText()).isEqualTo("A-1");
            assertThat(warning.get("lastClaimId").asText()).isEqualTo("A-3");
        }

        @Test
        @DisplayName("--warn-at sets the threshold; the busiest 30 days are counted; claims without a defect or a fault do not count")
        void threshold() throws IOException {
            List<String> lines = new ArrayList<>(lines(
                    DecisionLogs.defect("B-1", "TV-1", "NO_PICTURE", "2026-03-01"),
                    DecisionLogs.defect("B-2", "TV-1", "NO_PICTURE", "2026-03-31"),
                    DecisionLogs.defect("B-3", "TV-1", "NO_PICTURE", "2026-04-20"),
                    DecisionLogs.defect("C-1", "TV-1", "NO_SOUND", "2026-03-02"),
                    DecisionLogs.claim("{\"id\": \"N-1\", \"product\": {\"sku\": \"TV-1\"}, \"purchaseDate\": \"2026-03-01\", "
                            + "\"claimDate\": \"2026-03-02\", \"qualityDefect\": false, \"fault\": \"NO_PICTURE\"}"),
                    DecisionLogs.claim("{\"id\": \"N-2\", \"product\": {\"sku\": \"TV-1\"}, \"purchaseDate\": \"2026-03-01\", "
                            + "\"claimDate\": \"2026-03-03\", \"qualityDefect\": true}")));
            Path log = log(lines);

            JsonNode atTwo = DecisionLogs.policy("report", "--json", "--warn-at", "2", log.toString()).json().get("earlyWarnings");
            JsonNode atThree = DecisionLogs.policy("report", "--json", log.toString()).json().get("earlyWarnings");

            assertThat(atTwo).hasSize(1);
            assertThat(atTwo.get(0).get("count").asInt()).isEqualTo(2);
            // B-1 and B-2 are 30 days apart; B-2 and B-3 are within 30 days
            assertThat(atTwo.get(0).get("firstClaimId").asText()).isEqualTo("B-2");
            assertThat(atTwo.get(0).get("lastClaimId").asText()).isEqualTo("B-3");
            assertThat(atThree).isEmpty();
            assertThat(DecisionLogs.policy("report", "--warn-at", "0", log.toString()).exit()).isEqualTo(2);
        }
    }

    @Nested
    class Targets {
        /** A month whose requests are met in {@code met} of {@code of} claims: refunds asked on day 3 (met) or day 20 without a defect (declined). */
        private List<String> month(String month, int met, int of) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < of; i++) {
                String purchase = month + (i < met ? "-05" : "-01");
                String claimDate = month + (i < met ? "-08" : "-21");
                lines.add(DecisionLogs.line(DecisionLogs.claim("{\"id\": \"" + month + "-" + i + "\", \"product\": {\"sku\": \"S\"}, "
                        + "\"purchaseDate\": \"" + purchase + "\", \"claimDate\": \"" + claimDate + "\", \"qualityDefect\": false, "
                        + "\"request\": \"REFUND\"}")));
            }
            return lines;
        }

        @Test
        @DisplayName("three months running under the plan: each marked, and 'review the plan'")
        void reviewThePlanAfterThreeMissedPeriods() throws IOException {
            Path targets = dir.resolve("targets.txt");
            Files.writeString(targets, "# the store's KPI plan\nrequestsMet 98%\nonSiteLate 5%   # engineers on time\n");
            List<String> lines = new ArrayList<>();
            lines.addAll(month("2026-01", 10, 10));
            lines.addAll(month("2026-02", 9, 10));
            lines.addAll(month("2026-03", 8, 10));
            lines.addAll(month("2026-04", 97, 100));

            DecisionLogs.Run run = DecisionLogs.policy("report", "--json", "--targets", targets.toString(), log(lines).toString());
            DecisionLogs.Run text = DecisionLogs.policy("report", "--targets", targets.toString(), log(lines).toString());

            JsonNode report = run.json();
            JsonNode requestsMet = report.get("targets").get(0);
            assertThat(requestsMet.get("figure").asText()).isEqualTo("requestsMet");
            assertThat(requestsMet.get("missed")).extracting(JsonNode::asText).containsExactly("2026-02", "2026-03", "2026-04");
            assertThat(requestsMet.get("reviewThePlan").asBoolean()).isTrue();
            assertThat(report.get("periods").get(0).get("missedTargets")).isEmpty();
            assertThat(report.get("periods").get(1).get("missedTargets")).extracting(JsonNode::asText).containsExactly("requestsMet");
            JsonNode onSiteLate = report.get("targets").get(1);
            assertThat(onSiteLate.get("missed")).isEmpty();
            assertThat(onSiteLate.get("reviewThePlan").asBoolean()).isFalse();
            assertThat(text.out()).contains("below plan 98%").contains("REVIEW THE PLAN: MISSED 3 PERIODS RUNNING");
        }

        @Test
        @DisplayName("two misses, a met period, a miss: marked, but no review; less-is-better figures miss above the plan")
        void noReviewWithoutThreeRunning() throws IOException {
            Path targets = dir.resolve("targets.txt");
            Files.writeString(targets, "requestsMet 90%\n");
            List<String> lines = new ArrayList<>();
            lines.addAll(month("2026-01", 8, 10));
            lines.addAll(month("2026-02", 8, 10));
            lines.addAll(month("2026-03", 9, 10));
            lines.addAll(month("2026-04", 1, 10));
            Path log = log(lines);

            JsonNode requestsMet = DecisionLogs.policy("report", "--json", "--targets", targets.toString(), log.toString())
                    .json().get("targets").get(0);

            assertThat(requestsMet.get("missed")).extracting(JsonNode::asText).containsExactly("2026-01", "2026-02", "2026-04");
            assertThat(requestsMet.get("reviewThePlan").asBoolean()).isFalse();
            assertThat(requestsMet.get("wholeMissed").asBoolean()).isTrue();

            Files.writeString(targets, "repeatRepairs 0%\ncompensation 0\n");
            JsonNode lessIsBetter = DecisionLogs.policy("report", "--json", "--targets", targets.toString(), log.toString()).json();
            assertThat(lessIsBetter.get("targets").get(0).get("higherIsBetter").asBoolean()).isFalse();
            assertThat(lessIsBetter.get("targets").get(0).get("missed")).as("no repairs: no share, no miss").isEmpty();
            assertThat(lessIsBetter.get("targets").get(1).get("missed")).as("no compensation paid: at plan").isEmpty();
        }

        @Test
        @DisplayName("every bad line of a targets file is reported as FILE:LINE, and no report is printed (exit 2)")
        void badTargetLines() throws IOException {
            Path targets = dir.resolve("plan.txt");
            Files.writeString(targets, "requestsMet 98\n\nspeed 5%\nonSiteLate\nrepeatRepairs 120%\nrequestsMet 98%\nonSiteLate 5%\nonSiteLate 4%\n"
                    + "overdueDuties 10%\n");

            DecisionLogs.Run run = DecisionLogs.policy("report", "--targets", targets.toString(), log(month("2026-01", 1, 1)).toString());

            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).containsExactly(
                    targets + ":1: requestsMet: expected a percentage from 0% to 100% (e.g. requestsMet 98%), got \"98\"",
                    targets + ":3: unknown figure \"speed\"; a plan can be set for requestsMet, onSiteLate, repeatRepairs, overdueDuties, compensation",
                    targets + ":4: onSiteLate: no plan value (e.g. onSiteLate 5%)",
                    targets + ":5: repeatRepairs: expected a percentage from 0% to 100% (e.g. repeatRepairs 2%), got \"120%\"",
                    targets + ":8: onSiteLate: a second plan value; give each figure one line",
                    targets + ":9: overdueDuties: expected a number of 0 or more (e.g. overdueDuties 0), got \"10%\"");
        }
    }

    @Test
    @DisplayName("a line that is not a decision costs only itself: FILE:LINE on stderr, the rest is reported, exit 2")
    void badLines() throws IOException {
        List<String> lines = new ArrayList<>(lines(DecisionLogs.defect("G-1", "S", "F", "2026-03-01")));
        lines.add("not json at all");
        lines.add("{\"line\": 3, \"claimId\": \"X\", \"error\": \"qualityDefect: expected true or false, got \\\"yes\\\"\"}");
        lines.add("");
        lines.add("{\"claimId\": \"D-1\", \"outcome\": \"REFUND\", \"reasons\": []}");
        lines.add(DecisionLogs.withDecisionField(lines.get(0), "outcome", "\"MAYBE\""));
        lines.add("{\"claim\": {\"id\": \"E\"}, \"decision\": {\"line\": 3, \"error\": \"claimDate: missing\"}}");
        lines.add(lines.get(0).replace("G-1", "G-2"));
        Path log = log(lines);

        DecisionLogs.Run run = DecisionLogs.policy("report", "--json", log.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                log + ":2: not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                log + ":3: claim: missing (a decision-log line has the claim and its decision; see docs/report.md)",
                log + ":5: claim: missing (a decision-log line has the claim and its decision; see docs/report.md)",
                log + ":6: decision.outcome: unknown value \"MAYBE\"",
                log + ":7: decision: an error line, not a decision: claimDate: missing");
        JsonNode report = run.json();
        assertThat(report.get("whole").get("claims").asInt()).isEqualTo(2);
        assertThat(report.get("badLines").asInt()).isEqualTo(5);
        assertThat(DecisionLogs.policy("report", dir.resolve("missing.jsonl").toString()).errLines())
                .containsExactly(dir.resolve("missing.jsonl") + ": no such file");
    }

    @Test
    @DisplayName("an empty log gives an empty report, not an error, in text, JSON and HTML")
    void emptyLog() throws IOException {
        Path log = log(List.of());
        Path page = dir.resolve("empty.html");

        DecisionLogs.Run text = DecisionLogs.policy("report", "--html", page.toString(), log.toString());
        DecisionLogs.Run json = DecisionLogs.policy("report", "--json", "--by", "day", log.toString());

        assertThat(text.exit()).isZero();
        assertThat(text.out()).startsWith("Service report\nby month: the log holds no decisions\n").contains("Early warnings");
        assertThat(json.exit()).isZero();
        JsonNode report = json.json();
        assertThat(report.get("whole").get("claims").asInt()).isZero();
        assertThat(report.get("whole").get("requestsMet").isNull()).isTrue();
        assertThat(report.get("periods")).isEmpty();
        assertThat(report.get("earlyWarnings")).isEmpty();
        assertThat(Files.readString(page)).contains("<script>").doesNotContain("/*{{report}}*/");
    }

    @Test
    @DisplayName("in Chinese, the text report uses the report's Chinese words and dates")
    void chinese() throws IOException {
        Path log = log(lines(DecisionLogs.defect("A-1", "AC-1", "NO_COOLING", "2026-03-01"),
                DecisionLogs.defect("A-2", "AC-1", "NO_COOLING", "2026-03-02"),
                DecisionLogs.defect("A-3", "AC-1", "NO_COOLING", "2026-03-03")));

        DecisionLogs.Run run = DecisionLogs.policy("report", "--lang", "zh-CN", log.toString());

        assertThat(run.out()).startsWith("售后服务报告\n按月统计，3件申请（读取3条决定），2026年3月1日至2026年3月3日\n")
                .contains("AC-1 NO_COOLING：2026年3月1日至2026年3月3日共3件（A-1 ... A-3）");
        assertThat(DecisionLogs.policy("report", "--lang", "fr", log.toString()).errLines())
                .containsExactly("--lang: unsupported \"fr\"; supported: en, zh-CN");
    }
}
