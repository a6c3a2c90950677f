package io.policyengine.model;

import java.util.Map;

/**
 * Why a remedy was granted or excluded (or, for the service articles, a promise made or money owed):
 * the rule that said so, the policy article it implements, the pack the rule belongs to, and the
 * named values its sentence uses. The sentence itself is not stored: it is rendered from the
 * pack's templates in the language the caller picks (see {@code PolicyEngine.wording}).
 *
 * @param remedy the remedy granted or excluded; null for a commitment or a compensation
 * @param policy the name of the pack whose rule gave this reason
 * @param params the values the rule's sentence names, in the rule's order: numbers, dates, date-times, text
 */
public record Reason(String rule, String article, Effect effect, Remedy remedy, String policy, Map<String, Object> params) {

    public Reason {
        params = NamedValues.copyOf(params);
    }

    /**
     * Whether this reason cites {@code article} or a part of it: a statute's name covers each of its articles
     * ({@code "SGD"} covers {@code "SGD 13(5)"}), an article each of its paragraphs ({@code "CRD 9"} covers
     * {@code "CRD 9"} and {@code "CRD 9(1)"}, not {@code "CRD 90"}).
     */
    public boolean cites(String article) {
        return this.article.equals(article) || this.article.startsWith(article)
                && (this.article.charAt(article.length()) == ' ' || this.article.charAt(article.length()) == '(');
    }

    /** This reason with one more named value (a value of the same name is replaced). */
    public Reason withParam(String name, Object value) {
        return new Reason(rule, article, effect, remedy, policy, NamedValues.copyOf(params).with(name, value));
    }
}
