package io.policyengine.rules;

import io.policyengine.RuleProblem;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Drools' compiler messages into ones a policy author can act on: a misspelled field or term is named
 * with the nearest name the claim or the pack has ("did you mean"), the errors that only follow from it are
 * dropped, and a syntax error inside a rule's {@code then} block points at its own line rather than the rule's.
 */
final class ProblemHints {
    /** Drools, for a name the fact's class does not have: {@code unable to resolve method using strict-mode: a.b.Claim.qualityDefekt()}. */
    private static final Pattern UNRESOLVED_METHOD =
            Pattern.compile("Unable to Analyse Expression (.+?): \\[Error: unable to resolve method using strict-mode: ([\\w.$]+)\\.([\\w$]+)\\(\\)\\].*");
    /** Drools, for a binding to a field the fact does not have: {@code Field Reader does not exist for declaration '$days' in '$days : noReasonReturnDay'}. */
    private static final Pattern NO_FIELD_READER =
            Pattern.compile("Field Reader does not exist for declaration '(\\$\\w+)' in '\\$\\w+ : (\\w+)'.*");
    private static final Pattern PATTERN_TYPE = Pattern.compile("(\\w+)\\s*\\(");
    private static final Pattern DECLARE = Pattern.compile("(?s)\\bdeclare\\s+(\\w+)\\b(.*?)^\\s*end\\b", Pattern.MULTILINE);
    private static final Pattern DECLARED_FIELD = Pattern.compile("(?m)^\\s*(\\w+)\\s*:");
    private static final String COMPILATION_ERROR = "Rule Compilation error ";

    private ProblemHints() {
    }

    /**
     * The problems with hints, in the same order, less those that only follow from a misspelled binding
     * (an expression that uses {@code $days} after {@code $days : noReasonReturnDay} failed).
     *
     * @param texts the text of each file a problem may name, by path
     */
    static List<RuleProblem> improve(List<RuleProblem> problems, Function<Path, String> texts,
                                     ClassLoader classes) {
        String allDrl = String.join("\n", problems.stream().map(RuleProblem::file).distinct()
                .map(texts).filter(t -> t != null).toList());
        Set<String> failedBindings = new LinkedHashSet<>();
        List<RuleProblem> improved = new ArrayList<>();
        for (RuleProblem problem : problems) {
            String text = texts.apply(problem.file());
            Matcher reader = NO_FIELD_READER.matcher(problem.message());
            if (reader.matches() && text != null) {
                failedBindings.add(reader.group(1));
                String type = typeOfPatternOn(text, problem.line()).orElse(null);
                List<String> names = type == null ? List.of() : namesOf(type, allDrl, classes);
                improved.add(RuleProblem.error(problem.file(), problem.line(),
                        (type == null ? "no field " : type + " has no field ") + reader.group(2) + didYouMean(reader.group(2), names)));
                continue;
            }
            Matcher method = UNRESOLVED_METHOD.matcher(problem.message());
            if (method.matches()) {
                String name = method.group(3);
                if (name.startsWith("$")) {
                    // a binding the rule could not make: its own error (a misspelled term, an unknown type) says why
                    if (failedBindings.contains(name) || hasRootError(problems, problem.file())) continue;
                } else {
                    String type = method.group(2).substring(method.group(2).lastIndexOf('.') + 1);
                    improved.add(RuleProblem.error(problem.file(), problem.line(), method.group(1).trim() + ": " + type
                            + " has no field or method " + name + didYouMean(name, namesOf(method.group(2), allDrl, classes))));
                    continue;
                }
            }
            if (failedBindings.stream().anyMatch(b -> problem.message().contains(COMPILATION_ERROR + b + " cannot be resolved"))) continue;
            if (problem.message().startsWith("[ERR ") && text != null) {
                int line = unclosedLineBefore(text, problem.line(), problem.message());
                if (line > 0) {
                    improved.add(RuleProblem.error(problem.file(), line, problem.message() + " (a ( opened on this line is not closed)"));
                    continue;
                }
            }
            if (problem.message().startsWith(COMPILATION_ERROR + "Syntax error") && text != null) {
                int line = unbalancedLineInConsequence(text, problem.line());
                if (line > 0) {
                    improved.add(RuleProblem.error(problem.file(), line, problem.message().substring(COMPILATION_ERROR.length())));
                    continue;
                }
            }
            improved.add(problem);
        }
        return improved;
    }

