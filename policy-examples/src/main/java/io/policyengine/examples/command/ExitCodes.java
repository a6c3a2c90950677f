package io.policyengine.examples.command;

/** The command line's exit codes (contract section 4), in one place. */
public final class ExitCodes {
    public static final int OK = 0;
    /** validate found problems; test had a failing example. */
    public static final int FINDINGS = 1;
    /** Bad input, an unreadable file, broken rules, or a usage error. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
