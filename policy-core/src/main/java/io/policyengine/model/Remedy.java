package io.policyengine.model;

/** What the store may do for a customer. Declared in the contract's fixed order. */
public enum Remedy {
    REFUND, EXCHANGE, FREE_REPAIR, PAID_REPAIR;

    public boolean isRepair() {
        return this == FREE_REPAIR || this == PAID_REPAIR;
    }
}
