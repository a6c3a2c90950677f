package io.policyengine;

/**
 * A rule that compiled but failed while deciding (a constraint or a consequence threw), reported as
 * {@code FILE:LINE: rule "NAME" failed: cause} on one line.
 */
public final class RuleFailureException extends RuntimeException {

    public RuleFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
