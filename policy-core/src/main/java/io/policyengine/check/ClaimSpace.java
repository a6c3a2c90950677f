package io.policyengine.check;

import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.EventType;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.Packaging;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Product;
import io.policyengine.model.Region;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;
import io.policyengine.model.ServiceRequest;
import io.policyengine.model.Severity;
import io.policyengine.model.Urgency;
import io.policyengine.model.WaitingFor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Systematic sets of claims around a pack's terms, from purchases on an ordinary day, month ends
 * and a leap day, with and without a defect, for every request, in each non-default condition and
 * sale alone. The windows are the terms named {@code ...Days} and {@code ...Months}.
 */
public final class ClaimSpace {
    private static final List<LocalDate> PURCHASES = List.of(
            LocalDate.of(2026, 3, 1), LocalDate.of(2026, 1, 31), LocalDate.of(2026, 11, 30), LocalDate.of(2024, 2, 29));
    /** Claim days generated one by one; past them only the days around each window's end. */
    private static final int DENSE_DAYS = 800;
    private static final List<Condition> CONDITIONS = List.of(Condition.AS_SOLD,
            Condition.AS_SOLD.withPackaging(Packaging.DAMAGED), Condition.AS_SOLD.withPackaging(Packaging.MISSING),
            Condition.AS_SOLD.withAccessoriesComplete(false), Condition.AS_SOLD.withWarrantyCard(false),
            Condition.AS_SOLD.withUsageTraces(true), Condition.AS_SOLD.withCustomerDamage(true));
    private static final BigDecimal PRICE = new BigDecimal("3299.00");
    private static final List<Request> REQUESTS = java.util.Arrays.asList(Request.REFUND, Request.EXCHANGE, Request.REPAIR, null);

    private ClaimSpace() {
    }

    /**
     * Every day from the purchase to just past the longest window, where a rule that can fire will:
     * each condition alone (and a customer not told of the right of withdrawal); each of {@code codes} (the codes a pack's rules name, such as product
     * categories and fault codes) as the category, sold in the store and online, delivered on the
     * purchase day and later; and service requests of every urgency, region and severity, with an
     * engineer on time and late, and with the same fault repaired before.
     */
    public static List<Claim> around(Map<String, Object> terms, List<String> codes) {
        int lastDay = 0;
        for (Map.Entry<String, Object> term : terms.entrySet()) {
            if (term.getValue() instanceof Integer value && isWindow(term.getKey())) {
                lastDay = Math.max(lastDay, isMonths(term.getKey()) ? value * 31 : value);
            }
        }
        lastDay += 2;
        List<Claim> claims = new ArrayList<>();
        for (LocalDate purchase : PURCHASES) {
            for (LocalDate claimDate : claimDates(purchase, purchase, terms, lastDay)) {
                addVariants(claims, purchase, claimDate, Channel.STORE, purchase, List.of(""));
            }
        }
        for (LocalDate purchase : PURCHASES.subList(0, 2)) {
            LocalDate delivery = purchase.plusDays(3);
            for (LocalDate claimDate : claimDates(purchase, delivery, terms, lastDay + 3)) {
                for (String code : codes) {
                    Product regular = new Product("SKU", code, null, SaleType.REGULAR, false);
                    for (Channel channel : Channel.values()) {
                        for (boolean defect : new boolean[]{false, true}) {
                            LocalDate delivered = claimDate.isBefore(delivery) ? purchase : delivery;
                            for (Condition condition : List.of(Condition.AS_SOLD, CONDITIONS.get(1), CONDITIONS.get(6))) {
                                claims.add(claim(claims.size() + 1, regular, purchase, claimDate, defect, null, condition,
                                        channel, delivered));
                            }
                            claims.add(claim(claims.size() + 1, regular.withSaleType(SaleType.GIFT), purchase, claimDate,
                                    defect, null, Condition.AS_SOLD, channel, delivered));
                            claims.add(claim(claims.size() + 1, regular, purchase, claimDate, defect, null, Condition.AS_SOLD,
                                    channel, delivered).toBuilder().withdrawalInformed(false).build());
                        }
                    }
                }
            }
        }
        addServiceRequests(claims, codes, lastDay);
        addRepeatRepairs(claims, PURCHASES.get(0), terms, codes);
        addFollowUps(claims, lastDay);
        return claims;
    }

