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
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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
 * Makes a fresh JVM fast before the service says it is ready: until the rate it serves stops rising and
 * the JIT has gone quiet (at most for a bounded time), generated claims go
 * through a decision service of its own on a loopback port (the same classes, so the same compiled
 * code: HTTP, reading the claim, deciding, writing the answer in both languages, the decision log),
 * one-claim requests and now and then a JSON Lines batch. Its decisions go nowhere: not
 * in the real decision log, not in the real metrics.
 */
final class WarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final long SEED = 20261203L;
    private static final int CLAIMS = 2_000;
    /**
     * Few connections, so that the JIT's compiler threads get a share of two cores: with 8 (each a client
     * thread here and a worker thread in the service) the compilers fell behind, methods waited at C1's
     * tiers, and 600 C2 compilations were still to come after the ready line (docs/performance.md).
     * Two served more one-claim requests a second than 8 did, too.
     */
    static final int CONNECTIONS = 2;
    /** Every this many requests of the first connection is a batch: a small share of the time, so that the one-claim path gets hot. */
    private static final int BATCH_EVERY = 64;
    private static final int BATCH_CLAIMS = 256;
    private static final int ANSWER_TIMEOUT_MILLIS = 30_000;
    /** How requests name their language, in turn: the rest of the request line, and a header for some. */
    private static final String[] LANGUAGES = {"?lang=en HTTP/1.1", "?lang=zh-CN HTTP/1.1", " HTTP/1.1",
            " HTTP/1.1\r\nAccept-Language: zh-CN,zh;q=0.9,en;q=0.8"};
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
    /**
     * The JIT has gone quiet once its compiler threads spent less than this in each of the last
     * {@link #QUIET_WINDOWS} windows: a fifth of one window. The rate alone flattened while C2 still had hundreds of methods to compile.
     * Three windows, not two: once C2's queue drains, the methods C1 had left at tier 2 go on to be profiled and
     * compiled by C2, and a warm-up saw 2 quiet windows and then 2.8 s of compiling.
     */
    static final long QUIET_COMPILING_MILLIS = WINDOW.toMillis() / 5;
    static final int QUIET_WINDOWS = 3;

    private WarmUp() {
    }

    /** Requests answered 200: one claim each, and JSON Lines batches; and the one-claim requests answered in each window. */
    record Answered(long oneClaim, long batches, List<Long> rates) {
        static final Answered NONE = new Answered(0, 0, List.of());
    }

    /**
     * Runs until it is warm ({@link #warm}) or {@code budget} is spent, and at least two one-claim requests
     * per connection and one batch (nothing when the budget is zero); returns the requests answered 200.
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
                // The one-claim rate: a batch warms in a few hundred claims and its 256 claims would outweigh the
                // one-claim requests, which need far more of the JIT (HTTP, the answer in words) than deciding.
                List<Long> rates = measure(deadline, oneClaim::get, connections);
                enough.set(true);
                for (Future<?> connection : connections) connection.get();
                LOG.debug("warm-up: {} one-claim requests, {} batches, each window {}", oneClaim.get(), batches.get(), rates);
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
     * The requests answered in each window until it is warm or the deadline passes. (A rate per
     * second of the process's CPU time instead of the clock's was tried: on the shared machine it stopped
     * the warm-up as early as a fixed 5 s did, docs/performance.md.)
     */
    private static List<Long> measure(long deadline, LongSupplier answered, List<Future<?>> connections)
            throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        // without a JIT, or a JVM that does not time it, the rate alone decides
        LongSupplier compiling = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit::getTotalCompilationTime : () -> 0;
        List<Long> rates = new ArrayList<>();
        List<Long> compilingMillis = new ArrayList<>();
        long counted = answered.getAsLong();
        long compiled = compiling.getAsLong();
        for (long next = System.nanoTime() + WINDOW.toNanos(); ; next += WINDOW.toNanos()) {
            long left = Math.min(next, deadline) - System.nanoTime();
            if (left > 0) Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            if (System.nanoTime() >= deadline || connections.stream().allMatch(Future::isDone)) return List.copyOf(rates);
            long requests = answered.getAsLong();
            rates.add(requests - counted);
            counted = requests;
            long millis = compiling.getAsLong();
            compilingMillis.add(millis - compiled);
            compiled = millis;
            LOG.debug("warm-up window {}: {} one-claim requests, {} ms compiling", rates.size(), rates.get(rates.size() - 1),
                    compilingMillis.get(compilingMillis.size() - 1));
            if (warm(rates, compilingMillis)) return List.copyOf(rates);
        }
    }

    /**
     * Whether the service is warm: the rate has stopped rising ({@link #stoppedRising}) and the JIT has gone
     * quiet ({@code compilingMillis}, the compiler threads' time in each window, under {@link
     * #QUIET_COMPILING_MILLIS} in the last {@link #QUIET_WINDOWS}). A flat rate alone is not enough: on two
     * cores the compilers fall behind, and methods the requests run wait at C1's tiers while the rate
     * looks flat; the real traffic then pays for their C2 compilation after the ready line.
     */
    static boolean warm(List<Long> rates, List<Long> compilingMillis) {
        int n = compilingMillis.size();
        if (!stoppedRising(rates) || n < QUIET_WINDOWS) return false;
        for (int i = n - QUIET_WINDOWS; i < n; i++) {
            if (compilingMillis.get(i) >= QUIET_COMPILING_MILLIS) return false;
        }
        return true;
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
     * One connection's requests: a claim at a time and, on the first connection, every so often a batch;
     * asking for English, for Chinese, by {@code Accept-Language}, or for nothing (the server's language)
     * in turn, addressed to {@code localhost} or to the address and port, as real callers vary.
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
                boolean batch = first == 0 && (i / CONNECTIONS) % BATCH_EVERY == 1;
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
                String head = "POST /v1/decisions" + LANGUAGES[(i / CONNECTIONS) % LANGUAGES.length] + "\r\nHost: "
                        + (i % 3 == 0 ? "localhost" : server.getAddress().getHostAddress() + ":" + server.getPort()) + "\r\nContent-Type: "
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
