package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Map;

/**
 * A rule's finding that the policy does not allow a remedy for {@code claim}, whatever grants it,
 * with the reason it gives. Also says why a remedy the customer asked for was never granted.
 */
public record Exclusion(Claim claim, Reason reason) {

    /** Inserts one exclusion per remedy, citing the firing rule. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, Map<String, Object> params, Remedy... remedies) {
        RuleCitation citation = RuleCitation.of(kcontext);
        Findings.Builder findings = Firing.of(claim);
        for (Remedy remedy : remedies) {
            Exclusion exclusion = new Exclusion(claim, citation.reason(Effect.EXCLUDE, remedy, params));
            Firing.insert(kcontext, exclusion);
            if (findings != null) findings.add(exclusion);
        }
    }

    public Remedy remedy() {
        return reason.remedy();
    }
}
