package io.policyengine;

import io.policyengine.model.Decision;

import java.util.List;

/**
 * A decision's words in one language, rendered once (contract section 8): the summary, and for each reason
 * and each compensation its sentence, its article as the pack cites it, and its rule's title. Every writer
 * (the JSON, the table, {@code explain}, the counter page, the report) shows these as they are.
 * Get one from {@link Wording#render(Decision)}.
 *
 * @param languageTag  {@code en} or {@code zh-CN}
 * @param outcome      the outcome in the fixed words of contract 8.3 ({@code refund}, {@code 退货})
 * @param remedies     the allowed remedies in those words, in the decision's order
 * @param reasons      the words of {@code decision.reasons()}, one for each, in order
 * @param compensation the words of {@code decision.compensation()}, one for each, in order
 * @param actions      the words of {@code decision.actions()} (contract 12.3), one for each, in order
 */
public record RenderedDecision(Decision decision, String languageTag, String summary, String outcome, List<String> remedies,
                               List<Words> reasons, List<Words> compensation, List<Words> actions) {

    public RenderedDecision {
        remedies = List.copyOf(remedies);
        reasons = List.copyOf(reasons);
        compensation = List.copyOf(compensation);
        actions = List.copyOf(actions);
    }

    /**
     * The words of one reason, compensation or follow-up action: its sentence, its article as its pack's
     * {@code [articles]} pattern cites it ({@code 第十三条}, {@code CRPL art. 25}), and the title of the rule
     * that gave it (the pack's {@code [titles]}, else the rule's name).
     */
    public record Words(String message, String citation, String title) {
    }
}
