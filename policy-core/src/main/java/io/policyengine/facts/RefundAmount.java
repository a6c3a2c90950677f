package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.NamedValues;
import io.policyengine.model.Reason;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Set;

/**
 * A rule's finding about how much of the price a refund of {@code claim} gives back (contract 11.2,
 * 11.3): an amount the store keeps back, or, when {@code kept} is null, that the refund cannot be
 * priced. A finding made {@code ifOnlyGrant} applies only when every rule of any pack that grants the
 * refund grants it under {@code onlyUnder} (its own article, or the article it names, see
 * {@link Reason#cites}): a refund granted by another rule is the better offer, at the full price.
 *
 * @param onlyUnder the article whose grants alone the finding qualifies; null when it holds whoever grants the refund
 */
public record RefundAmount(Claim claim, BigDecimal kept, String onlyUnder, Reason reason) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The params {@link #lessDepreciation} adds to its rule's own, for the sentence that shows the arithmetic. */
    public static final Set<String> ARITHMETIC =
            Set.of("priced", "price", "percentPerDay", "daysUsed", "daysInRepair", "daysCharged", "depreciation");

    /**
     * Keeps back a depreciation fee (三包 art. 13): price × percentPerDay % × (days used − days in repair),
     * never below 0 days nor above the price, 2 decimals half up. The reason's params gain the
     * arithmetic: {@code priced, price, percentPerDay, daysUsed, daysInRepair, daysCharged, depreciation}.
     * Without a price on the claim the fee cannot be priced, nor the refund. Called from a rule's {@code then}.
     */
    public static void lessDepreciation(RuleContext kcontext, Claim claim, BigDecimal percentPerDay, Map<String, Object> params) {
        BigDecimal price = claim.product().price();
        if (price == null) {
            add(kcontext, new RefundAmount(claim, null, RuleCitation.of(kcontext).article(),
                    RuleCitation.of(kcontext).reason(Effect.PAY, null, NamedValues.copyOf(params).with("priced", false))));
            return;
        }
        long daysUsed = claim.daysSincePurchase();
        long daysInRepair = claim.daysInRepair();
        long daysCharged = Math.max(0, daysUsed - daysInRepair);
        BigDecimal depreciation = depreciation(price, percentPerDay, daysCharged);
        NamedValues arithmetic = NamedValues.copyOf(params).with("priced", true)
                .with("price", price.setScale(2, RoundingMode.HALF_UP)).with("percentPerDay", percentPerDay)
                .with("daysUsed", daysUsed).with("daysInRepair", daysInRepair).with("daysCharged", daysCharged)
                .with("depreciation", depreciation);
        add(kcontext, new RefundAmount(claim, depreciation, RuleCitation.of(kcontext).article(),
                RuleCitation.of(kcontext).reason(Effect.PAY, null, arithmetic)));
    }

    /**
     * The fee for {@code days} days of use at {@code percentPerDay}, 2 decimals half up, then capped at the price:
     * rounded after the cap, a fee over a price of 10.005 would come to 10.01, more than the price (contract 17).
     */
    public static BigDecimal depreciation(BigDecimal price, BigDecimal percentPerDay, long days) {
        BigDecimal fee = price.multiply(percentPerDay).multiply(BigDecimal.valueOf(days)).divide(HUNDRED)
                .setScale(2, RoundingMode.HALF_UP);
        return fee.compareTo(price) > 0 ? price : fee;
    }

    /** The refund cannot be priced, whichever rule grants it (no price on the claim). Called from a rule's {@code then}. */
    public static void unknown(RuleContext kcontext, Claim claim, Map<String, Object> params) {
        add(kcontext, new RefundAmount(claim, null, null, RuleCitation.of(kcontext).reason(Effect.PAY, null, params)));
    }

    /** The refund cannot be priced when this rule's article alone grants it (no rate to depreciate by). Called from a rule's {@code then}. */
    public static void unknownIfOnlyGrant(RuleContext kcontext, Claim claim, Map<String, Object> params) {
        RuleCitation citation = RuleCitation.of(kcontext);
        add(kcontext, new RefundAmount(claim, null, citation.article(), citation.reason(Effect.PAY, null, params)));
    }

    /**
     * The refund is the price less an amount the store assesses itself, so neither can be said here, when only
     * grants under {@code article} give it (CRD art. 14(2): a withdrawal, less the goods' diminished value); a
     * refund another rule grants is the better offer, at the full price. Called from a rule's {@code then}.
     */
    public static void unknownIfOnlyGrantedUnder(RuleContext kcontext, Claim claim, String article, Map<String, Object> params) {
        add(kcontext, new RefundAmount(claim, null, article, RuleCitation.of(kcontext).reason(Effect.PAY, null, params)));
    }

    /** Whether this finding holds only where the refund is granted under {@link #onlyUnder}. */
    public boolean ifOnlyGrant() {
        return onlyUnder != null;
    }

    private static void add(RuleContext kcontext, RefundAmount amount) {
        Findings.Builder findings = Firing.insert(kcontext, amount.claim(), amount);
        if (findings != null) findings.add(amount);
    }
}
