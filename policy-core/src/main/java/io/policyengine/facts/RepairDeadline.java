package io.policyengine.facts;

import io.policyengine.model.Claim;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDate;

/** A rule's finding that a repair of {@code claim} is due on {@code due}. */
public record RepairDeadline(Claim claim, LocalDate due) {

    /** Sets the repair deadline {@code days} calendar days after the claim date. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, int days) {
        insert(kcontext, claim, claim.claimDate().plusDays(days));
    }

    /**
     * Sets the repair deadline on a day the rule worked out (a number of working days on the pack's calendar);
     * the decision applies it when its outcome is a repair. Called from a rule's {@code then}.
     */
    public static void insert(RuleContext kcontext, Claim claim, LocalDate due) {
        RepairDeadline deadline = new RepairDeadline(claim, due);
        Firing.insert(kcontext, deadline);
        Findings.Builder findings = Firing.of(claim);
        if (findings != null) findings.set(deadline);
    }
}
