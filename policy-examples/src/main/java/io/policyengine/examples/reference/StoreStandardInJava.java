package io.policyengine.examples.reference;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Effect;
import io.policyengine.model.Reason;
import io.policyengine.model.Request;
import io.policyengine.model.Condition;
import io.policyengine.model.Decision;
import io.policyengine.model.Money;
import io.policyengine.model.Outcome;
import io.policyengine.model.Packaging;
import io.policyengine.model.Payer;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Product;
import io.policyengine.model.Remedy;
import io.policyengine.model.SaleType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.policyengine.facts.Params.params;

/**
 * The store-standard policy (contract section 3, articles 6-16) written as plain Java if/else,
 * independently of the DRL pack. It serves as the oracle of the differential test and as the
 * plain-Java baseline of the speed benchmark, so the hot path allocates as little as it can:
 * remedies are a 4-bit mask, turned into one of 16 pre-built immutable lists.
 *
 * <p>Day 0 is the purchase day; "within N days" includes day N. The decision it builds is the whole
 * decision the engine makes for a claim without a fault or a service request (articles 6-16): the
 * same remedies, outcome and dates, and the same reasons, each with its rule, article, effect,
 * remedy and params, in the engine's order, so that the benchmark compares equal work. Its policy
 * id is {@code store-standard / 1 / reference} unless the caller gives the engine's.
 */
public final class StoreStandardInJava {

    /** Art. 6: a no-reason return within this many days. */
    public static final int NO_REASON_RETURN_DAYS = 7;
    /** Art. 7: a defect within this many days may be refunded, exchanged or repaired free. */
    public static final int DEFECT_REFUND_DAYS = 15;
    /** Art. 8: a defect within this many days may still be exchanged or repaired free. */
    public static final int DEFECT_EXCHANGE_DAYS = 30;
    /** Art. 9/10: a defect on or before purchase + this many calendar months is repaired free, later for a fee. */
    public static final int FREE_REPAIR_MONTHS = 3;
    /** Art. 16: a repair is due this many days after the claim. */
    public static final int REPAIR_DUE_DAYS = 7;

    /** Contract 11.2: a refund of a sale at the counter is paid on the claim day. */
    public static final int STORE_SALE_REFUND_DUE_DAYS = 0;
    /** Contract 11.2, CRPL art. 25: a refund of an online sale within this many days of the claim. */
    public static final int ONLINE_SALE_REFUND_DUE_DAYS = 7;
    /** Art. S1: the same fault again within this many days of a repair is repaired free (and sent at the store's cost). */
    public static final int SAME_FAULT_DAYS = 30;
    public static final String CURRENCY = "CNY";
    private static final BigDecimal NOTHING_KEPT = BigDecimal.ZERO.setScale(2);

    public static final PolicyId POLICY = new PolicyId("store-standard", "1", "reference");

    private static final int REFUND = 1;              // 1 << Remedy.REFUND.ordinal()
    private static final int EXCHANGE = 1 << 1;
    private static final int FREE_REPAIR = 1 << 2;
    private static final int PAID_REPAIR = 1 << 3;
    private static final int REFUND_OR_EXCHANGE = REFUND | EXCHANGE;

    /** FIRST[i] = the outcome of Remedy.values()[i]. */
    private static final Outcome[] FIRST = {Outcome.REFUND, Outcome.EXCHANGE, Outcome.FREE_REPAIR, Outcome.PAID_REPAIR};

    /** REMEDY_LISTS[mask] = the remedies in the mask, in the contract's fixed order. */
    private static final List<List<Remedy>> REMEDY_LISTS;

    static {
        Remedy[] all = Remedy.values();
        List<List<Remedy>> lists = new ArrayList<>(16);
        for (int mask = 0; mask < 16; mask++) {
            List<Remedy> list = new ArrayList<>(4);
            for (Remedy r : all) {
                if ((mask & (1 << r.ordinal())) != 0) list.add(r);
            }
            lists.add(List.copyOf(list));
        }
        REMEDY_LISTS = List.copyOf(lists);
    }

