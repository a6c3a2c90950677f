package io.policyengine.rules;

import io.policyengine.RuleFailureException;
import io.policyengine.RuleProblem;
import io.policyengine.facts.Commitment;
import io.policyengine.facts.CompensationDue;
import io.policyengine.facts.Duty;
import io.policyengine.facts.Exclusion;
import io.policyengine.facts.Findings;
import io.policyengine.facts.Firing;
import io.policyengine.facts.Grant;
import io.policyengine.facts.RefundAmount;
import io.policyengine.facts.RefundDue;
import io.policyengine.facts.RepairDeadline;
import io.policyengine.facts.ReturnShipping;
import io.policyengine.model.Claim;
import io.policyengine.model.FiredRule;
import io.policyengine.model.PackRule;
import io.policyengine.model.Reason;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.policyengine.rules.PackDeclarations.FIRING_LIMIT_TERM;
import static io.policyengine.rules.PackDeclarations.TIME_LIMIT_TERM;

/**
 * Fires a compiled pack's rules over claims under limits: a number of firings and a time per claim (a
 * watchdog stops rules that hang), a batch run again claim by claim when it breaks so that only the
 * claims the rules fail for fail, and tracing of one claim's rules for {@code explain}.
 */
final class PackRunner {
    private static final Pattern FAILED_RULE = Pattern.compile("[Rr]ule(?: name=)?\\s*[\"']([^\"']+)[\"']");
    private static final List<Class<?>> FINDINGS = List.of(
            Grant.class, Exclusion.class, RepairDeadline.class, Commitment.class, CompensationDue.class,
            RefundDue.class, ReturnShipping.class, RefundAmount.class, Duty.class);
    /** Firings per claim a batch may use, on top of one claim's limit, before its claims are run one by one. */
    private static final int BATCH_FIRINGS_PER_CLAIM = 256;
    private static final String TIMED_OUT = "ran too long";

    private final KieBase kieBase;
    /** Sessions reset and reused rather than built per call: a third off a single decision's latency. */
    private final KieSessionsPool sessions;
    private final String policyName;
    private final List<Object> termFacts;
    private final RuleIndex index;
    private final Map<String, PackRule> rules;
    private final Map<String, Object> terms;
    /** The finding types some rule matches: only those are inserted into a session. */
    private final Set<Class<?>> matched;

    PackRunner(KieBase kieBase, String policyName, List<Object> termFacts, RuleIndex index, Map<String, PackRule> rules,
               Map<String, Object> terms) {
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
        this.policyName = policyName;
        this.termFacts = termFacts;
        this.index = index;
        this.rules = rules;
        this.terms = terms;
        Set<Class<?>> matchedTypes = new HashSet<>();
        for (Class<?> finding : FINDINGS) {
            if (index.matches(finding.getSimpleName())) matchedTypes.add(finding);
        }
        this.matched = Set.copyOf(matchedTypes);
    }

    /** See {@link RulePack#fire(List, int, long, List)}. */
    List<RulePack.Fired> fire(List<Claim> claims, int limit, long millis, List<Set<PackRule>> firedRules) {
        if (claims.isEmpty()) return List.of();
        try {
            ClaimFirings firings = firedRules == null ? null : new ClaimFirings(rules, claims);
            List<Findings> findings = fireTogether(claims, batchBudget(limit, claims.size()), millis, firings);
            List<RulePack.Fired> fired = new ArrayList<>(findings.size());
            for (Findings f : findings) fired.add(new RulePack.Fired(f, null));
            if (firings != null) {
                List<Set<PackRule>> each = firings.fired(claims);
                for (int i = 0; i < claims.size(); i++) firedRules.get(i).addAll(each.get(i));
            }
            return fired;
        } catch (Overrun | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            List<RulePack.Fired> each = new ArrayList<>(claims.size());
            for (int i = 0; i < claims.size(); i++) {
                Claim claim = claims.get(i);
                ClaimFirings firings = firedRules == null ? null : new ClaimFirings(rules, List.of(claim));
                each.add(fireAlone(claim, limit, millis, firings).asFired(claim));
                if (firings != null) firedRules.get(i).addAll(firings.fired(List.of(claim)).get(0));
            }
            return each;
        }
    }

