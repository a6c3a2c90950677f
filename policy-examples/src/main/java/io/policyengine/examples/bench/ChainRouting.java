package io.policyengine.examples.bench;

import io.policyengine.PolicyEngine;
import io.policyengine.StoreEngine;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.model.Claim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What routing by store costs a chain (contract 14.2), apart from the work of its stacks: the same generated claims, each
 * at store {@code S-NNN} ({@code NNN} its position modulo 100, as in docs/perf/stores-100.csv), decided by the same stacks
 * three ways in each round: through the {@link StoreEngine} in batches of interleaved stores (2,048 claims, as
 * {@code decide --stores} hands a chain's claims over, unless a fourth argument says); straight by each stack's engine, its own claims in batches of 512; and every
 * claim by store-standard alone. One thread, its CPU time, so that the other load on a shared machine counts less.
 * Not part of {@code mvn verify}; run it as docs/performance.md says.
 */
public final class ChainRouting {
    private static final long SEED = 20261124L;

    private ChainRouting() {
    }

    /** Arguments: the stores file, how many claims, how many rounds (the first warms the JIT), and the routed batch (2048). */
    public static void main(String[] args) throws Exception {
        StoreEngine chain = PolicyEngine.forStores(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        int batch = args.length > 3 ? Integer.parseInt(args[3]) : 2048;
        List<Claim> claims = new ArrayList<>(count);
        List<Claim> generated = ClaimGenerator.random(SEED, count);
        for (int i = 0; i < count; i++) claims.add(generated.get(i).toBuilder().store(String.format("S-%03d", (i + 1) % 100)).build());
        Map<PolicyEngine, List<Claim>> byStack = new LinkedHashMap<>();
        for (Claim claim : claims) byStack.computeIfAbsent(chain.engineFor(claim), e -> new ArrayList<>()).add(claim);
        PolicyEngine storeStandard = PolicyEngine.storeStandard();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long decided = 0;
        for (int round = 0; round < rounds; round++) {
            long start = cpu.getCurrentThreadCpuTime();
            decided += inBatches(claims, batch, chain::decideEach);
            long routed = cpu.getCurrentThreadCpuTime();
            for (Map.Entry<PolicyEngine, List<Claim>> stack : byStack.entrySet()) decided += inBatches(stack.getValue(), 512, stack.getKey()::decideEach);
            long straight = cpu.getCurrentThreadCpuTime();
            decided += inBatches(claims, 512, storeStandard::decideEach);
            long alone = cpu.getCurrentThreadCpuTime();
            System.out.printf("round %d: routed %.2f us a claim, straight %.2f, store-standard alone %.2f; routed/straight %.3f%n", round,
                    (routed - start) / 1e3 / count, (straight - routed) / 1e3 / count, (alone - straight) / 1e3 / count,
                    (double) (routed - start) / (straight - routed));
        }
        System.out.println(decided + " decisions");
    }

    private static long inBatches(List<Claim> claims, int batch, java.util.function.Function<List<Claim>, List<PolicyEngine.Result>> decide) {
        long decided = 0;
        for (int from = 0; from < claims.size(); from += batch) decided += decide.apply(claims.subList(from, Math.min(claims.size(), from + batch))).size();
        return decided;
    }
}