    private StoreStandardInJava() {
    }

    /** Every remedy the policy allows for the claim, in the fixed order REFUND, EXCHANGE, FREE_REPAIR, PAID_REPAIR. */
    public static List<Remedy> remedies(Claim c) {
        return REMEDY_LISTS.get(mask(c));
    }

    /** The single answer: the request if allowed (REPAIR = free, else paid), else the first remedy, else REJECTED. */
    public static Outcome outcome(Claim c) {
        return outcome(c, mask(c));
    }

    /** claimDate + 7 days when the outcome is a repair (art. 16), else null. */
    public static LocalDate repairDueDate(Claim c) {
        return outcome(c).isRepair() ? c.claimDate().plusDays(REPAIR_DUE_DAYS) : null;
    }

    /** Calendar days from purchase to claim, the purchase day being day 0. */
    public static int daysSincePurchase(Claim c) {
        return (int) (c.claimDate().toEpochDay() - c.purchaseDate().toEpochDay());
    }

    /** The whole decision, reasons included, under the reference's policy id. */
    public static Decision decide(Claim c) {
        return decide(c, POLICY);
    }

    /** The whole decision, reasons included, naming {@code policy} as the engine's decisions do. */
    public static Decision decide(Claim c, PolicyId policy) {
        int mask = mask(c);
        Outcome outcome = outcome(c, mask);
        LocalDate due = outcome.isRepair() ? c.claimDate().plusDays(REPAIR_DUE_DAYS) : null;
        List<Reason> reasons = reasons(c);
        reasons.addAll(moneyReasons(c, outcome));
        return new Decision(c.id(), outcome, REMEDY_LISTS.get(mask), daysSincePurchase(c), due, reasons, policy,
                List.of(), null, List.of(), c.request(), money(c, outcome, NOTHING_KEPT),
                FollowUpDutiesInJava.actions(c, outcome, due, policy.name()));
    }

    /**
     * The money block (contract 11.2) of a decision with {@code outcome}, when {@code depreciation} is kept
     * back of a refund (null: it cannot be worked out). Amounts to the cent, half up.
     */
    static Money money(Claim c, Outcome outcome, BigDecimal depreciation) {
        Payer shipping = returnShipping(c, outcome);
        if (outcome != Outcome.REFUND) return new Money(CURRENCY, null, null, null, shipping);
        LocalDate due = c.claimDate().plusDays(c.channel() == Channel.ONLINE ? ONLINE_SALE_REFUND_DUE_DAYS : STORE_SALE_REFUND_DUE_DAYS);
        BigDecimal price = c.product().price();
        BigDecimal refund = price == null || depreciation == null ? null : price.subtract(depreciation).setScale(2, RoundingMode.HALF_UP);
        return new Money(CURRENCY, refund, depreciation, due, shipping);
    }

    /**
     * Who pays the postage (contract 11.2): nobody's business for a sale at the counter or a declined
     * claim; online, the store for a defect (CRPL 24) or a re-repair (S1), the customer for a no-reason
     * return (CRPL 25) and for a paid repair.
     */
    static Payer returnShipping(Claim c, Outcome outcome) {
        if (c.channel() != Channel.ONLINE || outcome == Outcome.REJECTED) return null;
        if (outcome == Outcome.PAID_REPAIR) return Payer.CUSTOMER;
        if (c.qualityDefect()) return Payer.STORE;
        if (outcome == Outcome.REFUND) return Payer.CUSTOMER;
        return outcome == Outcome.FREE_REPAIR && sameFaultAgain(c) ? Payer.STORE : null;
    }

    private static boolean sameFaultAgain(Claim c) {
        if (c.fault() == null || c.condition().customerDamage()) return false;
        return c.repairHistory().stream().anyMatch(r -> r.fault().equals(c.fault())
                && c.claimDate().toEpochDay() - r.completedOn().toEpochDay() <= SAME_FAULT_DAYS);
    }

