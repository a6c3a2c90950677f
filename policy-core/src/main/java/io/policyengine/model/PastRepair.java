package io.policyengine.model;

import java.time.LocalDate;

/** An earlier repair of the same item: when it was completed and the fault it fixed. */
public record PastRepair(LocalDate completedOn, String fault) {

    public PastRepair {
        if (completedOn == null) throw new BadInputException("completedOn", "missing");
        if (fault == null || fault.isBlank()) throw new BadInputException("fault", "missing or blank");
    }
}
