package io.policyengine.model;

/** Who pays to send goods back or to the repairer (contract 11.2). */
public enum Payer { STORE, CUSTOMER }
