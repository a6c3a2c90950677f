package io.policyengine.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A customer's warranty or return claim: what was bought, when, and in what state it comes back.
 * Rule files match on it; its methods are the facts a policy asks about.
 *
 * @param request       what the customer asks for; null when unsaid
 * @param channel       where it was sold (contract v2); {@code STORE} by default
 * @param deliveryDate  when the customer received the goods (v2); the purchase date by default
 * @param fault         the reported fault's code (v3); null when unsaid
 * @param repairHistory earlier repairs of this item (v3), oldest first or in any order
 * @param service       the service request (v3); null when the claim is not one
 */
public record Claim(String id, Product product, LocalDate purchaseDate, LocalDate claimDate,
                    boolean qualityDefect, Request request, Condition condition,
                    Channel channel, LocalDate deliveryDate,
                    String fault, List<PastRepair> repairHistory, ServiceRequest service) {

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
        repairHistory = repairHistory == null ? List.of() : List.copyOf(repairHistory);
        for (int i = 0; i < repairHistory.size(); i++) {
            if (repairHistory.get(i).completedOn().isAfter(claimDate)) {
                throw new BadInputException("repairHistory[" + i + "].completedOn",
                        repairHistory.get(i).completedOn() + " is after claimDate " + claimDate);
            }
        }
        if (service != null && !service.reportedAt().toLocalDate().equals(claimDate)) {
            throw new BadInputException("service.reportedAt", service.reportedAt() + " is not on claimDate " + claimDate);
        }
    }

    /** A claim of contract v1: sold in the store, delivered on the purchase day, no service request. */
    public Claim(String id, Product product, LocalDate purchaseDate, LocalDate claimDate,
                 boolean qualityDefect, Request request, Condition condition) {
        this(id, product, purchaseDate, claimDate, qualityDefect, request, condition,
                Channel.STORE, null, null, List.of(), null);
    }

    /** Calendar days from purchase to claim; the purchase day is day 0. */
    public int daysSincePurchase() {
        return (int) (claimDate.toEpochDay() - purchaseDate.toEpochDay());
    }

    /** Whether the claim falls on or before the purchase date plus {@code months} calendar months. */
    public boolean withinMonthsOfPurchase(int months) {
        return !claimDate.isAfter(purchaseDate.plusMonths(months));
    }

    /** Calendar days from delivery to claim; the delivery day is day 0. */
    public int daysSinceDelivery() {
        return (int) (claimDate.toEpochDay() - deliveryDate.toEpochDay());
    }

    /** Whether the claim falls on or before the delivery date plus {@code months} calendar months. */
    public boolean withinMonthsOfDelivery(int months) {
        return !claimDate.isAfter(deliveryDate.plusMonths(months));
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

    public Claim withRequest(Request value) {
        return new Claim(id, product, purchaseDate, claimDate, qualityDefect, value, condition,
                channel, deliveryDate, fault, repairHistory, service);
    }

    public Claim withCondition(Condition value) {
        return new Claim(id, product, purchaseDate, claimDate, qualityDefect, request, value,
                channel, deliveryDate, fault, repairHistory, service);
    }

    public Claim withProduct(Product value) {
        return new Claim(id, value, purchaseDate, claimDate, qualityDefect, request, condition,
                channel, deliveryDate, fault, repairHistory, service);
    }
}
