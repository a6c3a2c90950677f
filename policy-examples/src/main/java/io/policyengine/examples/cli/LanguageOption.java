package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.UnsupportedLanguageException;
import io.policyengine.Wording;
import io.policyengine.model.BadInputException;
import picocli.CommandLine.Option;

import java.util.Locale;

/** {@code --lang en|zh-CN}: the language of every sentence the command prints (contract 8.1); English by default. */
final class LanguageOption {
    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "Language of the sentences and the summary: en or zh-CN (default: ${DEFAULT-VALUE}).")
    String lang;

    /**
     * The engine's words in the chosen language. A language it or a pack lacks is a usage error: one line
     * naming the option, the supported languages and the pack (exit 2).
     */
    Wording wording(PolicyEngine engine) {
        try {
            return engine.wording(locale());
        } catch (UnsupportedLanguageException e) {
            throw new BadInputException("--lang", e.getMessage());
        }
    }

    /** The chosen language; one the engine does not know is a usage error (exit 2). */
    Locale locale() {
        if (!lang.equals("en") && !lang.equals("zh-CN")) {
            throw new BadInputException("--lang", "unsupported \"" + lang + "\"; supported: en, zh-CN");
        }
        return Locale.forLanguageTag(lang);
    }
}
