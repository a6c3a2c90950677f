package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * A service promise a rule made for {@code claim}: the deadline {@code name} (one of
 * {@code respondBy, dispatchBy, onSiteBy, resolveBy, loanerDueAt}) falls {@code at}. A promise made
 * {@link #ifRepair} holds only when the decision's outcome is a repair.
 */
public record Commitment(Claim claim, String name, LocalDateTime at, boolean repairOnly, Reason reason) {

    /** Promises {@code name} by {@code at} whatever the outcome. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, String name, LocalDateTime at, Map<String, Object> params) {
        add(kcontext, new Commitment(claim, name, at, false, RuleCitation.of(kcontext).reason(Effect.COMMIT, null, params)));
    }

    /** Promises {@code name} by {@code at} when the outcome is a repair. Called from a rule's {@code then}. */
    public static void ifRepair(RuleContext kcontext, Claim claim, String name, LocalDateTime at, Map<String, Object> params) {
        add(kcontext, new Commitment(claim, name, at, true, RuleCitation.of(kcontext).reason(Effect.COMMIT, null, params)));
    }

    private static void add(RuleContext kcontext, Commitment commitment) {
        Findings.Builder findings = Firing.insert(kcontext, commitment.claim(), commitment);
        if (findings != null) findings.add(commitment);
    }
}
