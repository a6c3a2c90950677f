package io.policyengine;

import java.nio.file.Path;

/**
 * One problem found in a rule file, printed as {@code FILE:LINE: message}, or {@code FILE: message}
 * for a problem with a whole file or folder (line 0).
 *
 * @param warning true for something suspicious that still compiles, false for an error
 */
public record RuleProblem(Path file, int line, String message, boolean warning) {

    public static RuleProblem error(Path file, int line, String message) {
        return new RuleProblem(file, line, message, false);
    }

    public static RuleProblem warning(Path file, int line, String message) {
        return new RuleProblem(file, line, message, true);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (warning ? "warning: " : "") + message;
    }
}