    /** Whether {@code file} has an error that is not about a binding ({@code $name}) used elsewhere. */
    private static boolean hasRootError(List<RuleProblem> problems, Path file) {
        return problems.stream().anyMatch(p -> p.file().equals(file) && !p.message().contains("strict-mode: ")
                && !p.message().matches(".*\\$\\w+ cannot be resolved.*"));
    }

    /** The fact type of the pattern on {@code line}, as written ({@code Terms( $days : x )} gives {@code Terms}). */
    private static Optional<String> typeOfPatternOn(String drl, int line) {
        String[] lines = drl.split("\n", -1);
        if (line < 1 || line > lines.length) return Optional.empty();
        Matcher type = PATTERN_TYPE.matcher(lines[line - 1]);
        return type.find() ? Optional.of(type.group(1)) : Optional.empty();
    }

    /**
     * The names a constraint on {@code type} may use: a type declared in the pack's DRL ({@code Terms}) by its
     * fields; a class of the model by its accessors ({@code daysSincePurchase()}, {@code getX()} as {@code x}).
     */
    static List<String> namesOf(String type, String drl, ClassLoader classes) {
        String simple = type.substring(type.lastIndexOf('.') + 1);
        Matcher declared = DECLARE.matcher(drl);
        List<String> names = new ArrayList<>();
        while (declared.find()) {
            if (declared.group(1).equals(simple)) {
                Matcher field = DECLARED_FIELD.matcher(declared.group(2));
                while (field.find()) names.add(field.group(1));
            }
        }
        if (!names.isEmpty()) return names;
        for (String candidate : type.contains(".") ? List.of(type) : List.of("io.policyengine.model." + type, "io.policyengine.facts." + type)) {
            try {
                for (Method m : Class.forName(candidate, false, classes).getMethods()) {
                    if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) continue;
                    String name = m.getName();
                    if (name.matches("(get|is)[A-Z].*")) {
                        String bare = name.substring(name.startsWith("is") ? 2 : 3);
                        name = Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
                    }
                    names.add(name);
                }
                return names;
            } catch (ClassNotFoundException | LinkageError e) {
                // not a class of the model: no names to suggest
            }
        }
        return names;
    }

    /** {@code " (did you mean x?)"} for the nearest of {@code names} within a few edits, else nothing. */
    static String didYouMean(String name, List<String> names) {
        record Near(String candidate, int distance) {
        }
        return names.stream().distinct()
                .filter(n -> !n.equals(name))
                .map(n -> new Near(n, distance(name.toLowerCase(), n.toLowerCase())))
                .filter(near -> near.distance() <= Math.max(2, name.length() / 4))
                .min(Comparator.comparingInt(Near::distance).thenComparing(Near::candidate))
                .map(near -> " (did you mean " + near.candidate() + "?)")
                .orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The parser meets a missing {@code )} only at the start of the next line ({@code Line 14:0 mismatched input
     * 'then'}): the line before it, when that line opens more parentheses than it closes; 0 otherwise.
     */
    static int unclosedLineBefore(String drl, int line, String message) {
        if (!message.matches("\\[ERR \\d+\\] Line \\d+:0 .*")) return 0;
        String[] lines = drl.split("\n", -1);
        for (int i = line - 2; i >= 0; i--) {
            String previous = lines[i].replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//.*", "");
            if (previous.isBlank()) continue;
            long open = previous.chars().filter(c -> c == '(').count();
            long close = previous.chars().filter(c -> c == ')').count();
            return open > close ? i + 1 : 0;
        }
        return 0;
    }

    /**
     * Drools puts a syntax error in a {@code then} block at the rule's first line: the line of the statement
     * that ends ({@code ;}) or meets {@code end} with a parenthesis still open, in the rule starting at
     * {@code ruleLine}; 0 when there is none.
     */
    static int unbalancedLineInConsequence(String drl, int ruleLine) {
        String[] lines = drl.split("\n", -1);
        boolean inConsequence = false;
        int depth = 0;
        for (int i = Math.max(0, ruleLine - 1); i < lines.length; i++) {
            String line = lines[i].replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//.*", "");
            String trimmed = line.trim();
            if (!inConsequence) {
                if (trimmed.equals("then")) inConsequence = true;
                continue;
            }
            if (trimmed.equals("end")) return depth != 0 ? i : 0;
            for (char ch : line.toCharArray()) {
                if (ch == '(') depth++;
                else if (ch == ')') depth--;
                else if (ch == ';' && depth != 0) return i + 1;
            }
        }
        return 0;
    }
}
