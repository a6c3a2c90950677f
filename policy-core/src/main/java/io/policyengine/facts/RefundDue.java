package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Map;

/**
 * A store pack's terms for the money of {@code claim} (contract 11.2): the currency it pays in, and
 * the last day of a refund, {@code days} after the claim date. The deadline and its reason apply when
 * the outcome is a refund; the currency always.
 */
public record RefundDue(Claim claim, int days, String currency, Reason reason) {

    /** Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, int days, String currency, Map<String, Object> params) {
        RefundDue due = new RefundDue(claim, days, currency, RuleCitation.of(kcontext).reason(Effect.PAY, null, params));
        Firing.insert(kcontext, due);
        Findings.Builder findings = Firing.of(claim);
        if (findings != null) findings.add(due);
    }
}
