package io.policyengine.examples.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How the report groups decisions by their claim date: {@code --by day|week|month} (weeks are ISO weeks, Monday first). */
public enum Period {
    DAY, WEEK, MONTH;

    /** The period named on the command line or in {@code ?by=}; null for anything else. */
    public static Period named(String name) {
        if (name == null) return null;
        for (Period period : values()) {
            if (period.name().equalsIgnoreCase(name.strip())) return period;
        }
        return null;
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first day of the period {@code date} falls in. */
    LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The last day of the period that starts on {@code start}. */
    LocalDate end(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** The period's name: {@code 2026-06-03}, {@code 2026-W23}, {@code 2026-06}. */
    String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }
}
