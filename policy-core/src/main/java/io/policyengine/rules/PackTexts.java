package io.policyengine.rules;

import io.policyengine.RuleProblem;
import io.policyengine.text.Language;
import io.policyengine.text.PackSentences;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
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
        for (PackFiles.SentenceFile file : files.sentences()) {
            Optional<Language> language = Language.ofTag(file.languageTag());
            if (language.isEmpty()) {
                problems.add(RuleProblem.error(file.path(), 0, "unsupported language \"" + file.languageTag()
                        + "\" (supported: " + Language.tags() + ")"));
                continue;
            }
            PackSentences sentences = PackSentences.read(file.path(), language.get(), file.content(), problems);
            check(sentences, index, problems);
            byLanguage.put(language.get(), sentences);
        }
        return Collections.unmodifiableMap(byLanguage);
    }

    private static void check(PackSentences sentences, RuleIndex index, List<RuleProblem> problems) {
        String fileName = sentences.file().getFileName().toString();
        for (RuleIndex.Entry rule : index.rules().values()) {
            if (rule.givesReasons() && sentences.reason(rule.name()) == null) {
                problems.add(RuleProblem.error(rule.file(), rule.line(), "rule \"" + rule.name() + "\" has no sentence in "
                        + fileName + " (add `" + rule.name() + " = ...` under [reasons])"));
            }
        }
        for (String section : List.of("reasons", "refusals")) {
            for (PackSentences.Entry entry : sentences.section(section).values()) {
                RuleIndex.Entry rule = index.entry(entry.key());
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
        PackSentences engine = PackSentences.engine(sentences.language());
        for (PackSentences.Entry entry : sentences.section("summary").values()) {
            if (engine.summary(entry.key()) == null) {
                problems.add(RuleProblem.error(sentences.file(), entry.line(), "\"" + entry.key() + "\" is not a summary pattern (they are: "
                        + String.join(", ", engine.section("summary").keySet()) + ")"));
            }
        }
    }
}
