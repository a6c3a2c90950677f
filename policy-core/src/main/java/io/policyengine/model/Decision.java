package io.policyengine.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a claim: every remedy the policy allows, the one chosen, and the reasons behind both.
 *
 * @param remedies      allowed remedies in the contract's fixed order; empty when the claim is rejected
 * @param repairDueDate when a repair outcome must be done by; null for other outcomes
 * @param policy        the store pack that decided (name, version, content hash)
 * @param floors        the statutory floor packs stacked under it (contract v2); empty when none
 * @param commitments   the service deadlines (contract v3); null when the claim has no service request
 * @param compensation  money owed under the service articles; empty when none
 * @param request       what the customer asked for (null when nothing), which the summary answers; not written as JSON
 * @param money         how much comes back, by when, who pays the postage (contract v5, 11.2); never null
 * @param actions       the duties still open (contract v5, 12.3), sorted by due date, then article; empty when none
 */
public record Decision(String claimId, Outcome outcome, List<Remedy> remedies, int daysSincePurchase,
                       LocalDate repairDueDate, List<Reason> reasons, PolicyId policy,
                       List<PolicyId> floors, Commitments commitments, List<Compensation> compensation,
                       Request request, Money money, List<Action> actions) {

    public Decision {
        remedies = List.copyOf(remedies);
        reasons = List.copyOf(reasons);
        floors = floors == null ? List.of() : List.copyOf(floors);
        compensation = compensation == null ? List.of() : List.copyOf(compensation);
        if (money == null) money = Money.none(null);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A decision of contract v1: one pack, no service request. */
    public Decision(String claimId, Outcome outcome, List<Remedy> remedies, int daysSincePurchase,
                    LocalDate repairDueDate, List<Reason> reasons, PolicyId policy) {
        this(claimId, outcome, remedies, daysSincePurchase, repairDueDate, reasons, policy, List.of(), null, List.of(), null, null, List.of());
    }
}
