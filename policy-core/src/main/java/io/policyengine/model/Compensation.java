package io.policyengine.model;

import java.math.BigDecimal;

/**
 * Money the store owes the customer under a service article, in the pack's currency, with the
 * reason that says why (its sentence is rendered like every reason's).
 */
public record Compensation(String article, BigDecimal amount, String currency, Reason reason) {
}
