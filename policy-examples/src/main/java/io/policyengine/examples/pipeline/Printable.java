package io.policyengine.examples.pipeline;

/**
 * Text from the input made safe to print as part of one line: a line break in a field name or an id
 * must not start a new line, and a bidirectional control must not reorder what the terminal shows.
 */
public final class Printable {

    private Printable() {
    }

    /** The text with line breaks, other control and bidirectional characters written as escapes ({@code \n}, {@code \u202e}). */
    public static String oneLine(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || isBidiControl(c) ? String.format("\\u%04x", (int) c) : null;
            };
            if (escape != null && out == null) out = new StringBuilder(text.length() + 8).append(text, 0, i);
            if (out != null) {
                if (escape != null) out.append(escape);
                else out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The characters that reorder text: marks, embeddings, overrides and isolates (U+061C, U+200E-F, U+202A-E, U+2066-9). */
    private static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }
}
