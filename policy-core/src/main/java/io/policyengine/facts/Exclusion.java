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
 * never granted. One made {@link #ifGrantedUnder} takes away only the grants of one statute or article,
 * and leaves the same remedy granted under another standing (a withdrawal's refund is not a guarantee's).
 *
 * @param ifGranted whether the reason counts only where the pack granted the remedy
 * @param under     the article (or statute) whose grants this takes away, as {@link Reason#cites} reads it; null for every grant
 */
public record Exclusion(Claim claim, Reason reason, boolean ifGranted, String under) {

    public Exclusion(Claim claim, Reason reason, boolean ifGranted) {
        this(claim, reason, ifGranted, null);
    }

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

    /**
     * Takes each remedy away where an article of the pack granted it under {@code article} (a statute's name, an
     * article, or a paragraph, see {@link Reason#cites}), saying why only there; grants under other articles stand.
     * Called from a rule's {@code then}.
     */
    public static void ifGrantedUnder(RuleContext kcontext, Claim claim, String article, Map<String, Object> params, Remedy... remedies) {
        add(kcontext, claim, params, true, article, remedies);
    }

    /** Whether this takes {@code grant} away: the same remedy, granted under the article this names (any, when it names none). */
    public boolean takesAway(Grant grant) {
        return grant.remedy() == remedy() && (under == null || grant.reason().cites(under));
    }

    private static void add(RuleContext kcontext, Claim claim, Map<String, Object> params, boolean ifGranted, Remedy... remedies) {
        add(kcontext, claim, params, ifGranted, null, remedies);
    }

    private static void add(RuleContext kcontext, Claim claim, Map<String, Object> params, boolean ifGranted, String under,
                            Remedy... remedies) {
        RuleCitation citation = RuleCitation.of(kcontext);
        for (Remedy remedy : remedies) {
            Exclusion exclusion = new Exclusion(claim, citation.reason(Effect.EXCLUDE, remedy, params), ifGranted, under);
            Findings.Builder findings = Firing.insert(kcontext, claim, exclusion);
            if (findings != null) findings.add(exclusion);
        }
    }

    public Remedy remedy() {
        return reason.remedy();
    }
}
