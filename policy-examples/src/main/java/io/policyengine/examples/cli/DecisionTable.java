package io.policyengine.examples.cli;

import io.policyengine.Wording;
import io.policyengine.model.Commitments;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Remedy;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The human-readable form of {@code decide}: one row per claim, its WHY the summary a cashier reads
 * (contract 8.2). Columns keep their place whatever the input: a claim id longer than its column is
 * cut with an ellipsis, and text is measured in display columns, a Chinese character taking two.
 */
final class DecisionTable {
    private static final int CLAIM = 30;
    private static final int DAY = 4;
    private static final int OUTCOME = 11;
    private static final int ALLOWED = 40;
    private static final int DUE = 10;
    private static final List<String> HEADER_EN = List.of("CLAIM", "DAY", "OUTCOME", "ALLOWED", "REPAIR DUE", "WHY");
    private static final List<String> HEADER_ZH = List.of("单号", "天数", "结果", "可选处理", "维修期限", "说明");

    private final PrintWriter out;
    private final Wording wording;

    DecisionTable(PrintWriter out, Wording wording) {
        this.out = out;
        this.wording = wording;
    }

    void header() {
        List<String> names = wording.languageTag().equals("en") ? HEADER_EN : HEADER_ZH;
        out.println(row(names.get(0), names.get(1), names.get(2), names.get(3), names.get(4), names.get(5)));
    }

    void row(Decision d) {
        String remedies = d.remedies().isEmpty() ? "-" : d.remedies().stream().map(Remedy::name).collect(Collectors.joining(", "));
        String due = d.repairDueDate() == null ? "-" : d.repairDueDate().toString();
        out.println(row(Printable.oneLine(d.claimId()), String.valueOf(d.daysSincePurchase()), d.outcome().name(), remedies, due,
                Printable.oneLine(wording.summary(d))));
        String promises = d.commitments() == null ? "" : promises(d.commitments());
        if (!promises.isEmpty()) out.println(indent("service: " + promises));
        for (Compensation owed : d.compensation()) {
            out.println(indent("owed: " + owed.amount().toPlainString() + " " + owed.currency() + " ("
                    + Printable.oneLine(wording.article(d, owed.reason())) + ": " + Printable.oneLine(wording.message(d, owed)) + ")"));
        }
    }

    private static String row(String claim, String day, String outcome, String allowed, String due, String why) {
        return fit(claim, CLAIM) + " " + padLeft(day, DAY) + "  " + fit(outcome, OUTCOME) + "  " + fit(allowed, ALLOWED)
                + " " + fit(due, DUE) + "  " + why;
    }

    private static String indent(String text) {
        return " ".repeat(CLAIM) + " " + text;
    }

    /** The text in exactly {@code width} display columns: padded, or cut with an ellipsis. */
    static String fit(String text, int width) {
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

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - width(text))) + text;
    }

    /** Display columns: two for East Asian wide and full-width characters, none for combining marks, one otherwise. */
    static int width(String text) {
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

    private static String promises(Commitments c) {
        StringJoiner promises = new StringJoiner(", ");
        add(promises, "respond by", c.respondBy());
        add(promises, "dispatch by", c.dispatchBy());
        add(promises, "on site by", c.onSiteBy());
        add(promises, "fixed by", c.resolveBy());
        add(promises, "loaner due at", c.loanerDueAt());
        return promises.toString();
    }

    private static void add(StringJoiner promises, String what, LocalDateTime at) {
        if (at != null) promises.add(what + " " + at.toLocalDate() + " " + at.toLocalTime());
    }
}
