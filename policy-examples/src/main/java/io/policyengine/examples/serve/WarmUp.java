package io.policyengine.examples.serve;

import io.policyengine.PolicyEngine;
import io.policyengine.StoreEngine;
import io.policyengine.StoresFile;
import io.policyengine.model.Claim;
import io.policyengine.examples.reference.ClaimGenerator;
import io.policyengine.json.ClaimJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a fresh JVM fast before the service says it is ready: until the rate it serves stops rising (at
 * most for a bounded time), generated claims go
 * through a decision service of its own on a loopback port (the same classes, so the same compiled
 * code: HTTP, reading the claim, deciding, writing the answer in both languages, the decision log),
 * one-claim requests and JSON Lines batches from several connections. Its decisions go nowhere: not
 * in the real decision log, not in the real metrics.
 */
final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long SEED = 20261203L;
    private static final int CLAIMS = 2_000;
    private static final int CONNECTIONS = 8;
    private static final int BATCH_EVERY = 64;
    private static final int BATCH_CLAIMS = 256;
    private static final int ANSWER_TIMEOUT_MILLIS = 30_000;
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)");
    /** The rate is measured over windows of this length. */
    static final Duration WINDOW = Duration.ofSeconds(1);
    /**
     * The rate has stopped rising once this many windows in a row did not beat the best window before them
     * by {@link #RISE}. The JIT's tiers raise the rate in steps a few seconds apart: fewer windows stopped
     * between two steps.
     */
    static final int FLAT_WINDOWS = 4;
    static final double RISE = 1.05;

    private WarmUp() {
    }

    /** Requests answered 200: one claim each, and JSON Lines batches; and the claims answered in each window. */
    record Answered(long oneClaim, long batches, List<Long> rates) {
        static final Answered NONE = new Answered(0, 0, List.of());
    }

    /**
     * Runs until the rate stops rising ({@link #stoppedRising}) or {@code budget} is spent, and at least
     * one one-claim request and one batch per connection (nothing when the budget is zero); returns the
     * requests answered 200.
     *
     * @param withLog whether the warm-up service writes a decision log (to a temporary file, deleted after)
     */
    static Answered run(PolicyEngine engine, Locale defaultLanguage, Duration budget, boolean withLog) {
        return run((address, log) -> new DecisionService(address, engine, false, log, defaultLanguage), List.of(), budget, withLog);
    }

    /** The same for a chain (contract 14.2): the claims spread over its stores, so that every stack gets warm. */
    static Answered run(StoreEngine chain, Locale defaultLanguage, Duration budget, boolean withLog) {
        List<String> stores = new ArrayList<>();
        for (StoresFile.Row row : chain.rows()) stores.add(row.store().equals(StoresFile.ANY_STORE) ? null : row.store());
        return run((address, log) -> new DecisionService(address, chain, false, log, defaultLanguage), stores, budget, withLog);
    }

    /** A warm-up service on {@code address}, writing {@code log}. */
    private interface Service {
        DecisionService start(InetSocketAddress address, DecisionLog log) throws IOException;
    }

    /** @param stores the stores the claims are made at, in turn (null: a claim without a store); none: no store */
    private static Answered run(Service start, List<String> stores, Duration budget, boolean withLog) {
        if (budget.isZero() || budget.isNegative()) return Answered.NONE;
        List<Claim> generated = ClaimGenerator.random(SEED, CLAIMS);
        List<String> claims = new ArrayList<>(generated.size());
        for (int i = 0; i < generated.size(); i++) {
            Claim claim = generated.get(i);
            if (!stores.isEmpty()) claim = claim.toBuilder().store(stores.get(i % stores.size())).build();
            claims.add(ClaimJson.toJson(claim));
        }
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
            try (DecisionService service = start.start(loopback, log)) {
                InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), service.uri().getPort());
                long deadline = System.nanoTime() + budget.toNanos();
                AtomicBoolean enough = new AtomicBoolean();
                AtomicLong oneClaim = new AtomicLong();
                AtomicLong batches = new AtomicLong();
                List<Future<?>> connections = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    int first = c;
                    connections.add(clients.submit(() -> {
                        send(address, claims, first, enough, oneClaim, batches);
                        return null;
                    }));
                }
                List<Long> rates = measure(deadline, () -> oneClaim.get() + batches.get() * BATCH_CLAIMS, connections);
                enough.set(true);
                for (Future<?> connection : connections) connection.get();
                return new Answered(oneClaim.get(), batches.get(), rates);
            }
        } catch (Exception e) {
            // A warm-up that fails only leaves the service slower at first; serving matters more.
            LOG.debug("warm-up stopped early", e);
            return Answered.NONE;
        } finally {
            clients.shutdownNow();
            if (logFile != null) logFile.toFile().delete();
        }
    }

    /**
     * The claims answered in each window until the rate stops rising or the deadline passes. (A rate per
     * second of the process's CPU time instead of the clock's was tried: on the shared machine it stopped
     * the warm-up as early as a fixed 5 s did, docs/performance.md.)
     */
    private static List<Long> measure(long deadline, LongSupplier claimsAnswered, List<Future<?>> connections)
            throws InterruptedException {
        List<Long> rates = new ArrayList<>();
        long counted = claimsAnswered.getAsLong();
        for (long next = System.nanoTime() + WINDOW.toNanos(); ; next += WINDOW.toNanos()) {
            long left = Math.min(next, deadline) - System.nanoTime();
            if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            if (System.nanoTime() >= deadline || connections.stream().allMatch(Future::isDone)) return List.copyOf(rates);
            long claims = claimsAnswered.getAsLong();
            rates.add(claims - counted);
            counted = claims;
            if (stoppedRising(rates)) return List.copyOf(rates);
        }
    }

    /**
     * Whether the rate has stopped rising: the last {@link #FLAT_WINDOWS} windows each came to less than
     * {@link #RISE} times the best window before them.
     */
    static boolean stoppedRising(List<Long> rates) {
        int n = rates.size();
        if (n <= FLAT_WINDOWS) return false;
        long best = 0;
        for (int i = 0; i < n - FLAT_WINDOWS; i++) best = Math.max(best, rates.get(i));
        for (int i = n - FLAT_WINDOWS; i < n; i++) {
            if (rates.get(i) >= best * RISE) return false;
        }
        return true;
    }

    /**
     * One connection's requests: a claim at a time and every so often a batch, in English on
     * even connections and in Chinese on odd ones.
     * A plain socket rather than an HTTP client: the client's own work would take the cores the server
     * is being warmed on.
     */
    private static void send(InetSocketAddress server, List<String> claims, int first, AtomicBoolean enough, AtomicLong oneClaim,
                             AtomicLong batches)
            throws IOException {
        Socket socket = null;
        InputStream in = null;
        try {
            for (int i = first; i < first + 2 * CONNECTIONS || !enough.get(); i += CONNECTIONS) {
                if (socket == null) {
                    socket = connect(server);
                    // buffered: the head is read a character at a time, which must not be a system call each
                    in = new BufferedInputStream(socket.getInputStream());
                }
                String lang = i % 2 == 0 ? "en" : "zh-CN";
                boolean batch = (i / CONNECTIONS) % BATCH_EVERY == 1;
                String body;
                if (batch) {
                    StringBuilder lines = new StringBuilder();
                    for (int k = 0; k < BATCH_CLAIMS; k++) lines.append(claims.get((i + k) % claims.size())).append('\n');
                    body = lines.toString();
                } else {
                    body = claims.get(i % claims.size());
                }
                byte[] content = body.getBytes(StandardCharsets.UTF_8);
                // a batch's answer is chunked: asked with Connection: close, it ends where the stream does
                String head = "POST /v1/decisions?lang=" + lang + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                        + (batch ? "application/x-ndjson" : "application/json") + "\r\nContent-Length: " + content.length
                        + (batch ? "\r\nConnection: close" : "") + "\r\n\r\n";
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(content);
                out.flush();
                if (answer(in, batch)) (batch ? batches : oneClaim).incrementAndGet();
                if (batch) {
                    socket.close();
                    socket = null;
                }
            }
        } finally {
            if (socket != null) socket.close();
        }
    }

    private static Socket connect(InetSocketAddress server) throws IOException {
        Socket socket = new Socket(server.getAddress(), server.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(ANSWER_TIMEOUT_MILLIS);
        return socket;
    }

    /** Reads one answer (to the end of the stream when {@code toEnd}); whether its status was 200. */
    private static boolean answer(InputStream in, boolean toEnd) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) throw new EOFException("the warm-up service closed the connection");
            head.append((char) c);
        }
        if (toEnd) {
            in.transferTo(OutputStream.nullOutputStream());
        } else {
            Matcher length = CONTENT_LENGTH.matcher(head);
            if (!length.find()) throw new IOException("an answer without Content-Length: " + head);
            in.readNBytes(Integer.parseInt(length.group(1)));
        }
        return head.indexOf("HTTP/1.1 200 ") == 0;
    }
}
