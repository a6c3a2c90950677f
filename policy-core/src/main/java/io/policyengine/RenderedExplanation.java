package io.policyengine;

import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;

import java.util.List;

/**
 * An explanation's words in one language, rendered once: the decision's, and for each rule that fired its
 * title, its article as cited, and the words of its reasons. Get one from {@link Wording#render(Explanation)}.
 *
 * @param steps one for each of {@code explanation.firedRules()}, in firing order
 */
public record RenderedExplanation(Explanation explanation, RenderedDecision decision, List<Step> steps) {

    public RenderedExplanation {
        steps = List.copyOf(steps);
    }

    /** One rule that fired, in words: its title, its article as cited, and the words of each of its reasons. */
    public record Step(FiredRule rule, String title, String citation, List<RenderedDecision.Words> reasons) {
        public Step {
            reasons = List.copyOf(reasons);
        }
    }
}