    /** The reasons of the money rules that hold for {@code outcome}, in the engine's order (after the exclusions). */
    static List<Reason> moneyReasons(Claim c, Outcome outcome) {
        List<Reason> pay = new ArrayList<>(2);
        boolean online = c.channel() == Channel.ONLINE;
        if (outcome == Outcome.REFUND) {
            int days = online ? ONLINE_SALE_REFUND_DUE_DAYS : STORE_SALE_REFUND_DUE_DAYS;
            pay(pay, online ? "an online refund is paid within the days the law allows" : "a refund at the counter is paid by the deadline",
                    online ? "CRPL 25" : "refunds", params("days", days, "due", c.claimDate().plusDays(days)));
            if (c.product().price() == null) pay(pay, "a refund cannot be priced without the price", "refunds", Map.of());
        }
        if (online && outcome != Outcome.REJECTED) {
            if (c.qualityDefect() && outcome != Outcome.PAID_REPAIR) {
                pay(pay, "the store pays the postage of defective goods sold online", "CRPL 24", Map.of());
            }
            if (!c.qualityDefect() && outcome == Outcome.REFUND) {
                pay(pay, "the postage of a no-reason return of goods sold online", "CRPL 25", params("payer", Payer.CUSTOMER));
            }
            if (outcome == Outcome.PAID_REPAIR) pay(pay, "the customer pays the postage of a paid repair of goods sold online", "CRPL 24", Map.of());
            if (!c.qualityDefect() && outcome == Outcome.FREE_REPAIR && sameFaultAgain(c)) {
                pay(pay, "the store pays the postage of a free re-repair of goods sold online", "S1", params("sameFaultDays", SAME_FAULT_DAYS));
            }
        }
        pay.sort(Comparator.comparing(Reason::article).thenComparing(Reason::rule));
        return pay;
    }

    private static void pay(List<Reason> reasons, String rule, String article, Map<String, Object> params) {
        reasons.add(new Reason(rule, article, Effect.PAY, null, POLICY.name(), params));
    }

    /** Store-standard with the cn-consumer-law floor under it (contract 6.2): remedies, outcome and dates, without reasons. */
    public static Decision decideWithChinaConsumerLaw(Claim c) {
        int mask = CnConsumerLawInJava.stackMask(c);
        Outcome outcome = outcome(c, mask);
        LocalDate due = outcome.isRepair() ? c.claimDate().plusDays(REPAIR_DUE_DAYS) : null;
        Money money = money(c, outcome, outcome == Outcome.REFUND ? CnConsumerLawInJava.depreciation(c) : null);
        return new Decision(c.id(), outcome, REMEDY_LISTS.get(mask), daysSincePurchase(c), due, List.of(), POLICY,
                List.of(), null, List.of(), c.request(), money, List.of());
    }

