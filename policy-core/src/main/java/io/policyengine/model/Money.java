package io.policyengine.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How much comes back, by when, and who pays the postage (contract 11.2). Present on every decision;
 * the amounts are null when the outcome is not a refund.
 *
 * @param currency       the store pack's currency term
 * @param refund         the price less {@code depreciation}, 2 decimals half up; null for other outcomes or without a price
 * @param depreciation   the amount kept back under 三包 art. 13; 0 when another rule grants the refund; null for other outcomes
 * @param refundDueDate  the last day the money may reach the customer; null for other outcomes
 * @param returnShipping who pays to send the goods back or to the repairer; null for a store sale or a rejection
 */
public record Money(String currency, BigDecimal refund, BigDecimal depreciation, LocalDate refundDueDate, Payer returnShipping) {

    /** No money moves: an outcome other than a refund, with nothing to send. */
    public static Money none(String currency) {
        return new Money(currency, null, null, null, null);
    }
}
