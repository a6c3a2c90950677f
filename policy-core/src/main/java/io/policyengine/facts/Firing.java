package io.policyengine.facts;

import io.policyengine.model.Claim;
import org.kie.api.runtime.rule.RuleContext;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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
    private final Set<Class<?>> matched;
    private final Consumer<Object> observer;

    private Firing(String pack, List<Claim> claims, Set<Class<?>> matched, Consumer<Object> observer) {
        this.pack = pack;
        this.matched = matched;
        this.observer = observer;
        this.byClaim = new IdentityHashMap<>(claims.size() * 2);
        for (Claim claim : claims) byClaim.put(claim, new Findings.Builder());
    }

    /**
     * Starts collecting for {@code claims}; close it when the rules have fired. Only findings of the
     * {@code matched} types go into the session: a finding no rule of the pack matches would only
     * cost the session an insertion.
     */
    public static Firing open(String pack, List<Claim> claims, Set<Class<?>> matched) {
        return open(pack, claims, matched, null);
    }

    /** The same, handing every finding to {@code observer} as the rules make it (for {@code explain}). */
    public static Firing open(String pack, List<Claim> claims, Set<Class<?>> matched, Consumer<Object> observer) {
        Firing firing = new Firing(pack, claims, matched, observer);
        CURRENT.set(firing);
        return firing;
    }

    /** Puts a finding into the session, when a rule may match it, and before anyone who watches. */
    static void insert(RuleContext kcontext, Object finding) {
        Firing firing = CURRENT.get();
        if (firing == null || firing.matched.contains(finding.getClass())) kcontext.getKieRuntime().insert(finding);
        if (firing != null && firing.observer != null) firing.observer.accept(finding);
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
