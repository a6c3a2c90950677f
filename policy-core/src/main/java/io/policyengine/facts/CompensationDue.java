package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import org.kie.api.runtime.rule.RuleContext;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Money a rule says the store owes for {@code claim}, in the pack's currency. Compensation owed
 * {@link #ifRepair} is paid only when the decision's outcome is a repair.
 */
public record CompensationDue(Claim claim, BigDecimal amount, String currency, boolean repairOnly, Reason reason) {

    /** Owes {@code amount} whatever the outcome. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, int amount, String currency, Map<String, Object> params) {
        add(kcontext, new CompensationDue(claim, BigDecimal.valueOf(amount), currency, false,
                RuleCitation.of(kcontext).reason(Effect.COMPENSATE, null, params)));
    }

    /** Owes {@code amount} when the outcome is a repair. Called from a rule's {@code then}. */
    public static void ifRepair(RuleContext kcontext, Claim claim, int amount, String currency, Map<String, Object> params) {
        add(kcontext, new CompensationDue(claim, BigDecimal.valueOf(amount), currency, true,
                RuleCitation.of(kcontext).reason(Effect.COMPENSATE, null, params)));
    }

    private static void add(RuleContext kcontext, CompensationDue due) {
        Findings.Builder findings = Firing.insert(kcontext, due.claim(), due);
        if (findings != null) findings.add(due);
    }
}
