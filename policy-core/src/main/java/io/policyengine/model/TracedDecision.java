package io.policyengine.model;

import java.util.Set;

/** A decision together with the rules that fired for its claim, every pack of the stack. */
public record TracedDecision(Decision decision, Set<PackRule> firedRules) {

    public TracedDecision {
        firedRules = Set.copyOf(firedRules);
    }
}
