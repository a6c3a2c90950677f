package io.policyengine.facts;

import io.policyengine.model.Claim;
import io.policyengine.model.ClaimEvent;
import io.policyengine.model.Effect;
import io.policyengine.model.NamedValues;
import io.policyengine.model.Reason;
import org.kie.api.runtime.rule.RuleContext;

import java.time.LocalDate;
import java.util.Map;

/**
 * A follow-up duty a rule found for {@code claim} (contract 12.2): the {@code action} the store must take
 * by {@code due}, the event that opened it (null when the decision itself did, as for a repair), and the
 * event that closed it (null while it is open). A duty found {@link #ifRepair} holds only when the decision's
 * outcome is a repair. The reason's params name the opening and closing events too ({@code openedBy},
 * {@code openedOn}, {@code closedBy}, {@code closedOn}), so that {@code explain} and the JSON show them.
 */
public record Duty(Claim claim, String action, LocalDate due, ClaimEvent openedBy, ClaimEvent closedBy,
                   boolean repairOnly, Reason reason, LocalDate calendarEnd) {

    public static final String OPENED_BY = "openedBy";
    public static final String OPENED_ON = "openedOn";
    public static final String CLOSED_BY = "closedBy";
    public static final String CLOSED_ON = "closedOn";

    /** A duty whose due date is no estimate. */
    public Duty(Claim claim, String action, LocalDate due, ClaimEvent openedBy, ClaimEvent closedBy,
                boolean repairOnly, Reason reason) {
        this(claim, action, due, openedBy, closedBy, repairOnly, reason, null);
    }

    /** A duty, whatever the outcome. Called from a rule's {@code then}. */
    public static void insert(RuleContext kcontext, Claim claim, String action, LocalDate due,
                              ClaimEvent openedBy, ClaimEvent closedBy, Map<String, Object> params) {
        add(kcontext, claim, action, due, openedBy, closedBy, false, params, null);
    }

    /** A duty that holds when the outcome is a repair. Called from a rule's {@code then}. */
    public static void ifRepair(RuleContext kcontext, Claim claim, String action, LocalDate due,
                                ClaimEvent openedBy, ClaimEvent closedBy, Map<String, Object> params) {
        add(kcontext, claim, action, due, openedBy, closedBy, true, params, null);
    }

    /**
     * A duty of a repair whose due date is counted from {@code deadline} (the repair itself, the notice of its delay): when
     * the deadline is an estimate past the end of the pack's calendar (contract 17), so is this duty's due date. Holds when
     * the outcome is a repair. Called from a rule's {@code then}.
     */
    public static void ifRepair(RuleContext kcontext, RepairDeadline deadline, String action, LocalDate due,
                                ClaimEvent openedBy, ClaimEvent closedBy, Map<String, Object> params) {
        add(kcontext, deadline.claim(), action, due, openedBy, closedBy, true, params, deadline.calendarEnd());
    }

    /** Whether the due date was counted past the end of the pack's calendar (contract 17). */
    public boolean estimated() {
        return calendarEnd != null;
    }

    public boolean open() {
        return closedBy == null;
    }

    private static void add(RuleContext kcontext, Claim claim, String action, LocalDate due, ClaimEvent openedBy,
                            ClaimEvent closedBy, boolean repairOnly, Map<String, Object> params, LocalDate calendarEnd) {
        NamedValues values = NamedValues.copyOf(params);
        if (openedBy != null) values = values.with(OPENED_BY, openedBy.type().name()).with(OPENED_ON, openedBy.at());
        if (closedBy != null) values = values.with(CLOSED_BY, closedBy.type().name()).with(CLOSED_ON, closedBy.at());
        Duty duty = new Duty(claim, action, due, openedBy, closedBy, repairOnly,
                RuleCitation.of(kcontext).reason(Effect.DUTY, null, values), calendarEnd);
        Findings.Builder findings = Firing.insert(kcontext, claim, duty);
        if (findings != null) findings.add(duty);
    }
}