    /**
     * Repairs and exchanges after the decision (contract 12): no event yet, judged on each day up to two weeks on;
     * each event alone; the goods back, called once, three times, handed back; unrepairable; out of stock, found
     * elsewhere, arrived. And force majeure (which only some packs read) on a few days of the windows.
     */
    private static void addFollowUps(List<Claim> claims, int lastDay) {
        LocalDate purchase = PURCHASES.get(0);
        for (int day : new int[]{0, 5, 20, 45, lastDay}) {
            LocalDate c = purchase.plusDays(day);
            for (boolean defect : new boolean[]{false, true}) {
                for (Condition condition : List.of(Condition.AS_SOLD, Condition.AS_SOLD.withForceMajeure(true), CONDITIONS.get(6))) {
                    claims.add(claim(claims.size() + 1, new Product("SKU", null, null, SaleType.REGULAR, false), purchase, c, defect,
                            Request.REPAIR, condition, Channel.STORE, purchase));
                }
            }
            List<List<Object>> histories = new ArrayList<>();
            for (EventType type : EventType.values()) histories.add(List.of(type, 2));
            histories.add(List.of(EventType.REPAIRED, 3, EventType.PICKUP_NOTIFIED, 3));
            histories.add(List.of(EventType.REPAIRED, 3, EventType.PICKUP_NOTIFIED, 3, EventType.PICKUP_NOTIFIED, 6, EventType.PICKUP_NOTIFIED, 9));
            histories.add(List.of(EventType.REPAIRED, 3, EventType.PICKED_UP, 4));
            histories.add(List.of(EventType.OUT_OF_STOCK, 0, EventType.STOCK_FOUND, 2, EventType.CUSTOMER_CONTACTED, 3));
            histories.add(List.of(EventType.OUT_OF_STOCK, 0, EventType.STOCK_ARRIVED, 5));
            for (int judged = 0; judged <= 14; judged++) {
                claims.add(Claim.builder("SPACE-" + (claims.size() + 1), "SKU").purchaseDate(purchase).claimDate(c)
                        .qualityDefect(true).request(Request.REPAIR).asOf(c.plusDays(judged)).build());
            }
            for (List<Object> history : histories) {
                for (Request request : REQUESTS) {
                    Claim.Builder claim = Claim.builder("SPACE-" + (claims.size() + 1), "SKU").purchaseDate(purchase).claimDate(c)
                            .qualityDefect(true).request(request);
                    for (int i = 0; i < history.size(); i += 2) claim.event((EventType) history.get(i), c.plusDays((Integer) history.get(i + 1)));
                    claims.add(claim.asOf(c.plusDays(12)).build());
                }
            }
        }
    }

