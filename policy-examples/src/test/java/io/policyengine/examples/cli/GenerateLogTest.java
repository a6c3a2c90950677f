package io.policyengine.examples.cli;

import io.policyengine.examples.report.MonthOfClaims;
import io.policyengine.model.Claim;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 17: {@code generate-log} writes as it goes, a day at a time, and its options have bounds, each
 * refused in one line. (Measured: {@code JAVA_OPTS=-Xmx256m ./policy generate-log --per-day 20000} writes its
 * 600,012 lines in 35 s, where holding the month took 2.5 GB.)
 */
class GenerateLogTest {

    @Test
    @DisplayName("the month handed over a day at a time is the month of(): the same claims in the same order, each day's together")
    void aDayAtATimeIsTheSameMonth() {
        List<Claim> byDay = new ArrayList<>();
        List<Integer> daySizes = new ArrayList<>();
        MonthOfClaims.forEachDay(YearMonth.of(2026, 2), 7, 3, day -> {
            assertThat(day).extracting(Claim::claimDate).containsOnly(day.get(0).claimDate());
            daySizes.add(day.size());
            byDay.addAll(day);
        });

        assertThat(byDay).isEqualTo(MonthOfClaims.of(YearMonth.of(2026, 2), 7, 3));
        assertThat(daySizes).hasSize(28);
        assertThat(byDay.get(byDay.size() - 1).claimDate()).isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    @DisplayName("--per-day over 100,000 or a month that does not exist is one line, exit 2, no Java exception text")
    void boundedOptions() {
        Cli.Run tooMany = Cli.run("generate-log", "--per-day", "100001");
        assertThat(tooMany.exit()).isEqualTo(2);
        assertThat(tooMany.errLines()).containsExactly("--per-day: must be at most 100000, got 100001");

        Cli.Run noMonth = Cli.run("generate-log", "--month", "2026-13");
        assertThat(noMonth.exit()).isEqualTo(2);
        assertThat(noMonth.errLines()).containsExactly("--month: expected a month YYYY-MM from 0001-01 to 8999-12, got \"2026-13\"");
        assertThat(Cli.run("generate-log", "--month", "2026-02", "--per-day", "1").outLines()).hasSizeGreaterThan(28);
    }
}
