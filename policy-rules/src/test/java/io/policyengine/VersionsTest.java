package io.policyengine;

import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Outcome;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rules folder with one sub-folder per version: each claim is decided by the terms it was bought under. */
class VersionsTest {
    private static final String VERSION = "version       : String = \"1\"";
    private static final String FROM = "effectiveFrom : String = \"2026-01-01\"";
    private static final String REFUND_DAYS = "defectRefundDays   : int = 15";

    @TempDir
    Path temp;

    /** v1 from 2025-01-01 with a 15-day refund window; v2 from 2026-06-01 with 14 days. */
    private Path twoVersions() {
        Path rules = temp.resolve("rules");
        Path v1 = PackCopy.storeStandardIn(rules.resolve("v1"));
        PackCopy.edit(v1, "pack.drl", FROM, "effectiveFrom : String = \"2025-01-01\"");
        Path v2 = PackCopy.storeStandardIn(rules.resolve("v2"));
        PackCopy.edit(v2, "pack.drl", VERSION, "version       : String = \"2\"");
        PackCopy.edit(v2, "pack.drl", FROM, "effectiveFrom : String = \"2026-06-01\"");
        PackCopy.edit(v2, "pack.drl", REFUND_DAYS, "defectRefundDays   : int = 14");
        return rules;
    }

    private static Claim day15Refund(String id, LocalDate purchase) {
        return new Claim(id, Product.of("TV"), purchase, purchase.plusDays(15), true, Request.REFUND, null);
    }

    @Test
    void eachClaimIsDecidedByTheVersionInForceOnItsPurchaseDate() throws Exception {
        PolicyEngine engine = PolicyEngine.load(twoVersions());

        List<Decision> decisions = engine.decideAll(List.of(
                day15Refund("BOUGHT-UNDER-V1", LocalDate.of(2026, 5, 31)),
                day15Refund("BOUGHT-ON-V2-DAY", LocalDate.of(2026, 6, 1))));

        assertThat(decisions.get(0).outcome()).isEqualTo(Outcome.REFUND);
        assertThat(decisions.get(0).policy().version()).isEqualTo("1");
        assertThat(decisions.get(1).outcome()).isEqualTo(Outcome.EXCHANGE);
        assertThat(decisions.get(1).policy().version()).isEqualTo("2");
        assertThat(engine.policy().version()).isEqualTo("2");
    }

    @Test
    void aClaimBoughtBeforeEveryVersionIsBadInput() throws Exception {
        PolicyEngine engine = PolicyEngine.load(twoVersions());
        Claim early = day15Refund("TOO-EARLY", LocalDate.of(2019, 5, 1));

        assertThatThrownBy(() -> engine.check(early)).isInstanceOf(BadInputException.class)
                .hasMessage("purchaseDate: no version of store-standard in force on 2019-05-01");
        assertThatThrownBy(() -> engine.decide(early)).isInstanceOf(BadInputException.class);
    }

    @Test
    void twoVersionsTakingEffectTheSameDayAreAnError() {
        Path rules = twoVersions();
        PackCopy.edit(rules.resolve("v2"), "pack.drl", "effectiveFrom : String = \"2026-06-01\"", "effectiveFrom : String = \"2025-01-01\"");

        assertThatThrownBy(() -> PolicyEngine.load(rules)).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("two versions take effect on 2025-01-01")
                .hasMessageMatching(".*v2[/\\\\]pack\\.drl:\\d+: two versions.*");
    }

    @Test
    void twoVersionsDeclaringTheSameVersionLabelAreAnErrorNamingBothFiles() throws Exception {
        Path rules = twoVersions();
        PackCopy.edit(rules.resolve("v2"), "pack.drl", "version       : String = \"2\"", VERSION);
        int labelLine = java.nio.file.Files.readAllLines(rules.resolve("v1").resolve("pack.drl")).indexOf("    " + VERSION) + 1;

        List<RuleProblem> problems = PolicyEngine.validate(rules);

        assertThat(labelLine).as("the line of v1's version label").isPositive();
        assertThat(problems).hasSize(1);
        RuleProblem problem = problems.get(0);
        assertThat(problem.warning()).isFalse();
        assertThat(problem.file()).isEqualTo(rules.resolve("v2").resolve("pack.drl"));
        assertThat(problem.line()).isEqualTo(labelLine);
        assertThat(problem.message()).isEqualTo("version \"1\" is also declared by " + rules.resolve("v1").resolve("pack.drl")
                + ":" + labelLine + "; each version sub-folder needs a version label of its own");
        assertThatThrownBy(() -> PolicyEngine.load(rules)).isInstanceOf(RuleLoadException.class);
    }

    @Test
    void versionsWithLabelsOfTheirOwnLoad() throws Exception {
        assertThat(PolicyEngine.validate(twoVersions())).isEmpty();
    }

    @Test
    void aVersionWithoutAnEffectiveDateIsAnError() {
        Path rules = twoVersions();
        PackCopy.edit(rules.resolve("v2"), "pack.drl", "    effectiveFrom : String = \"2026-06-01\"\n", "");

        assertThatThrownBy(() -> PolicyEngine.load(rules)).isInstanceOf(RuleLoadException.class)
                .hasMessageMatching(".*v2[/\\\\]pack\\.drl:\\d+: this version declares no effectiveFrom.*");
    }

    @Test
    void aVersionThatDoesNotCompileIsReportedWithItsFileAndLine() {
        Path rules = twoVersions();
        PackCopy.edit(rules.resolve("v2"), "defect-tiers.drl", "rule \"defect refund window\"", "rule \"defect refund window\" (");

        List<RuleProblem> problems = PolicyEngine.validate(rules);

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).file()).isEqualTo(rules.resolve("v2").resolve("defect-tiers.drl"));
        assertThat(problems.get(0).line()).isPositive();
    }

    @Test
    void reloadPicksUpANewVersionFolder() throws Exception {
        Path rules = twoVersions();
        PolicyEngine engine = PolicyEngine.load(rules);
        Path v3 = PackCopy.storeStandardIn(rules.resolve("v3"));
        PackCopy.edit(v3, "pack.drl", VERSION, "version       : String = \"3\"");
        PackCopy.edit(v3, "pack.drl", FROM, "effectiveFrom : String = \"2027-01-01\"");

        engine.reload();

        assertThat(engine.decide(day15Refund("V3", LocalDate.of(2027, 2, 1))).policy().version()).isEqualTo("3");
        assertThat(engine.decide(day15Refund("V2", LocalDate.of(2026, 12, 1))).policy().version()).isEqualTo("2");
    }
}
