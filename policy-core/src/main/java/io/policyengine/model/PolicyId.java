package io.policyengine.model;

import java.util.List;

/**
 * Which rules decided: the pack's declared name and version, a hash of the content of every file that made
 * it, so that two decisions made under edited-but-unrenumbered rules can still be told apart, and the packs
 * it extends (contract 14.1), nearest first; empty when none.
 */
public record PolicyId(String name, String version, String hash, List<PolicyId> parents) {

    public PolicyId {
        parents = List.copyOf(parents);
    }

    /** A pack that extends none. */
    public PolicyId(String name, String version, String hash) {
        this(name, version, hash, List.of());
    }
}
