package io.policyengine.examples.command;

import io.policyengine.PolicyEngine;
import io.policyengine.UnsupportedLanguageException;
import io.policyengine.Wording;
import io.policyengine.model.BadInputException;
import io.policyengine.text.Language;
import picocli.CommandLine.Option;

import java.util.Locale;

/** {@code --lang en|zh-CN}: the language of every sentence the command prints (contract 8.1); English by default. */
public final class LanguageOption {
    /**
     * null when the option is not given: English, or with {@code --stores} each store's own language. The help does not
     * say the latter: most commands that mix this in have no {@code --stores}; the option says it where there is one.
     */
    @Option(names = "--lang", paramLabel = "LANG",
            description = "Language of every sentence the command prints: en or zh-CN (default: en).")
    public String lang;

    /** Whether {@code --lang} was given. */
    public boolean chosen() {
        return lang != null;
    }

    /**
     * The engine's words in the chosen language. A language it or a pack lacks is a usage error: one line
     * naming the option, the supported languages and the pack (exit 2).
     */
    public Wording wording(PolicyEngine engine) {
        return wording(engine::wording);
    }

    /** The words, in the chosen language, of whatever makes them (an engine, a chain's engine). */
    public Wording wording(java.util.function.Function<Locale, Wording> words) {
        try {
            return words.apply(locale());
        } catch (UnsupportedLanguageException e) {
            throw new BadInputException("--lang", e.getMessage());
        }
    }

    /** The chosen language, for the program's own words ({@code Words}); English when none is chosen. */
    public Language language() {
        return Language.ofTag(locale().toLanguageTag()).orElse(Language.EN);
    }

    /** The chosen language; one the engine does not know is a usage error (exit 2). */
    public Locale locale() {
        String tag = lang == null ? "en" : lang;
        if (!tag.equals("en") && !tag.equals("zh-CN")) {
            throw new BadInputException("--lang", "unsupported \"" + tag + "\"; supported: en, zh-CN");
        }
        return Locale.forLanguageTag(tag);
    }
}
