package io.policyengine.decide;

import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Findings;
import io.policyengine.facts.Grant;
import io.policyengine.facts.RefundAmount;
import io.policyengine.facts.RefundDue;
import io.policyengine.facts.ReturnShipping;
import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.Payer;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pack that grants the same remedy on two grounds (the EU floor's refund: a withdrawal under the CRD,
 * a termination under the SGD) keeps them apart: an exclusion, a refund deadline, the postage and a
 * deduction can each speak of the grants under one article only. And a stack's refund deadline is the
 * earliest any of its packs sets.
 */
class GrantsUnderAnArticleTest {
    private static final LocalDate CLAIMED = LocalDate.of(2026, 3, 13);
    private static final Claim CLAIM = Claim.builder("C-1", "SKU").price("899.00").purchaseDate(CLAIMED.minusDays(10))
            .claimDate(CLAIMED).qualityDefect(true).channel(Channel.ONLINE).build();
    private static final PolicyId STORE = new PolicyId("store", "1", "h1");
    private static final PolicyId FLOOR = new PolicyId("floor", "1", "h2");

    @ParameterizedTest(name = "{0} cites {1}: {2}")
    @CsvSource({
            "CRD 9,        CRD,       true",
            "CRD 9,        CRD 9,     true",
            "CRD 9(1),     CRD 9,     true",
            "SGD 13(4)(b), SGD 13(4), true",
            "SGD 13(4)(b), SGD,       true",
            "CRD 90,       CRD 9,     false",
            "CRD 9,        CRD 90,    false",
            "SGD 13(5),    SGD 13(4), false",
            "CRDX 9,       CRD,       false",
    })
    void anArticleCoversItsParagraphsAndAStatuteItsArticles(String article, String cited, boolean cites) {
        assertThat(reason(article, Effect.GRANT, Remedy.REFUND).cites(cited)).isEqualTo(cites);
    }

