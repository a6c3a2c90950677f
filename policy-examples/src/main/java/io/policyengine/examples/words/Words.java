package io.policyengine.examples.words;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words a program shows a person, in one language, from {@code words.LANG.properties} beside the class that
 * shows them (the report's, the command line's): the words live in files a translator edits, not in Java. Values are
 * {@link Template}s, so a date, an amount or a number is written the language's way.
 */
public final class Words {
    private static final Map<String, Words> LOADED = new ConcurrentHashMap<>();

    private final Language language;
    private final String file;
    private final Map<String, Template> words = new LinkedHashMap<>();

    private Words(Class<?> owner, Language language) {
        this.language = language;
        String name = "words." + language.tag() + ".properties";
        this.file = owner.getPackageName().replace('.', '/') + "/" + name;
        Properties read = new Properties();
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(file + " is missing from the jar");
            read.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read.stringPropertyNames().stream().sorted().forEach(key -> words.put(key, Template.parse(read.getProperty(key))));
    }

    /** The words of {@code owner}'s package in {@code language}, read once. */
    public static Words of(Class<?> owner, Language language) {
        return LOADED.computeIfAbsent(owner.getPackageName() + "/" + language.tag(), k -> new Words(owner, language));
    }

    public Language language() {
        return language;
    }

    public String get(String key) {
        return render(key, Map.of());
    }

    /** The word or sentence {@code key} with {@code params} put in; dates and amounts written the language's way. */
    public String render(String key, Map<String, ?> params) {
        Template template = words.get(key);
        if (template == null) throw new IllegalStateException("no word \"" + key + "\" in " + file);
        return template.render(params, language);
    }

    /** Whether there is a word {@code key} (words for codes, such as an event's name, may be missing for a new code). */
    public boolean has(String key) {
        return words.containsKey(key);
    }

    /** Every word, unrendered: what a page's script puts together itself. */
    public Map<String, String> all() {
        Map<String, String> all = new LinkedHashMap<>();
        words.forEach((key, template) -> all.put(key, template.toString()));
        return all;
    }
}
