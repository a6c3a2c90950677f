package io.policyengine.model;

import java.util.List;

/** A decision with the rules that led to it, in the order they fired. */
public record Explanation(Claim claim, Decision decision, List<FiredRule> firedRules) {

    public Explanation {
        firedRules = List.copyOf(firedRules);
    }
}
