package io.policyengine;

import io.policyengine.decide.Decisions;
import io.policyengine.decide.PackFindings;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;
import io.policyengine.model.PackRule;
import io.policyengine.model.PolicyId;
import io.policyengine.rules.PackVersions;
import io.policyengine.rules.RulePack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides claims by a stack: in batches on every core, each pack firing its version in force on each
 * claim's purchase date, the packs' findings assembled into one decision per claim.
 */
final class StackDecider {
    private StackDecider() {
    }

    /** See {@link PolicyEngine#decideAll}: the decisions, or the first claim's failure thrown. */
    static List<Decision> decideAll(PackStack stack, Collection<Claim> claims) {
        List<Decision> decisions = new ArrayList<>(claims.size());
        for (PolicyEngine.Result result : decideEach(stack, claims, null)) {
            if (result.isFailure()) throw result.failure();
            decisions.add(result.decision());
        }
        return decisions;
    }

    /** {@code fired}, when not null, gets one set per claim, in order, of the rules that fired for it. */
    static List<PolicyEngine.Result> decideEach(PackStack stack, Collection<Claim> claims, List<Set<PackRule>> fired) {
        List<Claim> all = List.copyOf(claims);
        for (Claim claim : all) stack.check(claim);
        // many claims: their batches on every core
        List<Part> parts = Batches.inOrder(all, batch -> decideBatch(stack, batch, fired != null));
        List<PolicyEngine.Result> results = new ArrayList<>(all.size());
        for (Part part : parts) {
            results.addAll(part.results());
            if (fired != null) fired.addAll(part.fired());
        }
        return Collections.unmodifiableList(results);
    }

    /** {@link PolicyEngine#decideTraced}: each claim's result with the rules that fired for it. */
    static List<PolicyEngine.Traced> decideTraced(PackStack stack, Collection<Claim> claims) {
        List<Set<PackRule>> fired = new ArrayList<>(claims.size());
        List<PolicyEngine.Result> results = decideEach(stack, claims, fired);
        List<PolicyEngine.Traced> traced = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) traced.add(new PolicyEngine.Traced(results.get(i), fired.get(i)));
        return traced;
    }

    /** A batch's results, and when asked for, the rules that fired for each of its claims. */
    private record Part(List<PolicyEngine.Result> results, List<Set<PackRule>> fired) {
    }

    /** Decides the claims of one batch, on the calling thread. */
    private static Part decideBatch(PackStack stack, List<Claim> batch, boolean traced) {
        List<PackVersions> packs = stack.packs();
        List<Set<PackRule>> batchFired = null;
        if (traced) {
            batchFired = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) batchFired.add(new HashSet<>());
        }
        List<PolicyEngine.Result> results = new ArrayList<>(batch.size());
        List<List<RulePack.Fired>> found = new ArrayList<>(packs.size());
        for (PackVersions pack : packs) found.add(fire(stack, pack, batch, batchFired));
        for (int i = 0; i < batch.size(); i++) {
            Claim claim = batch.get(i);
            List<PackFindings> perPack = new ArrayList<>(packs.size());
            RuleFailureException failure = null;
            for (int p = 0; p < packs.size() && failure == null; p++) {
                RulePack.Fired pack = found.get(p).get(i);
                failure = pack.failure();
                perPack.add(new PackFindings(policyOf(packs.get(p), claim), pack.findings()));
            }
            results.add(failure != null ? new PolicyEngine.Result(claim, null, failure)
                    : new PolicyEngine.Result(claim, Decisions.assemble(claim, perPack), null));
        }
        return new Part(results, batchFired);
    }

    private static PolicyId policyOf(PackVersions pack, Claim claim) {
        return pack.isVersioned() ? pack.forPurchase(claim.purchaseDate()).policy() : pack.latest().policy();
    }

    /**
     * One pack's findings for each claim, each claim decided by the version in force on its purchase date;
     * when {@code fired} is not null, the rules that fired for each claim are added to it.
     */
    private static List<RulePack.Fired> fire(PackStack stack, PackVersions pack, List<Claim> claims, List<Set<PackRule>> fired) {
        if (!pack.isVersioned()) {
            RulePack only = pack.latest();
            return only.fire(claims, stack.limitOf(only), stack.millisOf(only), fired);
        }
        Map<RulePack, List<Integer>> byVersion = new LinkedHashMap<>();
        for (int i = 0; i < claims.size(); i++) {
            byVersion.computeIfAbsent(pack.forPurchase(claims.get(i).purchaseDate()), v -> new ArrayList<>()).add(i);
        }
        RulePack.Fired[] found = new RulePack.Fired[claims.size()];
        for (Map.Entry<RulePack, List<Integer>> version : byVersion.entrySet()) {
            RulePack rules = version.getKey();
            List<Integer> positions = version.getValue();
            List<Claim> subset = positions.stream().map(claims::get).toList();
            List<Set<PackRule>> subsetFired = fired == null ? null : positions.stream().map(fired::get).toList();
            List<RulePack.Fired> findings = rules.fire(subset, stack.limitOf(rules), stack.millisOf(rules), subsetFired);
            for (int j = 0; j < subset.size(); j++) found[positions.get(j)] = findings.get(j);
        }
        return List.of(found);
    }

    /** One claim decided with every rule that fired, in order, with the terms it used, pack by pack. */
    static Explanation explain(PackStack stack, Claim claim) {
        List<PackFindings> perPack = new ArrayList<>();
        List<FiredRule> fired = new ArrayList<>();
        for (PackVersions pack : stack.packs()) {
            RulePack version = pack.forPurchase(claim.purchaseDate());
            RulePack.Trace trace = version.trace(claim, stack.limitOf(version), stack.millisOf(version));
            perPack.add(new PackFindings(version.policy(), trace.findings()));
            fired.addAll(trace.firedRules());
        }
        return new Explanation(claim, Decisions.assemble(claim, perPack), fired);
    }
}
