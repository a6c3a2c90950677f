package io.policyengine.rules;

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

    /** A rule's declaration: file, line, cited article (null when none), the terms it binds and the types it matches. */
    record Entry(String name, Path file, int line, String article, Set<String> terms, Set<String> patternTypes) {
    }

    private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);
    private static final Pattern ARTICLE = Pattern.compile("@article\\s*\\(\\s*\"?([^\")]*)\"?\\s*\\)");
    private static final Pattern TERMS_PATTERN = Pattern.compile("\\b" + RulePack.TERMS_TYPE + "\\s*\\(([^)]*)\\)");
    private static final Pattern BINDING = Pattern.compile("\\$\\w+\\s*:\\s*(\\w+)");
    private static final Pattern PATTERN_TYPE = Pattern.compile("\\b([A-Z]\\w*)\\s*\\(");
    private static final Pattern THEN = Pattern.compile("^\\s*then\\b", Pattern.MULTILINE);

    static RuleIndex of(List<PackFiles.DrlFile> files) {
        Map<String, Entry> rules = new LinkedHashMap<>();
        for (PackFiles.DrlFile file : files) {
            String text = file.text();
            Matcher rule = RULE.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (rule.find()) {
                starts.add(new int[]{rule.start(), rule.end()});
                names.add(rule.group(1));
            }
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i)[1];
                int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
                String body = text.substring(from, to);
                Matcher then = THEN.matcher(body);
                String header = then.find() ? body.substring(0, then.start()) : body;
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
                int line = lineOf(text, starts.get(i)[0]);
                rules.put(names.get(i), new Entry(names.get(i), file.path(), line,
                        article.find() ? article.group(1).trim() : null, terms, types));
            }
        }
        return new RuleIndex(rules);
    }

    /** Whether some rule's conditions name the type {@code simpleName}. */
    boolean matches(String simpleName) {
        return rules.values().stream().anyMatch(rule -> rule.patternTypes().contains(simpleName));
    }

    /** Every rule as {@code pack}'s, by name, in the order written. */
    Map<String, PackRule> packRules(String pack) {
        Map<String, PackRule> byName = new LinkedHashMap<>();
        for (Entry rule : rules.values()) {
            byName.put(rule.name(), new PackRule(pack, rule.name(), rule.article() == null ? "" : rule.article(), rule.file(), rule.line()));
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    Entry entry(String rule) {
        return rules.get(rule);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') line++;
        }
        // the match may begin with the blank lines before the rule
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            if (text.charAt(offset) == '\n') line++;
            offset++;
        }
        return line;
    }
}
