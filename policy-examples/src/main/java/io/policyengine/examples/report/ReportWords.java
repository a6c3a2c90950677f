package io.policyengine.examples.report;

import io.policyengine.text.Language;
import io.policyengine.text.Template;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The report's words in one language, from {@code words.LANG.properties} beside this class; values are {@link Template}s. */
final class ReportWords {
    private final Language language;
    private final Map<String, Template> words = new LinkedHashMap<>();

    private ReportWords(Language language) {
        this.language = language;
        Properties file = new Properties();
        String name = "words." + language.tag() + ".properties";
        try (InputStream in = ReportWords.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.stringPropertyNames().stream().sorted().forEach(key -> words.put(key, Template.parse(file.getProperty(key))));
    }

    private static final Map<Language, ReportWords> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    static ReportWords of(Language language) {
        return LOADED.computeIfAbsent(language, ReportWords::new);
    }

    Language language() {
        return language;
    }

    String get(String key) {
        return render(key, Map.of());
    }

    /** The word or sentence {@code key} with {@code params} put in; dates written the language's way. */
    String render(String key, Map<String, ?> params) {
        Template template = words.get(key);
        if (template == null) throw new IllegalStateException("no word \"" + key + "\" in words." + language.tag() + ".properties");
        return template.render(params, language);
    }

    /** Every word, unrendered: what the page's script puts together itself. */
    Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        words.forEach((key, template) -> all.put(key, template.toString()));
        return all;
    }
}
