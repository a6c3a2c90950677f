package io.policyengine.model;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A customer's warranty or return claim: what was bought, when, and in what state it comes back.
 * Rule files match on it; its methods are the facts a policy asks about.
 *
 * @param request what the customer asks for; null when unsaid
 */
public record Claim(String id, Product product, LocalDate purchaseDate, LocalDate claimDate,
                    boolean qualityDefect, Request request, Condition condition) {

    public Claim {
        if (id == null || id.isBlank()) throw new BadInputException("id", "missing or blank");
        if (product == null) throw new BadInputException("product", "missing");
        if (purchaseDate == null) throw new BadInputException("purchaseDate", "missing");
        if (claimDate == null) throw new BadInputException("claimDate", "missing");
        if (claimDate.isBefore(purchaseDate)) {
            throw new BadInputException("claimDate", claimDate + " is before purchaseDate " + purchaseDate);
        }
        if (condition == null) condition = Condition.AS_SOLD;
    }

    /** Calendar days from purchase to claim; the purchase day is day 0. */
    public int daysSincePurchase() {
        return (int) ChronoUnit.DAYS.between(purchaseDate, claimDate);
    }

    /** Whether the claim falls on or before the purchase date plus {@code months} calendar months. */
    public boolean withinMonthsOfPurchase(int months) {
        return !claimDate.isAfter(purchaseDate.plusMonths(months));
    }

    public Claim withRequest(Request value) {
        return new Claim(id, product, purchaseDate, claimDate, qualityDefect, value, condition);
    }

    public Claim withCondition(Condition value) {
        return new Claim(id, product, purchaseDate, claimDate, qualityDefect, request, value);
    }

    public Claim withProduct(Product value) {
        return new Claim(id, value, purchaseDate, claimDate, qualityDefect, request, condition);
    }
}
