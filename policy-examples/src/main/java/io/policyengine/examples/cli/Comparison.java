package io.policyengine.examples.cli;

import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.PolicyEngine;
import io.policyengine.model.Claim;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Money;
import io.policyengine.model.PackRule;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Decides the same claims under two rule sets and hands over each claim whose decision differs,
 * with what differs and which rules fired under one set only. What {@code diff} (two folders) and
 * {@code audit} (the store pack alone against the store pack with its floors) both run on.
 * Holds nothing between batches: any number of claims streams through.
 */
final class Comparison {

    /** The parts of a decision a change is reported for; reason sentences are not compared (they follow the language). */
    enum Aspect {
        OUTCOME("outcome"), REMEDIES("remedies"), REPAIR_DUE_DATE("repairDueDate"),
        COMMITMENTS("commitments"), COMPENSATION("compensation"), MONEY("money");

        final String field;

        Aspect(String field) {
            this.field = field;
        }
    }

    /**
     * A rule as the two sides name it: the same rule in two folders has different files, and the store packs of the two
     * sides may have different names (a pack and its copy, contract 14.1), so a store pack's rule goes by the new side's pack.
     */
    record RuleName(String pack, String name, String article) implements Comparable<RuleName> {
        static RuleName of(PackRule rule, String storePack, String newStorePack) {
            return new RuleName(rule.pack().equals(storePack) ? newStorePack : rule.pack(), rule.name(), rule.article());
        }

        @Override
        public int compareTo(RuleName other) {
            int byPack = pack.compareTo(other.pack);
            return byPack != 0 ? byPack : name.compareTo(other.name);
        }

        @Override
        public String toString() {
            return pack + " \"" + name + "\"" + (article.isEmpty() ? "" : " (art. " + article + ")");
        }
    }

    /** One claim decided differently; {@code onlyOld}/{@code onlyNew} are empty when firings were not traced. */
    record Change(Claim claim, Decision before, Decision after, Set<Aspect> aspects,
                  Set<RuleName> onlyOld, Set<RuleName> onlyNew) {
    }

    private final ClaimBatches.Decider before;
    private final ClaimBatches.Decider after;
    private final boolean traceRules;

    /** {@code traceRules}: also tell which rules fired on one side only (costs a listener on every session). */
    Comparison(PolicyEngine before, PolicyEngine after, boolean traceRules) {
        this(ClaimBatches.Decider.of(before), ClaimBatches.Decider.of(after), traceRules);
    }

    /** The same for any two deciders: two chains that route each claim by its store (contract 14.2). */
    Comparison(ClaimBatches.Decider before, ClaimBatches.Decider after, boolean traceRules) {
        this.before = before;
        this.after = after;
        this.traceRules = traceRules;
    }

    /** Decides the claims on both sides and hands each change to {@code onChange}, in the claims' order. */
    void compare(Collection<Claim> claims, Consumer<Change> onChange) {
        List<Claim> all = List.copyOf(claims);
        List<Decided> old = decide(before, all);
        List<Decided> fresh = decide(after, all);
        for (int i = 0; i < all.size(); i++) {
            Change change = change(all.get(i), old.get(i), fresh.get(i));
            if (change != null) onChange.accept(change);
        }
    }

    /** What we compare of a decision: the decision and the rules that fired for its claim. */
    private record Decided(Decision decision, Set<PackRule> firedRules) {
    }

    /** @throws io.policyengine.RuleFailureException for the first claim a rule fails or keeps firing for */
    private List<Decided> decide(ClaimBatches.Decider engine, List<Claim> claims) {
        List<Decided> decided = new ArrayList<>(claims.size());
        if (traceRules) {
            for (PolicyEngine.Traced traced : engine.decideTraced(claims)) {
                if (traced.result().isFailure()) throw traced.result().failure();
                decided.add(new Decided(traced.result().decision(), traced.firedRules()));
            }
        } else {
            for (PolicyEngine.Result result : engine.decideEach(claims)) {
                if (result.isFailure()) throw result.failure();
                decided.add(new Decided(result.decision(), Set.of()));
            }
        }
        return decided;
    }

    private static Change change(Claim claim, Decided old, Decided fresh) {
        Set<Aspect> aspects = aspects(old.decision(), fresh.decision());
        if (aspects.isEmpty()) return null;
        String newStorePack = fresh.decision().policy().name();
        Set<RuleName> oldRules = names(old.firedRules(), old.decision().policy().name(), newStorePack);
        Set<RuleName> newRules = names(fresh.firedRules(), newStorePack, newStorePack);
        Set<RuleName> onlyOld = new TreeSet<>(oldRules);
        onlyOld.removeAll(newRules);
        Set<RuleName> onlyNew = new TreeSet<>(newRules);
        onlyNew.removeAll(oldRules);
        return new Change(claim, old.decision(), fresh.decision(), aspects, onlyOld, onlyNew);
    }

    static Set<Aspect> aspects(Decision old, Decision fresh) {
        Set<Aspect> aspects = EnumSet.noneOf(Aspect.class);
        if (old.outcome() != fresh.outcome()) aspects.add(Aspect.OUTCOME);
        if (!old.remedies().equals(fresh.remedies())) aspects.add(Aspect.REMEDIES);
        if (!Objects.equals(old.repairDueDate(), fresh.repairDueDate())) aspects.add(Aspect.REPAIR_DUE_DATE);
        if (!Objects.equals(old.commitments(), fresh.commitments())) aspects.add(Aspect.COMMITMENTS);
        if (!owed(old.compensation()).equals(owed(fresh.compensation()))) aspects.add(Aspect.COMPENSATION);
        if (!money(old.money()).equals(money(fresh.money()))) aspects.add(Aspect.MONEY);
        return aspects;
    }

    /** The money block as values: a refund of 3134.05 is the same as one of 3134.050 (contract 11.2). */
    static String money(Money money) {
        return money.currency() + " " + amount(money.refund()) + " " + amount(money.depreciation()) + " "
                + money.refundDueDate() + " " + money.returnShipping();
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? "null" : amount.stripTrailingZeros().toPlainString();
    }

    /** Compensation as money owed: article, amount and currency, not the sentence. */
    private static List<String> owed(List<Compensation> compensation) {
        List<String> owed = new ArrayList<>(compensation.size());
        for (Compensation c : compensation) owed.add(c.article() + " " + c.amount().stripTrailingZeros().toPlainString() + " " + c.currency());
        return owed;
    }

    private static Set<RuleName> names(Set<PackRule> rules, String storePack, String newStorePack) {
        Set<RuleName> names = new LinkedHashSet<>();
        for (PackRule rule : rules) names.add(RuleName.of(rule, storePack, newStorePack));
        return names;
    }
}
