package io.policyengine.model;

import java.util.List;

/** What the customer asks for. {@code REPAIR} is met by a free repair when allowed, else by a paid one. */
public enum Request {
    REFUND, EXCHANGE, REPAIR;

    /** The remedies that would meet this request, best first. */
    public List<Remedy> metBy() {
        return switch (this) {
            case REFUND -> List.of(Remedy.REFUND);
            case EXCHANGE -> List.of(Remedy.EXCHANGE);
            case REPAIR -> List.of(Remedy.FREE_REPAIR, Remedy.PAID_REPAIR);
        };
    }
}
