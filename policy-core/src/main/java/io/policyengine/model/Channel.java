package io.policyengine.model;

/** Where the goods were sold: in the store, or at a distance (online, phone, TV or mail order). */
public enum Channel { STORE, ONLINE }
