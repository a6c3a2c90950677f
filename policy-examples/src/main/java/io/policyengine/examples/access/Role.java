package io.policyengine.examples.access;

import java.util.Locale;

/**
 * What a caller of the service may do (contract 15). Each role reaches what the one before it reaches, and
 * more; what any role does with claims is limited to the caller's stores.
 */
public enum Role {
    /** Decides, explains and renders claims of its stores, asks their open duties, and uses the counter page. */
    COUNTER,
    /** As a counter, and reads the report of its stores' decisions. */
    MANAGER,
    /** Reads everything: the live policy, the metrics, every store's claims and report. */
    ADMIN;

    /** The name in a callers file, a token's {@code role} claim and {@code /v1/whoami}: {@code counter}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of that name ({@code counter}, {@code manager}, {@code admin}), or null. */
    public static Role named(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) return role;
        }
        return null;
    }

    /** {@code counter, manager, admin}: for messages about a name that is none of them. */
    public static String names() {
        return "counter, manager, admin";
    }

    /** Whether this role may use what needs {@code reach}. */
    public boolean reaches(Reach reach) {
        return reach.least() == null || ordinal() >= reach.least().ordinal();
    }
}
