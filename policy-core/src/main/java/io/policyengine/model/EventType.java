package io.policyengine.model;

/** What has happened to a claim since it was decided (contract 12.1); the duties of section 12.2 open and close on these. */
public enum EventType {
    REPAIRED, UNREPAIRABLE, ESCALATED, DELAY_NOTIFIED, PICKUP_NOTIFIED, PICKED_UP, MAILED, SATISFACTION_CHECKED,
    OUT_OF_STOCK, STOCK_ORDERED, STOCK_FOUND, CUSTOMER_CONTACTED, STOCK_ARRIVED
}
