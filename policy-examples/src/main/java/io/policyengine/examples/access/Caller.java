package io.policyengine.examples.access;

import java.util.List;

/**
 * Who made a request: a name from the callers file or a token's {@code sub}, a role, and the stores whose
 * claims the caller may act for ({@code *}: every store). The name goes into the decision log; the token never.
 *
 * @param name   the caller's name; null for {@link #ANYONE}, a service without access control
 * @param role   what the caller may reach
 * @param stores store ids in the order given, or {@code [*]}
 * @param via    how the caller proved who it is: {@code token}, {@code jwt}, or {@code none}
 */
public record Caller(String name, Role role, List<String> stores, String via) {
    /** Every store. */
    public static final String ALL_STORES = "*";

    /** Everyone, when the service runs without access control (loopback, or {@code --no-auth}). */
    public static final Caller ANYONE = new Caller(null, Role.ADMIN, List.of(ALL_STORES), "none");

    public Caller {
        stores = List.copyOf(stores);
    }

    public boolean allStores() {
        return stores.contains(ALL_STORES);
    }

    /** Whether this caller may act for a claim of {@code store} (null: a claim that names no store). */
    public boolean mayActFor(String store) {
        return allStores() || store != null && stores.contains(store);
    }

    /**
     * Why this caller may not act for a claim of {@code store}, as a bad claim's message naming the field
     * ({@code store: "BJ-0003" is not a store of till-sh12 (SH-0012)}); null when it may.
     */
    public String refusal(String store) {
        if (mayActFor(store)) return null;
        String own = String.join(", ", stores);
        if (store == null) return "store: missing; " + name + " may act only for claims of " + own;
        return "store: \"" + store + "\" is not a store of " + name + " (" + own + ")";
    }

    public boolean reaches(Reach reach) {
        return role.reaches(reach);
    }

    @Override
    public String toString() {
        return name == null ? "anyone" : name + " (" + role.wireName() + ", " + String.join(";", stores) + ")";
    }
}
