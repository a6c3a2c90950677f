package io.policyengine.rules;

import io.policyengine.RuleProblem;
import io.policyengine.facts.WorkingCalendar;
import io.policyengine.text.Utf8Lines;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's {@code calendar.txt} (contract 12.5): one {@code YYYY-MM-DD holiday} or {@code YYYY-MM-DD workday}
 * line each (a make-up working day, 调休, on a weekend), {@code #} comments, checked like the sentence files:
 * every problem with its line.
 */
record CalendarFile(Path path, WorkingCalendar calendar, int lastLine) {
    static final String NAME = "calendar.txt";
    /** {@code validate} warns when the calendar runs out within this many days (contract 17). */
    static final int WARN_DAYS = 60;
    private static final Pattern ENTRY = Pattern.compile("^(\\S+)\\s+(\\S+)$");
    /** The declaration of the years the calendar covers: {@code years 2026} or {@code years 2026-2027}. */
    private static final Pattern YEARS = Pattern.compile("^years\\s+(\\d{4})(?:\\s*-\\s*(\\d{4}))?$");

    /** Reads the file's bytes; each problem goes into {@code problems} with its line. */
    static CalendarFile read(Path path, byte[] content, List<RuleProblem> problems) {
        Map<LocalDate, Boolean> days = new LinkedHashMap<>();
        Map<LocalDate, Integer> lines = new HashMap<>();
        int lastLine = 0;
        LocalDate last = null;
        int[] declared = null;
        int declaredLine = 0;
        TreeMap<Integer, Integer> yearLines = new TreeMap<>();
        for (Utf8Lines.Line read : Utf8Lines.of(path, content, problems)) {
            int line = read.number();
            String text = read.text();
            int comment = text.indexOf('#');
            if (comment >= 0) text = text.substring(0, comment);
            text = text.strip();
            if (text.isEmpty()) continue;
            Matcher years = YEARS.matcher(text);
            if (years.matches()) {
                int from = Integer.parseInt(years.group(1));
                int to = years.group(2) == null ? from : Integer.parseInt(years.group(2));
                if (declared != null) {
                    problems.add(RuleProblem.error(path, line, "the years are declared twice (first on line " + declaredLine + ")"));
                } else if (to < from) {
                    problems.add(RuleProblem.error(path, line, "years " + from + "-" + to + " end before they begin"));
                } else {
                    declared = new int[] {from, to};
                    declaredLine = line;
                }
                continue;
            }
            Matcher entry = ENTRY.matcher(text);
            if (!entry.matches() || !(entry.group(2).equals("holiday") || entry.group(2).equals("workday"))) {
                problems.add(RuleProblem.error(path, line, "expected `YYYY-MM-DD holiday` or `YYYY-MM-DD workday`, got \"" + text + "\""));
                continue;
            }
            LocalDate day;
            try {
                day = LocalDate.parse(entry.group(1));
            } catch (DateTimeParseException e) {
                problems.add(RuleProblem.error(path, line, "\"" + entry.group(1) + "\" is not a date YYYY-MM-DD"));
                continue;
            }
            boolean working = entry.group(2).equals("workday");
            DayOfWeek weekday = day.getDayOfWeek();
            boolean weekend = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
            if (working && !weekend) {
                problems.add(RuleProblem.error(path, line, day + " is a " + name(weekday)
                        + ", a working day anyway: a make-up working day (workday) falls on a Saturday or Sunday"));
                continue;
            }
            Integer first = lines.putIfAbsent(day, line);
            if (first != null) {
                problems.add(RuleProblem.error(path, line, day + " is listed twice (first on line " + first + ")"));
                continue;
            }
            days.put(day, working);
            yearLines.putIfAbsent(day.getYear(), line);
            if (last == null || day.isAfter(last)) {
                last = day;
                lastLine = line;
            }
        }
        int lastYear = covered(path, declared, declaredLine, yearLines, lastLine, problems);
        if (declared != null) lastLine = declaredLine;
        return new CalendarFile(path, new WorkingCalendar(days, lastYear), lastLine);
    }

    /**
     * Contract 17: the years the calendar covers, declared ({@code years 2026-2027}) or from its first listed year to
     * its last, each with at least one line: a whole year without one is a gap (a stray line in 2030 would make
     * 2027-2029 years without holidays), refused at the line after it; so is a calendar that lists no day, and a
     * day outside the declared years. Returns the last year covered, 0 when none.
     */
    private static int covered(Path path, int[] declared, int declaredLine, TreeMap<Integer, Integer> yearLines,
                               int lastLine, List<RuleProblem> problems) {
        if (yearLines.isEmpty()) {
            problems.add(RuleProblem.error(path, Math.max(1, Math.max(declaredLine, lastLine)), "the calendar lists no day: "
                    + "list each covered year's holidays and make-up working days, or leave the file out (Monday to Friday)"));
            return 0;
        }
        int from = declared == null ? yearLines.firstKey() : declared[0];
        int to = declared == null ? yearLines.lastKey() : declared[1];
        for (var year : yearLines.entrySet()) {
            if (year.getKey() < from || year.getKey() > to) {
                problems.add(RuleProblem.error(path, year.getValue(), "a day of " + year.getKey() + ", outside the years declared on line "
                        + declaredLine + " (" + from + "-" + to + ")"));
            }
        }
        for (int year = from; year <= to; year++) {
            if (yearLines.containsKey(year)) continue;
            Integer next = yearLines.ceilingKey(year);
            int at = next == null ? declaredLine : yearLines.get(next);
            problems.add(RuleProblem.error(path, Math.max(1, at), "no day of " + year + " is listed: a calendar covers whole years "
                    + "without a gap (list that year's holidays and make-up working days, or end the calendar before it)"));
            while (year < to && !yearLines.containsKey(year + 1)) year++;
        }
        return to;
    }

    /** A warning when the calendar ends within {@value #WARN_DAYS} days of {@code today} (or has ended); null otherwise. */
    RuleProblem endsSoon(LocalDate today) {
        LocalDate lastDay = calendar.lastDay();
        if (lastDay == null || lastDay.isAfter(today.plusDays(WARN_DAYS))) return null;
        String when = lastDay.isBefore(today) ? "ended on " + lastDay : "ends on " + lastDay + ", within " + WARN_DAYS + " days";
        return RuleProblem.warning(path, Math.max(1, lastLine), "the calendar " + when
                + ": add the next year's holidays and make-up working days (past the calendar, working days count Monday to Friday)");
    }

    private static String name(DayOfWeek day) {
        String name = day.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
