package io.policyengine.model;

import io.policyengine.json.ClaimJson;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contract 17: repair periods lie between the purchase and the claim and are counted once however they
 * overlap; a repair ends either done or impossible, not both; calls on one day are one notice.
 */
class RepairPeriodsAndEventsTest {
    private static final LocalDate BOUGHT = LocalDate.of(2026, 1, 10);
    private static final LocalDate CLAIMED = LocalDate.of(2026, 9, 30);

    private static Claim.Builder phone() {
        return Claim.builder("R-1", "PHONE-X9").category("MOBILE_PHONE").price("2999.00")
                .purchaseDate(BOUGHT).claimDate(CLAIMED).qualityDefect(true);
    }

    private static PastRepair repair(String receivedOn, String completedOn) {
        return new PastRepair(LocalDate.parse(completedOn), "NO_SIGNAL", receivedOn == null ? null : LocalDate.parse(receivedOn));
    }

    @Test
    @DisplayName("a repair received the day before the purchase is bad input naming it; received on the purchase day is fine")
    void receivedBeforeThePurchase() {
        assertThatThrownBy(() -> phone().repair(repair("2026-02-01", "2026-02-05")).repair(repair("2026-01-09", "2026-02-10")).build())
                .isInstanceOf(BadInputException.class)
                .hasMessage("repairHistory[1].receivedOn: 2026-01-09 is before purchaseDate 2026-01-10");
        assertThat(phone().repair(repair("2026-01-10", "2026-02-10")).build().daysInRepair()).isEqualTo(31);
    }

    @Test
    @DisplayName("a repair completed before the purchase, or received after the claim, is bad input naming the field")
    void completedBeforeThePurchaseOrReceivedAfterTheClaim() {
        assertThatThrownBy(() -> phone().repair(repair(null, "2025-12-31")).build())
                .hasMessage("repairHistory[0].completedOn: 2025-12-31 is before purchaseDate 2026-01-10");
        assertThatThrownBy(() -> phone().repair(repair("2026-10-01", "2026-10-02")).build())
                .hasMessage("repairHistory[0].receivedOn: 2026-10-01 is after claimDate 2026-09-30");
        assertThatThrownBy(() -> phone().repair(repair("2026-03-05", "2026-03-04")).build())
                .hasMessage("repairHistory[0].receivedOn: 2026-03-05 is after its completedOn 2026-03-04");
    }

    @Test
    @DisplayName("an open repair received before the purchase is bad input (it made 840 days waiting for parts)")
    void openRepairBeforeThePurchase() {
        assertThatThrownBy(() -> phone().openRepair(new OpenRepair(LocalDate.of(2024, 1, 12), WaitingFor.PARTS)).build())
                .isInstanceOf(BadInputException.class)
                .hasMessage("openRepair.receivedOn: 2024-01-12 is before purchaseDate 2026-01-10");
    }

    @Test
    @DisplayName("the JSON reader gives the same one-line message, naming the element")
    void theReaderNamesTheElement() {
        assertThatThrownBy(() -> ClaimJson.parse(ClaimJson.readValue("claim", """
                {"id": "R-2", "product": {"sku": "PHONE-X9"}, "purchaseDate": "2026-01-10", "claimDate": "2026-09-30",
                 "qualityDefect": true, "repairHistory": [{"completedOn": "2026-02-05", "fault": "F"},
                 {"receivedOn": "2020-01-01", "completedOn": "2026-03-01", "fault": "F"}]}""")))
                .hasMessage("repairHistory[1].receivedOn: 2020-01-01 is before purchaseDate 2026-01-10");
    }

    @Test
    @DisplayName("three copies of one 100-day repair are 100 days in repair, not 300")
    void overlappingPeriodsCountOnce() {
        PastRepair hundredDays = repair("2026-02-01", "2026-05-12");
        Claim claim = phone().repair(hundredDays).repair(hundredDays).repair(hundredDays).build();

        assertThat(claim.daysInRepair()).isEqualTo(100);
    }

    @Test
    @DisplayName("periods that overlap in part count their union; an open repair overlapping a past one too")
    void partlyOverlappingPeriods() {
        Claim claim = phone()
                .repair(repair("2026-02-01", "2026-02-11"))  // 1-10 Feb: 10 days
                .repair(repair("2026-02-06", "2026-02-16"))  // 6-15 Feb: 5 more
                .repair(repair("2026-03-01", "2026-03-03"))  // apart: 2 more
                .openRepair(new OpenRepair(LocalDate.of(2026, 9, 20), WaitingFor.PARTS)) // 20-29 Sep: 10 more
                .repair(repair("2026-09-25", "2026-09-28"))  // inside the open repair: none more
                .build();

        assertThat(claim.daysInRepair()).isEqualTo(27);
    }

    @Test
    @DisplayName("REPAIRED and UNREPAIRABLE for the same repair is bad input naming the later event")
    void repairedAndUnrepairable() {
        assertThatThrownBy(() -> phone().event(EventType.REPAIRED, CLAIMED.plusDays(3))
                .event(EventType.UNREPAIRABLE, CLAIMED.plusDays(5)).build())
                .isInstanceOf(BadInputException.class)
                .hasMessage("events[1]: UNREPAIRABLE contradicts REPAIRED (events[0], on 2026-10-03): a repair is either done or impossible");
    }

    @Test
    @DisplayName("three pickup calls on one day are one notice; calls on three days are three")
    void sameDayCallsCountOnce() {
        LocalDate back = CLAIMED.plusDays(3);
        Claim oneDay = phone().event(EventType.REPAIRED, back).event(EventType.PICKUP_NOTIFIED, back)
                .event(EventType.PICKUP_NOTIFIED, back).event(EventType.PICKUP_NOTIFIED, back).build();
        Claim threeDays = phone().event(EventType.REPAIRED, back).event(EventType.PICKUP_NOTIFIED, back)
                .event(EventType.PICKUP_NOTIFIED, back.plusDays(3)).event(EventType.PICKUP_NOTIFIED, back.plusDays(6)).build();

        assertThat(oneDay.countEvents(back, EventType.PICKUP_NOTIFIED)).isEqualTo(1);
        assertThat(oneDay.nthEvent(back, EventType.PICKUP_NOTIFIED, 2)).isNull();
        assertThat(threeDays.countEvents(back, EventType.PICKUP_NOTIFIED)).isEqualTo(3);
        assertThat(threeDays.nthEvent(back, EventType.PICKUP_NOTIFIED, 3).at()).isEqualTo(back.plusDays(6));
    }
}
