package io.policyengine.model;

/**
 * Why a remedy was granted or excluded (or, for the service articles, a promise made or money owed):
 * the rule that said so, the policy article it implements, a sentence a cashier can read aloud,
 * and the pack the rule belongs to.
 *
 * @param remedy the remedy granted or excluded; null for a commitment or a compensation
 * @param policy the name of the pack whose rule gave this reason
 */
public record Reason(String rule, String article, Effect effect, Remedy remedy, String message, String policy) {

    /** A reason of no particular pack, as a test or a reference implementation writes it. */
    public Reason(String rule, String article, Effect effect, Remedy remedy, String message) {
        this(rule, article, effect, remedy, message, null);
    }

    public Reason withMessage(String value) {
        return new Reason(rule, article, effect, remedy, value, policy);
    }
}