    /**
     * Goods that keep failing (contract 11.3), for each category: repaired twice, the same fault back after a
     * repair (a major and a minor one), or with the repairer now
     * for just as many and one more days than each window term, waiting for parts or for the repairer;
     * early and late in a year's warranty; asking for a refund or an exchange, the same model in stock or
     * not, with a price or without, sold in the store and online.
     */
    private static void addRepeatRepairs(List<Claim> claims, LocalDate purchase, Map<String, Object> terms, List<String> categories) {
        TreeSet<Integer> waits = new TreeSet<>();
        for (Map.Entry<String, Object> term : terms.entrySet()) {
            if (term.getValue() instanceof Integer value && value >= 0 && term.getKey().endsWith("Days")) {
                waits.add(value);
                waits.add(value + 1);
            }
        }
        for (String category : categories) {
            for (int day : new int[]{10, 40, 200}) {
                LocalDate claimDate = purchase.plusDays(day);
                List<Claim.Builder> shapes = new ArrayList<>();
                shapes.add(Claim.builder("SPACE", "SKU").qualityDefect(true)
                        .repair(new PastRepair(purchase.plusDays(day / 3), "FAULT", purchase.plusDays(day / 3 - 1)))
                        .repair(new PastRepair(purchase.plusDays(day / 2), "FAULT", purchase.plusDays(day / 2 - 2))));
                // the same fault back after a repair, reported as a major and as a minor one (SGD art. 13(4), 13(5))
                for (Severity severity : Severity.values()) {
                    shapes.add(Claim.builder("SPACE", "SKU").qualityDefect(true).fault("FAULT")
                            .repair(new PastRepair(purchase.plusDays(day / 2), "FAULT", purchase.plusDays(day / 2 - 2)))
                            .service(new ServiceRequest(claimDate.atTime(10, 0), Urgency.NORMAL, Region.CITY, severity, null)));
                }
                for (int wait : waits) {
                    if (wait > day) continue;
                    for (WaitingFor waitingFor : WaitingFor.values()) {
                        shapes.add(Claim.builder("SPACE", "SKU").qualityDefect(true)
                                .openRepair(new OpenRepair(claimDate.minusDays(wait), waitingFor)));
                    }
                }
                for (Claim.Builder shape : shapes) {
                    for (Request request : List.of(Request.REFUND, Request.EXCHANGE)) {
                        for (boolean inStock : new boolean[]{true, false}) {
                            for (BigDecimal price : java.util.Arrays.asList(PRICE, null)) {
                                for (Channel channel : Channel.values()) {
                                    claims.add(shape.id("SPACE-" + (claims.size() + 1)).category(category).price(price)
                                            .purchaseDate(purchase).claimDate(claimDate).request(request)
                                            .sameModelInStock(inStock).channel(channel).build());
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Every day from the purchase to {@code lastDay} while that is near ({@value #DENSE_DAYS} days), and
     * beyond that the days around each window's end, counted from the purchase and from the delivery:
     * however long a window is, claims fall just inside and just past it.
     */
    private static TreeSet<LocalDate> claimDates(LocalDate purchase, LocalDate delivery, Map<String, Object> terms, int lastDay) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (int day = 0; day <= Math.min(lastDay, DENSE_DAYS); day++) dates.add(purchase.plusDays(day));
        for (LocalDate start : List.of(purchase, delivery)) {
            for (Map.Entry<String, Object> term : terms.entrySet()) {
                if (!(term.getValue() instanceof Integer value) || value < 0 || !isWindow(term.getKey())) continue;
                LocalDate end = isMonths(term.getKey()) ? start.plusMonths(value) : start.plusDays(value);
                for (int offset = -1; offset <= 2; offset++) {
                    if (!end.plusDays(offset).isBefore(purchase)) dates.add(end.plusDays(offset));
                }
            }
        }
        return dates;
    }

    private static void addServiceRequests(List<Claim> claims, List<String> codes, int lastDay) {
        LocalDate purchase = PURCHASES.get(0);
        List<String> faults = new ArrayList<>(codes);
        faults.add("FAULT");
        for (int day : new int[]{0, 5, 20, 45, lastDay}) {
            LocalDate claimDate = purchase.plusDays(day);
            LocalDateTime reported = claimDate.atTime(21, 30);
            for (Urgency urgency : Urgency.values()) {
                for (Region region : Region.values()) {
                    for (Severity severity : Severity.values()) {
                        for (LocalDateTime arrived : new LocalDateTime[]{null, reported.plusMinutes(30), reported.plusHours(6)}) {
                            for (Request request : REQUESTS) {
                                for (boolean defect : new boolean[]{false, true}) {
                                    ServiceRequest service = new ServiceRequest(reported, urgency, region, severity, arrived);
                                    claims.add(Claim.builder("SPACE-" + (claims.size() + 1), "SKU").purchaseDate(purchase)
                                            .claimDate(claimDate).qualityDefect(defect).request(request).service(service).build());
                                }
                            }
                        }
                    }
                }
            }
            for (String fault : faults) {
                for (int ago : new int[]{0, 1, 30, 31, 90}) {
                    LocalDate completed = claimDate.minusDays(ago);
                    if (completed.isBefore(purchase)) continue;
                    for (boolean defect : new boolean[]{false, true}) {
                        for (Condition condition : List.of(Condition.AS_SOLD, CONDITIONS.get(6))) {
                            for (Channel channel : Channel.values()) {
                                claims.add(Claim.builder("SPACE-" + (claims.size() + 1), "SKU").purchaseDate(purchase)
                                        .claimDate(claimDate).qualityDefect(defect).request(Request.REPAIR).condition(condition)
                                        .channel(channel).fault(fault).repair(new PastRepair(completed, fault)).build());
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * The boundary days of every term (the day before, on and after each window's end, counted from
     * the purchase and from a delivery three days later), through both channels, for each of the
     * given product categories, and goods of those categories that keep failing: where two policies are most likely to part.
     */
    public static List<Claim> boundaries(Map<String, Object> terms, List<String> categories) {
        return boundaries(List.of(terms), categories);
    }

    /**
     * {@link #boundaries(Map, List)} over the terms of every pack of a stack, and, within each pack, the ends of a
     * window of days stretched by one of months (CRD art. 10: 14 days from delivery, then 12 months more when the
     * customer was not told of the right of withdrawal): a pack's own terms may add up, another pack's do not.
     */
    public static List<Claim> boundaries(List<Map<String, Object>> packTerms, List<String> categories) {
        Map<String, Object> terms = new java.util.LinkedHashMap<>();
        packTerms.forEach(terms::putAll);
        List<Claim> claims = new ArrayList<>();
        for (LocalDate purchase : PURCHASES) {
            for (int deliveryDays : new int[]{0, 3}) {
                LocalDate delivery = purchase.plusDays(deliveryDays);
                TreeSet<LocalDate> claimDates = new TreeSet<>();
                for (LocalDate start : List.of(purchase, delivery)) {
                    claimDates.add(start);
                    for (Map.Entry<String, Object> term : terms.entrySet()) {
                        if (!(term.getValue() instanceof Integer value) || value < 0 || !isWindow(term.getKey())) continue;
                        LocalDate end = isMonths(term.getKey()) ? start.plusMonths(value) : start.plusDays(value);
                        claimDates.add(end.minusDays(1));
                        claimDates.add(end);
                        claimDates.add(end.plusDays(1));
                    }
                    for (Map<String, Object> pack : packTerms) {
                        for (LocalDate end : stretchedEnds(start, pack)) {
                            claimDates.add(end);
                            claimDates.add(end.plusDays(1));
                        }
                    }
                }
                for (LocalDate claimDate : claimDates) {
                    if (claimDate.isBefore(delivery)) continue;
                    for (Channel channel : Channel.values()) {
                        addVariants(claims, purchase, claimDate, channel, delivery, categories);
                    }
                }
            }
        }
        addRepeatRepairs(claims, PURCHASES.get(0), terms, categories);
        return claims;
    }

    /** The ends of each window of days of one pack, stretched by each of its windows of months. */
    private static List<LocalDate> stretchedEnds(LocalDate start, Map<String, Object> terms) {
        List<LocalDate> ends = new ArrayList<>();
        for (Map.Entry<String, Object> days : terms.entrySet()) {
            if (!(days.getValue() instanceof Integer d) || d < 0 || !days.getKey().endsWith("Days")) continue;
            for (Map.Entry<String, Object> months : terms.entrySet()) {
                if (months.getValue() instanceof Integer m && m > 0 && isMonths(months.getKey())) ends.add(start.plusDays(d).plusMonths(m));
            }
        }
        return ends;
    }

    private static void addVariants(List<Claim> claims, LocalDate purchase, LocalDate claimDate, Channel channel,
                                    LocalDate delivery, List<String> categories) {
        for (String category : categories) {
            Product plain = new Product("SKU", category.isEmpty() ? null : category, null, SaleType.REGULAR, false);
            List<Product> variants = List.of(plain.withCustomMade(true), plain.withSaleType(SaleType.SPECIAL_PRICE),
                    plain.withSaleType(SaleType.GIFT));
            for (boolean defect : new boolean[]{false, true}) {
                for (Request request : REQUESTS) {
                    for (Condition condition : CONDITIONS) {
                        claims.add(claim(claims.size() + 1, plain, purchase, claimDate, defect, request, condition, channel, delivery));
                    }
                    for (Product product : variants) {
                        claims.add(claim(claims.size() + 1, product, purchase, claimDate, defect, request, Condition.AS_SOLD, channel, delivery));
                    }
                    claims.add(claim(claims.size() + 1, plain, purchase, claimDate, defect, request, Condition.AS_SOLD, channel, delivery)
                            .toBuilder().withdrawalInformed(false).build());
                }
            }
        }
    }

    /** A term that is a window of days or months, as opposed to minutes, hours or an amount of money. */
    private static boolean isWindow(String term) {
        return term.endsWith("Days") || term.endsWith("Months");
    }

    private static boolean isMonths(String term) {
        return term.endsWith("Months");
    }

    private static Claim claim(int n, Product product, LocalDate purchase, LocalDate claimDate, boolean defect,
                               Request request, Condition condition, Channel channel, LocalDate delivery) {
        return Claim.builder("SPACE-" + n, null).product(product).purchaseDate(purchase).claimDate(claimDate)
                .qualityDefect(defect).request(request).condition(condition).channel(channel).deliveryDate(delivery).build();
    }
}
