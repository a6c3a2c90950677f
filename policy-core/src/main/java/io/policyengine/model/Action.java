package io.policyengine.model;

import java.time.LocalDate;

/**
 * A duty the store still has to do for a claim (contract 12.3): what, under which article, by when, whether
 * it is late on the day the duties are judged, and the reason whose sentence says it.
 */
public record Action(String action, String article, LocalDate due, boolean overdue, Reason reason) {

    /** Whole days past {@code due} on {@code day}; 0 when not late. */
    public long overdueDays(LocalDate day) {
        return Math.max(0, day.toEpochDay() - due.toEpochDay());
    }
}
