package io.policyengine.examples.cli;

import io.policyengine.RenderedDecision;
import io.policyengine.Wording;
import io.policyengine.model.Commitments;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Remedy;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.StringJoiner;

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
    private static final List<String> PROMISES_EN = List.of("respond by", "dispatch by", "on site by", "fixed by", "loaner due at");
    private static final List<String> PROMISES_ZH = List.of("最迟回复", "最迟派单", "最迟上门", "最迟修复", "最迟提供备用机");

    private final PrintWriter out;
    private final Wording wording;

    DecisionTable(PrintWriter out, Wording wording) {
        this.out = out;
        this.wording = wording;
    }

    void header() {
        List<String> names = english() ? HEADER_EN : HEADER_ZH;
        out.println(row(names.get(0), names.get(1), names.get(2), names.get(3), names.get(4), names.get(5)));
    }

    /**
     * One claim's row. The English table shows the outcome and remedies by the names the JSON uses
     * ({@code FREE_REPAIR}); the Chinese one in the fixed words of contract 8.3 (免费维修).
     */
    void row(Decision d) {
        RenderedDecision words = wording.render(d);
        String outcome = english() ? d.outcome().name() : words.outcome();
        List<String> allowed = english() ? d.remedies().stream().map(Remedy::name).toList() : words.remedies();
        String remedies = allowed.isEmpty() ? "-" : String.join(english() ? ", " : "、", allowed);
        String due = d.repairDueDate() == null ? "-" : d.repairDueDate().toString();
        out.println(row(Printable.oneLine(d.claimId()), String.valueOf(d.daysSincePurchase()), outcome, remedies, due,
                Printable.oneLine(words.summary())));
        String promises = d.commitments() == null ? "" : promises(d.commitments());
        if (!promises.isEmpty()) out.println(indent((english() ? "service: " : "服务承诺：") + promises));
        for (int i = 0; i < d.compensation().size(); i++) {
            Compensation owed = d.compensation().get(i);
            RenderedDecision.Words owedWords = words.compensation().get(i);
            out.println(indent((english() ? "owed: " : "应赔付：") + owed.amount().toPlainString() + " " + owed.currency() + " ("
                    + Printable.oneLine(owedWords.citation()) + ": " + Printable.oneLine(owedWords.message()) + ")"));
        }
    }

    private boolean english() {
        return wording.languageTag().equals("en");
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

    private String promises(Commitments c) {
        StringJoiner promises = new StringJoiner(english() ? ", " : "，");
        List<String> what = english() ? PROMISES_EN : PROMISES_ZH;
        add(promises, what.get(0), c.respondBy());
        add(promises, what.get(1), c.dispatchBy());
        add(promises, what.get(2), c.onSiteBy());
        add(promises, what.get(3), c.resolveBy());
        add(promises, what.get(4), c.loanerDueAt());
        return promises.toString();
    }

    private static void add(StringJoiner promises, String what, LocalDateTime at) {
        if (at != null) promises.add(what + " " + at.toLocalDate() + " " + at.toLocalTime());
    }
}
