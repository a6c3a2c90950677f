package io.policyengine.model;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A claim's day counts, which are counted within a year from its months and days alone. */
class ClaimDaysTest {

    private static Claim claim(LocalDate bought, LocalDate claimed) {
        return Claim.builder("C-1", "TV-1").purchaseDate(bought).deliveryDate(bought).claimDate(claimed).qualityDefect(true).build();
    }

    private static int days(String bought, String claimed) {
        return claim(LocalDate.parse(bought), LocalDate.parse(claimed)).daysSincePurchase();
    }

    @Test
    void theLeapDayCountsInLeapYearsOnly() {
        assertThat(days("2024-02-28", "2024-03-01")).isEqualTo(2);
        assertThat(days("2026-02-28", "2026-03-01")).isEqualTo(1);
        assertThat(days("2000-02-28", "2000-03-01")).isEqualTo(2);
        assertThat(days("2100-02-28", "2100-03-01")).isEqualTo(1);
        assertThat(days("2024-02-29", "2024-03-01")).isEqualTo(1);
        assertThat(days("2024-01-31", "2024-12-31")).isEqualTo(335);
    }

    @Test
    void thePurchaseDayIsDayZeroAndTheYearsEndIsCrossed() {
        assertThat(days("2026-03-01", "2026-03-01")).isZero();
        assertThat(days("2026-12-31", "2027-01-01")).isEqualTo(1);
        assertThat(days("2023-11-30", "2024-03-01")).isEqualTo(92);
        assertThat(days("2023-12-31", "2024-12-31")).isEqualTo(366);
        assertThat(days("2024-12-31", "2025-12-31")).isEqualTo(365);
        assertThat(days("2024-02-29", "2026-02-28")).isEqualTo(730);
        assertThat(days("2016-03-01", "2026-03-01")).isEqualTo(3652);
        assertThat(days("2015-03-01", "2026-03-01")).isEqualTo(4018);
        assertThat(days("2099-12-31", "2101-01-01")).isEqualTo(366);
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
