package io.policyengine.examples.pipeline;

/**
 * Text in the columns of a terminal, as the tables of both programs' lists lay it out ({@code decide}'s table,
 * {@code due}'s to-do list): a Chinese character takes two columns, a combining mark none.
 */
public final class Columns {
    private Columns() {
    }

    /** The text in exactly {@code width} display columns: padded, or cut with an ellipsis. */
    public static String fit(String text, int width) {
        int columns = width(text);
        if (columns <= width) return text + " ".repeat(width - columns);
        StringBuilder cut = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int w = width(c);
            if (used + w > width - 1) break;
            cut.appendCodePoint(c);
            used += w;
            i += Character.charCount(c);
        }
        return cut.append('…').append(" ".repeat(width - 1 - used)).toString();
    }

    /** Display columns: two for East Asian wide and full-width characters, none for combining marks, one otherwise. */
    public static int width(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            columns += width(c);
            i += Character.charCount(c);
        }
        return columns;
    }

    private static int width(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) return 0;
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
