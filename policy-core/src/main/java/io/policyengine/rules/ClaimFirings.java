package io.policyengine.rules;

import io.policyengine.facts.Commitment;
import io.policyengine.facts.CompensationDue;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Grant;
import io.policyengine.facts.RepairDeadline;
import io.policyengine.facts.Duty;
import io.policyengine.model.Claim;
import io.policyengine.model.PackRule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules fired for which claim of a session holding many claims: a rule's match names its
 * claim, directly or through the finding it matched. Added to a session only when asked (coverage,
 * comparisons), so plain decisions pay nothing for it.
 */
final class ClaimFirings extends DefaultAgendaEventListener {
    private final Map<String, PackRule> rules;
    private final Map<Claim, Set<PackRule>> byClaim;

    ClaimFirings(Map<String, PackRule> rules, List<Claim> claims) {
        this.rules = rules;
        this.byClaim = new IdentityHashMap<>(claims.size() * 2);
        for (Claim claim : claims) byClaim.put(claim, new HashSet<>());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        PackRule rule = rules.get(event.getMatch().getRule().getName());
        if (rule == null) return;
        for (Object fact : event.getMatch().getObjects()) {
            Set<PackRule> fired = byClaim.get(claimOf(fact));
            if (fired != null) {
                fired.add(rule);
                return;
            }
        }
        // a rule that matches no claim (pack data such as a table) fires for every claim of the session
        for (Set<PackRule> fired : byClaim.values()) fired.add(rule);
    }

    private static Claim claimOf(Object fact) {
        if (fact instanceof Claim claim) return claim;
        if (fact instanceof Grant grant) return grant.claim();
        if (fact instanceof Exclusion exclusion) return exclusion.claim();
        if (fact instanceof Commitment commitment) return commitment.claim();
        if (fact instanceof CompensationDue due) return due.claim();
        if (fact instanceof RepairDeadline deadline) return deadline.claim();
        if (fact instanceof Duty duty) return duty.claim();
        Method claim = fact == null ? null : CLAIM_GETTER.get(fact.getClass());
        if (claim == null) return null;
        try {
            return (Claim) claim.invoke(fact);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A type the pack declares itself that carries its claim ({@code declare FreeRepairPeriod claim : Claim ... end}). */
    private static final ClassValue<Method> CLAIM_GETTER = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method getter = type.getMethod("getClaim");
                return Claim.class.isAssignableFrom(getter.getReturnType()) ? getter : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    /** The rules that fired for each claim, in the claims' order. */
    List<Set<PackRule>> fired(List<Claim> claims) {
        List<Set<PackRule>> fired = new ArrayList<>(claims.size());
        for (Claim claim : claims) fired.add(byClaim.get(claim));
        return fired;
    }
}
