package io.policyengine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * A customer's warranty or return claim: what was bought, when, and in what state it comes back.
 * Rule files match on it; its methods are the facts a policy asks about. Build one with
 * {@link #builder(String, String)}; the JSON reader uses the same builder, so both give the same messages.
 *
 * @param request          what the customer asks for; null when unsaid
 * @param channel          where it was sold (contract v2); {@code STORE} by default
 * @param deliveryDate     when the customer received the goods (v2); the purchase date by default
 * @param fault            the reported fault's code (v3); null when unsaid
 * @param repairHistory    earlier repairs of this item (v3), in any order
 * @param service          the service request (v3); null when the claim is not one
 * @param openRepair       the item is at the repairer now (v5, 11.1); null when it is not
 * @param sameModelInStock the store has the same model to exchange (v5, 11.1); true by default
 * @param events           what has happened since the claim (v5, 12.1), in any order
 * @param asOf             the day the duties are judged on (v5, 12.1) as the claim gives it; null when unsaid,
 *                         see {@link #judgedOn()}
 * @param withdrawalInformed the customer was told of the right of withdrawal before the contract (v6, 16); true by default
 * @param store            the store (or shop) the claim is made at (v6, 14.2); it chooses the stack that decides
 *                         the claim when the engine routes by store; null when unsaid
 */
public record Claim(String id, Product product, LocalDate purchaseDate, LocalDate claimDate,
                    boolean qualityDefect, Request request, Condition condition,
                    Channel channel, LocalDate deliveryDate,
                    String fault, List<PastRepair> repairHistory, ServiceRequest service,
                    OpenRepair openRepair, boolean sameModelInStock, List<ClaimEvent> events, LocalDate asOf,
                    boolean withdrawalInformed,
                    String store) {

    public Claim {
        if (id == null || id.isBlank()) throw new BadInputException("id", "missing or blank");
        if (product == null) throw new BadInputException("product", "missing");
        if (purchaseDate == null) throw new BadInputException("purchaseDate", "missing");
        if (claimDate == null) throw new BadInputException("claimDate", "missing");
        if (claimDate.isBefore(purchaseDate)) {
            throw new BadInputException("claimDate", claimDate + " is before purchaseDate " + purchaseDate);
        }
        if (condition == null) condition = Condition.AS_SOLD;
        if (channel == null) channel = Channel.STORE;
        if (deliveryDate == null) deliveryDate = purchaseDate;
        if (deliveryDate.isBefore(purchaseDate)) {
            throw new BadInputException("deliveryDate", deliveryDate + " is before purchaseDate " + purchaseDate);
        }
        if (deliveryDate.isAfter(claimDate)) {
            throw new BadInputException("deliveryDate", deliveryDate + " is after claimDate " + claimDate);
        }
        if (fault != null && fault.isBlank()) throw new BadInputException("fault", "must not be blank");
        if (store != null && store.isBlank()) throw new BadInputException("store", "must not be blank");
        repairHistory = repairHistory == null ? List.of() : List.copyOf(repairHistory);
        for (int i = 0; i < repairHistory.size(); i++) {
            PastRepair repair = repairHistory.get(i);
            // Contract 17: a repair period lies between the purchase and the claim.
            if (repair.receivedOn() != null) {
                withinPurchaseAndClaim("repairHistory[" + i + "].receivedOn", repair.receivedOn(), purchaseDate, claimDate);
            }
            withinPurchaseAndClaim("repairHistory[" + i + "].completedOn", repair.completedOn(), purchaseDate, claimDate);
            if (repair.receivedOn() != null && repair.receivedOn().isAfter(repair.completedOn())) {
                throw new BadInputException("repairHistory[" + i + "].receivedOn",
                        repair.receivedOn() + " is after its completedOn " + repair.completedOn());
            }
        }
        if (service != null && !service.reportedAt().toLocalDate().equals(claimDate)) {
            throw new BadInputException("service.reportedAt", service.reportedAt() + " is not on claimDate " + claimDate);
        }
        if (openRepair != null) withinPurchaseAndClaim("openRepair.receivedOn", openRepair.receivedOn(), purchaseDate, claimDate);
        events = events == null ? List.of() : List.copyOf(events);
        checkEvents(events, claimDate, asOf);
    }

    private static void withinPurchaseAndClaim(String field, LocalDate day, LocalDate purchaseDate, LocalDate claimDate) {
        if (day.isBefore(purchaseDate)) throw new BadInputException(field, day + " is before purchaseDate " + purchaseDate);
        if (day.isAfter(claimDate)) throw new BadInputException(field, day + " is after claimDate " + claimDate);
    }

    /** Contract 12.1 and 17: events on or after the claim, at most one REPAIRED and not with UNREPAIRABLE, nothing picked up or mailed before it, asOf after all. */
    private static void checkEvents(List<ClaimEvent> events, LocalDate claimDate, LocalDate asOf) {
        int repaired = -1;
        int ended = -1; // the first REPAIRED or UNREPAIRABLE: how the repair ended
        for (int i = 0; i < events.size(); i++) {
            ClaimEvent event = events.get(i);
            if (event.at().isBefore(claimDate)) {
                throw new BadInputException("events[" + i + "].at", event.type() + " on " + event.at() + " is before claimDate " + claimDate);
            }
            if (asOf != null && asOf.isBefore(event.at())) {
                throw new BadInputException("asOf", asOf + " is before events[" + i + "], " + event.type() + " on " + event.at());
            }
            if (event.type() == EventType.REPAIRED || event.type() == EventType.UNREPAIRABLE) {
                // contract 17: a repair ends one way; REPAIRED and UNREPAIRABLE would open contradictory duties (art. 27, 29)
                if (ended >= 0 && events.get(ended).type() != event.type()) {
                    throw new BadInputException("events[" + i + "]", event.type() + " contradicts " + events.get(ended).type()
                            + " (events[" + ended + "], on " + events.get(ended).at() + "): a repair is either done or impossible");
                }
                if (ended < 0) ended = i;
            }
            if (event.type() == EventType.REPAIRED) {
                if (repaired >= 0) {
                    throw new BadInputException("events[" + i + "]", "a second REPAIRED (the first is events[" + repaired + "], on "
                            + events.get(repaired).at() + ")");
                }
                repaired = i;
            }
        }
        if (asOf != null && asOf.isBefore(claimDate)) {
            throw new BadInputException("asOf", asOf + " is before claimDate " + claimDate);
        }
        if (repaired < 0) return;
        LocalDate repairedOn = events.get(repaired).at();
        for (int i = 0; i < events.size(); i++) {
            ClaimEvent event = events.get(i);
            boolean handedBack = event.type() == EventType.PICKED_UP || event.type() == EventType.MAILED;
            if (handedBack && event.at().isBefore(repairedOn)) {
                throw new BadInputException("events[" + i + "]", event.type() + " on " + event.at()
                        + " is before REPAIRED on " + repairedOn + " (events[" + repaired + "])");
            }
        }
    }

    /** A claim of contract v1: sold in the store, delivered on the purchase day, no service request. */
    public Claim(String id, Product product, LocalDate purchaseDate, LocalDate claimDate,
                 boolean qualityDefect, Request request, Condition condition) {
        this(id, product, purchaseDate, claimDate, qualityDefect, request, condition,
                Channel.STORE, null, null, List.of(), null, null, true, List.of(), null, true, null);
    }

    /** A builder for a claim of item {@code sku}; {@code purchaseDate}, {@code claimDate} and {@code qualityDefect} must be set. */
    public static Builder builder(String id, String sku) {
        return new Builder(id, sku);
    }

    /** A builder holding every field of this claim, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The product's category, null when unsaid. A rule that tells claims apart by category is better written
     * {@code Claim( category == "TV" )} than {@code Claim( product.category == "TV" )}: Drools looks a claim's own
     * field up in a hash among the rules that test it, while a nested one is tested rule after rule
     * (docs/performance.md, "The engine as packs grow").
     */
    public String category() {
        return product.category();
    }

    /** Calendar days from purchase to claim; the purchase day is day 0. */
    public int daysSincePurchase() {
        return daysBetween(purchaseDate, claimDate);
    }

    /** Whether the claim falls on or before the purchase date plus {@code months} calendar months. */
    public boolean withinMonthsOfPurchase(int months) {
        return !claimDate.isAfter(purchaseDate.plusMonths(months));
    }

    /** Calendar days from delivery to claim; the delivery day is day 0. */
    public int daysSinceDelivery() {
        return daysBetween(deliveryDate, claimDate);
    }

    /** Days of a common year before each month (1 to 12). */
    private static final int[] DAYS_BEFORE_MONTH = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

    /**
     * Calendar days from {@code from} to {@code to}. Within one year or into the next, counted from the months and days
     * alone: the rules ask for a claim's days at every condition and sentence, and two epoch days each time were about
     * 3 % of deciding it.
     */
    private static int daysBetween(LocalDate from, LocalDate to) {
        int year = from.getYear();
        int years = to.getYear() - year;
        if (years == 0) return dayOfYear(to) - dayOfYear(from);
        if (years == 1) return (Year.isLeap(year) ? 366 : 365) - dayOfYear(from) + dayOfYear(to);
        return (int) (to.toEpochDay() - from.toEpochDay());
    }

    /** The day of the year, 1 January being 1. */
    private static int dayOfYear(LocalDate day) {
        int month = day.getMonthValue();
        return DAYS_BEFORE_MONTH[month] + day.getDayOfMonth() + (month > 2 && Year.isLeap(day.getYear()) ? 1 : 0);
    }

    /** Whether the claim falls on or before the delivery date plus {@code months} calendar months. */
    public boolean withinMonthsOfDelivery(int months) {
        return !claimDate.isAfter(deliveryDate.plusMonths(months));
    }

    /** Whether the claim falls on or before {@code day} (that day included). */
    public boolean claimedOnOrBefore(LocalDate day) {
        return !claimDate.isAfter(day);
    }

    /** Calendar days from {@code earlier} to the claim date: 0 on the claim date itself. */
    public long daysBeforeClaim(LocalDate earlier) {
        return claimDate.toEpochDay() - earlier.toEpochDay();
    }

    /** The latest earlier repair of the reported fault completed at most {@code days} before the claim; null if none. */
    public PastRepair sameFaultRepairedWithin(int days) {
        PastRepair latest = null;
        if (fault == null) return null;
        for (PastRepair repair : repairHistory) {
            long ago = claimDate.toEpochDay() - repair.completedOn().toEpochDay();
            if (repair.fault().equals(fault) && ago <= days && (latest == null || repair.completedOn().isAfter(latest.completedOn()))) {
                latest = repair;
            }
        }
        return latest;
    }

    /** The latest earlier repair of the reported fault completed on or after {@code from}; null if none, or when no fault is reported. */
    public PastRepair sameFaultRepairedSince(LocalDate from) {
        PastRepair latest = null;
        if (fault == null) return null;
        for (PastRepair repair : repairHistory) {
            if (repair.fault().equals(fault) && !repair.completedOn().isBefore(from)
                    && (latest == null || repair.completedOn().isAfter(latest.completedOn()))) {
                latest = repair;
            }
        }
        return latest;
    }

    /**
     * Calendar days the item spent at the repairer (contract 11.3): the periods from each earlier repair's
     * {@code receivedOn} to its {@code completedOn} (none when {@code receivedOn} is unknown) and the open
     * repair's to the claim date, overlapping periods counted once (contract 17: their union).
     */
    public long daysInRepair() {
        List<long[]> periods = new ArrayList<>(repairHistory.size() + 1);
        for (PastRepair repair : repairHistory) {
            if (repair.receivedOn() != null) periods.add(new long[] {repair.receivedOn().toEpochDay(), repair.completedOn().toEpochDay()});
        }
        if (openRepair != null) periods.add(new long[] {openRepair.receivedOn().toEpochDay(), claimDate.toEpochDay()});
        periods.sort(Comparator.comparingLong(period -> period[0]));
        long days = 0;
        long coveredTo = Long.MIN_VALUE;
        for (long[] period : periods) {
            long from = Math.max(period[0], coveredTo);
            if (period[1] > from) days += period[1] - from;
            coveredTo = Math.max(coveredTo, period[1]);
        }
        return days;
    }

    /** How many earlier repairs were completed from the delivery date to {@code months} calendar months after it. */
    public int repairsWithinMonthsOfDelivery(int months) {
        LocalDate until = deliveryDate.plusMonths(months);
        int count = 0;
        for (PastRepair repair : repairHistory) {
            if (!repair.completedOn().isBefore(deliveryDate) && !repair.completedOn().isAfter(until)) count++;
        }
        return count;
    }

    /** Calendar days the open repair has been at the repairer, to the claim date; 0 when there is none. */
    public long daysAtRepairer() {
        return openRepair == null ? 0 : daysBeforeClaim(openRepair.receivedOn());
    }

    /** The day the duties are judged on: {@code asOf}, else the latest of the claim date and every event (contract 12.1). */
    public LocalDate judgedOn() {
        if (asOf != null) return asOf;
        LocalDate latest = claimDate;
        for (ClaimEvent event : events) {
            if (event.at().isAfter(latest)) latest = event.at();
        }
        return latest;
    }

    // ---- The events as the follow-up duties (contract 12.2) ask about them: on or after a day, of some types. ----

    /** Whether the duties are judged on {@code day} or later. */
    public boolean judgedOnOrAfter(LocalDate day) {
        return !judgedOn().isBefore(day);
    }

    /** The earliest event of {@code type} on or after {@code from}; null when none. */
    public ClaimEvent firstEvent(LocalDate from, EventType type) {
        return firstEvent(from, type, type, type);
    }

    /** The earliest event of either type on or after {@code from}; null when none. */
    public ClaimEvent firstEvent(LocalDate from, EventType type, EventType orType) {
        return firstEvent(from, type, orType, orType);
    }

    /** The earliest event of any of the three types on or after {@code from}; null when none (the first given wins a tie). */
    public ClaimEvent firstEvent(LocalDate from, EventType type, EventType orType, EventType orThird) {
        ClaimEvent first = null;
        for (EventType wanted : new EventType[] {type, orType, orThird}) {
            for (ClaimEvent event : events) {
                if (event.type() != wanted || event.at().isBefore(from)) continue;
                if (first == null || event.at().isBefore(first.at())) first = event;
            }
        }
        return first;
    }

    /** The latest event of either type on or after {@code from}; null when none (the second type wins a tie). */
    public ClaimEvent lastEvent(LocalDate from, EventType type, EventType orType) {
        ClaimEvent last = null;
        for (EventType wanted : new EventType[] {type, orType}) {
            for (ClaimEvent event : events) {
                if (event.type() != wanted || event.at().isBefore(from)) continue;
                if (last == null || !event.at().isBefore(last.at())) last = event;
            }
        }
        return last;
    }

    /**
     * How many days on or after {@code from} have an event of {@code type}: several on one day count once
     * (contract 17: three pickup calls on one day are one notice, art. 27-28).
     */
    public int countEvents(LocalDate from, EventType type) {
        return daysOf(from, type).size();
    }

    /**
     * The event of {@code type} on the {@code n}th (from 1) day on or after {@code from} that has one, in date
     * order, several on one day counting once; null when there are fewer such days.
     */
    public ClaimEvent nthEvent(LocalDate from, EventType type, int n) {
        List<ClaimEvent> days = daysOf(from, type);
        return n < 1 || days.size() < n ? null : days.get(n - 1);
    }

    /** The first event of {@code type} of each day on or after {@code from} that has one, in date order. */
    private List<ClaimEvent> daysOf(LocalDate from, EventType type) {
        TreeMap<LocalDate, ClaimEvent> byDay = new TreeMap<>();
        for (ClaimEvent event : events) {
            if (event.type() == type && !event.at().isBefore(from)) byDay.putIfAbsent(event.at(), event);
        }
        return new ArrayList<>(byDay.values());
    }

    public Claim withRequest(Request value) {
        return toBuilder().request(value).build();
    }

    public Claim withCondition(Condition value) {
        return toBuilder().condition(value).build();
    }

    public Claim withProduct(Product value) {
        return toBuilder().product(value).build();
    }

    /**
     * Builds a {@link Claim} field by field, with the JSON reader's defaults and checks: {@link #build()} throws the
     * same {@link BadInputException} as reading the same claim from JSON would. Not thread-safe; reusable after build.
     */
    public static final class Builder {
        private String id;
        private String sku;
        private String category;
        private BigDecimal price;
        private SaleType saleType;
        private boolean customMade;
        private Product product;
        private LocalDate purchaseDate;
        private LocalDate claimDate;
        private Boolean qualityDefect;
        private Request request;
        private Condition condition = Condition.AS_SOLD;
        private Channel channel;
        private LocalDate deliveryDate;
        private String fault;
        private final List<PastRepair> repairHistory = new ArrayList<>();
        private ServiceRequest service;
        private OpenRepair openRepair;
        private boolean sameModelInStock = true;
        private final List<ClaimEvent> events = new ArrayList<>();
        private LocalDate asOf;
        private boolean withdrawalInformed = true;
        private String store;

        private Builder(String id, String sku) {
            this.id = id;
            this.sku = sku;
        }

        private Builder(Claim claim) {
            id = claim.id;
            product = claim.product;
            purchaseDate = claim.purchaseDate;
            claimDate = claim.claimDate;
            qualityDefect = claim.qualityDefect;
            request = claim.request;
            condition = claim.condition;
            channel = claim.channel;
            deliveryDate = claim.deliveryDate;
            fault = claim.fault;
            repairHistory.addAll(claim.repairHistory);
            service = claim.service;
            openRepair = claim.openRepair;
            sameModelInStock = claim.sameModelInStock;
            events.addAll(claim.events);
            asOf = claim.asOf;
            withdrawalInformed = claim.withdrawalInformed;
            store = claim.store;
        }

        public Builder id(String value) { id = value; return this; }

        /** The whole product at once, in place of {@link #sku}, {@link #category}, {@link #price}, {@link #saleType}, {@link #customMade}. */
        public Builder product(Product value) { product = value; return this; }

        public Builder sku(String value) { productPart(); sku = value; return this; }

        public Builder category(String value) { productPart(); category = value; return this; }

        /** What the customer paid, exactly as given (never a {@code double}); null when unknown. */
        public Builder price(BigDecimal value) { productPart(); price = value; return this; }

        /** The price from its decimal text, such as {@code "3299.00"}. */
        public Builder price(String value) {
            if (value == null) return price((BigDecimal) null);
            try {
                return price(new BigDecimal(value));
            } catch (NumberFormatException e) {
                throw new BadInputException("product.price", "expected a number, got \"" + value + "\"");
            }
        }

        public Builder saleType(SaleType value) { productPart(); saleType = value; return this; }

        public Builder customMade(boolean value) { productPart(); customMade = value; return this; }

        public Builder purchaseDate(LocalDate value) { purchaseDate = value; return this; }

        public Builder claimDate(LocalDate value) { claimDate = value; return this; }

        public Builder qualityDefect(boolean value) { qualityDefect = value; return this; }

        public Builder request(Request value) { request = value; return this; }

        /** The whole condition at once; the single-field setters below change one part of it. */
        public Builder condition(Condition value) { condition = value == null ? Condition.AS_SOLD : value; return this; }

        public Builder packaging(Packaging value) { condition = condition.withPackaging(value); return this; }

        public Builder accessoriesComplete(boolean value) { condition = condition.withAccessoriesComplete(value); return this; }

        public Builder warrantyCard(boolean value) { condition = condition.withWarrantyCard(value); return this; }

        public Builder usageTraces(boolean value) { condition = condition.withUsageTraces(value); return this; }

        public Builder customerDamage(boolean value) { condition = condition.withCustomerDamage(value); return this; }

        public Builder forceMajeure(boolean value) { condition = condition.withForceMajeure(value); return this; }

        public Builder channel(Channel value) { channel = value; return this; }

        public Builder deliveryDate(LocalDate value) { deliveryDate = value; return this; }

        public Builder fault(String value) { fault = value; return this; }

        /** Adds one earlier repair. */
        public Builder repair(PastRepair value) { repairHistory.add(value); return this; }

        /** Replaces the earlier repairs. */
        public Builder repairHistory(List<PastRepair> value) {
            repairHistory.clear();
            if (value != null) repairHistory.addAll(value);
            return this;
        }

        public Builder service(ServiceRequest value) { service = value; return this; }

        public Builder openRepair(OpenRepair value) { openRepair = value; return this; }

        public Builder sameModelInStock(boolean value) { sameModelInStock = value; return this; }

        /** Adds one event. */
        public Builder event(EventType type, LocalDate at) { events.add(new ClaimEvent(type, at)); return this; }

        /** Adds one event. */
        public Builder event(ClaimEvent value) { events.add(value); return this; }

        /** Replaces the events. */
        public Builder events(List<ClaimEvent> value) {
            events.clear();
            if (value != null) events.addAll(value);
            return this;
        }

        public Builder asOf(LocalDate value) { asOf = value; return this; }

        public Builder withdrawalInformed(boolean value) { withdrawalInformed = value; return this; }

        public Builder store(String value) { store = value; return this; }

        /** The claim, checked as the JSON reader checks it. */
        public Claim build() {
            if (id == null || id.isBlank()) throw new BadInputException("id", "missing or blank");
            Product built = product != null ? product : new Product(sku, category, price, saleType, customMade);
            if (purchaseDate == null) throw new BadInputException("purchaseDate", "missing");
            if (claimDate == null) throw new BadInputException("claimDate", "missing");
            if (qualityDefect == null) throw new BadInputException("qualityDefect", "missing");
            return new Claim(id, built, purchaseDate, claimDate, qualityDefect, request, condition, channel, deliveryDate,
                    fault, repairHistory, service, openRepair, sameModelInStock, events, asOf, withdrawalInformed, store);
        }

        /** Setting a product field after {@link #product(Product)} starts from that product's values. */
        private void productPart() {
            if (product == null) return;
            sku = product.sku();
            category = product.category();
            price = product.price();
            saleType = product.saleType();
            customMade = product.customMade();
            product = null;
        }
    }
}
