package io.policyengine.examples.reference;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.json.ClaimJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Money;
import io.policyengine.model.Outcome;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 17's money invariants over 100,000 generated claims per bundled pack, alone and over every
 * bundled floor: {@code 0 <= depreciation <= price}, {@code refund + depreciation = price} exactly, so a
 * refund is never below 0 nor above the price, and it is in the currency's minor units.
 */
class MoneyInvariantsTest {
    private static final int CLAIMS = 100_000;
    private static final long SEED = 20261206L;
    /** The bundled store packs, each decided alone and over each bundled floor. */
    private static final List<String> STORES = List.of("store-standard", "electronics-plus", "factory-warranty");
    private static final List<String> FLOORS = List.of("cn-consumer-law", "eu-consumer-law");
    private static final int SHOWN = 5;
    /** The floor whose art. 13 keeps a depreciation back: over it, some refunds must be depreciated, some to 0. */
    private static final String DEPRECIATING_FLOOR = "cn-consumer-law";

    @TestFactory
    Stream<DynamicTest> theMoneyAddsUpOnEveryGeneratedClaimOfEveryPackWithAndWithoutFloors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String store : STORES) {
            tests.add(DynamicTest.dynamicTest(store, () -> holdsOn(bundled(store), store.hashCode())));
            for (String floor : FLOORS) {
                tests.add(DynamicTest.dynamicTest(store + " over " + floor, () -> {
                    int[] counted = holdsOn(bundled(store).withFloor(bundled(floor)), (store + floor).hashCode());
                    assertThat(counted[0]).as("refunds the floor grants among the generated claims").isGreaterThan(CLAIMS / 100);
                    if (floor.equals(DEPRECIATING_FLOOR)) {
                        assertThat(counted[1]).as("refunds less depreciation (三包 art. 13)").isPositive();
                        assertThat(counted[2]).as("refunds where the whole price is kept back").isPositive();
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static PolicyEngine bundled(String name) throws RuleLoadException {
        return PolicyEngine.bundled(name);
    }

    /** Checks the invariants; returns how many refunds there were, how many kept something back, and how many kept the whole price. */
    private static int[] holdsOn(PolicyEngine engine, long salt) {
        List<Claim> claims = pricedAllOver(ClaimGenerator.random(SEED ^ salt, CLAIMS), new Random(SEED + salt));
        List<Decision> decisions = engine.decideAll(claims);
        List<String> broken = new ArrayList<>();
        int refunds = 0;
        int depreciated = 0;
        int wholePrice = 0;
        for (int i = 0; i < claims.size(); i++) {
            BigDecimal price = claims.get(i).product().price();
            Decision decision = decisions.get(i);
            Money money = decision.money();
            if (decision.outcome() != Outcome.REFUND || money.refund() == null) {
                if (decision.outcome() != Outcome.REFUND && (money.refund() != null || money.depreciation() != null)) {
                    broken.add(ClaimJson.toJson(claims.get(i)) + "\n    money on a " + decision.outcome() + ": " + money);
                }
                continue;
            }
            refunds++;
            BigDecimal refund = money.refund();
            BigDecimal depreciation = money.depreciation();
            if (depreciation.signum() > 0) depreciated++;
            if (depreciation.compareTo(price) == 0 && price.signum() > 0) wholePrice++;
            boolean holds = depreciation.signum() >= 0 && depreciation.compareTo(price) <= 0
                    && refund.add(depreciation).compareTo(price) == 0
                    && refund.signum() >= 0 && refund.compareTo(price) <= 0
                    && refund.scale() == Money.minorUnits(money.currency());
            if (!holds && broken.size() < SHOWN) broken.add(ClaimJson.toJson(claims.get(i)) + "\n    " + money);
        }
        assertThat(broken).as("claims whose money does not add up").isEmpty();
        return new int[] {refunds, depreciated, wholePrice};
    }

    /**
     * The generated claims with prices from one fen to sixteen digits, each in whole fen: small prices
     * meet the cap on depreciation, large ones the last digit of the sum.
     */
    private static List<Claim> pricedAllOver(List<Claim> claims, Random random) {
        List<Claim> priced = new ArrayList<>(claims.size());
        for (Claim claim : claims) {
            if (claim.product().price() == null) {
                priced.add(claim);
                continue;
            }
            long fen = switch (random.nextInt(4)) {
                case 0 -> 1 + random.nextInt(1_000);                        // 0.01 to 10.00
                case 1 -> 1 + (random.nextLong() >>> 11) % 100_000_000_000_000_000L; // up to 16 digits before the point
                default -> claim.product().price().movePointRight(2).longValueExact();
            };
            priced.add(claim.toBuilder().price(BigDecimal.valueOf(fen, 2)).build());
        }
        return priced;
    }
}
