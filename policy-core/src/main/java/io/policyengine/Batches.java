package io.policyengine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one way many claims are decided on every core: cut into batches of {@link #SIZE}, each batch worked on
 * a thread of a pool with one thread per core, what each batch came to handed back in input order on the
 * caller's thread. {@link PolicyEngine#decideEach} decides a list this way; the programs stream their inputs
 * through it, read on a thread of its own, holding only the batches in flight.
 */
public final class Batches {
    /**
     * Claims per batch: one rule session decides a batch, so a session's cost is shared by this many claims
     * without its memory growing; a batch stays on the worker it started on.
     */
    public static final int SIZE = 512;
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();
    /** Batches handed out ahead of the one being handed back: enough to keep every worker busy, few enough to bound memory. */
    private static final int IN_FLIGHT = 2 * WORKERS + 2;
    private static final ThreadGroup GROUP = new ThreadGroup("policy-batch");
    private static final ExecutorService POOL = Executors.newFixedThreadPool(WORKERS, new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(GROUP, work, "policy-batch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    /** What yields the items, one by one, on the reader's thread; it may open and close files as it goes. */
    @FunctionalInterface
    public interface Source<T> {
        void forEach(Consumer<? super T> each) throws Exception;
    }

    private Batches() {
    }

    /**
     * Each batch of {@code items} turned by {@code onWorker}, the results in order. A list of one batch, or
     * a call from a worker of the pool (which must not wait for its own pool), is worked on this thread.
     */
    public static <T, R> List<R> inOrder(List<T> items, Function<List<T>, R> onWorker) {
        List<R> results = new ArrayList<>((items.size() + SIZE - 1) / SIZE);
        if (items.size() <= SIZE || onWorker()) {
            for (int from = 0; from < items.size(); from += SIZE) {
                results.add(onWorker.apply(items.subList(from, Math.min(items.size(), from + SIZE))));
            }
            return results;
        }
        Source<T> source = each -> items.forEach(each::accept);
        inOrder(source, onWorker, results::add);
        return results;
    }

    /** Whether this thread is a worker of the pool, which must not wait for its own pool: its work is done on it. */
    public static boolean onWorker() {
        return Thread.currentThread().getThreadGroup() == GROUP;
    }

    /**
     * Reads {@code source} on a thread of its own into batches; on the workers, turns each batch into what
     * {@code onWorker} makes of it; {@code inOrder} gets those, batch by batch in input order, on this
     * thread. Returns true when {@code inOrder} said true for every batch. What a worker throws is thrown
     * here, the first batch's first, as if the work had been done on this thread.
     */
    public static <T, R> boolean inOrder(Source<T> source, Function<List<T>, R> onWorker, Predicate<R> inOrder) {
        return inOrder(SIZE, source, onWorker, inOrder);
    }

    /**
     * The same in batches of {@code size}: a multiple of {@link #SIZE} for a caller that splits each batch again
     * (a chain, among its stacks), so that every part still shares a rule session among claims enough.
     */
    public static <T, R> boolean inOrder(int size, Source<T> source, Function<List<T>, R> onWorker, Predicate<R> inOrder) {
        BlockingQueue<Future<R>> inFlight = new ArrayBlockingQueue<>(IN_FLIGHT);
        Future<R> end = CompletableFuture.completedFuture(null);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean consumerGone = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            List<T> pending = new ArrayList<>(size);
            try {
                source.forEach(item -> {
                    pending.add(item);
                    if (pending.size() == size) {
                        handOver(inFlight, submit(List.copyOf(pending), onWorker), consumerGone, end);
                        pending.clear();
                    }
                });
                if (!pending.isEmpty()) handOver(inFlight, submit(List.copyOf(pending), onWorker), consumerGone, end);
            } catch (Throwable e) {
                // an Error too (the memory): the consumer must learn that the items were not all read
                failure.set(e);
            } finally {
                handOver(inFlight, end, consumerGone, end);
            }
        }, "policy-claim-reader");
        reader.setDaemon(true);
        reader.start();
        boolean allTrue = true;
        try {
            for (Future<R> next = take(inFlight); next != end; next = take(inFlight)) {
                if (!inOrder.test(result(next))) allTrue = false;
            }
        } finally {
            consumerGone.set(true);
            for (Future<R> left; (left = inFlight.poll()) != null; ) left.cancel(false);
        }
        Throwable readFailure = failure.get();
        if (readFailure instanceof RuntimeException e) throw e;
        if (readFailure != null) {
            throw new IllegalStateException("reading the claims failed: "
                    + (readFailure instanceof OutOfMemoryError ? "out of memory" : readFailure.toString()), readFailure);
        }
        return allTrue;
    }

    private static <T, R> Future<R> submit(List<T> batch, Function<List<T>, R> onWorker) {
        return POOL.submit(() -> onWorker.apply(batch));
    }

    /** What the worker made of a batch; what it threw is thrown here, as if the work had been done on this thread. */
    private static <R> R result(Future<R> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("deciding claims was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException problem) throw problem;
            if (e.getCause() instanceof Error problem) throw problem;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Queues a batch for the consumer; gives up (throwing, unless it is the end) once the consumer has stopped. */
    private static <T> void handOver(BlockingQueue<T> queue, T batch, AtomicBoolean consumerGone, T end) {
        try {
            while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                if (consumerGone.get()) {
                    if (batch == end) return;
                    throw new IllegalStateException("deciding stopped before every claim was read");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("deciding claims was interrupted", e);
        }
    }
}
