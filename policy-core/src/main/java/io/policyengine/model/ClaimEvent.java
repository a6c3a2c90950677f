package io.policyengine.model;

import java.time.LocalDate;

/** One thing that happened to a claim, on a day (contract 12.1). */
public record ClaimEvent(EventType type, LocalDate at) {

    public ClaimEvent {
        if (type == null) throw new BadInputException("type", "missing");
        if (at == null) throw new BadInputException("at", "missing");
    }
}
