package io.policyengine.model;

/** Why an item is still at the repairer (contract 11.1): waiting for parts, or on the repairer's side. */
public enum WaitingFor { PARTS, REPAIRER }
