package io.policyengine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rule folders a careless author saves: terms that cannot be right, files in another encoding or
 * with a byte-order mark, a misspelled term, rule files beside version folders. Each is one problem
 * at the file and line to fix, from {@code validate} and on load alike.
 */
class PackChecksTest {
    private static final String REFUND_DAYS = "defectRefundDays   : int = 15";
    private static final String EXCHANGE_DAYS = "defectExchangeDays : int = 30";
    private static final String FREE_MONTHS = "freeRepairMonths   : int = 3";

    @TempDir
    Path temp;

    @Test
    void aNegativeOrZeroWindowIsAnErrorAtItsDeclaration() {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "pack.drl", REFUND_DAYS, "defectRefundDays   : int = -5");
        PackCopy.edit(pack, "pack.drl", "dispatchUrgentMinutes    : int    = 30", "dispatchUrgentMinutes    : int    = 0");

        assertThat(PolicyEngine.validate(pack)).extracting(RuleProblem::toString).containsExactly(
                pack.resolve("pack.drl") + ":16: defectRefundDays = -5: must be at least 1 day (a window or a time cannot be zero or negative)",
                pack.resolve("pack.drl") + ":24: dispatchUrgentMinutes = 0: must be at least 1 minute (a window or a time cannot be zero or negative)");
        assertThatThrownBy(() -> PolicyEngine.load(pack)).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("pack.drl:16: defectRefundDays = -5");
    }

    @Test
    void aRefundDueOnTheClaimDayIsFineButANegativeDeadlineIsAnErrorAtItsDeclaration() {  // contract 11.2
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "pack.drl", "onlineSaleRefundDueDays     : int   = 7", "onlineSaleRefundDueDays     : int   = -1");

        assertThat(PolicyEngine.validate(pack)).extracting(RuleProblem::toString).containsExactly(
                pack.resolve("pack.drl") + ":37: onlineSaleRefundDueDays = -1: a deadline cannot be negative (0 is the claim day itself)");
    }

    @Test
    void aNegativeOrAbsurdDailyDepreciationRateIsAnErrorAtItsRow() throws IOException {  // contract 11.3
        Path floor = temp.resolve("cn-consumer-law");
        Files.createDirectories(floor);
        try (var files = Files.list(Path.of("src/main/resources/packs/cn-consumer-law"))) {
            for (Path file : files.toList()) Files.copy(file, floor.resolve(file.getFileName()));
        }
        PackCopy.edit(floor, "three-guarantee-table.drl", "\"MOBILE_PHONE\", 12, new BigDecimal( \"0.5\" )",
                "\"MOBILE_PHONE\", 12, new BigDecimal( \"101\" )");
        PackCopy.edit(floor, "three-guarantee-table.drl", "\"TV\", 12, new BigDecimal( \"0.1\" )", "\"TV\", 12, new BigDecimal( \"-0.1\" )");

        assertThat(PolicyEngine.validate(floor)).extracting(RuleProblem::toString).containsExactlyInAnyOrder(
                floor.resolve("three-guarantee-table.drl") + ":18: GuaranteeCategory MOBILE_PHONE: depreciationPercentPerDay = 101: "
                        + "more than 100 % a day is absurd",
                floor.resolve("three-guarantee-table.drl") + ":14: GuaranteeCategory TV: depreciationPercentPerDay = -0.1: "
                        + "a rate cannot be negative");
        assertThatThrownBy(() -> PolicyEngine.load(floor)).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("three-guarantee-table.drl:18: GuaranteeCategory MOBILE_PHONE");
    }

    @Test
    void tiersThatContradictEachOtherAreErrors() {
        Path shortExchange = PackCopy.storeStandardIn(temp.resolve("exchange"));
        PackCopy.edit(shortExchange, "pack.drl", EXCHANGE_DAYS, "defectExchangeDays : int = 10");
        Path shortFreeRepair = PackCopy.storeStandardIn(temp.resolve("free"));
        PackCopy.edit(shortFreeRepair, "pack.drl", FREE_MONTHS, "freeRepairMonths   : int = 1");

        assertThat(PolicyEngine.validate(shortExchange)).extracting(RuleProblem::toString).containsExactly(
                shortExchange.resolve("pack.drl") + ":17: defectExchangeDays = 10 ends before defectRefundDays = 15: "
                        + "the exchange tier must not end before the refund tier");
        assertThat(PolicyEngine.validate(shortFreeRepair)).extracting(RuleProblem::toString).containsExactly(
                shortFreeRepair.resolve("pack.drl") + ":18: freeRepairMonths = 1 ends before defectExchangeDays = 30: paid repair "
                        + "would start on day 29 after some purchases, while the exchange tier still gives a free repair; "
                        + "the free-repair period must last at least as long");
    }

    @Test
    void aLongFreeRepairPeriodGetsNoFalseWarning() {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "pack.drl", FREE_MONTHS, "freeRepairMonths   : int = 36");

        assertThat(PolicyEngine.validate(pack)).isEmpty();
    }

    @Test
    void aMisspelledTermIsReportedWhereItIsUsed() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "defect-tiers.drl", "Terms( $days : defectRefundDays )", "Terms( $days : defectRefundDay )");
        int line = Files.readAllLines(pack.resolve("defect-tiers.drl")).indexOf("    Terms( $days : defectRefundDay )") + 1;

        List<RuleProblem> problems = PolicyEngine.validate(pack);

        assertThat(line).isGreaterThan(1);
        assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.line()).as("%s", p).isGreaterThan(1));
        assertThat(problems.get(0).toString()).startsWith(pack.resolve("defect-tiers.drl") + ":" + line + ": ").contains("defectRefundDay");
    }

    @Test
    void aRuleFileInAnotherEncodingIsNamedWithItsFirstBadLine() throws IOException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        Path file = pack.resolve("exclusions.drl");
        List<String> lines = Files.readAllLines(file);
        lines.add(3, "// 退货与换货的例外");
        Files.write(file, lines, Charset.forName("GBK"));

        assertThat(PolicyEngine.validate(pack)).extracting(RuleProblem::toString).containsExactly(
                file + ":4: not valid UTF-8: save it as UTF-8 (it looks like another encoding, such as GBK or Latin-1)");
    }

    @Test
    void aByteOrderMarkAtTheStartOfARuleFileIsAccepted() throws IOException, RuleLoadException {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        Path file = pack.resolve("pack.drl");
        byte[] text = Files.readAllBytes(file);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        Files.write(file, withBom);

        assertThat(PolicyEngine.validate(pack)).isEmpty();
        assertThat(PolicyEngine.load(pack).terms()).containsEntry("defectRefundDays", 15);
    }

    @Test
    void ruleFilesBesideVersionFoldersAreAnError() throws IOException {
        Path rules = temp.resolve("rules");
        PackCopy.storeStandardIn(rules.resolve("v1"));
        Files.writeString(rules.resolve("stray.drl"), "package packs.storestandard;\n", StandardCharsets.UTF_8);

        assertThat(PolicyEngine.validate(rules)).singleElement().satisfies(p -> {
            assertThat(p.warning()).isFalse();
            assertThat(p.toString()).startsWith(rules + ": holds both .drl files and version sub-folders (v1)");
        });
    }
}
