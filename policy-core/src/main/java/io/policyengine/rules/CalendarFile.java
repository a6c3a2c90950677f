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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pack's {@code calendar.txt} (contract 12.5): one {@code YYYY-MM-DD holiday} or {@code YYYY-MM-DD workday}
 * line each (a make-up working day, 调休, on a weekend), {@code #} comments, checked like the sentence files:
 * every problem with its line.
 */
record CalendarFile(Path path, WorkingCalendar calendar, int lastLine) {
    static final String NAME = "calendar.txt";
    /** {@code validate} warns when the calendar runs out within this many days. */
    static final int WARN_DAYS = 90;
    private static final Pattern ENTRY = Pattern.compile("^(\\S+)\\s+(\\S+)$");

    /** Reads the file's bytes; each problem goes into {@code problems} with its line. */
    static CalendarFile read(Path path, byte[] content, List<RuleProblem> problems) {
        Map<LocalDate, Boolean> days = new LinkedHashMap<>();
        Map<LocalDate, Integer> lines = new HashMap<>();
        int lastLine = 0;
        LocalDate last = null;
        for (Utf8Lines.Line read : Utf8Lines.of(path, content, problems)) {
            int line = read.number();
            String text = read.text();
            int comment = text.indexOf('#');
            if (comment >= 0) text = text.substring(0, comment);
            text = text.strip();
            if (text.isEmpty()) continue;
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
            if (last == null || day.isAfter(last)) {
                last = day;
                lastLine = line;
            }
        }
        return new CalendarFile(path, new WorkingCalendar(days), lastLine);
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
