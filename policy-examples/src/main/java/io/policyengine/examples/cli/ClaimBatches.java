package io.policyengine.examples.cli;

import io.policyengine.PolicyEngine;
import io.policyengine.RuleFailureException;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;

import io.policyengine.json.DecisionJson;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads claims from the inputs and decides them in batches, handing back every item, good or bad,
 * in input order. Reading and parsing run on a thread of their own, a few batches ahead of deciding
 * and writing, so the two halves of the work share the cores; only those few batches are held in
 * memory, so any input size streams through.
 */
public final class ClaimBatches {
    private static final int BATCH = 1024;
    /** Batches read ahead of the one being decided. */
    private static final int AHEAD = 4;
    /** The reader's last word; compared by identity, so it is a list no batch can be. */
    private static final List<ClaimSource.Item> END = java.util.Collections.unmodifiableList(new ArrayList<>());

    public interface Sink {
        /** {@code decision} is null when the item is bad input. */
        void accept(ClaimSource.Item item, Decision decision);
    }

    private ClaimBatches() {
    }

    /** Returns true when every item was a claim and got decided (a rule that failed for a claim makes it false). */
    public static boolean decide(PolicyEngine engine, List<String> inputs, InputStream stdin, Sink sink) {
        return inBatches(inputs, stdin, item -> decidable(engine, item), batch -> flush(engine, batch, sink));
    }

    /**
     * Reads the inputs on a thread of its own and hands over their items in batches, in input order;
     * {@code check} turns a claim that cannot be decided into its error; {@code onBatch} says false when
     * the rules failed for a claim of the batch. Returns true when every item was a claim that passed
     * the check and the rules never failed.
     */
    static boolean inBatches(List<String> inputs, InputStream stdin, UnaryOperator<ClaimSource.Item> check,
                             Predicate<List<ClaimSource.Item>> onBatch) {
        BlockingQueue<List<ClaimSource.Item>> batches = new ArrayBlockingQueue<>(AHEAD);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean allGood = new AtomicBoolean();
        AtomicBoolean deciderGone = new AtomicBoolean();
        AtomicBoolean rulesFailed = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            List<ClaimSource.Item> pending = new ArrayList<>(BATCH);
            try {
                allGood.set(read(inputs, stdin, check, item -> {
                    pending.add(item);
                    if (pending.size() == BATCH) {
                        handOver(batches, List.copyOf(pending), deciderGone);
                        pending.clear();
                    }
                }));
                if (!pending.isEmpty()) handOver(batches, List.copyOf(pending), deciderGone);
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                handOver(batches, END, deciderGone);
            }
        }, "policy-claim-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            for (List<ClaimSource.Item> batch = take(batches); batch != END; batch = take(batches)) {
                if (!onBatch.test(batch)) rulesFailed.set(true);
            }
        } finally {
            deciderGone.set(true);
        }
        if (failure.get() != null) throw failure.get();
        return allGood.get() && !rulesFailed.get();
    }

    /** Queues a batch for the decider; gives up (throwing, unless it is the end) once the decider has stopped. */
    private static void handOver(BlockingQueue<List<ClaimSource.Item>> batches, List<ClaimSource.Item> batch,
                                 AtomicBoolean deciderGone) {
        try {
            while (!batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (deciderGone.get()) {
                    if (batch == END) return;
                    throw new IllegalStateException("deciding stopped before every claim was read");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<ClaimSource.Item> take(BlockingQueue<List<ClaimSource.Item>> batches) {
        try {
            return batches.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("deciding claims was interrupted", e);
        }
    }

    /** Hands over every item of the inputs in order, a claim the engine cannot decide turned into its error; true when all were claims. */
    static boolean read(PolicyEngine engine, List<String> inputs, InputStream stdin, Consumer<ClaimSource.Item> onItem) {
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
    static void reportBadInput(ClaimSource.Item item, PrintWriter out, PrintWriter err) {
        out.println(DecisionJson.errorLine(item.line(), item.claimId(), item.error()));
        reportOnStderr(item, err);
    }

    /** The one line on stderr of a bad claim: {@code FILE:LINE: error}. */
    static void reportOnStderr(ClaimSource.Item item, PrintWriter err) {
        err.println(Printable.oneLine(item.source() + ":" + item.line() + ": " + item.error()));
    }

    /** The item, or its error when the engine cannot decide its claim (no version in force on its purchase date). */
    static ClaimSource.Item decidable(PolicyEngine engine, ClaimSource.Item item) {
        if (item.claim() == null) return item;
        try {
            engine.check(item.claim());
            return item;
        } catch (BadInputException e) {
            return new ClaimSource.Item(item.source(), item.line(), null, item.claim().id(), e.getMessage());
        }
    }

    /** Decides a batch; a claim a rule failed for becomes an error item, as bad input does. Returns false when one did. */
    private static boolean flush(PolicyEngine engine, List<ClaimSource.Item> pending, Sink sink) {
        List<Claim> claims = new ArrayList<>(pending.size());
        for (ClaimSource.Item item : pending) {
            if (item.claim() != null) claims.add(item.claim());
        }
        List<PolicyEngine.Result> results = engine.decideEach(claims);
        int next = 0;
        boolean allDecided = true;
        for (ClaimSource.Item item : pending) {
            if (item.claim() == null) {
                sink.accept(item, null);
                continue;
            }
            PolicyEngine.Result result = results.get(next++);
            if (result.isFailure()) {
                allDecided = false;
                sink.accept(failed(item, result.failure()), null);
            } else {
                sink.accept(item, result.decision());
            }
        }
        return allDecided;
    }

    /** The item of a claim the rules failed for, as an error naming the claim, the rule and its FILE:LINE. */
    static ClaimSource.Item failed(ClaimSource.Item item, RuleFailureException failure) {
        return new ClaimSource.Item(item.source(), item.line(), null, item.claimId(), failure.getMessage());
    }
}
