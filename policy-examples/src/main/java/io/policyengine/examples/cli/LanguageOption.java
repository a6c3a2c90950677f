package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.UnsupportedLanguageException;
import io.policyengine.Wording;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.Locale;

/** {@code --lang en|zh-CN}: the language of every sentence the command prints (contract 8.1); English by default. */
final class LanguageOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
            description = "Language of the sentences and the summary: en or zh-CN (default: ${DEFAULT-VALUE}).")
    String lang;

    /** The engine's words in the chosen language; a language it or a pack lacks is a usage error naming the option. */
    Wording wording(PolicyEngine engine) {
        if (!lang.equals("en") && !lang.equals("zh-CN")) {
            throw new ParameterException(spec.commandLine(), "--lang: unsupported \"" + lang + "\"; supported: en, zh-CN");
        }
        try {
            return engine.wording(Locale.forLanguageTag(lang));
        } catch (UnsupportedLanguageException e) {
            throw new ParameterException(spec.commandLine(), "--lang: " + e.getMessage());
        }
    }
}
