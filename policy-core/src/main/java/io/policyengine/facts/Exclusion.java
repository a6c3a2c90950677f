package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import org.kie.api.runtime.rule.RuleContext;

/**
 * A rule's finding that the policy does not allow {@code remedy} for {@code claim}, whatever
 * grants it. Also used to say why a remedy the customer asked for was never granted.
 */
public record Exclusion(Claim claim, Remedy remedy, String rule, String article, String message) {

    /** Inserts one exclusion per remedy, citing the firing rule. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, String message, Remedy... remedies) {
        RuleCitation citation = RuleCitation.of(kcontext.getRule());
        for (Remedy remedy : remedies) {
            kcontext.getKieRuntime().insert(new Exclusion(claim, remedy, citation.rule(), citation.article(), message));
        }
    }

    /** The reason this finding gives in a decision. */
    public Reason reason() {
        return new Reason(rule, article, Effect.EXCLUDE, remedy, message);
    }
}
