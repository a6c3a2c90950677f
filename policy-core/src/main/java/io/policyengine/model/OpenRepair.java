package io.policyengine.model;

import java.time.LocalDate;

/**
 * The item is with the repairer now and not yet fixed (contract 11.1).
 *
 * @param receivedOn the day the repairer received it
 * @param waitingFor what the repair is waiting for
 */
public record OpenRepair(LocalDate receivedOn, WaitingFor waitingFor) {

    public OpenRepair {
        if (receivedOn == null) throw new BadInputException("openRepair.receivedOn", "missing");
        if (waitingFor == null) throw new BadInputException("openRepair.waitingFor", "missing");
    }
}
