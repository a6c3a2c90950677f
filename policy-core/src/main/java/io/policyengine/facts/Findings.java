package io.policyengine.facts;

import java.util.List;

/**
 * Everything a pack's rules found about one claim: what they granted, what they excluded, and the
 * repair deadline they set (null when no rule set one).
 */
public record Findings(List<Grant> grants, List<Exclusion> exclusions, RepairDeadline repairDeadline) {

    public Findings {
        grants = List.copyOf(grants);
        exclusions = List.copyOf(exclusions);
    }
}
