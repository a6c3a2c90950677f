package io.policyengine.rules;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the compiler gets of a pack: each rule's terms written in as constants, every line where the author put it. */
class TermsInlinedTest {
    private static final Path PARENT = Path.of("parent", "pack.drl");
    private static final Path CHILD = Path.of("child", "pack.drl");
    private static final Path RULES = Path.of("child", "windows.drl");

    private static final String PARENT_TERMS = """
            declare Terms
                noReasonReturnDays : int = 7     // art. 6
                currency           : String = "CNY"
                postagePaidBy      : io.policyengine.model.Payer = io.policyengine.model.Payer.CUSTOMER
                depreciation       : java.math.BigDecimal = new java.math.BigDecimal( "0.1" )
            end
            """;
    private static final String CHILD_TERMS = """
            declare Terms
                noReasonReturnDays : int = 15    // the child's own window
            end
            """;

    private static List<PackFiles.DrlFile> inlined(String rules) {
        PackFiles pack = new PackFiles(Path.of("child"), List.of(new PackFiles.DrlFile(PARENT, PARENT_TERMS),
                new PackFiles.DrlFile(CHILD, CHILD_TERMS), new PackFiles.DrlFile(RULES, rules)), List.of(), null, "", List.of());
        return TermsInlined.of(pack);
    }

    @Test
    void aRuleTestsTheClaimAgainstTheNearestPacksValueInsteadOfJoiningTerms() {
        String rule = """
                rule "no-reason return window"
                when
                    Terms( $days : noReasonReturnDays, $currency : currency )
                    $claim : Claim( qualityDefect == false, daysSincePurchase <= $days )
                then
                    Grant.insert( kcontext, $claim, params( "noReasonDays", $days, "currency", $currency ), Remedy.REFUND );
                end
                """;

        String compiled = inlined(rule).get(2).text();

        assertThat(compiled).isEqualTo("""
                rule "no-reason return window"
                when

                    $claim : Claim( qualityDefect == false, daysSincePurchase <= (15) )
                then
                    Grant.insert( kcontext, $claim, params( "noReasonDays", (15), "currency", ("CNY") ), Remedy.REFUND );
                end
                """);
        assertThat(compiled.lines()).hasSameSizeAs(rule.lines().toList());
    }

    @Test
    void anEnumConstantIsWrittenInByItsFullName() {
        String compiled = inlined("""
                rule "postage"
                when
                    Terms( $payer : postagePaidBy )
                    $claim : Claim( channel == Channel.ONLINE )
                then
                    ReturnShipping.insert( kcontext, $claim, $payer, params( "payer", $payer ), Remedy.REFUND );
                end
                """).get(2).text();

        assertThat(compiled).doesNotContain("Terms(").contains("ReturnShipping.insert( kcontext, $claim, (io.policyengine.model.Payer.CUSTOMER),");
    }

    @Test
    void aRuleThatReadsATermOfAnotherKindKeepsItsJoin() {
        String rule = """
                rule "depreciation"
                when
                    Terms( $rate : depreciation, $days : noReasonReturnDays )
                    $claim : Claim( daysSincePurchase <= $days )
                then
                    RefundAmount.unknown( kcontext, $claim, params( "rate", $rate ) );
                end
                """;

        assertThat(inlined(rule).get(2).text()).isEqualTo(rule);
    }

    @Test
    void aTermsPatternThatAlsoConstrainsTheTermsKeepsItsJoin() {
        String rule = """
                rule "long windows only"
                when
                    Terms( $days : noReasonReturnDays, noReasonReturnDays > 10 )
                    $claim : Claim( daysSincePurchase <= $days )
                then
                    Grant.insert( kcontext, $claim, params( "noReasonDays", $days ), Remedy.REFUND );
                end
                """;

        assertThat(inlined(rule).get(2).text()).isEqualTo(rule);
    }

    @Test
    void aPackWithoutTermsGoesToTheCompilerAsWritten() {
        PackFiles pack = new PackFiles(Path.of("p"), List.of(new PackFiles.DrlFile(RULES, "rule \"r\" when Claim() then end\n")),
                List.of(), null, "", List.of());

        assertThat(TermsInlined.of(pack)).isSameAs(pack.files());
    }
}
