package io.policyengine.rules;

import io.policyengine.RuleProblem;
import io.policyengine.facts.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pack's calendar.txt (contract 12.5): read like the sentence files, every problem with its line. */
class CalendarFileTest {
    private static final Path FILE = Path.of("calendar.txt");

    private static CalendarFile read(String text, List<RuleProblem> problems) {
        return CalendarFile.read(FILE, text.getBytes(StandardCharsets.UTF_8), problems);
    }

    @Test
    @DisplayName("holidays are days off, make-up working days count, every other day is Monday to Friday")
    void workingDays() {
        List<RuleProblem> problems = new ArrayList<>();
        WorkingCalendar calendar = read("""
                # Spring Festival
                2026-02-14 workday   # Saturday, made up
                2026-02-16 holiday
                """, problems).calendar();

        assertThat(problems).isEmpty();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 14))).as("Saturday, a make-up working day").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 15))).as("an ordinary Sunday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).as("Monday, a holiday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).as("an ordinary Tuesday").isTrue();
        // Thu 12: Fri 13 (1), Sat 14 (2), Tue 17 (3)
        assertThat(calendar.workingDaysAfter(LocalDate.of(2026, 2, 12), 3)).isEqualTo(LocalDate.of(2026, 2, 17));
    }

    @Test
    @DisplayName("past the last year the file lists, working days are Monday to Friday")
    void pastTheCalendar() {
        WorkingCalendar calendar = read("2026-12-31 holiday\n", new ArrayList<>()).calendar();

        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).as("a Friday past the calendar").isTrue();
        assertThat(calendar.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(WorkingCalendar.MONDAY_TO_FRIDAY.workingDaysAfter(LocalDate.of(2026, 2, 12), 7)).isEqualTo(LocalDate.of(2026, 2, 23));
    }

    @Test
    @DisplayName("each bad line is a problem naming its line: not an entry, not a date, a weekday made up, a day twice, not UTF-8")
    void problemsWithTheirLines() {
        List<RuleProblem> problems = new ArrayList<>();
        byte[] gbk = {'2', '0', '2', '6', '-', '0', '3', '-', '0', '2', ' ', (byte) 0xC4, (byte) 0xEA};
        String text = """
                2026-05-01 holiday
                2026-05-01 holiday
                2026-05-04 workday
                2026-02-30 holiday
                2026-06-19 vacation
                """;
        byte[] content = (text + new String(gbk, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(gbk, 0, content, text.length(), gbk.length);
        CalendarFile.read(FILE, content, problems);

        assertThat(problems).extracting(RuleProblem::toString).containsExactly(
                "calendar.txt:2: 2026-05-01 is listed twice (first on line 1)",
                "calendar.txt:3: 2026-05-04 is a Monday, a working day anyway: a make-up working day (workday) falls on a Saturday or Sunday",
                "calendar.txt:4: \"2026-02-30\" is not a date YYYY-MM-DD",
                "calendar.txt:5: expected `YYYY-MM-DD holiday` or `YYYY-MM-DD workday`, got \"2026-06-19 vacation\"",
                "calendar.txt:6: not valid UTF-8: save the file as UTF-8");
    }

    @Test
    @DisplayName("validate warns on the last entry's line when the calendar ends within 60 days, not before")
    void warnsWhenTheCalendarRunsOut() {
        CalendarFile file = read("# 2026\n2026-01-01 holiday\n2026-10-10 workday\n# end\n", new ArrayList<>());

        assertThat(file.endsSoon(LocalDate.of(2026, 10, 31))).as("61 days before the end").isNull();
        RuleProblem warning = file.endsSoon(LocalDate.of(2026, 11, 1));
        assertThat(warning.warning()).isTrue();
        assertThat(warning.toString()).startsWith("calendar.txt:3: warning: the calendar ends on 2026-12-31, within 60 days");
        assertThat(file.endsSoon(LocalDate.of(2027, 1, 5)).toString()).contains("the calendar ended on 2026-12-31");
    }

    @Test
    @DisplayName("a stray line in 2030 is a gap of 2027-2029, refused at its line; an empty calendar is refused (contract 17)")
    void gapsAndEmptyCalendarsAreRefused() {
        List<RuleProblem> problems = new ArrayList<>();
        read("2026-01-01 holiday\n2030-01-01 holiday\n", problems);
        assertThat(problems).extracting(RuleProblem::toString).containsExactly("calendar.txt:2: no day of 2027 is listed: a calendar "
                + "covers whole years without a gap (list that year's holidays and make-up working days, or end the calendar before it)");

        problems.clear();
        read("# nothing yet\n", problems);
        assertThat(problems).extracting(RuleProblem::toString).singleElement().asString()
                .startsWith("calendar.txt:1: the calendar lists no day");
    }

    @Test
    @DisplayName("a years line declares what the calendar covers: its last day, and days outside it refused")
    void declaredYears() {
        List<RuleProblem> problems = new ArrayList<>();
        CalendarFile file = read("years 2026-2027\n2026-01-01 holiday\n2027-01-01 holiday\n", problems);
        assertThat(problems).isEmpty();
        assertThat(file.calendar().lastDay()).isEqualTo(LocalDate.of(2027, 12, 31));

        read("years 2026\n2026-01-01 holiday\n2027-01-01 holiday\n", problems);
        assertThat(problems).extracting(RuleProblem::toString)
                .containsExactly("calendar.txt:3: a day of 2027, outside the years declared on line 1 (2026-2026)");
    }
}
