package io.policyengine.cli;

/** The command line's exit codes (contract section 4), in one place. */
final class ExitCodes {
    static final int OK = 0;
    /** validate found problems; test had a failing example. */
    static final int FINDINGS = 1;
    /** Bad input, an unreadable file, broken rules, or a usage error. */
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
