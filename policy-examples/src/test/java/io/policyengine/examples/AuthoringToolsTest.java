package io.policyengine.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.check.ClaimSpace;
import io.policyengine.examples.CliTest.Run;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.policyengine.examples.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** The policy author's tools of contract section 10: {@code test --coverage}, {@code diff}, {@code audit} on the same comparison, duplicate versions. */
class AuthoringToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STORE_STANDARD = ExampleClaimsTest.STORE_STANDARD_RULES;
    private static final Path STORE_EXAMPLES = ExampleClaimsTest.CLAIMS.resolve("store-standard");

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- test --coverage

    /** A pack of three rules; the third asks for a claim dated before its purchase, which is bad input, so it can never fire. */
    private static final String TINY_PACK = """
            package packs.tiny;

            import io.policyengine.model.*;
            import io.policyengine.facts.*;
            import function io.policyengine.facts.Params.params;

            declare Pack
                name    : String = "tiny"
                version : String = "1"
            end

            declare Terms
                refundDays : int = 10
            end

            rule "defect refund"
                @article("1")
            when
                Terms( $days : refundDays )
                $claim : Claim( qualityDefect, daysSincePurchase <= $days )
            then
                Grant.insert( kcontext, $claim, params(), Remedy.REFUND );
            end

            rule "no defect refund"
                @article("2")
            when
                $claim : Claim( qualityDefect == false )
            then
                Grant.insert( kcontext, $claim, params(), Remedy.REFUND );
            end

            rule "claim dated before its purchase"
                @article("3")
            when
                $claim : Claim( daysSincePurchase < 0 )
            then
                Grant.insert( kcontext, $claim, params(), Remedy.EXCHANGE );
            end
            """;

    private static final String TINY_SENTENCES = """
            [reasons]
            defect refund = defect within the refund window
            no defect refund = no defect
            claim dated before its purchase = never
            """;

    private Path tinyPack() {
        write("tiny/sentences.en.txt", TINY_SENTENCES);
        return write("tiny/rules.drl", TINY_PACK).getParent();
    }

    /** Three defect claims and one without a defect, all refunded. */
    private Path tinyExamples() {
        String refunded = "{\"outcome\": \"REFUND\"}";
        return write("tiny-examples/examples.jsonl", String.join("\n",
                CliTest.example(CliTest.claim("D1"), refunded),
                CliTest.example(CliTest.claim("D2", "\"claimDate\": \"2026-03-02\""), refunded),
                CliTest.example(CliTest.claim("D3", "\"claimDate\": \"2026-03-11\""), refunded),
                CliTest.example(CliTest.claim("N1", "\"qualityDefect\": false"), refunded)) + "\n");
    }

    private static int lineOf(Path file, String text) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
            throw new AssertionError(file + " has no line with " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    @DisplayName("test --coverage")
    class Coverage {

        @Test
        @DisplayName("counts the examples that fired each rule and names the unreachable one with FILE:LINE")
        void countsAndUnfiredRule() {
            Path pack = tinyPack();
            Path rules = pack.resolve("rules.drl");

            Run run = run("test", "--coverage", "--rules", pack.toString(), tinyExamples().toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).containsExactly(
                    "4 passed, 0 failed",
                    rules + ":" + lineOf(rules, "rule \"defect refund\"") + ": rule \"defect refund\" (art. 1) fired by 3 examples",
                    rules + ":" + lineOf(rules, "rule \"no defect refund\"") + ": rule \"no defect refund\" (art. 2) fired by 1 example",
                    rules + ":" + lineOf(rules, "rule \"claim dated before") + ": rule \"claim dated before its purchase\" (art. 3) fired by no example",
                    "rules covered: 2/3");
        }

        @Test
        @DisplayName("--min-coverage: exit 1 below the percentage, 0 at or above it")
        void minimum() {
            Path pack = tinyPack();
            Path examples = tinyExamples();

            run("test", "--min-coverage", "66", "--rules", pack.toString(), examples.toString()).assertExit(0);
            Run below = run("test", "--min-coverage", "67", "--rules", pack.toString(), examples.toString());
            below.assertExit(1);
            assertThat(below.out()).contains("rules covered: 2/3");
        }

        @Test
        @DisplayName("--min-coverage outside 0-100: one line, exit 2")
        void outOfRange() {
            for (String percent : List.of("101", "-1")) {
                Run run = run("test", "--min-coverage", percent, STORE_EXAMPLES.toString());
                run.assertExit(2);
                assertThat(run.errLines()).containsExactly("--min-coverage: expected a percentage from 0 to 100, got " + Double.parseDouble(percent));
            }
        }

        @Test
        @DisplayName("the bundled store-standard examples fire every rule of the pack")
        void bundledStoreStandardIsFullyCovered() throws IOException {
            Run run = run("test", "--coverage", "--min-coverage", "100", "--rules", STORE_STANDARD.toString(), STORE_EXAMPLES.toString());
            Run own = run("test", "--coverage", "own", "--min-coverage", "100", "--rules", STORE_STANDARD.toString(), STORE_EXAMPLES.toString());

            run.assertExit(0);
            own.assertExit(0);
            // store-standard extends follow-up-duties (contract 14.1): the composed pack has the rules of both folders
            int ownRules = rulesIn(STORE_STANDARD);
            int rules = ownRules + rulesIn(STORE_STANDARD.resolveSibling("follow-up-duties"));
            assertThat(run.outLines()).contains("rules covered: " + rules + "/" + rules);
            assertThat(own.outLines()).contains("rules covered: " + ownRules + "/" + ownRules);
        }

        private static int rulesIn(Path folder) throws IOException {
            int rules = 0;
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                    rules += (int) Files.readAllLines(file).stream().filter(l -> l.matches("^\\s*rule\\s+\".*")).count();
                }
            }
            return rules;
        }
    }

    // ---------------------------------------------------------------- diff

    private Path storeStandardCopy(String name) {
        return StoreStandardCopy.in(dir.resolve(name));
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertThat(text).contains(from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store-standard pack with a 14-day defect refund window instead of 15. */
    private Path refundWindowOf14Days() {
        Path edited = storeStandardCopy("fourteen");
        edit(edited.resolve("pack.drl"), "defectRefundDays   : int = 15", "defectRefundDays   : int = 14");
        return edited;
    }

    /**
     * Read from the example files' data, not from the engine: the claims a 14-day window decides
     * differently are those with a defect on day 15 that could be refunded at all (contract section 3:
     * nothing of articles 13-15 takes the refund away). Of those, the outcome moves from REFUND to
     * EXCHANGE where the customer asked for a refund or for nothing in particular.
     */
    private record Day15(Set<String> changed, Set<String> outcomeToExchange, int claims) {
        static Day15 count(Path folder) throws IOException {
            Set<String> changed = new TreeSet<>();
            Set<String> toExchange = new TreeSet<>();
            int claims = 0;
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder)) {
                files = walk.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
            }
            for (Path file : files) {
                for (String line : Files.readAllLines(file)) {
                    if (line.isBlank()) continue;
                    claims++;
                    JsonNode claim = JSON.readTree(line).get("claim");
                    long day = ChronoUnit.DAYS.between(LocalDate.parse(claim.get("purchaseDate").asText()),
                            LocalDate.parse(claim.get("claimDate").asText()));
                    JsonNode condition = claim.path("condition");
                    boolean refundable = condition.path("packaging").asText("INTACT").equals("INTACT")
                            && condition.path("accessoriesComplete").asBoolean(true)
                            && condition.path("warrantyCard").asBoolean(true)
                            && !condition.path("customerDamage").asBoolean(false)
                            && claim.path("product").path("saleType").asText("REGULAR").equals("REGULAR");
                    if (claim.get("qualityDefect").asBoolean() && day == 15 && refundable) {
                        String id = claim.get("id").asText();
                        changed.add(id);
                        String request = claim.path("request").asText("");
                        if (request.isEmpty() || request.equals("REFUND")) toExchange.add(id);
                    }
                }
            }
            return new Day15(changed, toExchange, claims);
        }
    }

    @Nested
    @DisplayName("diff")
    class Diff {

        @Test
        @DisplayName("15 -> 14 days of defect refund: exactly the refundable day-15 defect claims of the examples change")
        void fifteenToFourteen() throws IOException {
            Day15 expected = Day15.count(STORE_EXAMPLES);
            assertThat(expected.changed()).as("day-15 defect claims in the bundled examples").isNotEmpty();
            Path edited = refundWindowOf14Days();

            Run json = run("diff", "--json", STORE_STANDARD.toString(), edited.toString(), STORE_EXAMPLES.toString());
            Run text = run("diff", STORE_STANDARD.toString(), edited.toString(), STORE_EXAMPLES.toString());

            json.assertExit(0).assertNoStderr();
            Set<String> changed = new TreeSet<>();
            Set<String> toExchange = new TreeSet<>();
            for (String line : json.outLines()) {
                JsonNode change = JSON.readTree(line);
                changed.add(change.get("claimId").asText());
                assertThat(change.get("old").get("remedies").toString()).contains("REFUND");
                assertThat(change.get("new").get("remedies").toString()).doesNotContain("REFUND");
                if (change.get("old").get("outcome").asText().equals("REFUND")) {
                    assertThat(change.get("new").get("outcome").asText()).isEqualTo("EXCHANGE");
                    toExchange.add(change.get("claimId").asText());
                }
            }
            assertThat(changed).isEqualTo(expected.changed());
            assertThat(toExchange).isEqualTo(expected.outcomeToExchange());

            text.assertExit(0).assertNoStderr();
            int n = expected.changed().size();
            assertThat(text.out()).contains(String.format("%,d claims compared, %d decided differently", expected.claims(), n));
            assertThat(text.outLines()).anyMatch(l -> l.matches("\\s+REFUND -> EXCHANGE\\s+" + expected.outcomeToExchange().size() + " claims?\\s+e\\.g\\. .*"));
            assertThat(text.outLines()).anyMatch(l -> l.matches("\\s+- store-standard \"defect refund window\" \\(art\\. 7\\)\\s+" + n + " claims?\\s+e\\.g\\. .*"));
            assertThat(text.outLines()).anyMatch(l -> l.matches("\\s+\\+ store-standard \"defect exchange window\" \\(art\\. 8\\)\\s+" + n + " claims?\\s+e\\.g\\. .*"));
        }

        @Test
        @DisplayName("--fail-on-change: exit 1 when a decision changed, 0 when none did")
        void failOnChange() {
            Path edited = refundWindowOf14Days();
            Path same = storeStandardCopy("same");
            Path claims = write("day3.jsonl", CliTest.claim("DAY3-DEFECT", "\"claimDate\": \"2026-03-04\"") + "\n");

            run("diff", "--fail-on-change", STORE_STANDARD.toString(), edited.toString(), STORE_EXAMPLES.toString()).assertExit(1);
            Run unchanged = run("diff", "--fail-on-change", STORE_STANDARD.toString(), same.toString(), claims.toString());
            unchanged.assertExit(0);
            assertThat(unchanged.out()).contains("1 claim compared, 0 decided differently");
        }

        @Test
        @DisplayName("with a floor on the new side: the law's changes, by outcome and by floor rule")
        void withFloor() {
            Path claims = write("floor.jsonl", String.join("\n",
                    // day 100, after the store's 3 months: the store repairs for money, the 12-month three guarantees free
                    claimOf("TV", "TV-DAY100", "\"claimDate\": \"2026-06-09\"", "\"request\": \"REPAIR\""),
                    // bought in the store without a defect on day 3: the law adds nothing
                    claimOf("FURNITURE", "STORE-DAY3", "\"claimDate\": \"2026-03-04\"", "\"qualityDefect\": false", "\"request\": \"REFUND\""),
                    // online, opened box, day 5: store art. 13 refuses, CRPL art. 25 refunds
                    claimOf("FURNITURE", "ONLINE-OPENED-DAY5", "\"claimDate\": \"2026-03-06\"", "\"qualityDefect\": false", "\"request\": \"REFUND\"",
                            "\"channel\": \"ONLINE\"", "\"condition\": {\"packaging\": \"DAMAGED\"}")) + "\n");

            Run run = run("diff", "--new-floor", "cn-consumer-law", STORE_STANDARD.toString(), STORE_STANDARD.toString(), claims.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.out()).contains("3 claims compared, 2 decided differently");
            assertThat(run.outLines()).anyMatch(l -> l.matches("\\s+PAID_REPAIR -> FREE_REPAIR\\s+1 claim\\s+e\\.g\\. TV-DAY100"));
            assertThat(run.outLines()).anyMatch(l -> l.matches("\\s+REJECTED -> REFUND\\s+1 claim\\s+e\\.g\\. ONLINE-OPENED-DAY5"));
            assertThat(run.outLines()).anyMatch(l -> l.matches("\\s+\\+ cn-consumer-law \"three guarantees, warranty\" \\(art\\. 三包 8\\)\\s+1 claim\\s+e\\.g\\. TV-DAY100"));
            assertThat(run.outLines()).anyMatch(l -> l.matches("\\s+\\+ cn-consumer-law \"online no-reason return\" \\(art\\. CRPL 25\\)\\s+1 claim\\s+e\\.g\\. ONLINE-OPENED-DAY5"));
        }

        @Test
        @DisplayName("--floor on both sides: only the store edit shows")
        void floorOnBothSides() throws IOException {
            Path edited = refundWindowOf14Days();
            Path claims = write("mixed.jsonl", String.join("\n",
                    // furniture is not in the three-guarantee table: the floor adds nothing, the store edit takes the refund
                    claimOf("FURNITURE", "FURNITURE-DAY15", "\"claimDate\": \"2026-03-16\"", "\"request\": \"REFUND\""),
                    // a TV delivered on day 10: for the floor, day 15 after purchase is day 5 after delivery, within its 7-day refund
                    claimOf("TV", "TV-DAY15-DELIVERED-DAY10", "\"claimDate\": \"2026-03-16\"", "\"request\": \"REFUND\"", "\"deliveryDate\": \"2026-03-11\"")) + "\n");

            Run run = run("diff", "--json", "--floor", "cn-consumer-law", STORE_STANDARD.toString(), edited.toString(), claims.toString());

            run.assertExit(0).assertNoStderr();
            assertThat(run.outLines()).hasSize(1);
            JsonNode change = JSON.readTree(run.outLines().get(0));
            assertThat(change.get("claimId").asText()).isEqualTo("FURNITURE-DAY15");
            assertThat(change.get("old").get("outcome").asText()).isEqualTo("REFUND");
            assertThat(change.get("new").get("outcome").asText()).isEqualTo("EXCHANGE");
            assertThat(change.get("new").get("policy").get("floors").get(0).get("name").asText()).isEqualTo("cn-consumer-law");
        }

        @Test
        @DisplayName("bad claim lines are reported by line, the others compared; exit 2")
        void badLines() {
            Path edited = refundWindowOf14Days();
            Path claims = write("some-bad.jsonl", String.join("\n",
                    CliTest.claim("GOOD-DAY15", "\"claimDate\": \"2026-03-16\"", "\"request\": \"REFUND\""),
                    CliTest.claim("BAD", "\"qualityDefect\": \"yes\""),
                    "not json") + "\n");

            Run run = run("diff", STORE_STANDARD.toString(), edited.toString(), claims.toString());

            run.assertExit(2);
            assertThat(run.errLines()).hasSize(2);
            assertThat(run.errLines().get(0)).startsWith(claims + ":2: qualityDefect");
            assertThat(run.errLines().get(1)).startsWith(claims + ":3: ");
            assertThat(run.out()).contains("1 claim compared, 1 decided differently");
        }

        @Test
        @DisplayName("a missing folder, the same folder twice, an unsupported language: one line, exit 2")
        void usageErrors() {
            Path claims = write("one.jsonl", CliTest.claim("ONE") + "\n");
            String missing = dir.resolve("no-such-rules").toString();

            Run noFolder = run("diff", STORE_STANDARD.toString(), missing, claims.toString());
            Run sameTwice = run("diff", STORE_STANDARD.toString(), STORE_STANDARD.toString(), claims.toString());
            Run french = run("diff", "--lang", "fr", STORE_STANDARD.toString(), refundWindowOf14Days().toString(), claims.toString());

            noFolder.assertExit(2);
            assertThat(noFolder.errLines()).containsExactly("NEW_DIR: no such folder: " + missing);
            sameTwice.assertExit(2);
            assertThat(sameTwice.errLines()).hasSize(1);
            assertThat(sameTwice.err()).contains("the same folder");
            french.assertExit(2);
            assertThat(french.errLines()).containsExactly("--lang: unsupported \"fr\"; supported: en, zh-CN");
        }
    }

    // ---------------------------------------------------------------- audit

    @Test
    @DisplayName("audit --floor eu-consumer-law names the store articles that fall below EU law, and the EU rule that lifts each")
    void auditNamesWhereTheStoreFallsBelowEuLaw() {
        Run run = run("audit", "--floor", "eu-consumer-law", "--category", "TV");

        run.assertExit(0).assertNoStderr();
        assertThat(run.outLines().get(0)).isEqualTo("policy audit: store-standard 1 under eu-consumer-law 1, 79,632 generated claims");
        // packaging (13), usage traces (11), special price (15): no refund in the store; a withdrawal under the CRD
        for (String article : List.of("6", "11", "13", "15")) {
            assertThat(run.outLines()).as("store art. %s", article)
                    .anyMatch(l -> l.matches("store art\\. " + article + " +withdrawal from a distance sale \\(CRD 9\\) .*-> REFUND"));
        }
        // the store's no-reason return ends on day 7 of the purchase; not told of the right, the customer has a year more
        assertThat(run.outLines()).anyMatch(l -> l.matches("store art\\. 6 +withdrawal period extended when the customer was not told of it \\(CRD 10\\) .*REJECTED -> REFUND"));
        // the store's paid repair after 3 months (10) against the 2-year legal guarantee
        assertThat(run.outLines()).anyMatch(l -> l.matches("store: not granted +legal guarantee: repair or replacement \\(SGD 10\\) .*PAID_REPAIR -> (EXCHANGE|FREE_REPAIR)"));
        // termination after a failed repair: the store offers no refund after day 15
        assertThat(run.outLines()).anyMatch(l -> l.matches(".*termination when the defect comes back after a repair \\(SGD 13\\(4\\)\\(b\\)\\) .*-> REFUND"));
        assertThat(run.outLines()).anyMatch(l -> l.matches(".*termination when the repair takes longer than a reasonable time \\(SGD 13\\(4\\)\\(a\\)\\) .*-> REFUND"));
    }

    @ParameterizedTest(name = "--floor {0} --category {1}")
    @CsvSource({"cn-consumer-law, TV", "eu-consumer-law, HYGIENE"})
    @DisplayName("audit gives the same groups as comparing the store pack alone with the stack claim by claim")
    void auditGroups(String floor, String category) throws Exception {
        PolicyEngine store = PolicyEngine.storeStandard();
        PolicyEngine stack = store.withFloor(PolicyEngine.bundled(floor));
        List<Map<String, Object>> terms = new ArrayList<>(List.of(store.terms()));
        terms.addAll(stack.floorTerms());
        List<Claim> claims = ClaimSpace.boundaries(terms, List.of(category));
        Map<String, Integer> expected = new TreeMap<>();
        Map<String, String> expectedExample = new HashMap<>();
        List<Decision> alone = store.decideAll(claims);
        for (int i = 0; i < claims.size(); i++) {
            Decision before = alone.get(i);
            Decision after = stack.decide(claims.get(i));
            if (before.outcome() == after.outcome() && before.remedies().equals(after.remedies())
                    && Objects.equals(refund(before), refund(after))) continue;
            for (String group : groups(before, after)) {
                expectedExample.putIfAbsent(group, claims.get(i).id());
                expected.merge(group, 1, Integer::sum);
            }
        }

        Run run = run("audit", "--json", "--floor", floor, "--category", category, "--claims", String.valueOf(claims.size()));

        run.assertExit(0).assertNoStderr();
        Map<String, Integer> actual = new TreeMap<>();
        for (String line : run.outLines()) {
            JsonNode group = JSON.readTree(line);
            String key = group.get("storeArticle").asText() + " | " + group.get("floorRule").asText() + " | " + group.get("change").asText();
            actual.put(key, group.get("claims").asInt());
            assertThat(group.get("example").get("id").asText()).as(key).isEqualTo(expectedExample.get(key));
        }
        assertThat(actual).isNotEmpty().isEqualTo(expected);
    }

    /** Audit's grouping as section 6.5 states it: for each remedy only the law allows, the store article that kept it back and the floor rule that grants it. */
    /** The refund as a value (contract 11.2): a changed amount is a changed decision. */
    private static String refund(Decision decision) {
        return decision.money().refund() == null ? null : decision.money().refund().stripTrailingZeros().toPlainString();
    }

    private static List<String> groups(Decision before, Decision after) {
        String change = before.outcome() != after.outcome() ? before.outcome() + " -> " + after.outcome()
                : before.remedies() + " -> " + after.remedies();
        String storePack = after.policy().name();
        List<String> groups = new ArrayList<>();
        for (Remedy remedy : after.remedies()) {
            if (before.remedies().contains(remedy)) continue;
            String storeArticle = "store: not granted";
            for (Reason reason : after.reasons()) {
                if (storePack.equals(reason.policy()) && reason.effect() == Effect.EXCLUDE && reason.remedy() == remedy) {
                    storeArticle = "store art. " + reason.article();
                    break;
                }
            }
            for (Reason grant : after.reasons()) {
                if (grant.effect() == Effect.GRANT && grant.remedy() == remedy && !storePack.equals(grant.policy())) {
                    String group = storeArticle + " | " + grant.rule() + " (" + grant.article() + ") | " + change;
                    if (!groups.contains(group)) groups.add(group);
                }
            }
        }
        if (groups.isEmpty()) groups.add("store | floor | " + change);
        return groups;
    }

    // ---------------------------------------------------------------- duplicate version labels

    @Test
    @DisplayName("two versions with the same version label: validate exit 1, decide exit 2, both files named")
    void duplicateVersionLabels() {
        Path rules = dir.resolve("versioned");
        Path v1 = storeStandardCopy("versioned/v1");
        Path v2 = storeStandardCopy("versioned/v2");
        edit(v2.resolve("pack.drl"), "effectiveFrom : String = \"2026-01-01\"", "effectiveFrom : String = \"2026-06-01\"");
        Path claims = write("one.jsonl", CliTest.claim("ONE") + "\n");

        Run validate = run("validate", rules.toString());
        Run decide = run("decide", "--rules", rules.toString(), claims.toString());

        validate.assertExit(1);
        assertThat(validate.out() + validate.err()).contains(v2.resolve("pack.drl") + ":", "version \"1\" is also declared by " + v1.resolve("pack.drl") + ":");
        decide.assertExit(2);
        assertThat(decide.err()).contains(v2.resolve("pack.drl").toString(), v1.resolve("pack.drl").toString());
    }

    /** {@link CliTest#claim} of another product category. */
    private static String claimOf(String category, String id, String... fields) {
        return CliTest.claim(id, fields).replace("\"category\": \"ELECTRONICS\"", "\"category\": \"" + category + "\"");
    }

    private Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
