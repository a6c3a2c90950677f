package io.policyengine.model;

/** Whether a rule granted a remedy or excluded one. */
public enum Effect { GRANT, EXCLUDE }
