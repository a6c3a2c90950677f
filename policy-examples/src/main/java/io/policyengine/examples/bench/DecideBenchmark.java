package io.policyengine.examples.bench;

import io.policyengine.Batches;
import io.policyengine.PolicyEngine;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.examples.reference.StoreStandardInJava;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's {@code decide} and {@code decideAll} against the plain-Java reference, on the same
 * generated claims. Not part of {@code mvn verify}; run it as docs/performance.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecideBenchmark {
    private static final int BATCH = 10_000;

    private PolicyEngine engine;
    private List<Claim> claims;
    private int next;

    @Setup
    public void setUp() {
        engine = PolicyEngine.storeStandard();
        claims = ClaimGenerator.random(20261124L, BATCH);
    }

    /** One claim at a time, as a POS decides while the customer waits. */
    @Benchmark
    public Decision decide() {
        next = next + 1 == BATCH ? 0 : next + 1;
        return engine.decide(claims.get(next));
    }

    /** A batch, as a backend re-decides a day's claims, on every core; the score is claims per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public List<Decision> decideAll() {
        return engine.decideAll(claims);
    }

    /** The same batch on one thread: calls of no more than PolicyEngine's batch size stay on the caller. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void decideAllOneThread(Blackhole sink) {
        for (int from = 0; from < BATCH; from += Batches.SIZE) {
            sink.consume(engine.decideAll(claims.subList(from, Math.min(BATCH, from + Batches.SIZE))));
        }
    }

    /** The plain-Java reference over the same batch: the practical limit. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainJava(Blackhole sink) {
        for (Claim claim : claims) sink.consume(StoreStandardInJava.decide(claim));
    }
}
