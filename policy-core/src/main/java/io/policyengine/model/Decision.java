package io.policyengine.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a claim: every remedy the policy allows, the one chosen, and the reasons behind both.
 *
 * @param remedies      allowed remedies in the contract's fixed order; empty when the claim is rejected
 * @param repairDueDate when a repair outcome must be done by; null for other outcomes
 */
public record Decision(String claimId, Outcome outcome, List<Remedy> remedies, int daysSincePurchase,
                       LocalDate repairDueDate, List<Reason> reasons, PolicyId policy) {

    public Decision {
        remedies = List.copyOf(remedies);
        reasons = List.copyOf(reasons);
    }
}
