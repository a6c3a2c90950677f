package io.policyengine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * How much comes back, by when, and who pays the postage (contract 11.2). Present on every decision;
 * the amounts are null when the outcome is not a refund.
 *
 * @param currency       the store pack's currency term
 * @param refund         the price less {@code depreciation}, exactly, in the currency's minor units (contract 17): never
 *                       below 0 nor above the price; null for other outcomes or without a price
 * @param depreciation   the amount kept back under 三包 art. 13, from 0 to the price; 0 when another rule grants the
 *                       refund; null for other outcomes
 * @param refundDueDate  the last day the money may reach the customer; null for other outcomes
 * @param returnShipping who pays to send the goods back or to the repairer; null for a store sale or a rejection
 */
public record Money(String currency, BigDecimal refund, BigDecimal depreciation, LocalDate refundDueDate, Payer returnShipping) {

    /** Minor units of a currency without a known ISO 4217 code (or of no currency): cents, as CNY and EUR have. */
    private static final int DEFAULT_MINOR_UNITS = 2;

    /**
     * How many decimals an amount of {@code currency} has (contract 17): its ISO 4217 minor units as
     * {@link Currency} knows them, 2 for CNY and EUR; 2 when the code is unknown or null.
     */
    public static int minorUnits(String currency) {
        if (currency == null) return DEFAULT_MINOR_UNITS;
        MinorUnits known = lastAsked;
        if (currency.equals(known.currency())) return known.digits();
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
            if (digits < 0) digits = DEFAULT_MINOR_UNITS;
        } catch (IllegalArgumentException e) {
            digits = DEFAULT_MINOR_UNITS;
        }
        lastAsked = new MinorUnits(currency, digits);
        return digits;
    }

    /**
     * The currency {@link #minorUnits} was last asked about, and its answer: every claim asks about its store pack's currency,
     * mostly the same one, and {@link Currency}'s look-up hashed the code each time (about 4 % of deciding a claim). Immutable,
     * so a thread that reads another's is safe; a race only costs a look-up.
     */
    private static MinorUnits lastAsked = new MinorUnits("", DEFAULT_MINOR_UNITS);

    private record MinorUnits(String currency, int digits) {
    }

    /**
     * Contract 17: a price has at most as many decimals as {@code currency} has minor units (trailing zeros
     * aside: {@code 12.340} is 12.34); more is bad input naming {@code product.price}. A null price passes.
     */
    public static void checkPrice(BigDecimal price, String currency) {
        if (price == null) return;
        int digits = minorUnits(currency);
        if (price.scale() > digits && price.stripTrailingZeros().scale() > digits) {
            throw new BadInputException("product.price", price + " has more decimals than "
                    + (currency == null ? "an amount" : currency) + " has: " + digits);
        }
    }

    /** No money moves: an outcome other than a refund, with nothing to send. */
    public static Money none(String currency) {
        return new Money(currency, null, null, null, null);
    }
}
