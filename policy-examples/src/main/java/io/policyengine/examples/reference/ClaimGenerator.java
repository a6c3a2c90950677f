package io.policyengine.examples.reference;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.Packaging;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import io.policyengine.model.WaitingFor;
import io.policyengine.model.SaleType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Seeded random claims for differential testing and benchmarks, biased to the policy's boundaries:
 * purchases on month ends, leap days and New Year's Eve; claims on the days either side of every
 * window (7, 15, 30 days, 3 calendar months); and every combination of defect, request, sale type
 * and condition. The same seed always yields the same claims, ids {@code G-1}, {@code G-2}, ...
 */
public final class ClaimGenerator {

    private static final LocalDate FIRST_PURCHASE = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST_PURCHASE = LocalDate.of(2028, 12, 31);
    private static final int PURCHASE_SPAN_DAYS = (int) (LAST_PURCHASE.toEpochDay() - FIRST_PURCHASE.toEpochDay()) + 1;
    private static final LocalDate[] LEAP_DAYS = {LocalDate.of(2024, 2, 29), LocalDate.of(2028, 2, 29)};

    /** Day offsets on either side of the 7-, 15- and 30-day windows. */
    private static final int[] BOUNDARY_DAYS = {0, 6, 7, 8, 14, 15, 16, 29, 30, 31};
    private static final int MAX_UNIFORM_DAYS = 500;
    private static final int MONTHS = StoreStandardInJava.FREE_REPAIR_MONTHS;

    private static final Request[] REQUESTS = Request.values();
    /** Categories of the three-guarantee table, goods the law excludes from online returns, and others. */
    private static final String[] CATEGORIES = {"TV", "REFRIGERATOR", "WASHING_MACHINE", "AIR_CONDITIONER",
            "MOBILE_PHONE", "COMPUTER", "PERISHABLE", "PERIODICAL", "DIGITAL", "FURNITURE", "ELECTRONICS", null};
    private static final int WARRANTY_MONTHS = 12;

    private ClaimGenerator() {
    }

    /** The first {@code n} claims of {@link #stream(long)}. */
    public static List<Claim> random(long seed, int n) {
        if (n < 0) throw new IllegalArgumentException("n must be >= 0, got " + n);
        Source source = new Source(seed);
        List<Claim> claims = new ArrayList<>(n);
        for (int i = 0; i < n; i++) claims.add(source.next());
        return claims;
    }

