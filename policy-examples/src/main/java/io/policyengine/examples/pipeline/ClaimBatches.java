package io.policyengine.examples.pipeline;

import io.policyengine.Batches;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleFailureException;
import io.policyengine.StoreEngine;
import io.policyengine.Wording;
import io.policyengine.model.PackRule;
import java.util.Locale;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.json.DecisionJson;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/**
 * Reads claims from the inputs and decides them in batches, handing back every item, good or bad, in
 * input order: the pipeline both programs run (decide, due, diff, the service's batch endpoints). One thread
 * splits the inputs into items (a JSON Lines line is not parsed there); each batch is then parsed, decided
 * and, if the caller wants, written on a worker thread, several batches at once on every core, and what each
 * batch came to is handed back in input order on the caller's thread ({@link Batches}, the library's one way
 * of batching). Only the batches in flight are held in memory, so any input size streams through.
 */
public final class ClaimBatches {
    /**
     * A chain's batch is split among its stacks, each deciding its share in a rule session of its own: batches of a
     * chain are larger, up to this many times, so that a stack's session still gets claims enough to share its cost.
     */
    private static final int MOST_STACKS_PER_BATCH = 4;

    /** What batches are decided with: one stack, or a chain's engine that routes each claim by its store (contract 14.2). */
    public interface Decider {
        /** Throws the bad input when the claim cannot be decided (no version in force, a store with no row). */
        void check(Claim claim);

        /** Each claim's result, in the claims' order; see {@link PolicyEngine#decideEach}. */
        List<PolicyEngine.Result> decideEach(List<Claim> claims);

        /** Each claim's result with the rules that fired for it; see {@link PolicyEngine#decideTraced}. */
        List<PolicyEngine.Traced> decideTraced(List<Claim> claims);

        /** Every rule that can decide, each once. */
        List<PackRule> rules();

        /** How many stacks a batch's claims are split among: one, or a chain's stacks. */
        default int stacks() {
            return 1;
        }

        /** The words of the decisions in {@code locale}; see {@link PolicyEngine#wording}. */
        Wording wording(Locale locale);

        /** How the claim is decided, rule by rule; see {@link PolicyEngine#explain}. */
        Explanation explain(Claim claim);

        static Decider of(PolicyEngine engine) {
            return new MethodsOf(engine::check, engine::decideEach, engine::decideTraced, engine::rules, () -> 1,
                    engine::wording, engine::explain);
        }

        static Decider of(StoreEngine chain) {
            return new MethodsOf(chain::check, chain::decideEach, chain::decideTraced, chain::rules, () -> chain.stacks().size(),
                    chain::wording, chain::explain);
        }
    }

    /** A decider of these methods: an engine and a chain have the same ones, but no common type to call them by. */
    private static final class MethodsOf implements Decider {
        private final Consumer<Claim> check;
        private final Function<List<Claim>, List<PolicyEngine.Result>> decideEach;
        private final Function<List<Claim>, List<PolicyEngine.Traced>> decideTraced;
        private final Supplier<List<PackRule>> rules;
        private final IntSupplier stacks;
        private final Function<Locale, Wording> wording;
        private final Function<Claim, Explanation> explain;

        MethodsOf(Consumer<Claim> check, Function<List<Claim>, List<PolicyEngine.Result>> decideEach,
                  Function<List<Claim>, List<PolicyEngine.Traced>> decideTraced, Supplier<List<PackRule>> rules,
                  IntSupplier stacks, Function<Locale, Wording> wording, Function<Claim, Explanation> explain) {
            this.check = check;
            this.decideEach = decideEach;
            this.decideTraced = decideTraced;
            this.rules = rules;
            this.stacks = stacks;
            this.wording = wording;
            this.explain = explain;
        }

        @Override
        public void check(Claim claim) {
            check.accept(claim);
        }

        @Override
        public List<PolicyEngine.Result> decideEach(List<Claim> claims) {
            return decideEach.apply(claims);
        }

        @Override
        public List<PolicyEngine.Traced> decideTraced(List<Claim> claims) {
            return decideTraced.apply(claims);
        }

        @Override
        public List<PackRule> rules() {
            return rules.get();
        }

        @Override
        public int stacks() {
            return stacks.getAsInt();
        }

        @Override
        public Wording wording(Locale locale) {
            return wording.apply(locale);
        }

        @Override
        public Explanation explain(Claim claim) {
            return explain.apply(claim);
        }
    }

    public interface Sink {
        /** {@code decision} is null when the item is bad input. */
        void accept(ClaimSource.Item item, Decision decision);

