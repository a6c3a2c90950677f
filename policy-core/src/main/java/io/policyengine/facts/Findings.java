package io.policyengine.facts;

import io.policyengine.model.Reason;
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

    /** Whether an exclusion of the pack takes {@code grant} away. */
    public boolean excluded(Grant grant) {
        for (Exclusion exclusion : exclusions) {
            if (exclusion.takesAway(grant)) return true;
        }
        return false;
    }

    /** Whether the pack allows {@code remedy} by a grant under {@code article} ({@link Reason#cites}) that no exclusion takes away. */
    public boolean allowsUnder(Remedy remedy, String article) {
        for (Grant grant : grants) {
            if (grant.remedy() == remedy && grant.reason().cites(article) && !excluded(grant)) return true;
        }
        return false;
    }

    /** Whether {@code exclusion} takes away some grant of the pack (an exclusion made {@code ifGranted} counts only then). */
    public boolean takesAwayAny(Exclusion exclusion) {
        for (Grant grant : grants) {
            if (exclusion.takesAway(grant)) return true;
        }
        return false;
    }

    /** Collects a claim's findings as the rules fire; a kind of finding the rules never make costs no list. */
    static final class Builder {
        private List<Grant> grants;
        private List<Exclusion> exclusions;
        private List<Commitment> commitments;
        private List<CompensationDue> compensation;
        private List<RefundDue> refundDue;
        private List<ReturnShipping> returnShipping;
        private List<RefundAmount> refundAmounts;
        private List<Duty> duties;
        private RepairDeadline repairDeadline;

        void add(Grant grant) {
            grants = added(grants, grant);
        }

        void add(Exclusion exclusion) {
            exclusions = added(exclusions, exclusion);
        }

        void add(Commitment commitment) {
            commitments = added(commitments, commitment);
        }

        void add(CompensationDue due) {
            compensation = added(compensation, due);
        }

        void add(RefundDue due) {
            refundDue = added(refundDue, due);
        }

        void add(ReturnShipping shipping) {
            returnShipping = added(returnShipping, shipping);
        }

        void add(RefundAmount amount) {
            refundAmounts = added(refundAmounts, amount);
        }

        void add(Duty duty) {
            duties = added(duties, duty);
        }

        void set(RepairDeadline deadline) {
            repairDeadline = deadline;
        }

        Findings build() {
            return new Findings(all(grants), all(exclusions), repairDeadline, all(commitments), all(compensation),
                    all(refundDue), all(returnShipping), all(refundAmounts), all(duties));
        }

        /**
         * A kind's first two findings as an immutable list, which {@link Findings} keeps as it is rather than copying it (most
         * claims get one or two of a kind); a third and more in a list that grows.
         */
        private static <T> List<T> added(List<T> list, T finding) {
            if (list == null) return List.of(finding);
            if (list.size() == 1) return List.of(list.get(0), finding);
            List<T> to;
            if (list instanceof ArrayList<T> growing) {
                to = growing;
            } else {
                // the two so far one by one: addAll would copy them into an array first
                to = new ArrayList<>(8);
                to.add(list.get(0));
                to.add(list.get(1));
            }
            to.add(finding);
            return to;
        }

        private static <T> List<T> all(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
