package io.policyengine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateTest {
    @TempDir
    Path temp;

    @Test
    void theBundledPackIsValidWithoutWarnings() {
        assertThat(PolicyEngine.validate(PackCopy.SOURCE)).isEmpty();
    }

    @Test
    void aSyntaxErrorIsReportedWithItsFileAndLine() {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "exclusions.drl", "$claim : Claim( product.saleType == SaleType.GIFT )",
                "$claim : Claim( product.saleType == SaleType.GIFT ");

        List<RuleProblem> problems = PolicyEngine.validate(pack);

        assertThat(problems).isNotEmpty().allSatisfy(p -> {
            assertThat(p.warning()).isFalse();
            assertThat(p.line()).isPositive();
        });
        assertThat(problems.get(0).file()).isEqualTo(pack.resolve("exclusions.drl"));
        assertThat(problems.get(0).toString()).matches(".*exclusions\\.drl:\\d+: .+");
    }

    @Test
    void aFileCutOffInTheMiddleOfAConditionIsOneSyntaxErrorAtItsLastLineWithoutTheParsersStackTrace() throws Exception {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        Path tiers = pack.resolve("defect-tiers.drl");
        String text = java.nio.file.Files.readString(tiers);
        // cut after "daysS" on line 13: the parser itself throws, and says so with its stack trace
        java.nio.file.Files.writeString(tiers, text.substring(0, text.indexOf("daysSincePurchase") + 5));

        List<RuleProblem> problems = PolicyEngine.validate(pack);

        // the sentences of the rules cut off are reported too; of the rule files, only the line where the text breaks
        assertThat(problems).filteredOn(problem -> problem.file().toString().endsWith(".drl"))
                .singleElement().hasToString(tiers + ":13: syntax error: unexpected exception at input '<eof>'");
    }

    @Test
    void anErrorInAThenBlockPointsAtItsRule() {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "no-reason-return.drl", "\"noReasonDays\", $days )", "\"noReasonDays\", $nodays )");

        List<RuleProblem> problems = PolicyEngine.validate(pack);

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).file()).isEqualTo(pack.resolve("no-reason-return.drl"));
        assertThat(problems.get(0).line()).isEqualTo(9);
    }

    @Test
    void aRuleWithoutAnArticleIsAWarning() {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "defect-tiers.drl", "rule \"defect exchange window\"\n    @article(\"8\")", "rule \"defect exchange window\"");

        assertThat(PolicyEngine.validate(pack)).singleElement().satisfies(p -> {
            assertThat(p.warning()).isTrue();
            assertThat(p.toString()).contains("defect-tiers.drl:").contains("\"defect exchange window\" cites no article");
        });
    }

    @Test
    void anExchangeWindowNoLongerThanTheRefundWindowCanNeverFire() {
        Path pack = PackCopy.storeStandardIn(temp.resolve("rules"));
        PackCopy.edit(pack, "pack.drl", "defectExchangeDays : int = 30", "defectExchangeDays : int = 15");

        assertThat(PolicyEngine.validate(pack)).singleElement().satisfies(p -> {
            assertThat(p.warning()).isTrue();
            assertThat(p.toString()).contains("\"defect exchange window\" can never fire");
        });
    }
}
