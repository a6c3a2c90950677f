package io.policyengine.model;

import java.time.LocalDate;

/**
 * An earlier repair of the same item: when it was completed, the fault it fixed and, when known, when the
 * repairer received the item (contract 11.1: the days in between are days in repair).
 *
 * @param receivedOn null when unknown (counted as 0 days in repair); never after {@code completedOn}
 */
public record PastRepair(LocalDate completedOn, String fault, LocalDate receivedOn) {

    public PastRepair {
        if (completedOn == null) throw new BadInputException("completedOn", "missing");
        if (fault == null || fault.isBlank()) throw new BadInputException("fault", "missing or blank");
    }

    public PastRepair(LocalDate completedOn, String fault) {
        this(completedOn, fault, null);
    }

    /** Calendar days the item spent at the repairer for this repair; 0 when {@code receivedOn} is unknown. */
    public long daysInRepair() {
        return receivedOn == null ? 0 : completedOn.toEpochDay() - receivedOn.toEpochDay();
    }
}
