package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.runtime.rule.RuleContext;

import java.util.Map;

/**
 * A rule's finding that the policy does not allow a remedy for {@code claim}, whatever grants it,
 * with the reason it gives. An exclusion made {@link #ifGranted} takes away what another article of
 * the pack granted, and gives its reason only where it did (once for each grant it took away); one
 * made with {@link #insert} always gives its reason: it says why a remedy the customer asked for was
 * never granted.
 *
 * @param ifGranted whether the reason counts only where the pack granted the remedy
 */
public record Exclusion(Claim claim, Reason reason, boolean ifGranted) {

    /** Excludes each remedy and always says why. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, Map<String, Object> params, Remedy... remedies) {
        add(kcontext, claim, params, false, remedies);
    }

    /**
     * Takes each remedy away where another article of the pack granted it, saying why only there.
     * Called from a rule's {@code then}: the rule needs to match the claim alone, not the grants.
     */
    public static void ifGranted(RuleContext kcontext, Claim claim, Map<String, Object> params, Remedy... remedies) {
        add(kcontext, claim, params, true, remedies);
    }

    private static void add(RuleContext kcontext, Claim claim, Map<String, Object> params, boolean ifGranted, Remedy... remedies) {
        RuleCitation citation = RuleCitation.of(kcontext);
        Findings.Builder findings = Firing.of(claim);
        for (Remedy remedy : remedies) {
            Exclusion exclusion = new Exclusion(claim, citation.reason(Effect.EXCLUDE, remedy, params), ifGranted);
            Firing.insert(kcontext, exclusion);
            if (findings != null) findings.add(exclusion);
        }
    }

    public Remedy remedy() {
        return reason.remedy();
    }
}
