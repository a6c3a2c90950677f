package io.policyengine.examples.cli;

import io.policyengine.examples.command.ExitCodes;
import io.policyengine.examples.pipeline.DueList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.model.Claim;
import io.policyengine.model.EventType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./policy due} (contract 12.4), and bad follow-up events at the command line (12.1, 12.2). */
class DueCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A repair claimed on 2026-05-07 (day 36, free repair, due 2026-05-14), with these events and fields. */
    private static String repair(String id, String events, String... more) {
        List<String> fields = new ArrayList<>(List.of("\"request\": \"REPAIR\""));
        if (!events.isEmpty()) fields.add("\"events\": [" + events + "]");
        fields.addAll(List.of(more));
        return Cli.claim(id, fields.toArray(String[]::new)).replace("\"2026-03-01\"", "\"2026-04-01\"").replace("\"2026-03-09\"", "\"2026-05-07\"");
    }

    private static String event(String type, String at) {
        return "{\"type\": \"" + type + "\", \"at\": \"" + at + "\"}";
    }

    private static List<JsonNode> json(List<String> lines) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : lines) nodes.add(JSON.readTree(line));
        return nodes;
    }

    @Test
    @DisplayName("every open duty of every claim, overdue first, then by due date, each with its citation and days late")
    void listsOpenDutiesOverdueFirst(@TempDir Path dir) throws Exception {
        Path claims = Cli.write(dir.resolve("claims.jsonl"), String.join("\n",
                // judged 2026-05-16: the warning (due 05-13) and the repair (due 05-14) are both late
                repair("LATE", "", "\"asOf\": \"2026-05-16\""),
                // back on 05-11, called on 05-11: the next call is due 05-14; judged on its own last event, 05-11: on time
                repair("CALLED", event("PICKUP_NOTIFIED", "2026-05-11") + ", " + event("REPAIRED", "2026-05-11")),
                // just decided: the repair is due 05-14, on time
                repair("NEW", "")) + "\n");

        Cli.Run run = Cli.run("due", "--json", claims.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        List<JsonNode> duties = json(run.outLines());
        assertThat(duties).extracting(d -> d.get("claimId").asText() + " " + d.get("action").asText() + " " + d.get("due").asText()
                        + " " + d.get("overdueDays").asInt())
                .containsExactly("LATE NOTIFY_DELAY 2026-05-13 3", "LATE REPAIR 2026-05-14 2",
                        "CALLED NOTIFY_PICKUP 2026-05-14 0", "NEW REPAIR 2026-05-14 0");
        JsonNode first = duties.get(0);
        assertThat(first.get("article").asText()).isEqualTo("26");
        assertThat(first.get("citation").asText()).isEqualTo("art. 26");
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(first.get("message").asText()).contains("2026-05-14");
        assertThat(duties.get(2).get("overdue").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("--as-of judges the claims that give no asOf; a claim's own asOf stands")
    void asOfOption(@TempDir Path dir) throws Exception {
        Path claims = Cli.write(dir.resolve("claims.jsonl"), repair("NEW", "") + "\n" + repair("OWN", "", "\"asOf\": \"2026-05-08\"") + "\n");

        Cli.Run run = Cli.run("due", "--json", "--as-of", "2026-05-20", claims.toString());

        assertThat(json(run.outLines())).extracting(d -> d.get("claimId").asText() + " " + d.get("action").asText() + " " + d.get("overdue").asBoolean())
                .containsExactly("NEW NOTIFY_DELAY true", "NEW REPAIR true", "OWN REPAIR false");
    }

    @Test
    @DisplayName("--as-of on a day that does not exist is one line, as a claim's date is: no Java exception text, no usage")
    void asOfThatIsNoDay(@TempDir Path dir) {
        Path claims = Cli.write(dir.resolve("claims.jsonl"), repair("NEW", "") + "\n");

        Cli.Run run = Cli.run("due", "--as-of", "2026-02-30", claims.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("--as-of: 2026-02-30 is not a date: February 2026 has 28 days");
        assertThat(Cli.run("due", "--as-of", "2026-9-1", claims.toString()).errLines())
                .containsExactly("--as-of: expected a date YYYY-MM-DD, got \"2026-9-1\"");
    }

    @Test
    @DisplayName("the table reads in Chinese, with each article cited the pack's way")
    void tableInChinese(@TempDir Path dir) {
        Path claims = Cli.write(dir.resolve("claims.jsonl"), repair("CALLED", event("REPAIRED", "2026-05-11") + ", "
                + event("PICKUP_NOTIFIED", "2026-05-11"), "\"asOf\": \"2026-05-20\"") + "\n");

        Cli.Run run = Cli.run("due", "--lang", "zh-CN", claims.toString());

        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).startsWith("单号").contains("逾期天数");
        assertThat(run.outLines().get(1)).startsWith("CALLED").contains("NOTIFY_PICKUP", "第二十七条", "2026-05-14", " 6  ", "已通知顾客取件1次");
    }

    @Test
    @DisplayName("a bad claim costs its own line, as decide reports it, and the others are still listed (exit 2)")
    void badClaimCostsOneLine(@TempDir Path dir) throws Exception {
        Path claims = Cli.write(dir.resolve("claims.jsonl"), repair("GOOD", "") + "\n"
                + repair("EARLY", event("REPAIRED", "2026-05-12")) + "\n");

        Cli.Run run = Cli.run("due", "--json", "--as-of", "2026-05-10", claims.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        List<JsonNode> lines = json(run.outLines());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(0).get("claimId").asText()).isEqualTo("EARLY");
        assertThat(lines.get(0).get("error").asText()).startsWith("asOf: 2026-05-10 is before events[0], REPAIRED on 2026-05-12");
        assertThat(lines.get(1).get("claimId").asText()).isEqualTo("GOOD");
        assertThat(run.errLines()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown event type  | {\"type\": \"COLLECTED\", \"at\": \"2026-05-08\"}                                                          | events[0].type",
            "an event before the claim | {\"type\": \"REPAIRED\", \"at\": \"2026-05-06\"}                                                       | events[0].at: REPAIRED on 2026-05-06 is before claimDate 2026-05-07",
            "asOf before an event   | {\"type\": \"REPAIRED\", \"at\": \"2026-05-12\"}], \"asOf\": \"2026-05-10\", \"x\": [0                          | asOf: 2026-05-10 is before events[0], REPAIRED on 2026-05-12",
            "PICKED_UP before REPAIRED | {\"type\": \"PICKED_UP\", \"at\": \"2026-05-10\"}, {\"type\": \"REPAIRED\", \"at\": \"2026-05-12\"}        | events[0]: PICKED_UP on 2026-05-10 is before REPAIRED on 2026-05-12",
            "a second REPAIRED      | {\"type\": \"REPAIRED\", \"at\": \"2026-05-10\"}, {\"type\": \"REPAIRED\", \"at\": \"2026-05-12\"}              | events[1]: a second REPAIRED"})
    @DisplayName("a contradictory or unknown event costs its claim alone, with one line naming the event")
    void badEventCostsOneClaim(String what, String events, String named, @TempDir Path dir) throws Exception {
        String bad = repair("BAD", events.strip()).replace(", \"x\": [0]", "");
        Path claims = Cli.write(dir.resolve("claims.jsonl"), repair("BEFORE", "") + "\n" + bad + "\n" + repair("AFTER", "") + "\n");

        Cli.Run run = Cli.run("decide", "--json", claims.toString());

        assertThat(run.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        List<JsonNode> lines = json(run.outLines());
        assertThat(lines).extracting(l -> l.has("error") ? "error" : l.get("claimId").asText()).containsExactly("BEFORE", "error", "AFTER");
        assertThat(lines.get(1).get("claimId").asText()).isEqualTo("BAD");
        assertThat(lines.get(1).get("error").asText()).contains(named.strip());
        assertThat(run.errLines()).singleElement().asString().startsWith(claims + ":2: ").contains(named.strip());
    }

    @Test
    @DisplayName("explain shows, for each duty, whether it is open and the events that opened and closed it")
    void explainShowsOpeningAndClosingEvents(@TempDir Path dir) {
        Path claim = Cli.write(dir.resolve("claim.json"), repair("DONE", event("REPAIRED", "2026-05-11") + ", "
                + event("PICKUP_NOTIFIED", "2026-05-11") + ", " + event("PICKED_UP", "2026-05-13")));

        Cli.Run run = Cli.run("explain", claim.toString());

        assertThat(run.out())
                .contains("duty (closed): finish the repair by 2026-05-14 [opened by the decision, closed by REPAIRED on 2026-05-11]")
                .contains("[opened by PICKUP_NOTIFIED on 2026-05-11, closed by PICKED_UP on 2026-05-13]")
                .contains("duty (CHECK_SATISFACTION open, due 2026-05-20): the goods were handed back on 2026-05-13")
                .contains("[opened by PICKED_UP on 2026-05-13]");
    }

    @Test
    @DisplayName("an example may expect the actions, exactly: a missing or late one is a failure with both lists side by side")
    void examplesExpectActions(@TempDir Path dir) {
        String claim = repair("EXPECTED", "", "\"asOf\": \"2026-05-16\"");
        Path examples = Cli.write(dir.resolve("examples.jsonl"), String.join("\n",
                "{\"claim\": " + claim + ", \"expect\": {\"actions\": [{\"action\": \"NOTIFY_DELAY\", \"article\": \"26\", "
                        + "\"due\": \"2026-05-13\", \"overdue\": true}, {\"action\": \"REPAIR\", \"article\": \"16\", \"due\": \"2026-05-14\", \"overdue\": true}]}}",
                "{\"claim\": " + claim.replace("EXPECTED", "WRONG") + ", \"expect\": {\"actions\": [{\"action\": \"REPAIR\", \"article\": \"16\", "
                        + "\"due\": \"2026-05-14\", \"overdue\": false}]}}",
                "{\"claim\": " + claim.replace("EXPECTED", "TYPO") + ", \"expect\": {\"actions\": [{\"action\": \"REPAIR\", \"due\": \"2026-05-14\", \"overdue\": false}]}}") + "\n");

        Cli.Run run = Cli.run("test", examples.toString());

        assertThat(run.out()).doesNotContain("FAIL EXPECTED").contains("FAIL WRONG")
                .contains("[REPAIR (art. 16) due 2026-05-14]")
                .contains("[NOTIFY_DELAY (art. 26) due 2026-05-13 overdue, REPAIR (art. 16) due 2026-05-14 overdue]")
                .contains("expect.actions[0].article: missing")
                .contains("1 passed, 2 failed");
    }

    @Test
    @DisplayName("duties spilled to sorted runs on disk merge into the order one sort in memory gives")
    void spilledRunsMergeInOrder() {
        PolicyEngine engine = PolicyEngine.storeStandard();
        List<Claim> claims = new ArrayList<>();
        LocalDate claimDate = LocalDate.of(2026, 5, 7);
        for (int i = 0; i < 40; i++) {
            Claim.Builder claim = Claim.builder("C-" + i, "SKU").purchaseDate(LocalDate.of(2026, 4, 1)).claimDate(claimDate)
                    .qualityDefect(true).request(io.policyengine.model.Request.REPAIR).asOf(claimDate.plusDays(5 + i % 13));
            if (i % 3 == 0) claim.event(EventType.OUT_OF_STOCK, claimDate.plusDays(i % 5));
            claims.add(claim.build());
        }
        var wording = engine.wording(Locale.ENGLISH);
        List<String> inMemory = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        try (DueList small = new DueList(wording, true, 7); DueList whole = new DueList(wording, true)) {
            for (Claim claim : claims) {
                small.add(claim, engine.decide(claim));
                whole.add(claim, engine.decide(claim));
            }
            small.write(merged::add);
            whole.write(inMemory::add);
            assertThat(small.spilledRuns()).isGreaterThan(3);
        }
        assertThat(merged).hasSizeGreaterThan(40).isEqualTo(inMemory);
        assertThat(inMemory.get(0)).contains("\"overdue\":true");
        assertThat(inMemory.get(inMemory.size() - 1)).contains("\"overdue\":false");
    }

    @Test
    @DisplayName("a claim id longer than its column stands whole on a line of its own above its row, as in decide's table, spilled or not")
    void longClaimIdsAreNotCut() {
        PolicyEngine engine = PolicyEngine.storeStandard();
        String longId = "RMA-2026-05-07-SHANGHAI-XUHUI-000000123456";  // 42 columns; the claim column holds 30
        Claim claim = Claim.builder(longId, "SKU").purchaseDate(LocalDate.of(2026, 4, 1)).claimDate(LocalDate.of(2026, 5, 7))
                .qualityDefect(true).request(io.policyengine.model.Request.REPAIR).asOf(LocalDate.of(2026, 5, 16)).build();
        Claim shortId = claim.toBuilder().id("SHORT").build();
        var wording = engine.wording(Locale.ENGLISH);
        for (int runSize : new int[] {1, DueList.RUN}) {
            List<String> lines = new ArrayList<>();
            try (DueList list = new DueList(wording, false, runSize)) {
                list.add(claim, engine.decide(claim));
                list.add(shortId, engine.decide(shortId));
                list.write(lines::add);
            }
            // NOTIFY_DELAY then REPAIR for each claim, overdue both: the long id on its own line above each of its rows
            assertThat(lines).as("run size " + runSize).hasSize(6).noneMatch(line -> line.contains("…") || line.contains("\u001e"));
            assertThat(lines.get(0)).isEqualTo(longId);
            assertThat(lines.get(1)).startsWith(" ".repeat(30) + " NOTIFY_DELAY");
            assertThat(lines.get(2)).startsWith("SHORT ").contains("NOTIFY_DELAY");
            assertThat(lines.get(3)).isEqualTo(longId);
            assertThat(lines.get(4)).startsWith(" ".repeat(30) + " REPAIR");
            assertThat(lines.get(5)).startsWith("SHORT ").contains("REPAIR");
        }
    }

    /** factory-warranty's bundled pack, whose calendar covers 2026 only (contract 12.5, 17). */
    private static final String FACTORY_WARRANTY = Path.of("..", "policy-rules", "src", "main", "resources", "packs", "factory-warranty").toString();

    /**
     * A free repair under P2 claimed on {@code claimDate}: claimed Tuesday 2026-12-22 it is due on Thursday 2026-12-31,
     * the calendar's last day; claimed Wednesday 2026-12-23, on Friday 2027-01-01, counted as a weekday past the calendar.
     */
    private static String factoryRepair(String id, String claimDate) {
        return "{\"id\": \"" + id + "\", \"product\": {\"sku\": \"WM-8KG\", \"category\": \"ELECTRONICS\"}, \"purchaseDate\": \"2026-06-01\", "
                + "\"claimDate\": \"" + claimDate + "\", \"qualityDefect\": true, \"request\": \"REPAIR\"}";
    }

    @Test
    @DisplayName("due: a due date past the pack's calendar is listed with \"estimated\": true and says so; one on its last day does not")
    void dueSaysWhichDatesAreEstimates(@TempDir Path dir) throws Exception {
        Path claims = Cli.write(dir.resolve("claims.jsonl"),
                factoryRepair("LAST-DAY", "2026-12-22") + "\n" + factoryRepair("BEYOND", "2026-12-23") + "\n");

        Cli.Run run = Cli.run("due", "--json", "--rules", FACTORY_WARRANTY, claims.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.outLines()).hasSize(2);
        JsonNode lastDay = JSON.readTree(run.outLines().get(0));
        JsonNode beyond = JSON.readTree(run.outLines().get(1));
        assertThat(lastDay.get("due").asText()).isEqualTo("2026-12-31");
        assertThat(lastDay.has("estimated")).isFalse();
        assertThat(lastDay.get("message").asText()).doesNotContain("estimated");
        assertThat(beyond.get("due").asText()).isEqualTo("2027-01-01");
        assertThat(beyond.get("estimated").asBoolean()).isTrue();
        assertThat(beyond.get("message").asText()).endsWith("(estimated: the calendar ends on 2026-12-31)");

        Cli.Run table = Cli.run("due", "--lang", "zh-CN", "--rules", FACTORY_WARRANTY, claims.toString());
        assertThat(table.outLines().get(2)).startsWith("BEYOND").endsWith("（估算：工作日历截至2026年12月31日）");
    }

    @Test
    @DisplayName("explain: the open repair says its due date is an estimate, and so does the summary, in both languages")
    void explainSaysWhichDatesAreEstimates(@TempDir Path dir) {
        Path claims = Cli.write(dir.resolve("claims.jsonl"),
                factoryRepair("LAST-DAY", "2026-12-22") + "\n" + factoryRepair("BEYOND", "2026-12-23") + "\n");

        Cli.Run english = Cli.run("explain", "--rules", FACTORY_WARRANTY, claims.toString());
        Cli.Run chinese = Cli.run("explain", "--lang", "zh-CN", "--rules", FACTORY_WARRANTY, claims.toString());

        String[] en = english.out().split("\n\n");
        assertThat(en[0]).contains("duty (REPAIR open, due 2026-12-31): ").doesNotContain("estimated");
        assertThat(en[1]).contains("duty (REPAIR open, due 2027-01-01, estimated: the calendar ends on 2026-12-31): ")
                .contains("The due date 2027-01-01 is estimated: the calendar ends on 2026-12-31.");
        String[] zh = chinese.out().split("\n\n");
        assertThat(zh[0]).doesNotContain("估算");
        assertThat(zh[1]).contains("期限2027年1月1日，估算：工作日历截至2026年12月31日）")
                .contains("期限2027年1月1日为估算：工作日历截至2026年12月31日。");
    }
}
