package io.policyengine.facts;

import io.policyengine.model.Remedy;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything a pack's rules found about one claim: what they granted and excluded, the repair
 * deadline they set (null when none), the service commitments and compensation they gave, and the
 * follow-up duties they found, open and closed.
 */
public record Findings(List<Grant> grants, List<Exclusion> exclusions, RepairDeadline repairDeadline,
                       List<Commitment> commitments, List<CompensationDue> compensation, List<Duty> duties) {

    public Findings {
        duties = List.copyOf(duties);
        grants = List.copyOf(grants);
        exclusions = List.copyOf(exclusions);
        commitments = List.copyOf(commitments);
        compensation = List.copyOf(compensation);
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

        void add(Duty duty) {
            duties.add(duty);
        }

        void set(RepairDeadline deadline) {
            repairDeadline = deadline;
        }

        Findings build() {
            return new Findings(grants, exclusions, repairDeadline, commitments, compensation, duties);
        }
    }
}
