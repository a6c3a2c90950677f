package io.policyengine.facts;

import io.policyengine.model.Claim;
import org.kie.api.definition.rule.Rule;
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
    /** The matched finding types, looked through by identity: a handful, asked about for every finding. */
    private final Class<?>[] matched;
    private final Consumer<Object> observer;
    /** The rule whose finding was made last and its citation: a rule fires for claim after claim of a batch in a row. */
    private Rule citedRule;
    private RuleCitation citation;

    private Firing(String pack, List<Claim> claims, Set<Class<?>> matched, Consumer<Object> observer) {
        this.pack = pack;
        this.matched = matched.toArray(new Class<?>[0]);
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

    /**
     * Puts {@code claim}'s finding into the session, when a rule may match it, and before anyone who watches; the builder of
     * the claim's findings, or null when the rules run outside a firing (or for another claim). One look-up of the thread's
     * firing for both.
     */
    static Findings.Builder insert(RuleContext kcontext, Claim claim, Object finding) {
        Firing firing = CURRENT.get();
        if (firing == null) {
            kcontext.getKieRuntime().insert(finding);
            return null;
        }
        if (firing.matches(finding.getClass())) kcontext.getKieRuntime().insert(finding);
        if (firing.observer != null) firing.observer.accept(finding);
        return firing.byClaim.get(claim);
    }

    private boolean matches(Class<?> type) {
        for (Class<?> one : matched) {
            if (one == type) return true;
        }
        return false;
    }

    /** The firing rule's name and article, and the pack: read from the rule's metadata once for each run of its matches. */
    static RuleCitation citation(RuleContext kcontext) {
        Firing firing = CURRENT.get();
        Rule rule = kcontext.getRule();
        if (firing == null) return RuleCitation.of(rule, null);
        if (rule != firing.citedRule) {
            firing.citation = RuleCitation.of(rule, firing.pack);
            firing.citedRule = rule;
        }
        return firing.citation;
    }

    /** The findings of one of the claims this firing was opened for. */
    public Findings findings(Claim claim) {
        return byClaim.get(claim).build();
    }

    @Override
    public void close() {
        CURRENT.remove();
    }

}