    /**
     * The reasons, in the engine's order (grants, then exclusions; by article, remedy and rule): each
     * article that granted a remedy, and each that took one away, once per remedy. An exclusion of
     * articles 11-15 speaks only of remedies some article granted; the request articles speak of what
     * no article granted.
     */
    static List<Reason> reasons(Claim c) {
        Condition cond = c.condition();
        Product p = c.product();
        int days = daysSincePurchase(c);
        boolean defect = c.qualityDefect();
        List<Reason> grants = new ArrayList<>(4);
        List<Reason> exclusions = new ArrayList<>(4);

        if (!defect && days <= NO_REASON_RETURN_DAYS) {
            grant(grants, "no-reason return window", "6", REFUND, params("days", days, "noReasonDays", NO_REASON_RETURN_DAYS));
        }
        if (defect) {
            LocalDate freeUntil = c.purchaseDate().plusMonths(FREE_REPAIR_MONTHS);
            boolean withinFreeRepair = !c.claimDate().isAfter(freeUntil);
            if (days <= DEFECT_REFUND_DAYS) {
                grant(grants, "defect refund window", "7", REFUND | EXCHANGE | FREE_REPAIR,
                        params("days", days, "refundDays", DEFECT_REFUND_DAYS));
            } else if (days <= DEFECT_EXCHANGE_DAYS) {
                grant(grants, "defect exchange window", "8", EXCHANGE | FREE_REPAIR,
                        params("days", days, "refundDays", DEFECT_REFUND_DAYS, "exchangeDays", DEFECT_EXCHANGE_DAYS));
            } else if (withinFreeRepair) {
                grant(grants, "defect free repair period", "9", FREE_REPAIR, params("claimDate", c.claimDate(),
                        "exchangeDays", DEFECT_EXCHANGE_DAYS, "months", FREE_REPAIR_MONTHS, "freeRepairUntil", freeUntil));
            }
            if (!withinFreeRepair) {
                grant(grants, "defect paid repair after the free repair period", "10", PAID_REPAIR,
                        params("claimDate", c.claimDate(), "months", FREE_REPAIR_MONTHS, "freeRepairUntil", freeUntil));
            }
        }
        if (cond.customerDamage()) grant(grants, "customer damage allows paid repair only", "14", PAID_REPAIR, Map.of());

        int granted = 0;
        for (Reason grant : grants) granted |= 1 << grant.remedy().ordinal();
        int refundOrExchange = granted & REFUND_OR_EXCHANGE;
        if (!defect && cond.usageTraces()) {
            exclude(exclusions, "usage traces exclude return and exchange without a defect", "11", refundOrExchange, Map.of());
        }
        if (!defect && p.customMade()) {
            exclude(exclusions, "custom-made goods without a defect cannot be returned or exchanged", "12", refundOrExchange, Map.of());
        }
        if (cond.packaging() != Packaging.INTACT) {
            exclude(exclusions, "damaged or missing packaging excludes refund and exchange", "13", refundOrExchange,
                    params("packaging", cond.packaging()));
        }
        if (!cond.accessoriesComplete()) {
            exclude(exclusions, "incomplete accessories exclude refund and exchange", "13", refundOrExchange, Map.of());
        }
        if (!cond.warrantyCard()) exclude(exclusions, "missing warranty card excludes refund and exchange", "13", refundOrExchange, Map.of());
        if (cond.customerDamage()) exclude(exclusions, "customer damage excludes every other remedy", "14", granted & ~PAID_REPAIR, Map.of());
        if (p.saleType() == SaleType.SPECIAL_PRICE) {
            exclude(exclusions, "special-price goods exclude refund and exchange", "15", refundOrExchange, Map.of());
        }
        if (p.saleType() == SaleType.GIFT) exclude(exclusions, "gifts exclude refund and exchange", "15", refundOrExchange, Map.of());

        if (!defect && days > NO_REASON_RETURN_DAYS) {
            exclude(exclusions, "no-reason return window has passed", "6", REFUND, params("days", days, "noReasonDays", NO_REASON_RETURN_DAYS));
        }
        Request request = c.request();
        if (defect && request == Request.REFUND && days > DEFECT_REFUND_DAYS) {
            exclude(exclusions, "refund requested after the defect refund window", "7", REFUND,
                    params("days", days, "refundDays", DEFECT_REFUND_DAYS));
        }
        if (defect && request == Request.EXCHANGE && days > DEFECT_EXCHANGE_DAYS) {
            exclude(exclusions, "exchange requested after the defect exchange window", "8", EXCHANGE,
                    params("days", days, "exchangeDays", DEFECT_EXCHANGE_DAYS));
        }
        if (!defect && request == Request.EXCHANGE) exclude(exclusions, "exchange requested without a quality defect", "6", EXCHANGE, Map.of());
        if (!defect && !cond.customerDamage() && request == Request.REPAIR) {
            exclude(exclusions, "repair requested without a quality defect", "9", FREE_REPAIR, Map.of());
        }

        grants.sort(ENGINE_ORDER);
        exclusions.sort(ENGINE_ORDER);
        grants.addAll(exclusions);
        return grants;
    }

