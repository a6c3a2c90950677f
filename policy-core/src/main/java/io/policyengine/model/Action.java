package io.policyengine.model;

import java.time.LocalDate;

/**
 * A duty the store still has to do for a claim (contract 12.3): what, under which article, by when, whether
 * it is late on the day the duties are judged, and the reason whose sentence says it. {@code calendarEnd} is the
 * last day of the pack's calendar when the due date, counted in working days, lies past it and is an estimate
 * (contract 17); null otherwise.
 */
public record Action(String action, String article, LocalDate due, boolean overdue, Reason reason, LocalDate calendarEnd) {

    /** A duty whose due date is no estimate. */
    public Action(String action, String article, LocalDate due, boolean overdue, Reason reason) {
        this(action, article, due, overdue, reason, null);
    }

    /** Whether the due date was counted Monday to Friday past the end of the pack's calendar: {@code "estimated": true}. */
    public boolean estimated() {
        return calendarEnd != null;
    }

    /** Whole days past {@code due} on {@code day}; 0 when not late. */
    public long overdueDays(LocalDate day) {
        return Math.max(0, day.toEpochDay() - due.toEpochDay());
    }
}
