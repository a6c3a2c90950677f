package io.policyengine.rules;

/**
 * The names a pack's DRL and this package agree on: the declared types the loader reads, and the terms
 * that set a pack's limits per claim, with the limits of a pack that sets none.
 */
final class PackDeclarations {
    /** The declared type that names a pack: {@code declare Pack name, version, effectiveFrom end}. */
    static final String PACK_TYPE = "Pack";
    /** The declared type that holds a pack's policy terms, one instance inserted with every claim. */
    static final String TERMS_TYPE = "Terms";
    /** The firing limit of a pack that declares none: far above what a claim of a sane policy needs. */
    static final int DEFAULT_FIRING_LIMIT = 10_000;
    /** The pack term that sets a pack's firing limit per claim. */
    static final String FIRING_LIMIT_TERM = "maxFiringsPerClaim";
    /** The time limit of a pack that declares none: a claim takes milliseconds; this is a rule that hangs. */
    static final int DEFAULT_TIME_LIMIT_MILLIS = 2_000;
    /** The pack term that sets a pack's time limit per claim, in milliseconds. */
    static final String TIME_LIMIT_TERM = "maxMillisPerClaim";
    /** The terms the engine itself reads, not the rules: a child pack may set them though no parent declares them. */
    static final java.util.Set<String> ENGINE_TERMS = java.util.Set.of(FIRING_LIMIT_TERM, TIME_LIMIT_TERM);

    private PackDeclarations() {
    }
}
