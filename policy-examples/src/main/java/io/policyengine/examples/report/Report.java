package io.policyengine.examples.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service report of contract section 13 over a decision log: the figures per period and for the
 * whole log, the early warnings, and how each period did against the plan. Built by {@link ReportReader}.
 */
public final class Report {
    final Period by;
    final int warnAt;
    final Targets targets;
    final Figures whole = new Figures();
    /** Periods by their first day; only periods with decisions are listed. */
    final TreeMap<LocalDate, Figures> periods = new TreeMap<>();
    final EarlyWarnings earlyWarnings = new EarlyWarnings();
    long lines;
    long badLines;
    LocalDate firstClaimDate;
    LocalDate lastClaimDate;

    Report(Period by, int warnAt, Targets targets) {
        this.by = by;
        this.warnAt = warnAt;
        this.targets = targets;
    }

    void add(LoggedDecision decision, long order) {
        if (firstClaimDate == null || decision.claimDate().isBefore(firstClaimDate)) firstClaimDate = decision.claimDate();
        if (lastClaimDate == null || decision.claimDate().isAfter(lastClaimDate)) lastClaimDate = decision.claimDate();
        whole.add(decision);
        periods.computeIfAbsent(by.start(decision.claimDate()), start -> new Figures()).add(decision);
        earlyWarnings.add(decision, order);
    }

    /**
     * Carries each period's open duties into the periods after it, so that a period's overdue duties are every duty
     * open and overdue on its last day, from its decisions or earlier ones; the last period's figure is the whole log's.
     */
    void settleDutyStock() {
        TreeMap<LocalDate, Integer> carried = new TreeMap<>();
        boolean anyDuties = false;
        for (Figures period : periods.values()) {
            period.dutiesDueOn.forEach((due, n) -> carried.merge(due, n, Integer::sum));
            anyDuties |= period.withDuties > 0;
            period.dutyStock = anyDuties ? new TreeMap<>(carried) : null;
        }
    }

    /** Lines that were not decisions. */
    public long badLines() {
        return badLines;
    }

    List<EarlyWarnings.Warning> warnings() {
        return earlyWarnings.over(warnAt);
    }

    /** The last day of the whole log's last period: the day the whole log's overdue duties are judged on. */
    LocalDate end() {
        return periods.isEmpty() ? null : by.end(periods.lastKey());
    }

    /** How one figure did against its plan: the periods that missed it, and whether to review the plan. */
    record Verdict(Targets.Plan plan, List<LocalDate> missed, boolean wholeMissed, boolean reviewThePlan) {
        boolean missed(LocalDate period) {
            return missed.contains(period);
        }
    }

    /**
     * Each plan against the periods in order: a period misses when its value is below the plan (above it
     * for a figure where less is better); a period without a value neither misses nor meets, and breaks
     * a run of misses. Three misses running mean the plan is to be reviewed.
     */
    List<Verdict> verdicts() {
        List<Verdict> verdicts = new ArrayList<>();
        for (Targets.Plan plan : targets.plans()) {
            List<LocalDate> missed = new ArrayList<>();
            int running = 0;
            boolean review = false;
            for (Map.Entry<LocalDate, Figures> period : periods.entrySet()) {
                Double value = plan.figure().value(period.getValue(), by.end(period.getKey()));
                if (value != null && plan.figure().misses(value, plan.value())) {
                    missed.add(period.getKey());
                    running++;
                    if (running >= Targets.MISSES_TO_REVIEW) review = true;
                } else {
                    running = 0;
                }
            }
            Double whole = periods.isEmpty() ? null : plan.figure().value(this.whole, end());
            verdicts.add(new Verdict(plan, List.copyOf(missed), whole != null && plan.figure().misses(whole, plan.value()), review));
        }
        return verdicts;
    }

    /** The figures of the period that starts on {@code start}, for writers. */
    Map<LocalDate, Figures> periods() {
        return periods;
    }
}
