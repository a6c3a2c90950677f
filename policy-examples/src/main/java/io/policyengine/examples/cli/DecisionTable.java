package io.policyengine.examples.cli;

import io.policyengine.model.Commitments;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** The human-readable form of {@code decide}: one row per claim, with the reason that matters most. */
final class DecisionTable {
    private static final String ROW = "%-26s %4s  %-11s  %-40s %-10s  %s%n";

    private final PrintWriter out;

    DecisionTable(PrintWriter out) {
        this.out = out;
    }

    void header() {
        out.printf(ROW, "CLAIM", "DAY", "OUTCOME", "ALLOWED", "REPAIR DUE", "WHY");
    }

    void row(Decision d) {
        String remedies = d.remedies().isEmpty() ? "-" : d.remedies().stream().map(Remedy::name).collect(Collectors.joining(", "));
        String due = d.repairDueDate() == null ? "-" : d.repairDueDate().toString();
        out.printf(ROW, Printable.oneLine(d.claimId()), d.daysSincePurchase(), d.outcome(), remedies, due, Printable.oneLine(mainReason(d)));
        if (d.commitments() != null) out.printf("%-26s service: %s%n", "", promises(d.commitments()));
        for (Compensation owed : d.compensation()) {
            out.printf("%-26s owed: %s %s (art. %s: %s)%n", "", owed.amount().toPlainString(), owed.currency(), owed.article(), owed.message());
        }
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

    /** The grant behind the outcome, or for a rejection the first exclusion given. */
    static String mainReason(Decision d) {
        Effect wanted = d.remedies().isEmpty() ? Effect.EXCLUDE : Effect.GRANT;
        Reason chosen = d.reasons().stream()
                .filter(r -> r.effect() == wanted && (wanted == Effect.EXCLUDE || r.remedy().name().equals(d.outcome().name())))
                .findFirst()
                .orElse(null);
        return chosen == null ? "" : "art. " + chosen.article() + ": " + chosen.message();
    }
}