    /**
     * A batch may fire a little more per claim than a sane claim ever needs, far less than the limit
     * for each claim, so that rules that keep inserting facts stop before they fill the memory; past
     * that the claims are run one by one, each with the whole limit.
     */
    static int batchBudget(int limit, int claims) {
        long budget = Math.min((long) limit * claims, limit + (long) BATCH_FIRINGS_PER_CLAIM * claims);
        return (int) Math.min(Integer.MAX_VALUE - 1, budget);
    }

    private List<Findings> fireTogether(List<Claim> claims, int budget, long millis, ClaimFirings firings) throws Overrun {
        KieSession session = sessions.newKieSession();
        if (firings != null) session.addEventListener(firings);
        boolean stopped = false;
        try (Firing firing = Firing.open(policyName, claims, matched)) {
            termFacts.forEach(session::insert);
            for (Claim claim : claims) session.insert(claim);
            try (Watchdog watchdog = Watchdog.watch(session, millis)) {
                try {
                    if (session.fireAllRules(budget + 1) > budget) throw Overrun.INSTANCE;
                } finally {
                    stopped = watchdog.expired();
                }
            }
            if (stopped) throw Overrun.INSTANCE;
            List<Findings> findings = new ArrayList<>(claims.size());
            for (Claim claim : claims) findings.add(firing.findings(claim));
            return findings;
        } finally {
            if (firings != null) session.removeEventListener(firings);
            // a halted session goes, rather than back to the pool
            if (stopped) session.destroy();
            else session.dispose();
        }
    }

    /**
     * Runs a batch of claims together with {@code listener} (when not null) told of each firing; false when the rules failed
     * or kept firing for some claim of it.
     */
    boolean fireQuietly(List<Claim> batch, int limit, long millis, AgendaEventListener listener) {
        KieSession session = kieBase.newKieSession();
        if (listener != null) session.addEventListener(listener);
        try (Firing firing = Firing.open(policyName, batch, matched)) {
            termFacts.forEach(session::insert);
            batch.forEach(session::insert);
            int budget = batchBudget(limit, batch.size());
            try (Watchdog watchdog = Watchdog.watch(session, millis)) {
                return session.fireAllRules(budget + 1) <= budget && !watchdog.expired();
            }
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return false;
        } finally {
            session.dispose();
        }
    }

    /** One claim run alone: its findings, or what went wrong and in which rule. */
    record Alone(Findings findings, Breakdown breakdown) {
        RulePack.Fired asFired(Claim claim) {
            return breakdown == null ? new RulePack.Fired(findings, null)
                    : new RulePack.Fired(null, breakdown.failure("claim " + claim.id(), claim.id()));
        }
    }

    /** Runs the rules over one claim in a session of its own, counting each rule's firings to name a culprit. */
    Alone fireAlone(Claim claim, int limit, long millis, AgendaEventListener listener) {
        KieSession session = kieBase.newKieSession();
        FiringCounter counter = new FiringCounter();
        session.addEventListener(counter);
        if (listener != null) session.addEventListener(listener);
        Watchdog watchdog = null;
        try (Firing firing = Firing.open(policyName, List.of(claim), matched)) {
            termFacts.forEach(session::insert);
            session.insert(claim);
            watchdog = Watchdog.watch(session, millis);
            int fired = session.fireAllRules(limit + 1);
            watchdog.close();
            if (watchdog.expired()) return new Alone(null, timeout(counter, millis));
            if (fired > limit) return new Alone(null, overrun(counter.mostFired(), limit));
            return new Alone(firing.findings(claim), null);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (watchdog != null) {
                watchdog.close();
                if (watchdog.expired()) return new Alone(null, timeout(counter, millis));
            }
            return new Alone(null, breakdown(counter.firing(), e));
        } finally {
            session.dispose();
        }
    }