        /** A claim a rule failed for, kept from being decided: by default its error line, as for bad input. */
        default void ruleFailed(ClaimSource.Item item, RuleFailureException failure) {
            accept(failed(item, failure), null);
        }
    }

    /**
     * A batch's items in input order, and for each one that is a claim its result; the result is null for an
     * item that is bad input.
     */
    public record Decided(List<ClaimSource.Item> items, List<PolicyEngine.Result> results) {
        /** The decision of the item at {@code i}; null when it is bad input or a rule failed for its claim. */
        public Decision decision(int i) {
            PolicyEngine.Result result = results.get(i);
            return result == null || result.isFailure() ? null : result.decision();
        }

        /** Whether a rule failed for the claim at {@code i}. */
        public boolean ruleFailed(int i) {
            return results.get(i) != null && results.get(i).isFailure();
        }

        /** The item at {@code i} as the error said in its place: its bad input, or the rule that failed for its claim. */
        public ClaimSource.Item error(int i) {
            return ruleFailed(i) ? failed(items.get(i), results.get(i).failure()) : items.get(i);
        }

        /** Whether no rule failed for a claim of the batch. */
        public boolean allDecided() {
            for (int i = 0; i < items.size(); i++) {
                if (ruleFailed(i)) return false;
            }
            return true;
        }

        /** Hands every item to the sink in order; false when a rule failed for one of the claims. */
        public boolean deliverTo(Sink sink) {
            for (int i = 0; i < items.size(); i++) {
                if (ruleFailed(i)) sink.ruleFailed(items.get(i), results.get(i).failure());
                else sink.accept(items.get(i), decision(i));
            }
            return allDecided();
        }
    }

    private ClaimBatches() {
    }

    /** Returns true when every item was a claim and got decided (a rule that failed for a claim makes it false). */
    public static boolean decide(PolicyEngine engine, List<String> inputs, InputStream stdin, Sink sink) {
        return decide(Decider.of(engine), inputs, stdin, UnaryOperator.identity(), sink);
    }

    /** As {@link #decide(PolicyEngine, List, InputStream, Sink)}, by any decider (a chain's). */
    public static boolean decide(Decider engine, List<String> inputs, InputStream stdin, Sink sink) {
        return decide(engine, inputs, stdin, UnaryOperator.identity(), sink);
    }

    /**
     * The same, each claim first changed by {@code prepare} (such as {@code due --as-of}); a claim it refuses
     * with a {@link BadInputException} becomes that error, as bad input does.
     */
    public static boolean decide(Decider engine, List<String> inputs, InputStream stdin, UnaryOperator<Claim> prepare, Sink sink) {
        return decide(engine, inputs, stdin, prepare, decided -> decided, decided -> decided.deliverTo(sink));
    }

    /**
     * Decides the claims, then turns each batch into what {@code onWorker} makes of it (such as its output
     * lines), on the worker thread that decided it; {@code inOrder} gets those in input order on this thread
     * and says false when a rule failed for a claim of the batch. Returns true when every item was a claim
     * that got decided.
     */
    public static <R> boolean decide(Decider engine, List<String> inputs, InputStream stdin, UnaryOperator<Claim> prepare,
                                     Function<Decided, R> onWorker, Predicate<R> inOrder) {
        return inBatches(inputs, stdin, batchOf(engine), item -> decidable(engine, prepared(item, prepare)),
                items -> onWorker.apply(decided(engine, items)), inOrder);
    }

    /** Claims per batch for {@code engine}: {@link Batches#SIZE}, times its stacks up to {@value #MOST_STACKS_PER_BATCH}. */
    public static int batchOf(Decider engine) {
        return Batches.SIZE * Math.max(1, Math.min(MOST_STACKS_PER_BATCH, engine.stacks()));
    }

    private static ClaimSource.Item prepared(ClaimSource.Item item, UnaryOperator<Claim> prepare) {
        if (item.claim() == null) return item;
        try {
            Claim prepared = prepare.apply(item.claim());
            return prepared == item.claim() ? item
                    : new ClaimSource.Item(item.source(), item.line(), prepared, item.claimId(), null);
        } catch (BadInputException e) {
            return new ClaimSource.Item(item.source(), item.line(), null, item.claim().id(), e.getMessage());
        }
    }

    /** What a worker made of a batch, and whether every item of it was a claim that passed the check. */
    private record Done<R>(R result, boolean allClaims) {
    }