    /** An endless, ordered stream of claims; its first n equal {@link #random(long, int) random(seed, n)}. */
    public static Stream<Claim> stream(long seed) {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(seed), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** An endless iterator of claims, the same sequence as {@link #stream(long)}. */
    public static Iterator<Claim> iterator(long seed) {
        return new Source(seed);
    }

    /** One seeded sequence. Every draw goes through {@link #next()} in a fixed order, so sequences are reproducible. */
    private static final class Source implements Iterator<Claim> {
        private final Random random;
        /** Draws for the fields of contract v5 (11.1), apart so that the v1-v4 fields of each claim stay as they were. */
        private final Random money;
        private int count;

        Source(long seed) {
            this.random = new Random(seed);
            this.money = new Random(~seed);
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Claim next() {
            count++;
            LocalDate purchase = purchaseDate();
            LocalDate delivery = pick(0.5) ? purchase : purchase.plusDays(1 + random.nextInt(5));
            LocalDate claimDate = claimDate(pick(0.5) ? purchase : delivery);
            if (claimDate.isBefore(delivery)) delivery = purchase;
            Channel channel = pick(0.4) ? Channel.ONLINE : Channel.STORE;
            boolean defect = random.nextBoolean();
            int r = random.nextInt(REQUESTS.length + 1);
            Request request = r == REQUESTS.length ? null : REQUESTS[r];
            SaleType saleType = pick(0.25) ? (random.nextBoolean() ? SaleType.SPECIAL_PRICE : SaleType.GIFT) : SaleType.REGULAR;
            boolean customMade = pick(0.2);
            Packaging packaging = pick(0.3) ? (random.nextBoolean() ? Packaging.DAMAGED : Packaging.MISSING) : Packaging.INTACT;
            boolean accessoriesComplete = !pick(0.2);
            boolean warrantyCard = !pick(0.2);
            boolean usageTraces = pick(0.25);
            boolean customerDamage = pick(0.2);
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Claim claim = claim(count, category, saleType, customMade, purchase, claimDate, defect, request, packaging,
                    accessoriesComplete, warrantyCard, usageTraces, customerDamage, channel, delivery);
            return withRepairsAndPrice(claim);
        }

        /**
         * Contract 11.1: a price (or none), up to three earlier repairs since delivery (some with the days at the
         * repairer), an open repair around the 30- and 90-day limits, and the same model in stock or not.
         */
        private Claim withRepairsAndPrice(Claim claim) {
            Claim.Builder builder = claim.toBuilder().sameModelInStock(money.nextDouble() >= 0.3);
            if (money.nextDouble() < 0.8) builder.price(BigDecimal.valueOf(100 + money.nextInt(999_900), 2));
            int span = (int) (claim.claimDate().toEpochDay() - claim.deliveryDate().toEpochDay());
            int repairs = money.nextInt(4);
            for (int i = 0; i < repairs; i++) {
                LocalDate completed = claim.deliveryDate().plusDays(money.nextInt(span + 1));
                int took = money.nextInt(12);
                LocalDate received = money.nextBoolean() && took <= completed.toEpochDay() - claim.purchaseDate().toEpochDay()
                        ? completed.minusDays(took) : null;
                builder.repair(new PastRepair(completed, "FAULT-" + money.nextInt(3), received));
            }
            if (money.nextDouble() < 0.2) {
                int[] waits = {29, 30, 31, 89, 90, 91, money.nextInt(120)};
                int wait = Math.min(waits[money.nextInt(waits.length)], span);
                builder.openRepair(new OpenRepair(claim.claimDate().minusDays(wait), money.nextBoolean() ? WaitingFor.PARTS : WaitingFor.REPAIRER));
            }
            return builder.build();
        }

        private boolean pick(double probability) {
            return random.nextDouble() < probability;
        }

        /** Uniform over 2023-2028 half the time; otherwise a month end, a leap day or a 31 December. */
        private LocalDate purchaseDate() {
            int kind = random.nextInt(10);
            if (kind < 5) {
                return FIRST_PURCHASE.plusDays(random.nextInt(PURCHASE_SPAN_DAYS));
            }
            int year = 2023 + random.nextInt(6);
            if (kind < 8) {
                // Days 28..31 of a month, when the month has them.
                LocalDate first = LocalDate.of(year, 1 + random.nextInt(12), 1);
                int day = Math.min(28 + random.nextInt(4), first.lengthOfMonth());
                return first.withDayOfMonth(day);
            }
            if (kind == 8) {
                return LEAP_DAYS[random.nextInt(LEAP_DAYS.length)];
            }
            return LocalDate.of(year, 12, 31);
        }

        /**
         * On a window's edge 40% of the time, around the 3-month day 20%, around the 12-month warranty
         * day 5%, otherwise uniform 0-500 days, counted from {@code start} (the purchase or the delivery).
         */
        private LocalDate claimDate(LocalDate start) {
            int kind = random.nextInt(20);
            if (kind < 8) {
                return start.plusDays(BOUNDARY_DAYS[random.nextInt(BOUNDARY_DAYS.length)]);
            }
            if (kind < 12) {
                return start.plusMonths(MONTHS).plusDays(random.nextInt(3) - 1);
            }
            if (kind < 13) {
                return start.plusMonths(WARRANTY_MONTHS).plusDays(random.nextInt(3) - 1);
            }
            return start.plusDays(random.nextInt(MAX_UNIFORM_DAYS + 1));
        }
    }

    /** The one place a generated claim is put together; new claim fields get their value here. */
    private static Claim claim(int n, String category, SaleType saleType, boolean customMade,
                               LocalDate purchaseDate, LocalDate claimDate, boolean qualityDefect, Request request,
                               Packaging packaging, boolean accessoriesComplete, boolean warrantyCard,
                               boolean usageTraces, boolean customerDamage, Channel channel, LocalDate deliveryDate) {
        Product product = new Product(category == null ? "SKU-" + n : category + "-" + n, category, null, saleType, customMade);
        Condition condition = new Condition(packaging, accessoriesComplete, warrantyCard, usageTraces, customerDamage);
        return Claim.builder("G-" + n, null).product(product).purchaseDate(purchaseDate).claimDate(claimDate)
                .qualityDefect(qualityDefect).request(request).condition(condition)
                .channel(channel).deliveryDate(deliveryDate).build();
    }
}
