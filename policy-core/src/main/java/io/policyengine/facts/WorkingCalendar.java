package io.policyengine.facts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * The working days of a pack (contract 12.5): Monday to Friday, less the holidays and plus the make-up
 * working days (调休) its {@code calendar.txt} lists. Past the last year the file lists, Monday to Friday.
 * One instance goes into every session of the pack, so that a rule counts a term declared in working
 * days on it: {@code $calendar.workingDaysAfter( $claim.claimDate(), $days )}. Immutable.
 */
public final class WorkingCalendar {
    /** The calendar of a pack without a {@code calendar.txt}: Monday to Friday, every year. */
    public static final WorkingCalendar MONDAY_TO_FRIDAY = new WorkingCalendar(Map.of());

    /** The listed days: true for a make-up working day, false for a holiday. */
    private final TreeMap<LocalDate, Boolean> listed;
    /** The last year the file covers (declared, else its last listed); 0 when it lists none. */
    private final int lastYear;

    /** A calendar of these days: true for a working day (on a weekend), false for a holiday. */
    public WorkingCalendar(Map<LocalDate, Boolean> days) {
        this(days, days.isEmpty() ? 0 : new TreeMap<>(days).lastKey().getYear());
    }

    /** A calendar of these days that covers the years up to {@code lastYear} (its declaration, contract 17). */
    public WorkingCalendar(Map<LocalDate, Boolean> days, int lastYear) {
        this.listed = new TreeMap<>(days);
        this.lastYear = lastYear;
    }

    /** Whether {@code day} is a working day: as listed, else Monday to Friday. */
    public boolean isWorkingDay(LocalDate day) {
        Boolean working = day.getYear() <= lastYear ? listed.get(day) : null;
        if (working != null) return working;
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The {@code days}th working day after {@code from}; {@code from} itself is not counted. */
    public LocalDate workingDaysAfter(LocalDate from, int days) {
        LocalDate day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) counted++;
        }
        return day;
    }

    /**
     * Contract 17: the calendar's last day when {@code day} lies past it, where working days are counted Monday to
     * Friday without knowing the holidays, so that a due date there is an estimate; null when the calendar covers
     * {@code day}, and for a pack without a calendar, which counts Monday to Friday by design.
     */
    public LocalDate endBefore(LocalDate day) {
        LocalDate lastDay = lastDay();
        return lastDay != null && day.isAfter(lastDay) ? lastDay : null;
    }

    /** The last day the calendar knows of (31 December of its last covered year); null when it lists no day. */
    public LocalDate lastDay() {
        return lastYear == 0 ? null : LocalDate.of(lastYear, 12, 31);
    }
}