    @Test
    void anExclusionUnderOneArticleLeavesTheSameRemedyGrantedUnderAnotherStanding() {
        Grant withdrawal = grant("CRD 9", Remedy.REFUND);
        Grant termination = grant("SGD 13(4)(b)", Remedy.REFUND);
        Exclusion customMade = new Exclusion(CLAIM, reason("CRD 16(c)", Effect.EXCLUDE, Remedy.REFUND), true, "CRD");

        Decision both = decide(findings(List.of(withdrawal, termination), List.of(customMade)));
        Decision withdrawalOnly = decide(findings(List.of(withdrawal), List.of(customMade)));

        assertThat(both.remedies()).containsExactly(Remedy.REFUND);
        assertThat(both.reasons()).filteredOn(r -> r.effect() == Effect.EXCLUDE).as("said once, for the grant it took away").hasSize(1);
        assertThat(withdrawalOnly.remedies()).isEmpty();
        assertThat(withdrawalOnly.outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void anExclusionOfEveryGrantStillTakesTheRemedyWhateverGrantsIt() {
        Exclusion damage = new Exclusion(CLAIM, reason("14", Effect.EXCLUDE, Remedy.REFUND), true);

        Decision decision = decide(findings(List.of(grant("CRD 9", Remedy.REFUND), grant("SGD 13(4)(b)", Remedy.REFUND)), List.of(damage)));

        assertThat(decision.remedies()).isEmpty();
        assertThat(decision.reasons()).filteredOn(r -> r.effect() == Effect.EXCLUDE).as("once per grant taken away").hasSize(2);
    }

    @Test
    void aDeadlineAndThePostageForTheGrantsUnderAnArticleHoldOnlyWhereThatArticleGrantsTheOutcome() {
        Grant withdrawal = grant("CRD 9", Remedy.REFUND);
        Grant termination = grant("SGD 13(4)(b)", Remedy.REFUND);
        RefundDue withdrawalDue = new RefundDue(CLAIM, 14, "EUR", reason("CRD 13", Effect.PAY, null), "CRD");
        RefundDue terminationDue = new RefundDue(CLAIM, 30, "EUR", reason("SGD 16(3)", Effect.PAY, null), "SGD");
        ReturnShipping customerSends = new ReturnShipping(CLAIM, Payer.CUSTOMER, EnumSet.of(Remedy.REFUND), reason("CRD 14(1)", Effect.PAY, null), "CRD");
        ReturnShipping storeFetches = new ReturnShipping(CLAIM, Payer.STORE, EnumSet.of(Remedy.REFUND), reason("SGD 16(3)", Effect.PAY, null), "SGD");

        Decision terminated = decide(new Findings(List.of(termination), List.of(), null, List.of(), List.of(),
                List.of(withdrawalDue, terminationDue), List.of(customerSends, storeFetches), List.of(), List.of()));
        Decision withdrawn = decide(new Findings(List.of(withdrawal), List.of(), null, List.of(), List.of(),
                List.of(withdrawalDue, terminationDue), List.of(customerSends, storeFetches), List.of(), List.of()));
        Decision both = decide(new Findings(List.of(withdrawal, termination), List.of(), null, List.of(), List.of(),
                List.of(withdrawalDue, terminationDue), List.of(customerSends, storeFetches), List.of(), List.of()));

        assertThat(terminated.money().refundDueDate()).isEqualTo(CLAIMED.plusDays(30));
        assertThat(terminated.money().returnShipping()).isEqualTo(Payer.STORE);
        assertThat(terminated.reasons()).extracting(Reason::article).doesNotContain("CRD 13", "CRD 14(1)");
        assertThat(withdrawn.money().refundDueDate()).isEqualTo(CLAIMED.plusDays(14));
        assertThat(withdrawn.money().returnShipping()).isEqualTo(Payer.CUSTOMER);
        assertThat(both.money().refundDueDate()).as("the earlier of the two").isEqualTo(CLAIMED.plusDays(14));
        assertThat(both.money().returnShipping()).as("on two grounds the customer takes the better: the store pays").isEqualTo(Payer.STORE);
        assertThat(both.money().currency()).isEqualTo("EUR");
    }

    @Test
    void theEarliestRefundDeadlineOfTheStackHoldsAndTheStorePacksCurrency() {
        Findings store = new Findings(List.of(grant("7", Remedy.REFUND)), List.of(), null, List.of(), List.of(),
                List.of(new RefundDue(CLAIM, 7, "CNY", reason("CRPL 25", Effect.PAY, null))), List.of(), List.of(), List.of());
        Findings floor = new Findings(List.of(grant("CRD 9", Remedy.REFUND)), List.of(), null, List.of(), List.of(),
                List.of(new RefundDue(CLAIM, 14, "EUR", reason("CRD 13", Effect.PAY, null), "CRD")), List.of(), List.of(), List.of());
        Findings laterStore = new Findings(List.of(grant("7", Remedy.REFUND)), List.of(), null, List.of(), List.of(),
                List.of(new RefundDue(CLAIM, 30, "CNY", reason("refunds", Effect.PAY, null))), List.of(), List.of(), List.of());
        Findings noMoneyTerms = new Findings(List.of(grant("7", Remedy.REFUND)), List.of(), null, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());

        assertThat(Decisions.assemble(CLAIM, List.of(new PackFindings(STORE, store), new PackFindings(FLOOR, floor))).money())
                .satisfies(m -> assertThat(m.refundDueDate()).isEqualTo(CLAIMED.plusDays(7)))
                .satisfies(m -> assertThat(m.currency()).isEqualTo("CNY"));
        assertThat(Decisions.assemble(CLAIM, List.of(new PackFindings(STORE, laterStore), new PackFindings(FLOOR, floor))).money()
                .refundDueDate()).as("the law's 14 days when the store promises 30").isEqualTo(CLAIMED.plusDays(14));
        assertThat(Decisions.assemble(CLAIM, List.of(new PackFindings(STORE, noMoneyTerms), new PackFindings(FLOOR, floor))).money())
                .as("a store pack without money terms: the floor's deadline and currency")
                .satisfies(m -> assertThat(m.refundDueDate()).isEqualTo(CLAIMED.plusDays(14)))
                .satisfies(m -> assertThat(m.currency()).isEqualTo("EUR"));
    }

    @Test
    void aDeductionTheStoreAssessesLeavesRefundAndDepreciationUnsaidOnlyWhenItsArticleAloneGrantsTheRefund() {
        RefundAmount assessed = new RefundAmount(CLAIM, null, "CRD", reason("CRD 14(2)", Effect.PAY, null));
        Findings withdrawalOnly = new Findings(List.of(grant("CRD 9", Remedy.REFUND)), List.of(), null, List.of(), List.of(),
                List.of(), List.of(), List.of(assessed), List.of());
        Findings withTermination = new Findings(List.of(grant("CRD 9", Remedy.REFUND), grant("SGD 13(4)(b)", Remedy.REFUND)),
                List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(assessed), List.of());

        Decision withdrawn = decide(withdrawalOnly);
        Decision terminated = decide(withTermination);

        assertThat(withdrawn.money().depreciation()).isNull();
        assertThat(withdrawn.money().refund()).isNull();
        assertThat(withdrawn.reasons()).extracting(Reason::article).contains("CRD 14(2)");
        assertThat(terminated.money().depreciation()).as("the full price of a termination is the better offer").isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(terminated.money().refund()).isEqualByComparingTo("899.00");
        assertThat(terminated.reasons()).extracting(Reason::article).doesNotContain("CRD 14(2)");
    }

    private static Decision decide(Findings findings) {
        return Decisions.assemble(CLAIM, List.of(new PackFindings(FLOOR, findings)));
    }

    private static Findings findings(List<Grant> grants, List<Exclusion> exclusions) {
        return new Findings(new ArrayList<>(grants), new ArrayList<>(exclusions), null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    private static Grant grant(String article, Remedy remedy) {
        return new Grant(CLAIM, reason(article, Effect.GRANT, remedy));
    }

    private static Reason reason(String article, Effect effect, Remedy remedy) {
        return new Reason("rule of " + article, article, effect, remedy, FLOOR.name(), Map.of());
    }
}
