package io.policyengine.model;

import java.math.BigDecimal;

/** Money the store owes the customer under a service article, in the pack's currency. */
public record Compensation(String article, BigDecimal amount, String currency, String message) {
}