    /** See {@link RulePack#trace(Claim, int, long)}. */
    RulePack.Trace trace(Claim claim, int limit, long millis) {
        KieSession session = kieBase.newKieSession();
        FiringRecorder recorder = new FiringRecorder(policyName, index, terms);
        FiringCounter counter = new FiringCounter();
        Watchdog watchdog = null;
        try (Firing firing = Firing.open(policyName, List.of(claim), matched, recorder)) {
            session.addEventListener(counter);
            session.addEventListener(recorder);
            termFacts.forEach(session::insert);
            session.insert(claim);
            watchdog = Watchdog.watch(session, millis);
            int fired = session.fireAllRules(limit + 1);
            watchdog.close();
            if (watchdog.expired()) throw timeout(counter, millis).failure("claim " + claim.id(), claim.id());
            if (fired > limit) {
                throw overrun(counter.mostFired(), limit).failure("claim " + claim.id(), claim.id());
            }
            Findings findings = firing.findings(claim);
            return new RulePack.Trace(findings, withoutUnusedExclusions(recorder.fired(), findings));
        } catch (RuleFailureException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            if (watchdog != null) {
                watchdog.close();
                if (watchdog.expired()) throw timeout(counter, millis).failure("claim " + claim.id(), claim.id());
            }
            throw breakdown(counter.firing(), e).failure("claim " + claim.id(), claim.id());
        } finally {
            session.dispose();
        }
    }

    private Breakdown overrun(String rule, int limit) {
        return new Breakdown(rule, rule == null ? null : index.entry(rule), "kept firing: stopped after " + limit
                + " firings (the firing limit, pack term " + FIRING_LIMIT_TERM
                + "); a rule whose consequence makes it or another rule match again never ends", null);
    }

    /** The rule running when the time ran out: the consequence that did not return, else the one firing most. */
    private Breakdown timeout(FiringCounter counter, long millis) {
        String rule = counter.firing() != null ? counter.firing() : counter.mostFired();
        return new Breakdown(rule, rule == null ? null : index.entry(rule), TIMED_OUT + ": stopped after " + millis
                + " ms (the time limit, pack term " + TIME_LIMIT_TERM + "); a consequence that waits or loops, or rules that"
                + " keep matching each other, never end", null);
    }

    /** The rule that threw: the one firing, or else the one a failed condition's message names. */
    private Breakdown breakdown(String firing, Throwable e) {
        String rule = firing;
        if (rule == null) {
            Matcher named = FAILED_RULE.matcher(String.valueOf(e.getMessage()));
            if (named.find()) rule = named.group(1);
        }
        return new Breakdown(rule, rule == null ? null : index.entry(rule), "failed: " + RuleFailures.problem(e), e);
    }

    /** A rule that failed or kept firing, with where it is written (null when unknown). */
    record Breakdown(String rule, RuleIndex.Entry entry, String what, Throwable cause) {

        boolean timedOut() {
            return what.startsWith(TIMED_OUT);
        }

        RuleFailureException failure(String forWhat, String claimId) {
            String where = entry == null ? "" : entry.file() + ":" + entry.line() + ": ";
            return new RuleFailureException(claimId, where + sentence(forWhat), cause);
        }

        RuleProblem problem(Path folder, String forWhat) {
            return entry == null ? RuleProblem.error(folder, 0, sentence(forWhat))
                    : RuleProblem.error(entry.file(), entry.line(), sentence(forWhat));
        }

        /** {@code rule "NAME" failed for claim C-7: ...}: the verb, then whom it happened for, then the rest. */
        private String sentence(String forWhat) {
            String name = rule == null ? "a rule" : "rule \"" + rule + "\"";
            int colon = what.indexOf(':');
            return name + " " + what.substring(0, colon) + " for " + forWhat + what.substring(colon);
        }
    }

    /** The rules of a batch fired more often than its budget: some claim's rules may never stop. */
    private static final class Overrun extends Exception {
        static final Overrun INSTANCE = new Overrun();

        private Overrun() {
            super(null, null, false, false);
        }
    }

    /** The fired rules' reasons less the exclusions made {@code ifGranted} of grants the pack did not make: they took nothing away. */
    private static List<FiredRule> withoutUnusedExclusions(List<FiredRule> fired, Findings findings) {
        Set<Reason> unused = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Exclusion exclusion : findings.exclusions()) {
            if (exclusion.ifGranted() && !findings.takesAwayAny(exclusion)) {
                unused.add(exclusion.reason());
            }
        }
        if (unused.isEmpty()) return fired;
        return fired.stream().map(rule -> new FiredRule(rule.rule(), rule.article(), rule.terms(),
                rule.reasons().stream().filter(r -> !unused.contains(r)).toList(), rule.policy())).toList();
    }
}
