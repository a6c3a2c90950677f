package io.policyengine;

/**
 * A rule that compiled but failed while deciding a claim: a constraint or a consequence threw, a
 * function recursed without end, or rules kept firing past the firing limit. Reported on one line,
 * {@code FILE:LINE: rule "NAME" failed for claim ID: what went wrong}, and it costs only the claim
 * it happened for ({@link PolicyEngine#decideEach}).
 */
public final class RuleFailureException extends RuntimeException {
    private final String claimId;

    public RuleFailureException(String message, Throwable cause) {
        this(null, message, cause);
    }

    public RuleFailureException(String claimId, String message, Throwable cause) {
        super(message, cause);
        this.claimId = claimId;
    }

    /** The id of the claim the rule failed for; null when the failure was not traced to one claim. */
    public String claimId() {
        return claimId;
    }
}
