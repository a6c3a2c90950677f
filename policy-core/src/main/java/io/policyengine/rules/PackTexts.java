package io.policyengine.rules;

import io.policyengine.RuleProblem;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a pack's sentence files and checks them against its rules (contract 8.4): every rule that gives
 * reasons has a sentence in each language the pack has; a sentence names only params its rule gives;
 * no sentence is for a rule that does not exist; the files are UTF-8.
 */
final class PackTexts {

    private PackTexts() {
    }

    /** The pack's sentences by language; what is wrong with them is added to {@code problems}. */
    static Map<Language, PackSentences> read(PackFiles files, RuleIndex index, List<RuleProblem> problems) {
        Map<Language, PackSentences> byLanguage = new EnumMap<>(Language.class);
        Set<Language> unreadable = EnumSet.noneOf(Language.class);
        for (PackFiles.SentenceFile file : files.sentences()) {
            Optional<Language> language = Language.ofTag(file.languageTag());
            if (language.isEmpty()) {
                problems.add(RuleProblem.error(file.path(), 0, "unsupported language \"" + file.languageTag()
                        + "\" (supported: " + Language.tags() + ")"));
                continue;
            }
            if (PackSentences.isUtf16(file.content())) {
                // one problem for the file, as for a claim file: not one per line, nor one per rule it seems to lack
                problems.add(RuleProblem.error(file.path(), 1, "not valid UTF-8: it is UTF-16; save it as UTF-8"));
                unreadable.add(language.get());
                continue;
            }
            PackSentences sentences = PackSentences.read(file.path(), language.get(), file.content(), problems);
            // a parent's sentence of a rule its child dropped is no mistake of the parent's
            boolean own = files.folder().equals(file.path().getParent());
            check(sentences, index, problems, own);
            // a child's sentences over its parents' (contract 14.1): its keys win, the others fall back
            byLanguage.merge(language.get(), sentences, (parent, child) -> child.over(parent));
        }
        for (PackSentences sentences : byLanguage.values()) {
            // a language whose own file could not be read lacks every sentence: its one problem says why
            if (unreadable.contains(sentences.language())) continue;
            String fileName = sentences.file().getFileName().toString();
            for (RuleIndex.Entry rule : index.rules().values()) {
                if (rule.givesReasons() && sentences.reason(rule.name()) == null) {
                    problems.add(RuleProblem.error(rule.file(), rule.line(), "rule \"" + rule.name() + "\" has no sentence in "
                            + fileName + " (add `" + PackSentences.key(rule.name()) + " = ...` under [reasons])"));
                }
            }
        }
        return Collections.unmodifiableMap(byLanguage);
    }

    private static void check(PackSentences sentences, RuleIndex index, List<RuleProblem> problems, boolean own) {
        PackSentences engineWords = PackSentences.engine(sentences.language());
        for (String section : List.of("reasons", "refusals")) {
            for (PackSentences.Entry entry : sentences.section(section).values()) {
                RuleIndex.Entry rule = index.entry(entry.key());
                if (rule == null && !own) continue;
                if (rule == null) {
                    problems.add(RuleProblem.error(sentences.file(), entry.line(), "a sentence for rule \"" + entry.key()
                            + "\", which this pack does not have"));
                    continue;
                }
                Set<String> unknown = new LinkedHashSet<>(entry.template().names());
                unknown.removeAll(rule.params());
                for (String name : unknown) {
                    problems.add(RuleProblem.error(sentences.file(), entry.line(), "\"" + entry.key() + "\" names {" + name
                            + "}, which its rule does not give (" + (rule.params().isEmpty() ? "it gives no params"
                            : "it gives: " + String.join(", ", rule.params())) + ")"));
                }
            }
        }
        for (PackSentences.Entry entry : sentences.section("titles").values()) {
            if (index.entry(entry.key()) == null) {
                if (!own) continue;
                problems.add(RuleProblem.error(sentences.file(), entry.line(), "a title for rule \"" + entry.key()
                        + "\", which this pack does not have"));
            } else if (!entry.template().names().isEmpty()) {
                problems.add(RuleProblem.error(sentences.file(), entry.line(), "the title of \"" + entry.key() + "\" names {"
                        + entry.template().names().iterator().next() + "}; a title names no params"));
            }
        }
        for (PackSentences.Entry entry : sentences.section("articles").values()) {
            Set<String> unknown = new LinkedHashSet<>(entry.template().names());
            unknown.removeAll(PackSentences.CITATION_PARAMS);
            for (String name : unknown) {
                problems.add(RuleProblem.error(sentences.file(), entry.line(), "the citation of \"" + entry.key() + "\" names {"
                        + name + "}; a citation may name {n} (the article's number) and {article}"));
            }
        }
        for (PackSentences.Entry entry : sentences.section("summary").values()) {
            if (engineWords.summary(entry.key()) == null) {
                problems.add(RuleProblem.error(sentences.file(), entry.line(), "\"" + entry.key() + "\" is not a summary pattern (they are: "
                        + String.join(", ", engineWords.section("summary").keySet()) + ")"));
            }
        }
    }

    /**
     * What reads wrong to a customer though the pack works: an article no {@code [articles]} pattern cites (shown bare,
     * "(F1)"), and a rule with no title in a language other than English (its English name among Chinese words).
     */
    static List<RuleProblem> warnings(Map<Language, PackSentences> byLanguage, RuleIndex index) {
        List<RuleProblem> problems = new ArrayList<>();
        for (PackSentences sentences : byLanguage.values()) {
            String fileName = sentences.file().getFileName().toString();
            PackSentences engineWords = PackSentences.engine(sentences.language());
            Set<String> articlesWarned = new LinkedHashSet<>();
            for (RuleIndex.Entry rule : index.rules().values()) {
                // Without a pattern the citation is the bare label, "(F1)", which a customer cannot look up.
                if (rule.article() != null && sentences.cite(rule.article()) == null && engineWords.cite(rule.article()) == null
                        && articlesWarned.add(rule.article())) {
                    problems.add(RuleProblem.warning(rule.file(), rule.line(), "article \"" + rule.article() + "\" of rule \""
                            + rule.name() + "\" matches no pattern under [articles] in " + fileName + ": it is cited bare, as ("
                            + rule.article() + ")"));
                }
                // Without a title, explain and the counter page show the rule's English name among the other language's words.
                if (sentences.language() != Language.EN && sentences.title(rule.name()) == null) {
                    problems.add(RuleProblem.warning(rule.file(), rule.line(), "rule \"" + rule.name() + "\" has no title in "
                            + fileName + ": explain and the counter page show its name in English (add `"
                            + PackSentences.key(rule.name()) + " = ...` under [titles])"));
                }
            }
        }
        return problems;
    }
}
