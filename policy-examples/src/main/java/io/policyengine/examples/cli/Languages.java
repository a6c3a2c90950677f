package io.policyengine.examples.cli;

import java.util.Locale;
import java.util.Map;

/** The languages decisions are written in (contract section 8.1), as {@code --lang} names them. */
final class Languages {
    private static final Map<String, Locale> SUPPORTED = Map.of("en", Locale.ENGLISH, "zh-CN", Locale.SIMPLIFIED_CHINESE);

    private Languages() {
    }

    /** The locale {@code --lang} names, or null when it is not supported. */
    static Locale parse(String lang) {
        return SUPPORTED.get(lang);
    }

    static String unsupported(String lang) {
        return "--lang: unsupported \"" + Printable.oneLine(lang) + "\"; supported: en, zh-CN";
    }
}
