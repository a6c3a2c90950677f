package io.policyengine.model;

/** The single answer a decision gives: one of the remedies, or {@code REJECTED} when none is allowed. */
public enum Outcome {
    REFUND, EXCHANGE, FREE_REPAIR, PAID_REPAIR, REJECTED;

    public static Outcome of(Remedy remedy) {
        return valueOf(remedy.name());
    }

    public boolean isRepair() {
        return this == FREE_REPAIR || this == PAID_REPAIR;
    }
}
