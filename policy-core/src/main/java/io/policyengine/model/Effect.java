package io.policyengine.model;

/**
 * What a rule did: granted a remedy, excluded one, made a service commitment (a deadline), or
 * owed the customer compensation.
 */
public enum Effect { GRANT, EXCLUDE, COMMIT, COMPENSATE }
