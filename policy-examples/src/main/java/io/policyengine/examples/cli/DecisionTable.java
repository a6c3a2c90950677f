package io.policyengine.examples.cli;

import io.policyengine.examples.pipeline.Columns;
import io.policyengine.examples.pipeline.Printable;
import io.policyengine.RenderedDecision;
import io.policyengine.Wording;
import io.policyengine.model.Commitments;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Remedy;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import io.policyengine.examples.words.Words;
import io.policyengine.text.Language;
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

    private final PrintWriter out;
    private final Wording wording;
    /** The table's own words (words.LANG.properties); the decision's come rendered from the pack. */
    private final Words words;

    DecisionTable(PrintWriter out, Wording wording) {
        this.out = out;
        this.wording = wording;
        this.words = Words.of(DecisionTable.class, Language.ofTag(wording.languageTag()).orElse(Language.EN));
    }

    void header() {
        out.println(row(words.get("table.claim"), words.get("table.day"), words.get("table.outcome"), words.get("table.allowed"),
                words.get("table.repairDue"), words.get("table.why")));
    }

    /**
     * One claim's row. The English table shows the outcome and remedies by the names the JSON uses
     * ({@code FREE_REPAIR}); the Chinese one in the fixed words of contract 8.3 (免费维修).
     */
    void row(Decision d) {
        RenderedDecision rendered = wording.render(d);
        String outcome = english() ? d.outcome().name() : rendered.outcome();
        List<String> allowed = english() ? d.remedies().stream().map(Remedy::name).toList() : rendered.remedies();
        String remedies = allowed.isEmpty() ? "-" : String.join(words.get("list"), allowed);
        String due = d.repairDueDate() == null ? "-" : d.repairDueDate().toString();
        String claim = Printable.oneLine(d.claimId());
        // a claim id too long for its column stands on a line of its own, whole, above its row
        if (width(claim) > CLAIM) out.println(claim);
        out.println(row(width(claim) > CLAIM ? "" : claim, String.valueOf(d.daysSincePurchase()), outcome, remedies, due,
                Printable.oneLine(rendered.summary())));
        String promises = d.commitments() == null ? "" : promises(d.commitments());
        if (!promises.isEmpty()) out.println(indent(words.render("table.service", Map.of("promises", promises))));
        for (int i = 0; i < d.compensation().size(); i++) {
            Compensation owed = d.compensation().get(i);
            RenderedDecision.Words owedWords = rendered.compensation().get(i);
            out.println(indent(words.render("table.owed", Map.of("amount", owed.amount(), "currency", owed.currency(),
                    "citation", Printable.oneLine(owedWords.citation()), "message", Printable.oneLine(owedWords.message())))));
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

    private static String fit(String text, int width) {
        return Columns.fit(text, width);
    }

    private static int width(String text) {
        return Columns.width(text);
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - width(text))) + text;
    }

    private String promises(Commitments c) {
        StringJoiner promises = new StringJoiner(words.get("list"));
        add(promises, "respondBy", c.respondBy());
        add(promises, "dispatchBy", c.dispatchBy());
        add(promises, "onSiteBy", c.onSiteBy());
        add(promises, "resolveBy", c.resolveBy());
        add(promises, "loanerDueAt", c.loanerDueAt());
        return promises.toString();
    }

    private void add(StringJoiner promises, String what, LocalDateTime at) {
        if (at != null) promises.add(words.render("table.promise." + what, Map.of("at", at)));
    }
}
