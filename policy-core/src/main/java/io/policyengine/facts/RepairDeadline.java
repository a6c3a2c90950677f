package io.policyengine.facts;

import io.policyengine.model.Claim;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDate;

/**
 * A rule's finding that a repair of {@code claim} is due on {@code due}; {@code calendarEnd} is the last day of the
 * pack's calendar when the due date, counted in working days, lies past it (an estimate, contract 17), else null.
 */
public record RepairDeadline(Claim claim, LocalDate due, LocalDate calendarEnd) {

    /** A deadline that is no estimate. */
    public RepairDeadline(Claim claim, LocalDate due) {
        this(claim, due, null);
    }

    /** Whether the due date was counted past the end of the pack's calendar, Monday to Friday. */
    public boolean estimated() {
        return calendarEnd != null;
    }

    /** Sets the repair deadline {@code days} calendar days after the claim date. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, int days) {
        insert(kcontext, claim, claim.claimDate().plusDays(days));
    }

    /**
     * Sets the repair deadline on a day the rule worked out (a number of working days on the pack's calendar);
     * the decision applies it when its outcome is a repair. Called from a rule's {@code then}.
     */
    public static void insert(RuleContext kcontext, Claim claim, LocalDate due) {
        insert(kcontext, new RepairDeadline(claim, due));
    }

    /**
     * Sets the repair deadline {@code days} working days after the claim date on the pack's {@code calendar} (the claim
     * day itself not counted); past the calendar's last day the date is counted Monday to Friday and says it is an
     * estimate. Called from a rule's {@code then}.
     */
    public static void inWorkingDays(RuleContext kcontext, Claim claim, int days, WorkingCalendar calendar) {
        LocalDate due = calendar.workingDaysAfter(claim.claimDate(), days);
        insert(kcontext, new RepairDeadline(claim, due, calendar.endBefore(due)));
    }

    private static void insert(RuleContext kcontext, RepairDeadline deadline) {
        Claim claim = deadline.claim();
        Findings.Builder findings = Firing.insert(kcontext, claim, deadline);
        if (findings != null) findings.set(deadline);
    }
}
