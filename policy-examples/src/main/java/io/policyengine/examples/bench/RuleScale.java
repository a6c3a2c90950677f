package io.policyengine.examples.bench;

import io.policyengine.Batches;
import io.policyengine.PolicyEngine;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.model.Claim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cost per claim against the number of rules, on one thread: the bundled packs, then chain packs of 200, 1,000 and
 * 5,000 rules ({@link ChainPack}) over the same generated claims, each at one of the chain's stores. Every round decides
 * the claims with every engine in turn (batches of 512, {@code decideAll}, the CPU time of this thread), so that a busy or
 * quiet minute of a shared machine falls on each alike; the table gives the median of the rounds after the first.
 * Not part of {@code mvn verify}; run it as docs/performance.md says.
 *
 * <pre>arguments: [claims (20000)] [rounds (7)] [sizes (200,1000,5000; - for none)] [bundled packs (store-standard,electronics-plus,cn-consumer-law)]
 *            [styles of the chain packs (category; nested, constants: ChainPack.Style)]</pre>
 */
public final class RuleScale {
    private static final long SEED = 20261124L;

    private RuleScale() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        String sizeList = args.length > 2 ? args[2] : "200,1000,5000";
        int[] sizes = sizeList.equals("-") ? new int[0] : Arrays.stream(sizeList.split(",")).mapToInt(Integer::parseInt).toArray();
        String[] bundled = (args.length > 3 ? args[3] : "store-standard,electronics-plus,cn-consumer-law").split(",");

        List<ChainPack.Style> styles = Arrays.stream((args.length > 4 ? args[4] : "category").split(","))
                .map(style -> ChainPack.Style.valueOf(style.toUpperCase(java.util.Locale.ROOT))).toList();
        List<Claim> generated = ClaimGenerator.random(SEED, count);
        Map<String, Arm> arms = new LinkedHashMap<>();
        for (String name : bundled) {
            PolicyEngine engine = PolicyEngine.bundled(name);
            arms.put(name, new Arm(engine, ChainPack.of(Arrays.stream(sizes).max().orElse(5000)).claims(generated, SEED)));
        }
        Path folder = Files.createTempDirectory("rule-scale");
        for (int size : sizes) for (ChainPack.Style style : styles) {
            ChainPack pack = ChainPack.of(size).in(style);
            long start = System.nanoTime();
            PolicyEngine engine = PolicyEngine.load(pack.write(folder.resolve(pack.name())));
            System.out.printf("%s: %d rules, compiled in %.1f s%n", pack.name(), engine.rules().size(), (System.nanoTime() - start) / 1e9);
            arms.put(pack.name(), new Arm(engine, pack.claims(generated, SEED)));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Map.Entry<String, Arm> arm : arms.entrySet()) {
                long start = cpu.getCurrentThreadCpuTime();
                arm.getValue().decide();
                double micros = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / count;
                if (round > 0) arm.getValue().micros.add(micros);
                line.append(String.format(" %s %.2f", arm.getKey(), micros));
            }
            System.out.println(line + String.format("  (load %.1f)", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        double base = arms.get(bundled[0]).median();
        System.out.println();
        System.out.println("| pack | rules | µs per claim (median) | claims/s | ratio to " + bundled[0] + " |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, Arm> arm : arms.entrySet()) {
            double median = arm.getValue().median();
            System.out.printf("| %s | %,d | %.2f | %,.0f | %.2f |%n", arm.getKey(), arm.getValue().engine.rules().size(), median,
                    1e6 / median, median / base);
        }
    }

    /** One engine, its claims and the µs a claim it took in each round. */
    private static final class Arm {
        final PolicyEngine engine;
        final List<Claim> claims;
        final List<Double> micros = new ArrayList<>();

        Arm(PolicyEngine engine, List<Claim> claims) {
            this.engine = engine;
            this.claims = claims;
        }

        void decide() {
            for (int from = 0; from < claims.size(); from += Batches.SIZE) {
                if (engine.decideAll(claims.subList(from, Math.min(claims.size(), from + Batches.SIZE))).isEmpty()) throw new IllegalStateException();
            }
        }

        double median() {
            double[] sorted = micros.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
        }
    }
}
