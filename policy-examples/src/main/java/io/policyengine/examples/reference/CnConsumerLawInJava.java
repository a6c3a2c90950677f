package io.policyengine.examples.reference;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.Packaging;
import io.policyengine.model.Product;
import io.policyengine.model.SaleType;

import java.util.Map;

/**
 * The bundled floor {@code cn-consumer-law} (contract section 6.4) as plain Java, written from the
 * contract independently of its DRL, and the stack of store-standard over it (section 6.2): the
 * oracle of the stack's differential test. Days count from the delivery day (day 0), inclusive.
 */
public final class CnConsumerLawInJava {
    static final int NO_REASON_RETURN_DAYS = 7;
    static final int REFUND_DAYS = 7;
    static final int EXCHANGE_DAYS = 15;
    /** The three-guarantee table: category to warranty months for the whole unit. */
    static final Map<String, Integer> WARRANTY_MONTHS = Map.of("TV", 12, "REFRIGERATOR", 12, "WASHING_MACHINE", 12,
            "AIR_CONDITIONER", 12, "MOBILE_PHONE", 12, "COMPUTER", 12);

    private static final int REFUND = 1;
    private static final int EXCHANGE = 2;
    private static final int FREE_REPAIR = 4;
    private static final int PAID_REPAIR = 8;

    private CnConsumerLawInJava() {
    }

    /** What the floor alone allows, as a bit mask (bit i = Remedy.values()[i]). */
    static int mask(Claim c) {
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
        if (product.saleType() == SaleType.GIFT) mask &= ~REFUND;
        return mask;
    }

    /** Store-standard with this floor under it: the union, where a free repair makes a paid one moot. */
    static int stackMask(Claim c) {
        int mask = StoreStandardInJava.mask(c) | mask(c);
        return (mask & FREE_REPAIR) != 0 ? mask & ~PAID_REPAIR : mask;
    }
}
