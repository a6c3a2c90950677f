package io.policyengine.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One sentence pattern of a pack's sentence file: text with placeholders that name the rule's params.
 * <ul>
 *   <li>{@code {days}}: the value, written the language's way by its type (a date as 2026-05-20 or 2026年5月20日);</li>
 *   <li>{@code {minutes, duration}}: the value in a named style (see {@link Style});</li>
 *   <li>{@code {packaging, select, DAMAGED {damaged} MISSING {missing} other {{packaging}}}}: the branch for
 *       the value, or {@code other}.</li>
 * </ul>
 * A literal brace is written {@code \{} or {@code \}}. Immutable.
 */
public final class Template {

    /** How a value is written: by its type, or in one of these named styles. */
    public enum Style {
        /** by the value's type */
        PLAIN,
        /** a date */
        DATE,
        /** a date-time's time of day, with its date when that is not the day of the {@code reportedAt} param */
        CLOCK,
        /** minutes as a span: 2 h, 90 min */
        DURATION,
        /** minutes as a promise's length: 2-hour, 90-minute */
        PROMISE,
        /** minutes counted: 1 minute, 40 minutes */
        MINUTES,
        /** an amount in the {@code currency} param: 50 CNY, 50元 */
        MONEY,
        /** a whole number in Chinese numerals: 十三 */
        CN
    }

    private sealed interface Part permits Literal, Placeholder, Select {
    }

    private record Literal(String text) implements Part {
    }

    private record Placeholder(String name, Style style) implements Part {
    }

    private record Select(String name, Map<String, Template> branches, Template other) implements Part {
    }

    private final String source;
    private final List<Part> parts;
    /** The sentence when the pattern names no param (a word, a separator): the same every time; else null. */
    private final String constant;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
        if (parts.isEmpty()) constant = "";
        else constant = parts.size() == 1 && parts.get(0) instanceof Literal l ? l.text() : null;
    }

    /** Reads a pattern; throws {@link IllegalArgumentException} with a one-line reason when it is malformed. */
    public static Template parse(String pattern) {
        Parser parser = new Parser(pattern);
        Template template = parser.template(false);
        if (parser.at < pattern.length()) throw new IllegalArgumentException("unmatched '}' at column " + (parser.at + 1));
        return template;
    }

    /** The param names the pattern uses, in order of appearance. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Part part : parts) {
            if (part instanceof Placeholder p) names.add(p.name());
            if (part instanceof Select s) {
                names.add(s.name());
                s.branches().values().forEach(t -> names.addAll(t.names()));
                if (s.other() != null) names.addAll(s.other().names());
            }
        }
        return names;
    }

    /** The sentence with the values put in, written as {@code language} writes them. A missing value is left empty. */
    public String render(Map<String, ?> params, Language language) {
        if (constant != null) return constant;
        StringBuilder out = new StringBuilder(source.length() + 32);
        renderTo(out, params, language);
        return out.toString();
    }

    private void renderTo(StringBuilder out, Map<String, ?> params, Language language) {
        for (Part part : parts) {
            if (part instanceof Literal l) {
                out.append(l.text());
            } else if (part instanceof Placeholder p) {
                Object value = params.get(p.name());
                if (value != null) language.writeTo(out, value, p.style(), params);
            } else if (part instanceof Select s) {
                Object value = params.get(s.name());
                Template branch = s.branches().get(value == null ? "null" : String.valueOf(value));
                if (branch == null) branch = s.other();
                if (branch != null) branch.renderTo(out, params, language);
            }
        }
    }

    @Override
    public String toString() {
        return source;
    }

    private static final class Parser {
        /** Selects inside selects, deeper than any sentence needs; past it a pattern is refused, not recursed into. */
        private static final int MAX_DEPTH = 16;
        private final String text;
        private int at;
        private int depth;

        Parser(String text) {
            this.text = text;
        }

        /** Parts up to the end, or up to the '}' that closes a select branch when {@code nested}. */
        Template template(boolean nested) {
            int from = at;
            List<Part> parts = new ArrayList<>();
            StringBuilder literal = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '\\' && at + 1 < text.length() && (text.charAt(at + 1) == '{' || text.charAt(at + 1) == '}')) {
                    literal.append(text.charAt(at + 1));
                    at += 2;
                } else if (c == '{') {
                    if (!literal.isEmpty()) parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                    parts.add(placeholder());
                } else if (c == '}') {
                    if (nested) break;
                    throw new IllegalArgumentException("unmatched '}' at column " + (at + 1));
                } else {
                    literal.append(c);
                    at++;
                }
            }
            if (!literal.isEmpty()) parts.add(new Literal(literal.toString()));
            return new Template(text.substring(from, at), parts);
        }

        private Part placeholder() {
            int open = at;
            at++; // '{'
            String name = word();
            if (name.isEmpty()) throw new IllegalArgumentException("a placeholder needs a param name at column " + (open + 1));
            skipSpaces();
            if (peek() == '}') {
                at++;
                return new Placeholder(name, Style.PLAIN);
            }
            expect(',', "',' or '}' after {" + name);
            skipSpaces();
            String style = word();
            skipSpaces();
            if (style.equals("select")) return select(name, open);
            expect('}', "'}' after the style of {" + name);
            try {
                return new Placeholder(name, Style.valueOf(style.toUpperCase()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown style \"" + style + "\" in {" + name + "} (styles: select, date, clock, "
                        + "duration, promise, minutes, money, cn)");
            }
        }

        private Part select(String name, int open) {
            if (++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("selects nested more than " + MAX_DEPTH + " deep at column " + (open + 1));
            }
            expect(',', "',' after select in {" + name);
            Map<String, Template> branches = new LinkedHashMap<>();
            Template other = null;
            while (true) {
                skipSpaces();
                if (at >= text.length()) throw new IllegalArgumentException("the select {" + name + "} at column " + (open + 1) + " is not closed");
                if (peek() == '}') {
                    at++;
                    break;
                }
                String key = word();
                if (key.isEmpty()) throw new IllegalArgumentException("a select branch needs a value before its '{' at column " + (at + 1));
                skipSpaces();
                expect('{', "'{' after the select value " + key);
                Template branch = template(true);
                expect('}', "'}' closing the select branch " + key);
                if (key.equals("other")) other = branch;
                else branches.put(key, branch);
            }
            if (other == null) throw new IllegalArgumentException("the select {" + name + "} needs an 'other {...}' branch");
            depth--;
            return new Select(name, branches, other);
        }

        /**
         * A param's name, a style or a select's value, interned: the params' names and values a sentence is rendered
         * with are string constants of the rules, so that every look-up made while rendering finds them by identity.
         */
        private String word() {
            int from = at;
            while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_' || text.charAt(at) == '-')) at++;
            return text.substring(from, at).intern();
        }

        private void skipSpaces() {
            while (at < text.length() && text.charAt(at) == ' ') at++;
        }

        private char peek() {
            return at < text.length() ? text.charAt(at) : '\0';
        }

        private void expect(char wanted, String what) {
            if (peek() != wanted) throw new IllegalArgumentException("expected " + what + " at column " + (at + 1));
            at++;
        }
    }
}
