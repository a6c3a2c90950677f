package io.policyengine.examples.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The periods a claim date falls in, at the edges of weeks, months and years. */
class PeriodTest {

    @ParameterizedTest(name = "{0} by {1}: {2} from {3} to {4}")
    @CsvSource({
            "2026-06-03, DAY,   2026-06-03, 2026-06-03, 2026-06-03",
            "2026-06-07, WEEK,  2026-W23,   2026-06-01, 2026-06-07",  // a Sunday ends its ISO week
            "2026-06-08, WEEK,  2026-W24,   2026-06-08, 2026-06-14",
            "2027-01-01, WEEK,  2026-W53,   2026-12-28, 2027-01-03",  // a week of two years is named by its Thursday's year
            "2027-01-04, WEEK,  2027-W01,   2027-01-04, 2027-01-10",
            "2028-02-29, MONTH, 2028-02,    2028-02-01, 2028-02-29",
            "2026-02-10, MONTH, 2026-02,    2026-02-01, 2026-02-28"})
    void periodOfAClaimDate(LocalDate claimDate, Period by, String label, LocalDate from, LocalDate to) {
        LocalDate start = by.start(claimDate);

        assertThat(start).isEqualTo(from);
        assertThat(by.end(start)).isEqualTo(to);
        assertThat(by.label(start)).isEqualTo(label);
    }
}
