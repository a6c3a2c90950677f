package io.policyengine.model;

/** The single answer a decision gives: one of the remedies, or {@code REJECTED} when none is allowed. */
public enum Outcome {
    REFUND, EXCHANGE, FREE_REPAIR, PAID_REPAIR, REJECTED;

    /** The outcome of each remedy, by the remedy's ordinal: asked for per reason of every decision, so not looked up by name. */
    private static final Outcome[] OF_REMEDY = java.util.Arrays.stream(Remedy.values())
            .map(remedy -> valueOf(remedy.name())).toArray(Outcome[]::new);

    public static Outcome of(Remedy remedy) {
        return OF_REMEDY[remedy.ordinal()];
    }

    public boolean isRepair() {
        return this == FREE_REPAIR || this == PAID_REPAIR;
    }
}
