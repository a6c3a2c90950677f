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
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads claims from the inputs and decides them in batches, handing back every item, good or bad,
 * in input order. Reading and parsing run on a thread of their own, a few batches ahead of deciding;
 * in {@link #decide} deciding runs on another, a few batches ahead of the caller's thread, which
 * writes; so the stages share the cores. Only those few batches are held in memory, so any input
 * size streams through.
 */
public final class ClaimBatches {
    private static final int BATCH = 1024;
    /** Batches read ahead of the one being decided. */
    private static final int AHEAD = 4;
    /** A stage's last word to the next; compared by identity. */
    private static final Object END = new Object();

    /** An item as the sink gets it: {@code decision} is null when the item is bad input or the rules failed for it. */
    private record Decided(ClaimSource.Item item, Decision decision) {
    }

    public interface Sink {
        /** {@code decision} is null when the item is bad input. */
        void accept(ClaimSource.Item item, Decision decision);
    }

    private ClaimBatches() {
    }

    /**
     * Returns true when every item was a claim and got decided (a rule that failed for a claim makes it
     * false). The sink is called on the caller's thread, so what it throws (a client gone) ends the run here.
     */
    public static boolean decide(PolicyEngine engine, List<String> inputs, InputStream stdin, Sink sink) {
        return inStages(inputs, stdin, item -> decidable(engine, item), batch -> {
            List<Decided> decided = new ArrayList<>(batch.size());
            boolean allDecided = flush(engine, batch, (item, decision) -> decided.add(new Decided(item, decision)));
            return new DecidedBatch(decided, allDecided);
        }, batch -> {
            for (Decided item : batch.items()) sink.accept(item.item(), item.decision());
            return batch.allDecided();
        });
    }

    private record DecidedBatch(List<Decided> items, boolean allDecided) {
    }

    /**
     * Three stages, each on its own thread, a few batches ahead of the next: reading (see
     * {@link #inBatches}), {@code decide} on each batch, and {@code report} on what it made of it, in
     * input order, on the caller's thread, so that what the report throws ends the run here.
     * {@code report} says false when the rules failed for a claim of the batch. Returns true when every
     * item was a claim that passed the check and the rules never failed.
     */
    static <R> boolean inStages(List<String> inputs, InputStream stdin, UnaryOperator<ClaimSource.Item> check,
                                Function<List<ClaimSource.Item>, R> decide, Predicate<R> report) {
        return ahead("policy-claim-decider", decided -> inBatches(inputs, stdin, check, batch -> {
            decided.accept(decide.apply(batch));
            return true;
        }), report);
    }

    /**
     * Reads the inputs on a thread of its own and hands over their items in batches, in input order;
     * {@code check} turns a claim that cannot be decided into its error; {@code onBatch} says false when
     * the rules failed for a claim of the batch. Returns true when every item was a claim that passed
     * the check and the rules never failed.
     */
    private static boolean inBatches(List<String> inputs, InputStream stdin, UnaryOperator<ClaimSource.Item> check,
                                     Predicate<List<ClaimSource.Item>> onBatch) {
        return ahead("policy-claim-reader", batches -> {
            List<ClaimSource.Item> pending = new ArrayList<>(BATCH);
            boolean allGood = read(inputs, stdin, check, item -> {
                pending.add(item);
                if (pending.size() == BATCH) {
                    batches.accept(List.copyOf(pending));
                    pending.clear();
                }
            });
            if (!pending.isEmpty()) batches.accept(List.copyOf(pending));
            return allGood;
        }, onBatch);
    }

    /**
     * Runs {@code produce} on a thread of its own, a few values ahead of {@code consume}, which gets
     * them in order on the caller's thread. A failure of either ends both: what {@code consume} throws
     * stops the producer at its next value and is thrown here; what {@code produce} throws is thrown
     * here once the values before it are consumed. Returns true when {@code produce} did and
     * {@code consume} never said false.
     */
    private static <T> boolean ahead(String thread, Predicate<Consumer<T>> produce, Predicate<T> consume) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean produced = new AtomicBoolean();
        AtomicBoolean consumerGone = new AtomicBoolean();
        Thread producer = new Thread(() -> {
            try {
                produced.set(produce.test(value -> handOver(queue, value, consumerGone)));
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                handOver(queue, END, consumerGone);
            }
        }, thread);
        producer.setDaemon(true);
        producer.start();
        boolean allConsumed = true;
        try {
            for (Object value = take(queue); value != END; value = take(queue)) {
                @SuppressWarnings("unchecked") T next = (T) value;
                if (!consume.test(next)) allConsumed = false;
            }
        } finally {
            consumerGone.set(true);
        }
        if (failure.get() != null) throw failure.get();
        return produced.get() && allConsumed;
    }

    /** Queues a value for the next stage; gives up (throwing, unless it is the end) once that stage has stopped. */
    private static void handOver(BlockingQueue<Object> queue, Object value, AtomicBoolean consumerGone) {
        try {
            while (!queue.offer(value, 100, TimeUnit.MILLISECONDS)) {
                if (consumerGone.get()) {
                    if (value == END) return;
                    throw new IllegalStateException("the next stage stopped before every batch was handed over");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
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
