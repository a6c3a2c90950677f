package io.policyengine.model;

/**
 * What a rule did: granted a remedy, excluded one, made a service commitment (a deadline),
 * owed the customer compensation, or said how a refund is paid (its amount, its deadline, who pays the postage).
 */
public enum Effect { GRANT, EXCLUDE, COMMIT, COMPENSATE, PAY }
