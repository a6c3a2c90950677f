package io.policyengine.examples.serve;

import com.sun.net.httpserver.HttpExchange;

import java.util.List;
import java.util.Locale;

/**
 * The languages a caller may pick (contract 8.1): {@code en} and {@code zh-CN}. On HTTP, {@code ?lang=}
 * wins over {@code Accept-Language}, whose q-values are honoured; neither given means the server's default.
 */
final class Languages {
    static final Locale EN = Locale.forLanguageTag("en");
    static final Locale ZH_CN = Locale.forLanguageTag("zh-CN");
    static final String SUPPORTED = "en, zh-CN";

    private Languages() {
    }

    /** The language a tag names ({@code en}, {@code zh-CN}, {@code zh}, {@code zh-Hans}, ...), or null when it is neither. */
    static Locale of(String tag) {
        if (tag == null) return null;
        String t = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("en") || t.startsWith("en-")) return EN;
        if (t.equals("zh") || t.equals("zh-cn") || t.startsWith("zh-cn-") || t.equals("zh-hans") || t.startsWith("zh-hans-")) {
            return ZH_CN;
        }
        return null;
    }

    /**
     * The most wanted supported language of an {@code Accept-Language} header; {@code fallback} when the
     * header is absent, unreadable or {@code *}; English when it names only other languages.
     */
    static Locale accepted(String header, Locale fallback) {
        if (header == null || header.isBlank()) return fallback;
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header); // ordered by weight, q=0 dropped
        } catch (IllegalArgumentException e) {
            return fallback;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getRange().equals("*")) return fallback;
            Locale language = of(range.getRange());
            if (language != null) return language;
        }
        return EN;
    }

    /** {@code ?lang=} first (400 when unsupported), then {@code Accept-Language}, then {@code fallback} (the server's {@code --lang}). */
    static Locale requested(HttpExchange exchange, Locale fallback) {
        Locale named = named(exchange);
        return named != null ? named : fallback;
    }

    /** The language the request names, {@code ?lang=} first (400 when unsupported), then {@code Accept-Language}; null when it names none. */
    static Locale named(HttpExchange exchange) {
        String asked = Http.queryParameter(exchange, "lang");
        if (asked != null) {
            Locale language = of(asked);
            if (language == null) throw new HttpError(400, "lang: unsupported \"" + asked + "\"; supported: " + SUPPORTED);
            return language;
        }
        return accepted(exchange.getRequestHeaders().getFirst("Accept-Language"), null);
    }
}
