package io.policyengine.facts;

import io.policyengine.model.Remedy;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a pack's rules found about one claim: what they granted and excluded, the repair
 * deadline they set (null when none), the service commitments and compensation they gave, what
 * they said of a refund's money: its deadline and currency, who pays the postage, how much is kept back;
 * and the follow-up duties they found, open and closed.
 */
public record Findings(List<Grant> grants, List<Exclusion> exclusions, RepairDeadline repairDeadline,
                       List<Commitment> commitments, List<CompensationDue> compensation,
                       List<RefundDue> refundDue, List<ReturnShipping> returnShipping, List<RefundAmount> refundAmounts,
                       List<Duty> duties) {

    public Findings {
        duties = List.copyOf(duties);
        grants = List.copyOf(grants);
        exclusions = List.copyOf(exclusions);
        commitments = List.copyOf(commitments);
        compensation = List.copyOf(compensation);
        refundDue = List.copyOf(refundDue);
        returnShipping = List.copyOf(returnShipping);
        refundAmounts = List.copyOf(refundAmounts);
    }

    /** Whether some rule of the pack granted {@code remedy} (an exclusion made {@code ifGranted} counts only then). */
    public boolean granted(Remedy remedy) {
        for (Grant grant : grants) {
            if (grant.remedy() == remedy) return true;
        }
        return false;
    }

    static final class Builder {
        private final List<Grant> grants = new ArrayList<>(4);
        private final List<Exclusion> exclusions = new ArrayList<>(4);
        private final List<Commitment> commitments = new ArrayList<>(0);
        private final List<CompensationDue> compensation = new ArrayList<>(0);
        private final List<RefundDue> refundDue = new ArrayList<>(1);
        private final List<ReturnShipping> returnShipping = new ArrayList<>(1);
        private final List<RefundAmount> refundAmounts = new ArrayList<>(0);
        private final List<Duty> duties = new ArrayList<>(0);
        private RepairDeadline repairDeadline;

        void add(Grant grant) {
            grants.add(grant);
        }

        void add(Exclusion exclusion) {
            exclusions.add(exclusion);
        }

        void add(Commitment commitment) {
            commitments.add(commitment);
        }

        void add(CompensationDue due) {
            compensation.add(due);
        }

        void add(RefundDue due) {
            refundDue.add(due);
        }

        void add(ReturnShipping shipping) {
            returnShipping.add(shipping);
        }

        void add(RefundAmount amount) {
            refundAmounts.add(amount);
        }

        void add(Duty duty) {
            duties.add(duty);
        }

        void set(RepairDeadline deadline) {
            repairDeadline = deadline;
        }

        Findings build() {
            return new Findings(grants, exclusions, repairDeadline, commitments, compensation, refundDue, returnShipping, refundAmounts,
                    duties);
        }
    }
}
