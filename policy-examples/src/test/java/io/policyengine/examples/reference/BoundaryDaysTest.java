package io.policyengine.examples.reference;

import io.policyengine.PolicyEngine;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Decision;
import io.policyengine.model.Product;
import io.policyengine.model.Remedy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store-standard windows, day by day at their edges (contract section 3: day 0 is the purchase
 * day, "within N days" includes day N, months are calendar months). Goods come back as sold, at a
 * regular price, with no request. Each row is checked against the DRL pack and the plain-Java
 * reference, so both are pinned to the contract rather than only to each other.
 */
class BoundaryDaysTest {

    private static PolicyEngine engine;

    @BeforeAll
    static void loadRules() {
        engine = PolicyEngine.storeStandard();
    }

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', textBlock = """
            # purchase | claim      | defect | remedies                         | what the policy says
            2026-03-01 | 2026-03-01 | false  | REFUND                           | day 0 without a defect: no-reason refund
            2026-03-01 | 2026-03-08 | false  | REFUND                           | day 7 without a defect: no-reason refund
            2026-03-01 | 2026-03-09 | false  |                                  | day 8 without a defect: rejected
            2026-03-01 | 2026-03-01 | true   | REFUND EXCHANGE FREE_REPAIR      | day 0 with a defect: refund, exchange or free repair
            2026-03-01 | 2026-03-08 | true   | REFUND EXCHANGE FREE_REPAIR      | day 7 with a defect: refund, exchange or free repair
            2026-03-01 | 2026-03-16 | true   | REFUND EXCHANGE FREE_REPAIR      | day 15 with a defect: refund, exchange or free repair
            2026-03-01 | 2026-03-17 | true   | EXCHANGE FREE_REPAIR             | day 16 with a defect: exchange or free repair
            2026-03-01 | 2026-03-31 | true   | EXCHANGE FREE_REPAIR             | day 30 with a defect: exchange or free repair
            2026-03-01 | 2026-04-01 | true   | FREE_REPAIR                      | day 31 with a defect: free repair
            2026-03-01 | 2026-06-01 | true   | FREE_REPAIR                      | 2026-03-01 + 3 months = 2026-06-01 with a defect: free repair
            2026-03-01 | 2026-06-02 | true   | PAID_REPAIR                      | the day after 2026-03-01 + 3 months with a defect: paid repair
            2026-03-01 | 2027-03-01 | true   | PAID_REPAIR                      | a year later with a defect: paid repair
            2026-03-01 | 2026-06-01 | false  |                                  | 3 months later without a defect: rejected
            2026-11-30 | 2026-12-30 | true   | EXCHANGE FREE_REPAIR             | bought 2026-11-30, day 30 with a defect: exchange or free repair
            2026-11-30 | 2026-12-31 | true   | FREE_REPAIR                      | bought 2026-11-30, day 31 with a defect: free repair
            2026-11-30 | 2027-02-28 | true   | FREE_REPAIR                      | 2026-11-30 + 3 months = 2027-02-28 with a defect: free repair
            2026-11-30 | 2027-03-01 | true   | PAID_REPAIR                      | the day after 2026-11-30 + 3 months with a defect: paid repair
            2023-11-30 | 2024-02-29 | true   | FREE_REPAIR                      | 2023-11-30 + 3 months = 2024-02-29 (leap year) with a defect: free repair
            2023-11-30 | 2024-03-01 | true   | PAID_REPAIR                      | the day after 2023-11-30 + 3 months with a defect: paid repair
            2024-02-29 | 2024-03-07 | false  | REFUND                           | bought on a leap day, day 7 without a defect: no-reason refund
            2024-02-29 | 2024-03-08 | false  |                                  | bought on a leap day, day 8 without a defect: rejected
            2024-02-29 | 2024-03-15 | true   | REFUND EXCHANGE FREE_REPAIR      | bought on a leap day, day 15 with a defect: refund, exchange or free repair
            2024-02-29 | 2024-03-16 | true   | EXCHANGE FREE_REPAIR             | bought on a leap day, day 16 with a defect: exchange or free repair
            2024-02-29 | 2024-03-30 | true   | EXCHANGE FREE_REPAIR             | bought on a leap day, day 30 with a defect: exchange or free repair
            2024-02-29 | 2024-03-31 | true   | FREE_REPAIR                      | bought on a leap day, day 31 with a defect: free repair
            2024-02-29 | 2024-05-29 | true   | FREE_REPAIR                      | 2024-02-29 + 3 months = 2024-05-29 with a defect: free repair
            2024-02-29 | 2024-05-30 | true   | PAID_REPAIR                      | the day after 2024-02-29 + 3 months with a defect: paid repair
            2026-08-31 | 2026-09-30 | true   | EXCHANGE FREE_REPAIR             | bought 2026-08-31, day 30 with a defect: exchange or free repair
            2026-08-31 | 2026-10-01 | true   | FREE_REPAIR                      | bought 2026-08-31, day 31 with a defect: free repair
            2026-08-31 | 2026-11-30 | true   | FREE_REPAIR                      | 2026-08-31 + 3 months = 2026-11-30 with a defect: free repair
            2026-08-31 | 2026-12-01 | true   | PAID_REPAIR                      | the day after 2026-08-31 + 3 months with a defect: paid repair
            2026-01-31 | 2026-02-07 | false  | REFUND                           | bought 2026-01-31, day 7 without a defect: no-reason refund
            2026-01-31 | 2026-02-08 | false  |                                  | bought 2026-01-31, day 8 without a defect: rejected
            2026-01-31 | 2026-02-15 | true   | REFUND EXCHANGE FREE_REPAIR      | bought 2026-01-31, day 15 with a defect: refund, exchange or free repair
            2026-01-31 | 2026-02-16 | true   | EXCHANGE FREE_REPAIR             | bought 2026-01-31, day 16 with a defect: exchange or free repair
            2026-01-31 | 2026-03-02 | true   | EXCHANGE FREE_REPAIR             | bought 2026-01-31, day 30 (2026-03-02) with a defect: exchange or free repair
            2026-01-31 | 2026-03-03 | true   | FREE_REPAIR                      | bought 2026-01-31, day 31 (2026-03-03) with a defect: free repair
            2026-01-31 | 2026-04-30 | true   | FREE_REPAIR                      | 2026-01-31 + 3 months = 2026-04-30 with a defect: free repair
            2026-01-31 | 2026-05-01 | true   | PAID_REPAIR                      | the day after 2026-01-31 + 3 months with a defect: paid repair
            2026-12-31 | 2027-01-07 | false  | REFUND                           | bought New Year's Eve, day 7 without a defect: no-reason refund
            2026-12-31 | 2027-01-08 | false  |                                  | bought New Year's Eve, day 8 without a defect: rejected
            2026-12-31 | 2027-01-15 | true   | REFUND EXCHANGE FREE_REPAIR      | bought New Year's Eve, day 15 with a defect: refund, exchange or free repair
            2026-12-31 | 2027-03-31 | true   | FREE_REPAIR                      | 2026-12-31 + 3 months = 2027-03-31 with a defect: free repair
            2026-12-31 | 2027-04-01 | true   | PAID_REPAIR                      | the day after 2026-12-31 + 3 months with a defect: paid repair
            """)
    void windowEdges(LocalDate purchase, LocalDate claimDate, boolean defect, String expected, String policySays) {
        Claim claim = new Claim("B-" + purchase + "-" + claimDate + "-" + defect, Product.of("TV-55-X1"),
                purchase, claimDate, defect, null, Condition.AS_SOLD);
        List<Remedy> remedies = parse(expected);

        Decision drl = engine.decide(claim);
        assertThat(drl.remedies()).as("DRL pack: %s", policySays).isEqualTo(remedies);
        assertThat(StoreStandardInJava.remedies(claim)).as("reference: %s", policySays).isEqualTo(remedies);

        int day = (int) (claimDate.toEpochDay() - purchase.toEpochDay());
        assertThat(drl.daysSincePurchase()).as("DRL daysSincePurchase").isEqualTo(day);
        assertThat(StoreStandardInJava.daysSincePurchase(claim)).as("reference daysSincePurchase").isEqualTo(day);

        // No request: the outcome is the first remedy, and a repair is due 7 days after the claim.
        LocalDate due = !remedies.isEmpty() && remedies.get(0).isRepair() ? claimDate.plusDays(7) : null;
        assertThat(drl.repairDueDate()).as("DRL repairDueDate").isEqualTo(due);
        assertThat(StoreStandardInJava.repairDueDate(claim)).as("reference repairDueDate").isEqualTo(due);
    }

    private static List<Remedy> parse(String remedies) {
        List<Remedy> list = new ArrayList<>();
        if (remedies == null) return list;
        for (String name : remedies.trim().split("\\s+")) {
            if (!name.isEmpty()) list.add(Remedy.valueOf(name));
        }
        return list;
    }
}
