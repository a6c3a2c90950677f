package io.policyengine.decide;

import io.policyengine.facts.Findings;
import io.policyengine.model.PolicyId;

/** What one pack of a stack found about a claim: the store pack first, then each floor. */
public record PackFindings(PolicyId policy, Findings findings) {
}
