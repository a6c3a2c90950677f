package io.policyengine.examples.reference;

import io.policyengine.PolicyEngine;
import io.policyengine.json.ClaimJson;
import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The store-standard pack over the cn-consumer-law floor agrees with their plain-Java reference. */
class StackDifferentialTest {
    private static final int CLAIMS = 100_000;

    private static PolicyEngine stack;
    private static List<Claim> claims;

    @BeforeAll
    static void decideOnce() throws Exception {
        stack = PolicyEngine.storeStandard().withFloor(PolicyEngine.bundled("cn-consumer-law"));
        claims = ClaimGenerator.random(20261125L, CLAIMS);
    }

    @Test
    void theStackAgreesWithThePlainJavaReferenceOnEveryGeneratedClaim() {
        List<Decision> decisions = stack.decideAll(claims);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            Decision drl = decisions.get(i);
            Decision plain = StoreStandardInJava.decideWithChinaConsumerLaw(claims.get(i));
            boolean same = drl.outcome() == plain.outcome() && drl.remedies().equals(plain.remedies())
                    && drl.daysSincePurchase() == plain.daysSincePurchase()
                    && Objects.equals(drl.repairDueDate(), plain.repairDueDate())
                    && drl.money().equals(plain.money());
            if (!same) {
                differences.add(ClaimJson.toJson(claims.get(i)) + "\n    DRL:   " + drl.outcome() + " " + drl.remedies()
                        + " due " + drl.repairDueDate() + " " + drl.money() + "\n    plain: " + plain.outcome() + " " + plain.remedies()
                        + " due " + plain.repairDueDate() + " " + plain.money());
            }
        }
        assertThat(differences).as("%d of %d claims differ, the first:%n%s", differences.size(), CLAIMS,
                String.join("\n", differences.subList(0, Math.min(5, differences.size())))).isEmpty();
    }

    @Test
    void theGeneratedClaimsReachEveryFloorRuleAndTheLawChangesSomeAnswers() {
        List<Claim> sample = claims.subList(0, 20_000);
        List<Decision> decisions = stack.decideAll(sample);
        long online = sample.stream().filter(c -> c.channel() == Channel.ONLINE).count();
        long deliveredLater = sample.stream().filter(c -> c.deliveryDate().isAfter(c.purchaseDate())).count();
        long lawPrevails = decisions.stream().flatMap(d -> d.reasons().stream())
                .filter(r -> r.effect() == Effect.GRANT && r.params().containsKey("lawPrevails")).count();
        List<String> floorRules = decisions.stream().flatMap(d -> d.reasons().stream())
                .filter(r -> "cn-consumer-law".equals(r.policy())).map(Reason::rule).distinct().toList();

        assertThat(online).isGreaterThan(5_000);
        assertThat(deliveredLater).isGreaterThan(5_000);
        assertThat(lawPrevails).isGreaterThan(100);
        assertThat(floorRules).hasSizeGreaterThanOrEqualTo(4);
        // contract 11.3: the repeat-repair rules and art. 13's depreciation are reached too
        assertThat(floorRules).contains("failing again after repeated repairs in the warranty", "too long at the repairer waiting for parts",
                "too long at the repairer by its own fault", "a refund in place of an exchange", "a refund in place of an exchange, less depreciation",
                "a refund in place of an exchange, for a category without a depreciation rate");
        assertThat(decisions).anySatisfy(d -> assertThat(d.money().depreciation()).isPositive());
        assertThat(decisions).allSatisfy(d -> assertThat(d.floors()).extracting("name").containsExactly("cn-consumer-law"));
    }
}
