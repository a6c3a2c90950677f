package io.policyengine;

import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.EventType;
import io.policyengine.model.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract 17, dates: the duties follow what happened, counted as the store regulation counts it. */
class DatesYouCanTrustTest {
    private static final PolicyEngine STORE = PolicyEngine.storeStandard();
    private static final LocalDate CLAIMED = LocalDate.of(2026, 5, 4);
    private static final LocalDate BACK = LocalDate.of(2026, 5, 8);

    @Test
    @DisplayName("three pickup calls on one day are one notice (art. 27): call again in 3 days, not mail the goods (art. 28)")
    void threeCallsOnOneDayAreOneNotice() {
        Claim claim = Claim.builder("D-1", "KETTLE-1").purchaseDate(LocalDate.of(2026, 3, 1)).claimDate(CLAIMED)
                .qualityDefect(true).request(Request.REPAIR).event(EventType.REPAIRED, BACK)
                .event(EventType.PICKUP_NOTIFIED, BACK).event(EventType.PICKUP_NOTIFIED, BACK)
                .event(EventType.PICKUP_NOTIFIED, BACK).build();

        assertThat(STORE.decide(claim).actions()).extracting(Action::action).containsExactly("NOTIFY_PICKUP");
        assertThat(STORE.decide(claim).actions().get(0).due()).isEqualTo(BACK.plusDays(3));
        assertThat(STORE.decide(claim).actions().get(0).reason().params()).containsEntry("calls", 1);
    }
}
