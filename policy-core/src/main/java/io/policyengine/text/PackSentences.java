package io.policyengine.text;

import io.policyengine.RuleProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's sentences in one language: the file {@code sentences.LANG.txt} beside its rules (contract 8.4).
 * <pre>
 * [reasons]      rule name = the sentence a reason of that rule reads, naming the rule's params
 * [refusals]     rule name = the short cause a summary gives when that exclusion refused the request
 * [articles]     13 = art. {n}  or  {n} = 第{n, cn}条: how the pack's articles are cited, first match wins
 * [summary]      key = a pattern of the summary, replacing the engine's own (see summary.en.txt)
 * [titles]       rule name = the rule's title in this language, shown by explain and the counter page (optional)
 * </pre>
 * Lines starting with {@code #} are comments. Immutable.
 */
public final class PackSentences {
    /** {@code sentences.en.txt}, {@code sentences.zh-CN.txt}. */
    public static final Pattern FILE_NAME = Pattern.compile("sentences\\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\\.txt");
    private static final List<String> SECTIONS = List.of("reasons", "refusals", "articles", "summary", "titles");
    private static final Pattern ENTRY = Pattern.compile("^(.*?)\\s+=\\s?(.*)$");
    /** {@code "a rule = with an equals sign" = sentence}: a key in quotes may hold anything but a quote. */
    private static final Pattern QUOTED_ENTRY = Pattern.compile("^\"([^\"]+)\"\\s*=\\s?(.*)$");

    /** A template with the line it was written on. */
    public record Entry(String key, Template template, int line) {
    }

    /** One way of citing articles: a pattern of the article label, where {@code {n}} stands for a number. */
    private record Citation(Pattern article, Template text) {
    }

    private final Path file;
    private final Language language;
    private final Map<String, Map<String, Entry>> sections;
    private final Map<String, Entry> reasons;
    private final Map<String, Entry> refusals;
    private final Map<String, Entry> summary;
    private final List<Citation> citations;
    private final Map<String, String> titles;
    /** Citations made, by article: a pack's rules cite a handful of articles, each cited for every reason written. */
    private final Map<String, Optional<String>> cited = new ConcurrentHashMap<>();
    private static final int CITATIONS_KEPT = 256;

    private PackSentences(Path file, Language language, Map<String, Map<String, Entry>> sections) {
        this.file = file;
        this.language = language;
        this.sections = sections;
        this.reasons = sections.get("reasons");
        this.refusals = sections.get("refusals");
        this.summary = sections.get("summary");
        List<Citation> citations = new ArrayList<>();
        for (Entry entry : sections.get("articles").values()) {
            String regex = Pattern.quote(entry.key()).replace("{n}", "\\E(?<n>\\d{1,9})\\Q");
            citations.add(new Citation(Pattern.compile(regex), entry.template()));
        }
        this.citations = List.copyOf(citations);
        Map<String, String> titles = new LinkedHashMap<>();
        // a title names no params (validate says so): rendered once, here
        sections.get("titles").forEach((rule, entry) -> titles.put(rule, entry.template().render(Map.of(), language)));
        this.titles = Collections.unmodifiableMap(titles);
    }

    /**
     * Reads a sentence file's bytes; every problem (not UTF-8, an unknown section, a line that is not
     * {@code key = sentence}, a malformed pattern, a key given twice) is added to {@code problems} with its line.
     */
    public static PackSentences read(Path file, Language language, byte[] content, List<RuleProblem> problems) {
        Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();
        SECTIONS.forEach(s -> sections.put(s, new LinkedHashMap<>()));
        String section = null;
        for (Utf8Lines.Line read : Utf8Lines.of(file, content, problems)) {
            int line = read.number();
            String text = read.text().strip();
            if (text.isEmpty() || text.startsWith("#")) continue;
            if (text.startsWith("[") && text.endsWith("]")) {
                section = text.substring(1, text.length() - 1).strip();
                if (!sections.containsKey(section)) {
                    problems.add(RuleProblem.error(file, line, "unknown section [" + section + "] (sections: "
                            + String.join(", ", SECTIONS.stream().map(s -> "[" + s + "]").toList()) + ")"));
                    section = null;
                }
                continue;
            }
            Matcher entry = text.startsWith("\"") ? QUOTED_ENTRY.matcher(text) : ENTRY.matcher(text);
            if (!entry.matches() || entry.group(1).isBlank()) {
                problems.add(RuleProblem.error(file, line, "expected `name = sentence` or a [section]"));
                continue;
            }
            if (section == null) {
                problems.add(RuleProblem.error(file, line, "`" + entry.group(1).strip() + "` stands before any [section]"));
                continue;
            }
            // interned: a rule's name, a param's and a summary key come as string constants (of the rules, of Wording),
            // so that the look-up made for every reason written finds its key by identity, not by comparing characters
            String key = entry.group(1).strip().intern();
            if (section.equals("articles") && key.indexOf("{n}") != key.lastIndexOf("{n}")) {
                problems.add(RuleProblem.error(file, line, "\"" + key + "\": {n} may stand only once in an article's pattern"));
                continue;
            }
            Template template;
            try {
                template = Template.parse(entry.group(2).strip());
            } catch (IllegalArgumentException e) {
                problems.add(RuleProblem.error(file, line, "\"" + key + "\": " + e.getMessage()));
                continue;
            }
            Entry previous = sections.get(section).putIfAbsent(key, new Entry(key, template, line));
            if (previous != null) {
                problems.add(RuleProblem.error(file, line, "\"" + key + "\" is given twice in [" + section + "] (first on line " + previous.line() + ")"));
            }
        }
        sections.replaceAll((name, entries) -> Collections.unmodifiableMap(entries));
        return new PackSentences(file, language, Collections.unmodifiableMap(sections));
    }

    /**
     * These sentences laid over {@code parent}'s, a parent pack's in the same language (contract 14.1): each key
     * of this file wins, every other key falls back to the parent's. Article patterns of this file are tried first.
     */
    public PackSentences over(PackSentences parent) {
        Map<String, Map<String, Entry>> merged = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            Map<String, Entry> entries = new LinkedHashMap<>(sections.get(section));
            parent.sections.get(section).forEach(entries::putIfAbsent);
            merged.put(section, Collections.unmodifiableMap(entries));
        }
        return new PackSentences(file, language, Collections.unmodifiableMap(merged));
    }

    /**
     * How a rule's name is written as a key of this file: as it is, or in quotes when it would not read
     * back so ({@code "refund = exchange" = ...}).
     */
    public static String key(String ruleName) {
        boolean plain = !ruleName.contains("=") && !ruleName.startsWith("\"") && !ruleName.startsWith("#")
                && !ruleName.startsWith("[") && ruleName.equals(ruleName.strip());
        return plain ? ruleName : "\"" + ruleName + "\"";
    }

    /** UTF-16 text (with or without its byte-order mark): a NUL byte among the first ones, as UTF-8 text never has. */
    public static boolean isUtf16(byte[] content) {
        if (content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
                || (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)) return true;
        for (int i = 0; i < Math.min(content.length, 64); i++) {
            if (content[i] == 0) return true;
        }
        return false;
    }

    public Path file() {
        return file;
    }

    public Language language() {
        return language;
    }

    /** The sentence of a rule's reasons, or null when the file has none. */
    public Entry reason(String rule) {
        return reasons.get(rule);
    }

    /** The short cause of an exclusion rule, for the summary; null when the file gives none. */
    public Entry refusal(String rule) {
        return refusals.get(rule);
    }

    /** The rule's title in this language, or null when the file gives none (the rule's name is its title then). */
    public String title(String rule) {
        return titles.get(rule);
    }

    /** A pattern of the summary this pack gives in place of the engine's own; null when none. */
    public Entry summary(String key) {
        return summary.get(key);
    }

    /** The entries of a section ({@code reasons}, {@code refusals}, {@code articles}, {@code summary}), in file order. */
    public Map<String, Entry> section(String name) {
        return sections.get(name);
    }

    /** How the pack cites an article, in this language: {@code 13} as art. 13 or 第十三条; null when no pattern matches. */
    public String cite(String article) {
        Optional<String> known = cited.get(article);
        if (known != null) return known.orElse(null);
        String citation = citeByPattern(article);
        // articles come from the rules, a handful; a decision posted to be rendered may name any: keep the cache small
        if (cited.size() < CITATIONS_KEPT) cited.put(article, Optional.ofNullable(citation));
        return citation;
    }

    private String citeByPattern(String article) {
        for (Citation citation : citations) {
            Matcher m = citation.article().matcher(article);
            if (m.matches()) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("article", article);
                if (citation.article().pattern().contains("(?<n>")) params.put("n", Long.parseLong(m.group("n")));
                return citation.text().render(params, language);
            }
        }
        return null;
    }

    /** The placeholder names a citation pattern may use. */
    public static final Set<String> CITATION_PARAMS = Set.of("n", "article");

    private static final Map<Language, PackSentences> ENGINE = new EnumMap<>(Language.class);

    /** The engine's own summary patterns and default citations in {@code language} ({@code summary.LANG.txt}). */
    public static synchronized PackSentences engine(Language language) {
        return ENGINE.computeIfAbsent(language, l -> {
            String name = "summary." + l.tag() + ".txt";
            try (InputStream in = PackSentences.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("the engine's " + name + " is missing from its jar");
                List<RuleProblem> problems = new ArrayList<>();
                PackSentences sentences = read(Path.of(name), l, in.readAllBytes(), problems);
                if (!problems.isEmpty()) throw new IllegalStateException("the engine's " + name + " is broken: " + problems);
                return sentences;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
