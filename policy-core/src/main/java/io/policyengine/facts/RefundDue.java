package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Map;

/**
 * A pack's terms for the money of {@code claim} (contract 11.2): the currency it pays in, and the last
 * day of a refund, {@code days} after the claim date. The deadline and its reason apply when the outcome
 * is a refund (one made {@link #forRefundsUnder} only when the pack grants that refund under its article);
 * the currency always. Where several packs of a stack set a deadline, the earliest holds.
 *
 * @param under the article whose refunds the deadline is for, as {@link Reason#cites} reads it; null for every refund
 */
public record RefundDue(Claim claim, int days, String currency, Reason reason, String under) {

    public RefundDue(Claim claim, int days, String currency, Reason reason) {
        this(claim, days, currency, reason, null);
    }

    /** Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, int days, String currency, Map<String, Object> params) {
        add(kcontext, new RefundDue(claim, days, currency, RuleCitation.of(kcontext).reason(Effect.PAY, null, params)));
    }

    /**
     * A deadline for the refunds the pack grants under {@code article} only (a withdrawal's, CRD art. 13), in
     * {@code currency}. Called from a rule's {@code then}.
     */
    public static void forRefundsUnder(RuleContext kcontext, Claim claim, String article, int days, String currency,
                                       Map<String, Object> params) {
        add(kcontext, new RefundDue(claim, days, currency, RuleCitation.of(kcontext).reason(Effect.PAY, null, params), article));
    }

    private static void add(RuleContext kcontext, RefundDue due) {
        Findings.Builder findings = Firing.insert(kcontext, due.claim(), due);
        if (findings != null) findings.add(due);
    }
}
