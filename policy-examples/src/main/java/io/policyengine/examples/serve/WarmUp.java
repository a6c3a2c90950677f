package io.policyengine.examples.serve;

import io.policyengine.PolicyEngine;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.json.ClaimJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes a fresh JVM fast before the service says it is ready: for a bounded time, generated claims go
 * through a decision service of its own on a loopback port (the same classes, so the same compiled
 * code: HTTP, reading the claim, deciding, writing the answer in both languages, the decision log),
 * one-claim requests and JSON Lines batches from several connections. Its decisions go nowhere: not
 * in the real decision log, not in the real metrics.
 */
final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long SEED = 20261203L;
    private static final int CLAIMS = 2_000;
    private static final int CONNECTIONS = 4;
    private static final int BATCH_EVERY = 64;
    private static final int BATCH_CLAIMS = 256;

    private WarmUp() {
    }

    /**
     * Runs for {@code budget} (nothing when it is zero) and returns the number of requests answered 200.
     *
     * @param withLog whether the warm-up service writes a decision log (to a temporary file, deleted after)
     */
    static long run(PolicyEngine engine, Locale defaultLanguage, Duration budget, boolean withLog) {
        if (budget.isZero() || budget.isNegative()) return 0;
        List<String> claims = ClaimGenerator.random(SEED, CLAIMS).stream().map(ClaimJson::toJson).toList();
        Path logFile = null;
        ExecutorService clients = Executors.newFixedThreadPool(CONNECTIONS, task -> {
            Thread thread = new Thread(task, "policy-warm-up");
            thread.setDaemon(true);
            return thread;
        });
        try {
            DecisionLog log = DecisionLog.NONE;
            if (withLog) {
                logFile = Files.createTempFile("policy-warm-up", ".jsonl");
                log = DecisionLog.open(logFile);
            }
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            try (DecisionService service = new DecisionService(loopback, engine, false, log, defaultLanguage)) {
                URI decisions = URI.create(service.uri() + "/v1/decisions");
                long deadline = System.nanoTime() + budget.toNanos();
                AtomicLong answered = new AtomicLong();
                List<Future<?>> connections = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    int first = c;
                    connections.add(clients.submit(() -> {
                        send(decisions, claims, first, deadline, answered);
                        return null;
                    }));
                }
                for (Future<?> connection : connections) connection.get();
                return answered.get();
            }
        } catch (Exception e) {
            // A warm-up that fails only leaves the service slower at first; serving matters more.
            LOG.debug("warm-up stopped early", e);
            return 0;
        } finally {
            clients.shutdownNow();
            if (logFile != null) logFile.toFile().delete();
        }
    }

    /** One connection's requests: a claim at a time, languages alternating, and every so often a batch. */
    private static void send(URI decisions, List<String> claims, int first, long deadline, AtomicLong answered)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = first; System.nanoTime() < deadline; i += CONNECTIONS) {
            String lang = i % 2 == 0 ? "en" : "zh-CN";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(decisions + "?lang=" + lang));
            if ((i / CONNECTIONS) % BATCH_EVERY == 0) {
                StringBuilder batch = new StringBuilder();
                for (int k = 0; k < BATCH_CLAIMS; k++) batch.append(claims.get((i + k) % claims.size())).append('\n');
                request.header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(batch.toString()));
            } else {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(claims.get(i % claims.size())));
            }
            if (client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) answered.incrementAndGet();
        }
    }
}
