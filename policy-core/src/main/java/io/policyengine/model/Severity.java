package io.policyengine.model;

/** How big the fault is: {@code MINOR} (a loose wire) or {@code MAJOR} (a compressor); sets the fix promise (S5, S6). */
public enum Severity { MINOR, MAJOR }
