package io.policyengine.facts;

import io.policyengine.model.Claim;
import org.kie.api.runtime.rule.RuleContext;

/** A rule's finding that a repair of {@code claim} is due {@code days} calendar days after the claim date. */
public record RepairDeadline(Claim claim, int days) {

    /** Sets the repair deadline; the decision applies it when its outcome is a repair. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, int days) {
        RepairDeadline deadline = new RepairDeadline(claim, days);
        Firing.insert(kcontext, deadline);
        Findings.Builder findings = Firing.of(claim);
        if (findings != null) findings.set(deadline);
    }
}
