package io.policyengine.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A claim's day counts, which are counted within a year from its months and days alone. */
class ClaimDaysTest {

    private static Claim claim(LocalDate bought, LocalDate claimed) {
        return Claim.builder("C-1", "TV-1").purchaseDate(bought).deliveryDate(bought).claimDate(claimed).qualityDefect(true).build();
    }

    @ParameterizedTest(name = "bought {0}, claimed {1}: day {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            2024-02-28 | 2024-03-01 | 2    | the leap day counts in a leap year
            2026-02-28 | 2026-03-01 | 1    | and not in a common year
            2000-02-28 | 2000-03-01 | 2    | a century divisible by 400 is a leap year
            2100-02-28 | 2100-03-01 | 1    | another century is not
            2024-02-29 | 2024-03-01 | 1    | bought on the leap day
            2024-01-31 | 2024-12-31 | 335  | across the leap day within the year
            2026-03-01 | 2026-03-01 | 0    | the purchase day is day 0
            2026-12-31 | 2027-01-01 | 1    | across the new year
            2023-11-30 | 2024-03-01 | 92   | into a leap year, past its leap day
            2023-12-31 | 2024-12-31 | 366  | a whole leap year
            2024-12-31 | 2025-12-31 | 365  | a whole common year
            2024-02-29 | 2026-02-28 | 730  | two years on
            2016-03-01 | 2026-03-01 | 3652 | ten years on
            2015-03-01 | 2026-03-01 | 4018 | eleven years on
            2099-12-31 | 2101-01-01 | 366  | over a century that is not a leap year
            """)
    void daysSincePurchase(LocalDate bought, LocalDate claimed, int days, String why) {
        assertThat(claim(bought, claimed).daysSincePurchase()).isEqualTo(days);
    }

    @Test
    void everyPurchaseDayOfFourYearsAndEveryThirdClaimDayOfTheTwoYearsAfterCountAsTheCalendarDoes() {
        for (LocalDate bought = LocalDate.of(2023, 1, 1); bought.isBefore(LocalDate.of(2027, 1, 1)); bought = bought.plusDays(1)) {
            for (int later = 0; later <= 800; later += 3) {
                LocalDate claimed = bought.plusDays(later);
                Claim claim = claim(bought, claimed);
                assertThat(claim.daysSincePurchase()).as("%s to %s", bought, claimed).isEqualTo(later);
                assertThat(claim.daysSinceDelivery()).as("%s to %s", bought, claimed)
                        .isEqualTo((int) ChronoUnit.DAYS.between(bought, claimed));
            }
        }
    }
}
