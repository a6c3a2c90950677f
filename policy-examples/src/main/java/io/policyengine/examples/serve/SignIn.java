package io.policyengine.examples.serve;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.policyengine.examples.access.Caller;
import io.policyengine.examples.words.Words;
import io.policyengine.text.Language;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the pages say about signing in (contract 15), in the words of {@code words.LANG.properties}: the
 * report's sign-in page, the bar on the report that says who is signed in, and the words the counter page
 * puts together itself.
 */
final class SignIn {
    private static final Pattern PLACE = Pattern.compile("\\{\\{([A-Za-z.]+)}}");

    private final String signInPage;
    private final Locale defaultLanguage;

    SignIn(String signInPage, Locale defaultLanguage) {
        this.signInPage = signInPage;
        this.defaultLanguage = defaultLanguage;
    }

    private static Words words(Locale language) {
        return Words.of(SignIn.class, Language.ofTag(language.toLanguageTag()).orElse(Language.EN));
    }

    /** The report's sign-in page in the request's language: {{key}} is a word, {{key.json}} a word as a JS string. */
    byte[] page(com.sun.net.httpserver.HttpExchange exchange) {
        Locale language = Languages.requested(exchange, defaultLanguage);
        Words words = words(language);
        Matcher place = PLACE.matcher(signInPage);
        StringBuilder page = new StringBuilder(signInPage.length() + 512);
        while (place.find()) {
            String key = place.group(1);
            String value;
            if (key.equals("lang")) value = language.toLanguageTag();
            else if (key.endsWith(".json")) value = jsString(words.all().get(key.substring(0, key.length() - ".json".length())));
            else value = html(words.get(key));
            place.appendReplacement(page, Matcher.quoteReplacement(value));
        }
        place.appendTail(page);
        return page.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The bar at the top of a page served to a caller: who is signed in, and a button that forgets the token (the
     * page's script keeps it in sessionStorage under {@code policy-engine.token}).
     */
    static String bar(Caller caller, Locale language) {
        Words words = words(language);
        String stores = caller.allStores() ? words.get("signIn.allStores")
                : words.render("signIn.stores", Map.of("stores", String.join(", ", caller.stores())));
        String who = words.render("signIn.as", Map.of("name", caller.name(), "role", words.get("role." + caller.role().wireName()),
                "stores", stores));
        return "<div id=\"signed-in\" style=\"display:flex;gap:1rem;align-items:center;justify-content:flex-end;padding:.4rem 1rem;"
                + "background:#eef1f6;font:14px system-ui,sans-serif\"><span id=\"signed-in-as\">" + html(who) + "</span>"
                + "<button id=\"sign-out\" type=\"button\" onclick=\"sessionStorage.removeItem('policy-engine.token');location.reload()\">"
                + html(words.get("signIn.out")) + "</button></div>";
    }

    /** {@code {"en": {...}, "zh-CN": {...}}}: every sign-in word in every language, for the counter page's script. */
    static String wordsJson() {
        StringBuilder json = new StringBuilder(2048).append('{');
        String separator = "";
        for (Language language : Language.values()) {
            json.append(separator).append(jsString(language.tag())).append(":{");
            String inner = "";
            for (Map.Entry<String, String> word : Words.of(SignIn.class, language).all().entrySet()) {
                if (!word.getKey().startsWith("signIn.") && !word.getKey().startsWith("role.")) continue; // the page's words only
                json.append(inner).append(jsString(word.getKey())).append(':').append(jsString(word.getValue()));
                inner = ",";
            }
            json.append('}');
            separator = ",";
        }
        return json.append('}').toString();
    }

    /** A JSON (and so JavaScript) string literal, safe inside a script element. */
    private static String jsString(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)).replace("</", "<\\/") + "\"";
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
