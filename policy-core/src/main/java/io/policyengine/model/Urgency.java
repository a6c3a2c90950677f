package io.policyengine.model;

/** How urgent a service request is; sets the dispatch promise (S2). */
public enum Urgency { NORMAL, URGENT, CRITICAL }
