package io.policyengine.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's DRL as the compiler gets it: each rule's {@code Terms( $days : noReasonReturnDays )} pattern taken out and
 * {@code $days} replaced by the term's value, {@code (7)}, so that the rule tests the claim alone instead of joining a
 * {@code Terms} fact. The rules read the same values (the nearest pack's, as a child's {@code Terms} overrides its
 * parents'); a join costs a claim more than a constant, and it costs every session one tuple per rule, which grows
 * with the pack (docs/performance.md, "The engine as packs grow"). The files keep their lines, so whatever the compiler
 * says still points at the author's line; the author's text is what everything else reads. Only plain values are written
 * in: whole numbers, booleans, string literals and enum constants; a rule whose {@code Terms} pattern does more than
 * bind (or binds a term of another kind) keeps its join.
 */
final class TermsInlined {
    private static final Pattern TERMS_DECLARATION = Pattern.compile("(?s)\\bdeclare\\s+" + PackDeclarations.TERMS_TYPE + "\\b(.*?)^\\s*end\\b",
            Pattern.MULTILINE);
    /** {@code name : type = value}, the value up to a comment or the end of the line. */
    private static final Pattern TERM = Pattern.compile("^\\s*(\\w+)\\s*:\\s*([\\w.]+)\\s*=\\s*(.*?)\\s*(//.*)?$", Pattern.MULTILINE);
    private static final Pattern NUMBER_OR_BOOLEAN = Pattern.compile("-?\\d+|true|false");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");
    private static final Pattern RULE = Pattern.compile("(?s)(^\\s*rule\\s.*?^\\s*end\\b)", Pattern.MULTILINE);
    /** A line that is one {@code Terms( $a : a, $b : b )} pattern and nothing else (but a comment). */
    private static final Pattern TERMS_LINE = Pattern.compile("^[ \\t]*" + PackDeclarations.TERMS_TYPE
            + "\\s*\\(\\s*(\\$\\w+\\s*:\\s*\\w+(?:\\s*,\\s*\\$\\w+\\s*:\\s*\\w+)*)\\s*\\)[ \\t]*(//[^\\n]*)?$", Pattern.MULTILINE);
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*(\\w+)");

    private TermsInlined() {
    }

    /** {@code pack}'s files with their rules' terms written in; the same files when no rule joins a {@code Terms}. */
    static List<PackFiles.DrlFile> of(PackFiles pack) {
        Map<String, String> values = values(pack.files());
        if (values.isEmpty()) return pack.files();
        List<PackFiles.DrlFile> files = new ArrayList<>(pack.files().size());
        for (PackFiles.DrlFile file : pack.files()) {
            files.add(new PackFiles.DrlFile(file.path(), rules(file.text(), values)));
        }
        return files;
    }

    /** Each term's value as DRL text, the nearest declaration of a name winning: the files come root pack first. */
    static Map<String, String> values(List<PackFiles.DrlFile> files) {
        Map<String, String> values = new HashMap<>();
        for (PackFiles.DrlFile file : files) {
            Matcher declaration = TERMS_DECLARATION.matcher(file.text());
            while (declaration.find()) {
                Matcher term = TERM.matcher(declaration.group(1));
                while (term.find()) {
                    String literal = literal(term.group(2), term.group(3));
                    if (literal == null) values.remove(term.group(1));
                    else values.put(term.group(1), literal);
                }
            }
        }
        return values;
    }

    /** The value as it can stand in a rule, in brackets; null when it is not a plain value. */
    private static String literal(String type, String value) {
        boolean plain = switch (type) {
            case "int", "long", "short", "byte", "boolean", "Integer", "Long", "Boolean" -> NUMBER_OR_BOOLEAN.matcher(value).matches();
            case "String" -> STRING.matcher(value).matches();
            // an enum constant, named in full: io.policyengine.model.Payer.CUSTOMER
            default -> type.contains(".") && value.startsWith(type + ".") && value.substring(type.length() + 1).matches("[A-Z][A-Z0-9_]*");
        };
        return plain ? "(" + value + ")" : null;
    }

    /** {@code text}, a rule file, with each rule's terms written in from {@code values} (DRL text by term name, as {@link #values} gives). */
    static String rules(String text, Map<String, String> values) {
        Matcher rule = RULE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (rule.find()) rule.appendReplacement(out, Matcher.quoteReplacement(inlined(rule.group(1), values)));
        rule.appendTail(out);
        return out.toString();
    }

    /** One rule with its {@code Terms} lines emptied and their bindings written in; as it was when a term is not plain. */
    private static String inlined(String rule, Map<String, String> values) {
        Map<String, String> bound = new HashMap<>();
        Matcher line = TERMS_LINE.matcher(rule);
        StringBuilder out = new StringBuilder(rule.length());
        while (line.find()) {
            Matcher binding = BINDING.matcher(line.group(1));
            while (binding.find()) {
                String value = values.get(binding.group(2));
                if (value == null) return rule;
                bound.put(binding.group(1), value);
            }
            line.appendReplacement(out, "");
        }
        line.appendTail(out);
        if (bound.isEmpty()) return rule;
        String result = out.toString();
        for (Map.Entry<String, String> variable : bound.entrySet()) {
            result = result.replaceAll(Pattern.quote(variable.getKey()) + "\\b", Matcher.quoteReplacement(variable.getValue()));
        }
        return result;
    }
}
