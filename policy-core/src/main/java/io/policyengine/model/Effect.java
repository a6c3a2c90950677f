package io.policyengine.model;

/**
 * What a rule did: granted a remedy, excluded one, made a service commitment (a deadline),
 * owed the customer compensation, or found a follow-up duty of the store (contract 12.2).
 */
public enum Effect { GRANT, EXCLUDE, COMMIT, COMPENSATE, DUTY }
