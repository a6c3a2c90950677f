package io.policyengine.examples.reference;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Packaging;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Product;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;
import io.policyengine.model.WaitingFor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

/**
 * The bundled floor {@code cn-consumer-law} (contract section 6.4) as plain Java, written from the
 * contract independently of its DRL, and the stack of store-standard over it (section 6.2): the
 * oracle of the stack's differential test. Days count from the delivery day (day 0), inclusive.
 * Round two (section 11.3): repaired twice (三包 art. 11), too long at the repairer (art. 12), and a
 * refund in place of an exchange less depreciation (art. 13).
 */
public final class CnConsumerLawInJava {
    static final int NO_REASON_RETURN_DAYS = 7;
    static final int REFUND_DAYS = 7;
    static final int EXCHANGE_DAYS = 15;
    /** The three-guarantee table: category to warranty months for the whole unit. */
    static final Map<String, Integer> WARRANTY_MONTHS = Map.of("TV", 12, "REFRIGERATOR", 12, "WASHING_MACHINE", 12,
            "AIR_CONDITIONER", 12, "MOBILE_PHONE", 12, "COMPUTER", 12);
    static final int REPAIRS_BEFORE_EXCHANGE = 2;
    static final int PARTS_WAIT_DAYS = 90;
    static final int REPAIRER_WAIT_DAYS = 30;
    /** The table's daily depreciation rates in percent (contract 11.3); a category without one is absent. */
    static final Map<String, BigDecimal> DAILY_PERCENT = Map.of("TV", new BigDecimal("0.1"),
            "AIR_CONDITIONER", new BigDecimal("0.1"), "MOBILE_PHONE", new BigDecimal("0.5"));

    private static final int REFUND = 1;
    private static final int EXCHANGE = 2;
    private static final int FREE_REPAIR = 4;
    private static final int PAID_REPAIR = 8;

    private CnConsumerLawInJava() {
    }

    /** What the floor alone allows, as a bit mask (bit i = Remedy.values()[i]). */
    static int mask(Claim c) {
        return mask(c, true);
    }

    /** The same, with or without the refund of 三包 art. 13. */
    private static int mask(Claim c, boolean refundInPlaceOfExchange) {
        Condition condition = c.condition();
        if (condition.customerDamage()) return 0;
        Product product = c.product();
        int days = c.daysSinceDelivery();
        int mask = 0;
        String category = product.category();
        boolean onlineReturnable = c.channel() == Channel.ONLINE && days <= NO_REASON_RETURN_DAYS
                && condition.accessoriesComplete() && !condition.usageTraces() && !product.customMade()
                && !"PERISHABLE".equals(category) && !"PERIODICAL".equals(category)
                && !("DIGITAL".equals(category) && condition.packaging() != Packaging.INTACT)
                && product.saleType() != SaleType.GIFT;
        if (onlineReturnable) mask |= REFUND;
        Integer months = category == null ? null : WARRANTY_MONTHS.get(category);
        if (c.qualityDefect() && months != null) {
            if (days <= REFUND_DAYS) mask |= REFUND | EXCHANGE | FREE_REPAIR;
            else if (days <= EXCHANGE_DAYS) mask |= EXCHANGE | FREE_REPAIR;
            else if (!c.claimDate().isAfter(c.deliveryDate().plusMonths(months))) mask |= FREE_REPAIR;
        }
        if (months != null && !c.claimDate().isAfter(c.deliveryDate().plusMonths(months))) {
            LocalDate until = c.deliveryDate().plusMonths(months);
            long repairs = c.repairHistory().stream()
                    .filter(r -> !r.completedOn().isBefore(c.deliveryDate()) && !r.completedOn().isAfter(until)).count();
            if (c.qualityDefect() && repairs >= REPAIRS_BEFORE_EXCHANGE) mask |= EXCHANGE | FREE_REPAIR;
            if (c.openRepair() != null) {
                long waited = c.claimDate().toEpochDay() - c.openRepair().receivedOn().toEpochDay();
                int limit = c.openRepair().waitingFor() == WaitingFor.PARTS ? PARTS_WAIT_DAYS : REPAIRER_WAIT_DAYS;
                if (waited > limit) mask |= EXCHANGE | FREE_REPAIR;
            }
        }
        if (refundInPlaceOfExchange && (mask & EXCHANGE) != 0 && c.request() == Request.REFUND) mask |= REFUND;
        if (product.saleType() == SaleType.GIFT) mask &= ~REFUND;
        return mask;
    }

    /**
     * What 三包 art. 13 keeps back of a refund (contract 11.3): 0 unless art. 13 is the only grant of the
     * refund and the same model is in stock; then price × daily rate × (days used − days in repair), at
     * most the price, to the cent half up; null when the category has no rate or the claim no price.
     */
    static BigDecimal depreciation(Claim c) {
        boolean otherRefund = (StoreStandardInJava.mask(c) & REFUND) != 0 || (mask(c, false) & REFUND) != 0;
        if (otherRefund || (mask(c) & REFUND) == 0 || !c.sameModelInStock()) return BigDecimal.ZERO.setScale(2);
        BigDecimal rate = c.product().category() == null ? null : DAILY_PERCENT.get(c.product().category());
        BigDecimal price = c.product().price();
        if (rate == null || price == null) return null;
        long daysUsed = c.claimDate().toEpochDay() - c.purchaseDate().toEpochDay();
        // every day at the repairer once, however many periods it falls in (contract 17)
        java.util.Set<Long> inRepair = new java.util.HashSet<>();
        if (c.openRepair() != null) {
            for (long day = c.openRepair().receivedOn().toEpochDay(); day < c.claimDate().toEpochDay(); day++) inRepair.add(day);
        }
        for (PastRepair repair : c.repairHistory()) {
            if (repair.receivedOn() == null) continue;
            for (long day = repair.receivedOn().toEpochDay(); day < repair.completedOn().toEpochDay(); day++) inRepair.add(day);
        }
        BigDecimal fee = price.multiply(rate).multiply(BigDecimal.valueOf(Math.max(0, daysUsed - inRepair.size())))
                .divide(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
        return fee.min(price);
    }

    /** Store-standard with this floor under it: the union, where a free repair makes a paid one moot. */
    static int stackMask(Claim c) {
        int mask = StoreStandardInJava.mask(c) | mask(c);
        return (mask & FREE_REPAIR) != 0 ? mask & ~PAID_REPAIR : mask;
    }
}
