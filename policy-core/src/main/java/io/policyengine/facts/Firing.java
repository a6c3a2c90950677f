package io.policyengine.facts;

import io.policyengine.model.Claim;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a pack's rules over some claims, on the current thread: it names the pack for the
 * reasons the rules give, and collects each claim's findings as the rules insert them, so nothing
 * has to be searched for among the session's facts afterwards. Rules fire on the thread that calls
 * {@code fireAllRules}, which is what makes a thread-local the right home for it.
 */
public final class Firing implements AutoCloseable {
    private static final ThreadLocal<Firing> CURRENT = new ThreadLocal<>();

    private final String pack;
    private final Map<Claim, Findings.Builder> byClaim;

    private Firing(String pack, List<Claim> claims) {
        this.pack = pack;
        this.byClaim = new IdentityHashMap<>(claims.size() * 2);
        for (Claim claim : claims) byClaim.put(claim, new Findings.Builder());
    }

    /** Starts collecting for {@code claims}; close it when the rules have fired. */
    public static Firing open(String pack, List<Claim> claims) {
        Firing firing = new Firing(pack, claims);
        CURRENT.set(firing);
        return firing;
    }

    /** The findings of one of the claims this firing was opened for. */
    public Findings findings(Claim claim) {
        return byClaim.get(claim).build();
    }

    @Override
    public void close() {
        CURRENT.remove();
    }

    static String pack() {
        Firing firing = CURRENT.get();
        return firing == null ? null : firing.pack;
    }

    /** The builder of {@code claim}'s findings, or null when the rules run outside a firing (or for another claim). */
    static Findings.Builder of(Claim claim) {
        Firing firing = CURRENT.get();
        return firing == null ? null : firing.byClaim.get(claim);
    }
}
