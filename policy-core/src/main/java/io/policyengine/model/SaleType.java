package io.policyengine.model;

/** How the goods were sold. */
public enum SaleType { REGULAR, SPECIAL_PRICE, GIFT }
