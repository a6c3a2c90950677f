package io.policyengine.examples.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The service report of contract section 13 over a decision log: the figures per period, per store or region
 * (14.3) and for the whole log, the early warnings, and how each period did against the plan. Built by
 * {@link ReportReader}.
 *
 * <p>Each claim counts once (contract 14.3): the last decision of a claim id (by the log's {@code time}, then by
 * its order) stands for it, so the figures wait for the whole log. Until then the report keeps one
 * {@link LoggedDecision} per claim id: the object about 80 bytes on a 64-bit JVM with compressed references, the id 40
 * to 50, the map entry 32 and its slot, plus a refund's amount, a list of duties and the compensation entries; the
 * strings and dates in it are shared. Measured: 100,000 distinct generated claims left 35 MB live after a full
 * collection ({@code -Xmx64m}; 32 MB is too little), about 250 bytes a claim. 1,000,000 distinct claims take about 250 MB, so a
 * log of that many claims wants {@code -Xmx512m}; a log of a few thousand claims decided again and again stays
 * as small as they are, whatever its lines. Everything else grows with periods, stores and (SKU, fault, day), not lines.
 */
public final class Report {
    final Period by;
    final int warnAt;
    final Targets targets;
    /** The table per store or region ({@code --per}); null for none. */
    final Per per;
    /** The region of a store without a {@code region} on its log line: from a stores file, else null. */
    final Function<String, String> regionOfStore;
    final Figures whole = new Figures();
    /** Periods by their first day; only periods with decisions are listed. */
    final TreeMap<LocalDate, Figures> periods = new TreeMap<>();
    /** The stores or regions of {@link #per}, by name (null for claims without one); empty without {@code --per}. */
    final Map<String, Group> groups = new HashMap<>();
    final EarlyWarnings earlyWarnings = new EarlyWarnings();
    long lines;
    long badLines;
    LocalDate firstClaimDate;
    LocalDate lastClaimDate;
    /** The decision that stands for each claim so far; null once the figures are made. */
    private Map<String, LoggedDecision> lastByClaim = new HashMap<>();
    /** Decisions without a claim id: nothing can tell two of them apart, so each counts. */
    private final List<LoggedDecision> withoutId = new ArrayList<>();
    /** Decisions read per period and per group, as they were read (a claim decided again counts again). */
    private final Map<LocalDate, Integer> readPerPeriod = new HashMap<>();
    private final Map<String, Integer> readPerGroup = new HashMap<>();

    /** What {@code --per} groups the table by (contract 14.3). */
    public enum Per {
        STORE, REGION;

        /** The grouping named on the command line or in {@code ?per=}; null for anything else. */
        public static Per named(String name) {
            for (Per per : values()) {
                if (per.option().equals(name)) return per;
            }
            return null;
        }

        public String option() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One store or region of the table: its figures over the whole log, and (for a store) its region. */
    static final class Group {
        final String name;
        String region;
        final Figures figures = new Figures();

        Group(String name) {
            this.name = name;
        }
    }

    Report(Period by, int warnAt, Targets targets, Per per, Function<String, String> regionOfStore) {
        this.by = by;
        this.warnAt = warnAt;
        this.targets = targets;
        this.per = per;
        this.regionOfStore = regionOfStore;
    }

    /** A decision read from the log, in the log's order: it stands for its claim until a later one of the same claim id comes. */
    void add(LoggedDecision decision) {
        whole.decisionsRead++;
        readPerPeriod.merge(by.start(decision.claimDate()), 1, Integer::sum);
        if (per != null) readPerGroup.merge(groupOf(decision), 1, Integer::sum);
        if (decision.claimId() == null) {
            withoutId.add(decision);
            return;
        }
        lastByClaim.merge(decision.claimId(), decision, (kept, next) -> next.supersedes(kept) ? next : kept);
    }

    /** Makes the figures from the decision of each claim; once, when the log is read. */
    void settle() {
        if (lastByClaim == null) return;
        lastByClaim.values().forEach(this::count);
        withoutId.forEach(this::count);
        lastByClaim = null;
        withoutId.clear();
        // a period (or store) whose claims were all decided again under another claim date (or store) is not listed
        readPerPeriod.forEach((start, n) -> {
            Figures period = periods.get(start);
            if (period != null) period.decisionsRead = n;
        });
        readPerGroup.forEach((name, n) -> {
            Group group = groups.get(name);
            if (group != null) group.figures.decisionsRead = n;
        });
        settleDutyStock();
    }

    private void count(LoggedDecision decision) {
        if (firstClaimDate == null || decision.claimDate().isBefore(firstClaimDate)) firstClaimDate = decision.claimDate();
        if (lastClaimDate == null || decision.claimDate().isAfter(lastClaimDate)) lastClaimDate = decision.claimDate();
        whole.add(decision);
        periods.computeIfAbsent(by.start(decision.claimDate()), start -> new Figures()).add(decision);
        if (per != null) {
            Group group = groups.computeIfAbsent(groupOf(decision), Group::new);
            group.figures.add(decision);
            String region = regionOf(decision);
            if (region != null) group.region = region;
        }
        earlyWarnings.add(decision, decision.order());
    }

    private String groupOf(LoggedDecision decision) {
        return per == Per.STORE ? decision.store() : regionOf(decision);
    }

    private String regionOf(LoggedDecision decision) {
        return decision.region() != null ? decision.region() : decision.store() == null ? null : regionOfStore.apply(decision.store());
    }

    /**
     * The stores or regions, worst first on {@code requestsMet} (those without a request last), then by name; the
     * claims without a store (or region) after the named ones of the same share.
     */
    List<Group> ranked() {
        Comparator<Group> byShare = Comparator.comparing(g -> g.figures.requestsMetShare(), Comparator.nullsLast(Comparator.naturalOrder()));
        List<Group> ranked = new ArrayList<>(groups.values());
        ranked.sort(byShare.thenComparing(g -> g.name, Comparator.nullsLast(Comparator.naturalOrder())));
        return ranked;
    }

    /**
     * Carries each period's open duties into the periods after it, so that a period's overdue duties are every duty
     * open and overdue on its last day, from its decisions or earlier ones; the last period's figure is the whole log's.
     */
    private void settleDutyStock() {
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
