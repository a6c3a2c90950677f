package io.policyengine.examples.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.policyengine.examples.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 14.1 on the command line: the example chain's outlet, five lines over store-standard, is taken by
 * validate, test, explain and diff as any pack, and each says where the outlet's rules and terms come from.
 */
class ChildPackCliTest {
    static final Path OUTLET = Path.of("chain", "packs", "outlet");
    static final Path OUTLET_EXAMPLES = Path.of("chain", "outlet-claims");
    static final String NO_REASON_DAY_4 = "{\"id\":\"DAY-4\",\"product\":{\"sku\":\"TV-1\",\"category\":\"TV\",\"price\":100.00},"
            + "\"purchaseDate\":\"2026-03-01\",\"claimDate\":\"2026-03-05\",\"qualityDefect\":false,\"request\":\"REFUND\"}";
    static final String DEFECT_DAY_40_REPAIR = NO_REASON_DAY_4.replace("DAY-4", "DAY-40").replace("2026-03-05", "2026-04-10")
            .replace("\"qualityDefect\":false,\"request\":\"REFUND\"", "\"qualityDefect\":true,\"request\":\"REPAIR\"");

    @Test
    void validateListsEachTermAndRuleWithThePackAndLineItComesFrom() {
        Cli.Run run = run("validate", OUTLET.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.outLines()).first().isEqualTo("outlet 1 extends store-standard 1, which extends follow-up-duties 1");
        assertThat(run.outLines()).contains("  term noReasonReturnDays = 3: outlet, " + OUTLET.resolve("pack.drl") + ":14");
        assertThat(run.outLines()).anyMatch(line -> line.startsWith("  term defectRefundDays = 15: store-standard, ")
                && line.matches(".*store-standard[/\\\\]pack\\.drl:\\d+"));
        assertThat(run.outLines()).anyMatch(line -> line.startsWith("  rule \"no-reason return window\" (art. 6): store-standard, ")
                && line.matches(".*no-reason-return\\.drl:\\d+"));
        assertThat(run.outLines()).last().isEqualTo(OUTLET + ": valid");
    }

    @Test
    void validateOfAPackWithoutParentsListsNoSources() {
        Cli.Run run = run("validate", Cli.STORE_STANDARD.resolveSibling("cn-consumer-law").toString());

        assertThat(run.out()).doesNotContain(" extends ").doesNotContain("  term ");
    }

    @Test
    void coverageOwnCountsOnlyTheRulesOfTheChildsOwnFiles() {
        Cli.Run own = run("test", "--rules", OUTLET.toString(), "--coverage", "own", OUTLET_EXAMPLES.toString());
        Cli.Run all = run("test", "--rules", OUTLET.toString(), "--coverage", OUTLET_EXAMPLES.toString());

        assertThat(own.exit()).isZero();
        assertThat(own.out()).contains("3 passed, 0 failed").contains("rules covered: 0/0");
        assertThat(all.out()).contains("3 passed, 0 failed").containsPattern("rules covered: \\d+/5\\d");
        assertThat(all.exit()).isZero();
    }

    @Test
    void explainShowsUnderEachInheritedRuleThePackAndFileItComesFromAndBesideEachInheritedTermItsPack() {
        Cli.Run run = Cli.runWithStdin(NO_REASON_DAY_4.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "explain", "--rules", OUTLET.toString(), "-");

        assertThat(run.exit()).isZero();
        // the outlet's own term and rules need no source; what store-standard gave names it
        assertThat(run.out()).contains("[terms: noReasonReturnDays=3]").contains("storeSaleRefundDueDays=0 (store-standard)");
        assertThat(run.outLines()).anyMatch(line -> line.matches("\\s+from store-standard, .*no-reason-return\\.drl:\\d+"));
    }

    @Test
    void explainNamesNoSourceForAPacksOwnRulesAndTerms() {
        Cli.Run run = Cli.runWithStdin((NO_REASON_DAY_4 + "\n" + DEFECT_DAY_40_REPAIR).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "explain", "-");

        assertThat(run.out()).contains("noReasonReturnDays=7").contains("repairDueDays=7 (follow-up-duties)").doesNotContain("(store-standard)").doesNotContain(" from store-standard, ");
        assertThat(run.outLines()).anyMatch(line -> line.matches("\\s+from follow-up-duties, .*follow-up-duties[/\\\\][a-z-]+\\.drl:\\d+"));
    }

    @Test
    void diffComparesRulesByNameWhateverThePacksAreCalled() {
        Cli.Run run = run("diff", Cli.STORE_STANDARD.toString(), OUTLET.toString(), Path.of("claims", "store-standard").toString());

        assertThat(run.exit()).isZero();
        // only the no-reason claims of days 4 to 7 change: the rules that fired for them differ, no other rule is named
        assertThat(run.outLines()).anyMatch(line -> line.matches("\\s+- outlet \"no-reason return window\" \\(art\\. 6\\)\\s+\\d+ claims?.*"));
        assertThat(run.outLines()).filteredOn(line -> line.matches("\\s+[-+] .*")).allMatch(line -> line.contains("no-reason return"));
    }
}
