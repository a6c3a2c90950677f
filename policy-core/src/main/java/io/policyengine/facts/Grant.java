package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Map;

/**
 * A rule's finding that the policy allows a remedy for {@code claim}, with the reason it gives.
 * Exclusion rules match on grants; whatever grant is not excluded ends up in the decision's remedies.
 */
public record Grant(Claim claim, Reason reason) {

    /** Inserts one grant per remedy, citing the firing rule. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, Map<String, Object> params, Remedy... remedies) {
        RuleCitation citation = RuleCitation.of(kcontext);
        for (Remedy remedy : remedies) {
            Grant grant = new Grant(claim, citation.reason(Effect.GRANT, remedy, params));
            Findings.Builder findings = Firing.insert(kcontext, claim, grant);
            if (findings != null) findings.add(grant);
        }
    }

    public Remedy remedy() {
        return reason.remedy();
    }
}
