package io.policyengine.rules;

import io.policyengine.facts.RefundAmount;
import io.policyengine.model.PackRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each rule of a pack is written and which policy terms it reads, found in the DRL text:
 * what {@code explain} shows next to a rule, and what {@code validate} points at.
 */
record RuleIndex(Map<String, Entry> rules) {

    /**
     * A rule's declaration: file, line, cited article (null when none), the terms it binds, the types it
     * matches, whether it gives reasons (grants, exclusions, commitments, compensation: those need a sentence),
     * and the names of the params it gives them.
     */
    record Entry(String name, Path file, int line, String article, Set<String> terms, Set<String> patternTypes,
                 boolean givesReasons, Set<String> params, String packageName) {
    }

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    /** {@code @article("SGD 13(4)(b)")}: a quoted article may hold parentheses, an unquoted one ends at the first. */
    static final Pattern ARTICLE = Pattern.compile("@article\\s*\\(\\s*(?:\"([^\"]*)\"|([^\")]*))\\s*\\)");
    private static final Pattern TERMS_PATTERN = Pattern.compile("\\b" + PackDeclarations.TERMS_TYPE + "\\s*\\(([^)]*)\\)");
    private static final Pattern BINDING = Pattern.compile("\\$\\w+\\s*:\\s*(\\w+)");
    private static final Pattern PATTERN_TYPE = Pattern.compile("\\b([A-Z]\\w*)\\s*\\(");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b", Pattern.MULTILINE);
    private static final Pattern GIVES_REASON = Pattern.compile("\\b(?:Grant|Exclusion|Commitment|CompensationDue|RefundDue|ReturnShipping"
            + "|RefundAmount)\\s*\\.\\s*(?:insert|ifRepair|ifGranted|lessDepreciation|unknown|unknownIfOnlyGrant)\\s*\\(");
    /** A depreciation's reason gains the arithmetic as params (see {@link RefundAmount#ARITHMETIC}). */
    private static final Pattern DEPRECIATION = Pattern.compile("\\bRefundAmount\\s*\\.\\s*lessDepreciation\\s*\\(");
    private static final Pattern PARAMS_CALL = Pattern.compile("\\bparams\\s*\\(");

    static RuleIndex of(List<PackFiles.DrlFile> files) {
        Map<String, Entry> rules = new LinkedHashMap<>();
        for (PackFiles.DrlFile file : files) {
            String text = file.text();
            Matcher packageLine = PACKAGE.matcher(text);
            String packageName = packageLine.find() ? packageLine.group(1) : null;
            Matcher rule = RULE.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (rule.find()) {
                starts.add(new int[]{rule.start(), rule.end()});
                names.add(rule.group(1));
            }
            int[] lineStarts = PackFiles.lineStarts(text);
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i)[1];
                int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                String body = text.substring(from, to);
                Matcher then = THEN.matcher(body);
                boolean hasThen = then.find();
                String header = hasThen ? body.substring(0, then.start()) : body;
                String consequence = hasThen ? body.substring(then.end()) : "";
                Matcher article = ARTICLE.matcher(header);
                Set<String> terms = new LinkedHashSet<>();
                Matcher termsPattern = TERMS_PATTERN.matcher(header);
                while (termsPattern.find()) {
                    Matcher binding = BINDING.matcher(termsPattern.group(1));
                    while (binding.find()) terms.add(binding.group(1));
                }
                Set<String> types = new LinkedHashSet<>();
                Matcher type = PATTERN_TYPE.matcher(header);
                while (type.find()) types.add(type.group(1));
                int line = lineOf(text, lineStarts, starts.get(i)[0]);
                Set<String> params = paramNames(consequence);
                if (DEPRECIATION.matcher(consequence).find()) params.addAll(RefundAmount.ARITHMETIC);
                rules.put(names.get(i), new Entry(names.get(i), file.path(), line,
                        article.find() ? (article.group(1) != null ? article.group(1) : article.group(2)).trim() : null, terms, types,
                        GIVES_REASON.matcher(consequence).find(), params, packageName));
            }
        }
        return new RuleIndex(rules);
    }

    /** Whether some rule's conditions name the type {@code simpleName}. */
    boolean matches(String simpleName) {
        return rules.values().stream().anyMatch(rule -> rule.patternTypes().contains(simpleName));
    }

    /** Every rule as {@code pack}'s, by name, in the order written; {@code origin} names the pack whose file holds a rule. */
    Map<String, PackRule> packRules(String pack, java.util.function.Function<Path, String> origin) {
        Map<String, PackRule> byName = new LinkedHashMap<>();
        for (Entry rule : rules.values()) {
            byName.put(rule.name(), new PackRule(pack, rule.name(), rule.article() == null ? "" : rule.article(), rule.file(), rule.line(),
                    origin.apply(rule.file())));
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    Entry entry(String rule) {
        return rules.get(rule);
    }

    /** Whether the rule {@code name} of the DRL package {@code packageName} is written in the pack's files (a child may have dropped it). */
    boolean has(String packageName, String name) {
        Entry entry = rules.get(name);
        return entry != null && java.util.Objects.equals(entry.packageName(), packageName);
    }

    /** The rules' names in the order they are written: files by name, then line. */
    List<String> writtenOrder() {
        return List.copyOf(rules.keySet());
    }

    /** The names a {@code then} block gives in {@code params( "name", value, ... )}: the string literals in first place of each pair. */
    static Set<String> paramNames(String consequence) {
        Set<String> names = new LinkedHashSet<>();
        Matcher call = PARAMS_CALL.matcher(consequence);
        while (call.find()) {
            List<String> arguments = new ArrayList<>();
            int depth = 0;
            StringBuilder argument = new StringBuilder();
            for (int i = call.end(); i < consequence.length(); i++) {
                char c = consequence.charAt(i);
                if (c == '"') {
                    int close = consequence.indexOf('"', i + 1);
                    while (close > 0 && consequence.charAt(close - 1) == '\\') close = consequence.indexOf('"', close + 1);
                    if (close < 0) break;
                    argument.append(consequence, i, close + 1);
                    i = close;
                } else if (c == '(') {
                    depth++;
                    argument.append(c);
                } else if (c == ')' && depth == 0) {
                    break;
                } else if (c == ')') {
                    depth--;
                    argument.append(c);
                } else if (c == ',' && depth == 0) {
                    arguments.add(argument.toString().strip());
                    argument.setLength(0);
                } else {
                    argument.append(c);
                }
            }
            if (!argument.isEmpty()) arguments.add(argument.toString().strip());
            for (int a = 0; a < arguments.size(); a += 2) {
                String name = arguments.get(a);
                if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) names.add(name.substring(1, name.length() - 1));
            }
        }
        return names;
    }

    private static int lineOf(String text, int[] lineStarts, int offset) {
        int line = PackFiles.lineAt(lineStarts, offset);
        // the match may begin with the blank lines before the rule
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            if (text.charAt(offset) == '\n') line++;
            offset++;
        }
        return line;
    }
}