    /** Articles as numbers, then remedy, then rule name: the order the engine gives reasons of one effect. */
    private static final Comparator<Reason> ENGINE_ORDER = Comparator
            .comparingInt((Reason r) -> Integer.parseInt(r.article()))
            .thenComparing(Reason::remedy)
            .thenComparing(Reason::rule);

    private static void grant(List<Reason> reasons, String rule, String article, int remedies, Map<String, Object> params) {
        add(reasons, rule, article, Effect.GRANT, remedies, params);
    }

    private static void exclude(List<Reason> reasons, String rule, String article, int remedies, Map<String, Object> params) {
        add(reasons, rule, article, Effect.EXCLUDE, remedies, params);
    }

    private static void add(List<Reason> reasons, String rule, String article, Effect effect, int remedies, Map<String, Object> params) {
        for (Remedy remedy : REMEDY_LISTS.get(remedies)) {
            reasons.add(new Reason(rule, article, effect, remedy, POLICY.name(), params));
        }
    }

    /** The allowed remedies as a bit mask, bit i = Remedy.values()[i]. */
    static int mask(Claim c) {
        Condition cond = c.condition();
        // Art. 14: customer-caused damage leaves only a paid repair, whatever else holds.
        if (cond.customerDamage()) return PAID_REPAIR;

        Product p = c.product();
        int days = daysSincePurchase(c);
        int mask;
        if (c.qualityDefect()) {
            if (days <= DEFECT_REFUND_DAYS) {
                mask = REFUND | EXCHANGE | FREE_REPAIR;                   // art. 7
            } else if (days <= DEFECT_EXCHANGE_DAYS) {
                mask = EXCHANGE | FREE_REPAIR;                            // art. 8
            } else if (!c.claimDate().isAfter(c.purchaseDate().plusMonths(FREE_REPAIR_MONTHS))) {
                mask = FREE_REPAIR;                                       // art. 9
            } else {
                mask = PAID_REPAIR;                                       // art. 10
            }
            // Art. 13: incomplete goods are neither refunded nor exchanged, even with a defect.
            if (cond.packaging() != Packaging.INTACT || !cond.accessoriesComplete() || !cond.warrantyCard()) {
                mask &= ~REFUND_OR_EXCHANGE;
            }
            // Art. 15: special-price and gift goods are neither refunded nor exchanged.
            if (p.saleType() != SaleType.REGULAR) {
                mask &= ~REFUND_OR_EXCHANGE;
            }
            // Art. 11 and 12 apply only without a defect.
        } else {
            // Art. 6: no-reason return within 7 days of resellable goods; art. 11 (usage traces),
            // 12 (custom-made), 13 (incomplete) and 15 (not a regular sale) all make the goods
            // not resellable. Without a defect there is no repair tier: otherwise nothing.
            boolean resellable = cond.packaging() == Packaging.INTACT
                    && cond.accessoriesComplete()
                    && cond.warrantyCard()
                    && !cond.usageTraces()
                    && !p.customMade()
                    && p.saleType() == SaleType.REGULAR;
            mask = days <= NO_REASON_RETURN_DAYS && resellable ? REFUND : 0;
        }
        return mask;
    }

    private static Outcome outcome(Claim c, int mask) {
        if (mask == 0) return Outcome.REJECTED;
        if (c.request() != null) {
            switch (c.request()) {
                case REFUND:
                    if ((mask & REFUND) != 0) return Outcome.REFUND;
                    break;
                case EXCHANGE:
                    if ((mask & EXCHANGE) != 0) return Outcome.EXCHANGE;
                    break;
                case REPAIR:
                    if ((mask & FREE_REPAIR) != 0) return Outcome.FREE_REPAIR;
                    if ((mask & PAID_REPAIR) != 0) return Outcome.PAID_REPAIR;
                    break;
                default:
                    break;
            }
        }
        // The first of the remedies: the lowest set bit.
        return FIRST[Integer.numberOfTrailingZeros(mask)];
    }
}
