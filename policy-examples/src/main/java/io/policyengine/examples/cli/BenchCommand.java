package io.policyengine.examples.cli;

import io.policyengine.Batches;
import io.policyengine.examples.command.OptionValues;
import io.policyengine.examples.command.ExitCodes;
import io.policyengine.PolicyEngine;
import io.policyengine.json.ClaimJson;
import io.policyengine.Wording;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.examples.reference.StoreStandardInJava;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./policy bench}: the store-standard engine against its plain-Java reference on the same
 * generated claims, in one run: embedded throughput (one thread and T), single-decision latency,
 * the command line end to end in its own JVM, and JVM start to first decision. Exits 1 if the
 * engine and the reference disagree on any claim, so a fast wrong answer cannot pass.
 */
@Command(name = "bench", description = "Measures the engine against a plain-Java baseline on generated claims.")
final class BenchCommand implements Callable<Integer> {
    private static final long SEED = 20261124L;
    private static final int LATENCY_SAMPLES = 50_000;
    private static final int ROUNDS = 3;

    @Spec
    CommandSpec spec;
    int count;
    Integer threads;

    @Option(names = "--claims", paramLabel = "N", description = "Claims to generate, 1 or more (default: ${DEFAULT-VALUE}).", defaultValue = "1000000")
    void count(int n) {
        count = OptionValues.atLeast(spec, "--claims", n, 1);
    }

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the parallel run, 1 or more (default: the machine's cores).")
    void threads(int n) {
        threads = OptionValues.atLeast(spec, "--threads", n, 1);
    }
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules to measure (default: the bundled store-standard pack).")
    Path rulesDir;
    @Option(names = "--cli-heap", paramLabel = "SIZE", description = "Heap of the command-line JVM (default: ${DEFAULT-VALUE}).", defaultValue = "256m")
    String cliHeap;
    @Option(names = "--write-claims", paramLabel = "FILE",
            description = "Write the generated claims to FILE as JSON Lines and stop, to time other commands over the same claims (decide, diff, serve's batches).")
    Path claimsFile;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        PolicyEngine engine = rulesDir == null ? PolicyEngine.storeStandard() : PolicyEngine.load(rulesDir);
        List<Claim> claims = ClaimGenerator.random(SEED, count);
        if (claimsFile != null) {
            writeJsonLines(claims, claimsFile);
            out.printf("policy bench: %,d generated claims (seed %d) written to %s%n", count, SEED, claimsFile);
            return ExitCodes.OK;
        }
        out.printf("policy bench: %,d generated claims (seed %d), %s %s, %d cores, Java %s, heap %d MiB%n",
                count, SEED, engine.policy().name(), engine.policy().version(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        out.flush();

        warmUp(engine, claims);
        List<Decision> drl = null;
        double[] drlRates = new double[ROUNDS];
        double[] javaRates = new double[ROUNDS];
        double[] parallelRates = new double[ROUNDS];
        double[] allCoreRates = new double[ROUNDS];
        List<Decision> plain = null;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            drl = decideOnOneThread(engine, claims);
            drlRates[round] = rate(count, start);
            start = System.nanoTime();
            plain = decidePlain(claims);
            javaRates[round] = rate(count, start);
            start = System.nanoTime();
            decideInParallel(engine, claims, threadCount);
            parallelRates[round] = rate(count, start);
            start = System.nanoTime();
            engine.decideAll(claims);
            allCoreRates[round] = rate(count, start);
        }
        int disagreements = compare(claims, drl, plain);
        double drlRate = median(drlRates);
        double javaRate = median(javaRates);
        row("(a) DRL decideAll, 1 thread", drlRate, "claims/s");
        row("(a) DRL decideAll, " + threadCount + " threads", median(parallelRates), "claims/s");
        row("(a) DRL decideAll(every claim), all cores", median(allCoreRates), "claims/s");
        row("(b) plain Java, 1 thread", javaRate, "claims/s");
        out.printf("%-44s %14.1f %%%n", "ratio DRL / plain Java (1 thread)", 100.0 * drlRate / javaRate);
        long[] latency = latencies(engine, claims);
        out.printf("%-44s %14.1f µs%n", "single decide() p50", latency[0] / 1000.0);
        out.printf("%-44s %14.1f µs%n", "single decide() p99", latency[1] / 1000.0);
        out.flush();
        CliRun cli = runCli(claims, drl, engine.wording(java.util.Locale.ENGLISH));
        row("(c) CLI decide --json, JSON Lines, -Xmx" + cliHeap, cli.rate, "claims/s");
        out.printf("%-44s %14s%n", "(c) CLI output identical to embedded", cli.identical ? "yes" : "NO");
        out.printf("%-44s %14.0f ms%n", "JVM start to first decision (best of 3)", startToFirstDecision());
        out.printf("%-44s %14s%n", "(a) and (b) agree on every claim", disagreements == 0 ? "yes" : "NO: " + disagreements + " differ");
        out.flush();
        return disagreements == 0 && cli.identical ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private void warmUp(PolicyEngine engine, List<Claim> claims) {
        List<Claim> sample = claims.subList(0, Math.min(claims.size(), 200_000));
        for (int i = 0; i < 3; i++) {
            decideOnOneThread(engine, sample);
            engine.decideAll(sample);
            decidePlain(sample);
        }
    }

    /** decideAll on the calling thread alone: one batch per call, which decideAll does not spread over cores. */
    private static List<Decision> decideOnOneThread(PolicyEngine engine, List<Claim> claims) {
        List<Decision> decisions = new ArrayList<>(claims.size());
        for (int from = 0; from < claims.size(); from += Batches.SIZE) {
            decisions.addAll(engine.decideAll(claims.subList(from, Math.min(claims.size(), from + Batches.SIZE))));
        }
        return decisions;
    }

    private static List<Decision> decidePlain(List<Claim> claims) {
        List<Decision> decisions = new ArrayList<>(claims.size());
        for (Claim claim : claims) decisions.add(StoreStandardInJava.decide(claim));
        return decisions;
    }

    private static void decideInParallel(PolicyEngine engine, List<Claim> claims, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            int share = (claims.size() + threads - 1) / threads;
            List<Future<List<Decision>>> parts = new ArrayList<>();
            for (int from = 0; from < claims.size(); from += share) {
                List<Claim> part = claims.subList(from, Math.min(claims.size(), from + share));
                parts.add(pool.submit(() -> decideOnOneThread(engine, part)));
            }
            for (Future<List<Decision>> part : parts) part.get();
        } finally {
            pool.shutdown();
        }
    }

    /** Claims where the engine and the reference differ in anything the reference decides. */
    private int compare(List<Claim> claims, List<Decision> drl, List<Decision> plain) {
        int differ = 0;
        for (int i = 0; i < claims.size(); i++) {
            Decision a = drl.get(i);
            Decision b = plain.get(i);
            boolean same = a.outcome() == b.outcome() && a.remedies().equals(b.remedies())
                    && a.daysSincePurchase() == b.daysSincePurchase() && Objects.equals(a.repairDueDate(), b.repairDueDate());
            if (!same && ++differ <= 3) {
                out.printf("DIFFERENT %s%n  DRL:   %s %s due %s%n  plain: %s %s due %s%n", ClaimJson.toJson(claims.get(i)),
                        a.outcome(), a.remedies(), a.repairDueDate(), b.outcome(), b.remedies(), b.repairDueDate());
            }
        }
        return differ;
    }

    /** p50 and p99 in nanoseconds of one decide() at a time. */
    private static long[] latencies(PolicyEngine engine, List<Claim> claims) {
        int samples = Math.min(LATENCY_SAMPLES, claims.size());
        for (int i = 0; i < samples; i++) engine.decide(claims.get(i));
        long[] nanos = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            engine.decide(claims.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new long[]{nanos[samples / 2], nanos[(int) (samples * 0.99)]};
    }

    private record CliRun(double rate, boolean identical) {
    }

    /** The command line in its own JVM with a capped heap, over a JSON Lines file of every claim. */
    private CliRun runCli(List<Claim> claims, List<Decision> embedded, Wording wording) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("policy-bench");
        Path input = dir.resolve("claims.jsonl");
        Path output = dir.resolve("decisions.jsonl");
        try {
            writeJsonLines(claims, input);
            List<String> command = new ArrayList<>(javaCommand("-Xmx" + cliHeap));
            command.addAll(List.of("decide", "--json", input.toString()));
            if (rulesDir != null) command.addAll(List.of("--rules", rulesDir.toString()));
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int exit = process.waitFor();
            double rate = rate(claims.size(), start);
            boolean identical = exit == 0 && sameLines(output, embedded, wording);
            return new CliRun(rate, identical);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
            Files.deleteIfExists(dir);
        }
    }

    private static void writeJsonLines(List<Claim> claims, Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Claim claim : claims) {
                writer.write(ClaimJson.toJson(claim));
                writer.newLine();
            }
        }
    }

    private static boolean sameLines(Path output, List<Decision> embedded, Wording wording) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (Decision decision : embedded) {
                if (!DecisionJson.toJson(decision, wording).equals(reader.readLine())) return false;
            }
            return reader.readLine() == null;
        }
    }

    /** Milliseconds from starting a JVM to reading its first decision, the best of three. */
    private double startToFirstDecision() throws IOException, InterruptedException {
        Path claim = Files.createTempFile("policy-bench", ".json");
        try {
            Files.writeString(claim, ClaimJson.toJson(ClaimGenerator.random(SEED, 1).get(0)));
            double best = Double.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                List<String> command = new ArrayList<>(javaCommand());
                command.addAll(List.of("decide", "--json", claim.toString()));
                long start = System.nanoTime();
                Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                try (BufferedReader first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    first.readLine();
                    best = Math.min(best, (System.nanoTime() - start) / 1e6);
                }
                process.waitFor(1, TimeUnit.MINUTES);
            }
            return best;
        } finally {
            Files.deleteIfExists(claim);
        }
    }

    /** This JVM's java binary and class path, with the JVM options it was started with (as ./policy passes JAVA_OPTS). */
    private static List<String> javaCommand(String... extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!option.startsWith("-Xmx")) command.add(option);
        }
        command.addAll(List.of(extraOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        return command;
    }

    private void row(String what, double value, String unit) {
        out.printf("%-44s %,14.0f %s%n", what, value, unit);
        out.flush();
    }

    private static double rate(int count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
