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

    /** Whether {@code outcome} gives the customer what this request asks for. */
    public boolean isMetBy(Outcome outcome) {
        for (Remedy remedy : metBy()) {
            if (outcome == Outcome.of(remedy)) return true;
        }
        return false;
    }

    /**
     * The reason that refused this request, which the summary cites (contract 8.2) and the report counts
     * (13): the first exclusion, in the decision's order of reasons, of the remedy that would best meet it;
     * null when no rule excluded it (no article grants it).
     */
    public Reason refusalIn(List<Reason> reasons) {
        Remedy wanted = metBy().get(0);
        for (Reason reason : reasons) {
            if (reason.effect() == Effect.EXCLUDE && reason.remedy() == wanted) return reason;
        }
        return null;
    }
}
