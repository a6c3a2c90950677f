package io.policyengine.model;

/**
 * What a rule did: granted a remedy, excluded one, made a service commitment (a deadline),
 * owed the customer compensation, said how a refund is paid (its amount, its deadline, who pays the postage),
 * or found a follow-up duty of the store (contract 12.2).
 */
public enum Effect { GRANT, EXCLUDE, COMMIT, COMPENSATE, PAY, DUTY }
