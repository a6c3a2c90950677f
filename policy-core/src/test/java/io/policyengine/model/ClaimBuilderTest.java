package io.policyengine.model;

import io.policyengine.json.ClaimJson;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClaimBuilderTest {

    private static final LocalDate BOUGHT = LocalDate.of(2026, 3, 1);

    @Test
    void buildsTheContractSampleAsTheJsonReaderReadsIt() {
        Claim built = Claim.builder("C-1001", "TV-55-X1")
                .category("ELECTRONICS").price("3299.00")
                .purchaseDate(BOUGHT).claimDate(LocalDate.of(2026, 3, 9))
                .qualityDefect(true).request(Request.REFUND)
                .build();

        Claim read = ClaimJson.parse(ClaimJson.readValue("claim", """
                {"id": "C-1001", "product": {"sku": "TV-55-X1", "category": "ELECTRONICS", "price": 3299.00,
                 "saleType": "REGULAR", "customMade": false}, "purchaseDate": "2026-03-01", "claimDate": "2026-03-09",
                 "qualityDefect": true, "request": "REFUND", "condition": {"packaging": "INTACT",
                 "accessoriesComplete": true, "warrantyCard": true, "usageTraces": false, "customerDamage": false}}"""));
        assertThat(built).isEqualTo(read);
        assertThat(built.product().price()).isEqualByComparingTo(new BigDecimal("3299.00"));
    }

    @Test
    void setsEveryFieldOfLaterContractsWithoutALongConstructor() {
        Claim claim = Claim.builder("C-7", "AC-9").category("AIR_CONDITIONER")
                .purchaseDate(BOUGHT).claimDate(BOUGHT.plusDays(50)).qualityDefect(true)
                .channel(Channel.ONLINE).deliveryDate(BOUGHT.plusDays(1))
                .packaging(Packaging.DAMAGED).forceMajeure(true)
                .fault("NO_COOLING").repair(new PastRepair(BOUGHT.plusDays(20), "NO_COOLING", BOUGHT.plusDays(14)))
                .openRepair(new OpenRepair(BOUGHT.plusDays(45), WaitingFor.PARTS)).sameModelInStock(false)
                .event(EventType.REPAIRED, BOUGHT.plusDays(52)).asOf(BOUGHT.plusDays(60))
                .build();

        assertThat(claim.condition()).isEqualTo(Condition.AS_SOLD.withPackaging(Packaging.DAMAGED).withForceMajeure(true));
        assertThat(claim.repairHistory().get(0).daysInRepair()).isEqualTo(6);
        assertThat(claim.judgedOn()).isEqualTo(BOUGHT.plusDays(60));
        assertThat(claim.toBuilder().build()).isEqualTo(claim);
        assertThat(claim.toBuilder().price("10.50").build().product())
                .as("a product field set after a whole product keeps the product's other values")
                .isEqualTo(new Product("AC-9", "AIR_CONDITIONER", new BigDecimal("10.50"), SaleType.REGULAR, false));
    }

    @Test
    void refusesWhatTheJsonReaderRefusesWithTheSameMessage() {
        Claim.Builder complete = Claim.builder("C-1", "S").purchaseDate(BOUGHT).claimDate(BOUGHT.plusDays(3)).qualityDefect(false);

        assertThatThrownBy(() -> Claim.builder("C-1", "S").claimDate(BOUGHT).qualityDefect(true).build())
                .hasMessage("purchaseDate: missing");
        assertThatThrownBy(() -> Claim.builder("C-1", "S").purchaseDate(BOUGHT).claimDate(BOUGHT).build())
                .hasMessage("qualityDefect: missing");
        assertThatThrownBy(() -> Claim.builder(" ", "S").build()).hasMessage("id: missing or blank");
        assertThatThrownBy(() -> Claim.builder("C-1", "").purchaseDate(BOUGHT).build()).hasMessage("product.sku: missing or blank");
        assertThatThrownBy(() -> complete.price("-5").build()).hasMessage("product.price: must be >= 0, got -5");
        assertThatThrownBy(() -> complete.price("five").build()).hasMessage("product.price: expected a number, got \"five\"");
        assertThatThrownBy(() -> complete.price((String) null).claimDate(BOUGHT.minusDays(1)).build())
                .hasMessage("claimDate: 2026-02-28 is before purchaseDate 2026-03-01");
        assertThatThrownBy(() -> complete.claimDate(BOUGHT.plusDays(3)).openRepair(new OpenRepair(BOUGHT.plusDays(4), WaitingFor.REPAIRER)).build())
                .hasMessage("openRepair.receivedOn: 2026-03-05 is after claimDate 2026-03-04");
        assertThatThrownBy(() -> complete.openRepair(null).event(EventType.MAILED, BOUGHT.plusDays(4))
                .event(EventType.REPAIRED, BOUGHT.plusDays(5)).build())
                .hasMessage("events[0]: MAILED on 2026-03-05 is before REPAIRED on 2026-03-06 (events[1])");
    }
}
