package io.policyengine.examples.report;

import io.policyengine.examples.words.Words;
import io.policyengine.text.Language;

import java.util.Map;

/** The report's words in one language, from {@code words.LANG.properties} beside this class. */
final class ReportWords {
    private final Words words;

    private ReportWords(Words words) {
        this.words = words;
    }

    static ReportWords of(Language language) {
        return new ReportWords(Words.of(ReportWords.class, language));
    }

    Language language() {
        return words.language();
    }

    String get(String key) {
        return words.get(key);
    }

    /** The word or sentence {@code key} with {@code params} put in; dates written the language's way. */
    String render(String key, Map<String, ?> params) {
        return words.render(key, params);
    }

    boolean has(String key) {
        return words.has(key);
    }

    /** Every word, unrendered: what the page's script puts together itself. */
    Map<String, String> all() {
        return words.all();
    }
}
