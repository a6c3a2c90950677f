package io.policyengine.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What went wrong in a rule, said for a policy author: no Java or Drools class names, one line. */
final class RuleFailures {
    private static final Pattern CONSTRAINT = Pattern.compile("Error evaluating constraint '(.*?)' in \\[");

    private RuleFailures() {
    }

    static String problem(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof StackOverflowError) {
            return "it recursed too deeply (a function that calls itself without end?)";
        }
        if (root instanceof OutOfMemoryError) return "it ran out of memory";
        String condition = condition(thrown);
        String where = condition == null ? "it" : "its condition '" + condition + "'";
        if (root instanceof NullPointerException) return where + " reads a value the claim does not have (null)";
        if (root instanceof ClassCastException) return where + " uses a value of another type than it expects";
        if (root instanceof IndexOutOfBoundsException) return where + " reads past the end of a list";
        if (root instanceof ArithmeticException) return where + " cannot compute: " + oneLine(root.getMessage());
        String message = root.getMessage();
        if (root != thrown && message != null && !message.isBlank()) return where + " stopped: " + oneLine(message);
        return condition != null ? where + " could not be evaluated" : "it stopped with an error";
    }

    /** The condition Drools names when one fails to evaluate, or null. */
    private static String condition(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher constraint = CONSTRAINT.matcher(String.valueOf(t.getMessage()));
            if (constraint.find()) return oneLine(constraint.group(1));
        }
        return null;
    }

    private static String oneLine(String text) {
        return String.valueOf(text).replaceAll("\\s+", " ").trim();
    }
}
