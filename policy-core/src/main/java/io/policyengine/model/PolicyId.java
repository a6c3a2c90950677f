package io.policyengine.model;

/**
 * Which rules decided: the pack's declared name and version, and a hash of its rule files' content,
 * so that two decisions made under edited-but-unrenumbered rules can still be told apart.
 */
public record PolicyId(String name, String version, String hash) {
}
