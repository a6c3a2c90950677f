package io.policyengine.model;

/** The state of the original packaging when the goods come back. */
public enum Packaging { INTACT, DAMAGED, MISSING }
