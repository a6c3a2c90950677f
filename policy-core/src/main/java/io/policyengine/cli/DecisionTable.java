package io.policyengine.cli;

import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;

import java.io.PrintWriter;
import java.util.stream.Collectors;

/** The human-readable form of {@code decide}: one row per claim, with the reason that matters most. */
final class DecisionTable {
    private static final String ROW = "%-20s %4s  %-11s  %-40s %-10s  %s%n";

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
        out.printf(ROW, d.claimId(), d.daysSincePurchase(), d.outcome(), remedies, due, mainReason(d));
    }

    /** The grant behind the outcome, or for a rejection the first reason given. */
    static String mainReason(Decision d) {
        Reason chosen = d.reasons().stream()
                .filter(r -> r.effect() == Effect.GRANT && r.remedy().name().equals(d.outcome().name()))
                .findFirst()
                .orElse(d.reasons().isEmpty() ? null : d.reasons().get(d.reasons().size() - 1));
        return chosen == null ? "" : "art. " + chosen.article() + ": " + chosen.message();
    }
}