    /**
     * Splits the inputs into batches of {@code size} claims (see {@link #batchOf}) on a thread of its own; on the workers, reads
     * each item of a batch, turns a claim that cannot be decided into its error with {@code check}, and hands
     * the batch to {@code onWorker}; {@code inOrder} gets what that made, batch by batch in input order, on
     * this thread, and says false when the rules failed for a claim of the batch. Returns true when every
     * item was a claim that passed the check and the rules never failed.
     */
    public static <R> boolean inBatches(List<String> inputs, InputStream stdin, int size, UnaryOperator<ClaimSource.Item> check,
                                        Function<List<ClaimSource.Item>, R> onWorker, Predicate<R> inOrder) {
        boolean[] allClaims = {true};
        boolean rulesHeld = Batches.inOrder(size, each -> {
            for (String input : inputs) {
                try (ClaimSource source = ClaimSource.open(input, stdin)) {
                    source.unread().forEachRemaining(each);
                }
            }
        }, (List<ClaimSource.Unread> batch) -> readBatch(batch, check, onWorker), (Done<R> done) -> {
            allClaims[0] &= done.allClaims();
            return inOrder.test(done.result());
        });
        return allClaims[0] && rulesHeld;
    }

    /** On a worker: the batch's items read and checked, and what {@code onWorker} makes of them. */
    private static <R> Done<R> readBatch(List<ClaimSource.Unread> batch, UnaryOperator<ClaimSource.Item> check,
                                    Function<List<ClaimSource.Item>, R> onWorker) {
        List<ClaimSource.Item> items = new ArrayList<>(batch.size());
        boolean allClaims = true;
        int bad = 0;
        for (ClaimSource.Unread unread : batch) {
            ClaimSource.Item item = check.apply(unread.read());
            allClaims &= item.claim() != null;
            if (item.claim() == null) bad++;
            items.add(item);
        }
        Progress.count(items.size(), bad);
        return new Done<>(onWorker.apply(items), allClaims);
    }

    /** Hands over every item of the inputs in order, a claim the engine cannot decide turned into its error; true when all were claims. */
    public static boolean read(Decider engine, List<String> inputs, InputStream stdin, Consumer<ClaimSource.Item> onItem) {
        return read(inputs, stdin, item -> decidable(engine, item), onItem);
    }

    private static boolean read(List<String> inputs, InputStream stdin, UnaryOperator<ClaimSource.Item> check,
                                Consumer<ClaimSource.Item> onItem) {
        boolean allGood = true;
        for (String input : inputs) {
            try (ClaimSource source = ClaimSource.open(input, stdin)) {
                for (ClaimSource.Item read : source) {
                    ClaimSource.Item item = check.apply(read);
                    allGood &= item.claim() != null;
                    onItem.accept(item);
                }
            }
        }
        return allGood;
    }

    /** Contract section 4: a bad claim's error object in its place on stdout, and one line on stderr. */
    public static void reportBadInput(ClaimSource.Item item, PrintWriter out, PrintWriter err) {
        out.println(DecisionJson.errorLine(item.line(), item.claimId(), item.error()));
        reportOnStderr(item, err);
    }

    /** The one line on stderr of a bad claim: {@code FILE:LINE: error}. */
    public static void reportOnStderr(ClaimSource.Item item, PrintWriter err) {
        Progress.println(err, Printable.oneLine(item.source() + ":" + item.line() + ": " + item.error()));
    }

    /** The item, or its error when the engine cannot decide its claim (no version in force on its purchase date). */
    public static ClaimSource.Item decidable(Decider engine, ClaimSource.Item item) {
        if (item.claim() == null) return item;
        try {
            engine.check(item.claim());
            return item;
        } catch (BadInputException e) {
            return new ClaimSource.Item(item.source(), item.line(), null, item.claim().id(), e.getMessage());
        }
    }

    /** Decides the claims of a batch, on the calling thread. */
    private static Decided decided(Decider engine, List<ClaimSource.Item> items) {
        List<Claim> claims = new ArrayList<>(items.size());
        for (ClaimSource.Item item : items) {
            if (item.claim() != null) claims.add(item.claim());
        }
        List<PolicyEngine.Result> decided = claims.isEmpty() ? List.of() : engine.decideEach(claims);
        List<PolicyEngine.Result> results = new ArrayList<>(items.size());
        int next = 0;
        int failed = 0;
        for (ClaimSource.Item item : items) {
            PolicyEngine.Result result = item.claim() == null ? null : decided.get(next++);
            if (result != null && result.isFailure()) failed++;
            results.add(result);
        }
        // the claims were counted when read; a rule that failed for one makes it an error too
        if (failed != 0) Progress.count(0, failed);
        return new Decided(items, results);
    }

    /** The item of a claim the rules failed for, as an error naming the claim, the rule and its FILE:LINE. */
    public static ClaimSource.Item failed(ClaimSource.Item item, RuleFailureException failure) {
        return new ClaimSource.Item(item.source(), item.line(), null, item.claimId(), failure.getMessage());
    }
}
