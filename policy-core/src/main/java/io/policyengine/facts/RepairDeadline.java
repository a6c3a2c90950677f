package io.policyengine.facts;

import io.policyengine.model.Claim;

/** A rule's finding that a repair of {@code claim} is due {@code days} calendar days after the claim date. */
public record RepairDeadline(Claim claim, int days) {
}
