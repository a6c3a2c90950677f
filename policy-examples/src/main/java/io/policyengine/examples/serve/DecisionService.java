package io.policyengine.examples.serve;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.policyengine.examples.access.Access;
import io.policyengine.examples.access.AllowedHosts;
import io.policyengine.examples.access.Reach;
import io.policyengine.PolicyEngine;
import io.policyengine.StoreEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * The decision service of contract section 9 on the JDK's HTTP server: the endpoints, the worker
 * threads, and a stop that lets the requests in flight finish. See docs/service.md for why this server
 * and for the timeouts below.
 */
final class DecisionService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionService.class);
    /**
     * Threads that read requests and answer them, kept ready. An idle keep-alive connection holds none; a
     * request being read or answered holds one, for at most MAX_REQUEST_SECONDS however slowly its client
     * goes. The JDK's server reads a request's headers on the worker's thread, so a request never waits
     * for a worker: past these, each gets a thread of its own (up to MAX_WORKERS), and slow clients cannot
     * keep a health check waiting (docs/service.md).
     */
    static final int WORKERS = 64;
    /** Threads at most; a connection past them is closed at once rather than left waiting. */
    static final int MAX_WORKERS = 2048;
    /**
     * The JDK server's limits are on a whole request, not on each read: the request, headers and body,
     * must arrive within this, and its answer be taken within it too. It also bounds a batch: about
     * ten million claims at the measured batch rate (docs/service.md).
     */
    static final int MAX_REQUEST_SECONDS = 120;
    static final int IDLE_SECONDS = 30;

    static {
        // Read once, when the JDK's server classes load: so before the first server is created.
        // Without no-delay sockets, keep-alive clients wait ~40 ms on delayed ACKs for every answer.
        setUnlessGiven("sun.net.httpserver.nodelay", "true");
        setUnlessGiven("sun.net.httpserver.maxReqTime", Integer.toString(MAX_REQUEST_SECONDS));
        setUnlessGiven("sun.net.httpserver.maxRspTime", Integer.toString(MAX_REQUEST_SECONDS));
        setUnlessGiven("sun.net.httpserver.idleInterval", Integer.toString(IDLE_SECONDS));
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Router router;
    private final LiveRules rules;
    private final ServiceMetrics metrics;
    private final DecisionLog log;
    private final Access access;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean ready;

    /**
     * Binds the address (port 0: any free port) and starts serving.
     *
     * @param watchRules whether the engine's rules folder is watched and reloaded
     */
    DecisionService(InetSocketAddress address, PolicyEngine engine, boolean watchRules, DecisionLog log,
                    Locale defaultLanguage) throws IOException {
        this(address, engine, watchRules, log, defaultLanguage, loopbackOnly(address), null);
    }

    /**
     * Binds the address and starts serving the callers {@code access} lets in (contract 15).
     *
     * @param tls the certificate to serve HTTPS with; null for plain HTTP
     */
    DecisionService(InetSocketAddress address, PolicyEngine engine, boolean watchRules, DecisionLog log,
                    Locale defaultLanguage, Access access, SSLContext tls) throws IOException {
        this(address, metrics -> new LiveRules(engine, watchRules, metrics), log, defaultLanguage, access, tls);
    }

    /**
     * A chain's service (contract 14.2): each claim decided by its store's stack.
     *
     * @param watchStores     whether the stores file and its folder packs are watched and reloaded
     * @param defaultLanguage the answers' language when a request names none; null: each claim's store's
     */
    DecisionService(InetSocketAddress address, StoreEngine chain, boolean watchStores, DecisionLog log,
                    Locale defaultLanguage) throws IOException {
        this(address, chain, watchStores, log, defaultLanguage, loopbackOnly(address), null);
    }

    /** A chain's service for the callers {@code access} lets in, over HTTPS when {@code tls} is given. */
    DecisionService(InetSocketAddress address, StoreEngine chain, boolean watchStores, DecisionLog log,
                    Locale defaultLanguage, Access access, SSLContext tls) throws IOException {
        this(address, metrics -> new LiveRules(chain, watchStores, metrics), log, defaultLanguage, access, tls);
    }

    /** Without access control: anyone, under the loopback names and the bound address (contract 15's default). */
    private static Access loopbackOnly(InetSocketAddress address) {
        return Access.open(AllowedHosts.of(List.of(), address.getHostString()));
    }

    private DecisionService(InetSocketAddress address, Function<ServiceMetrics, LiveRules> live, DecisionLog log,
                            Locale defaultLanguage, Access access, SSLContext tls) throws IOException {
        this.log = log;
        this.access = access;
        this.metrics = new ServiceMetrics();
        metrics.watch(log);
        if (access.callers() != null) metrics.watch(access.callers());
        this.rules = live.apply(metrics);
        Gate gate = new Gate(access, metrics);
        ClaimEndpoints claims = new ClaimEndpoints(rules, log, metrics, defaultLanguage, gate);
        // the counter page's words about signing in are the service's words files' (en and zh-CN)
        byte[] page = new String(resource("counter.html"), StandardCharsets.UTF_8)
                .replace("/*access words*/{}", SignIn.wordsJson()).getBytes(StandardCharsets.UTF_8);
        byte[] openApi = resource("openapi.yaml");
        Locale pagesLanguage = defaultLanguage == null ? Languages.EN : defaultLanguage;
        ReportEndpoint report = new ReportEndpoint(log, pagesLanguage, access.required());
        // who may reach what: contract 15
        this.router = new Router(metrics, gate)
                .route("POST", "/v1/decisions", Reach.COUNTER, claims::decisions)
                .route("POST", "/v1/explanations", Reach.COUNTER, claims::explanations)
                .route("POST", "/v1/decisions/renderings", Reach.COUNTER, claims::decisionRenderings)
                .route("POST", "/v1/explanations/renderings", Reach.COUNTER, claims::explanationRenderings)
                .route("POST", "/v1/due", Reach.COUNTER, new DueEndpoint(rules, claims::language, gate)::due)
                .route("GET", "/v1/whoami", Reach.COUNTER, exchange -> Http.sendJson(exchange, 200,
                        AnswerJson.whoami(Gate.caller(exchange), access.required())))
                .route("GET", "/v1/policy", Reach.ADMIN, exchange -> Http.sendJson(exchange, 200, rules.policyJson()))
                .route("GET", "/healthz", Reach.OPEN, exchange -> Http.sendJson(exchange, 200, "{\"status\":\"serving\"}"))
                .route("GET", "/readyz", Reach.OPEN, this::readiness)
                .route("GET", "/metrics", Reach.ADMIN, exchange -> Http.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.scrape().getBytes(StandardCharsets.UTF_8)))
                .route("GET", "/", Reach.PAGE, exchange -> Http.send(exchange, 200, "text/html; charset=utf-8", page))
                .route("GET", "/report", Reach.MANAGER, exchange -> report.handle(exchange, Gate.caller(exchange)))
                .signInPage("/report", new SignIn(new String(resource("sign-in.html"), StandardCharsets.UTF_8), pagesLanguage)::page)
                .route("GET", "/v1/openapi.yaml", Reach.PAGE, exchange -> Http.send(exchange, 200, "application/yaml; charset=utf-8", openApi));
        if (tls == null) {
            this.server = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        this.workers = workerPool();
        server.setExecutor(workers);
        server.createContext("/", router);
        server.start();
        ready = true;
    }

    /** 200 once the rules are loaded and while decisions can be logged; 503 while stopping, or while the log cannot be written. */
    private void readiness(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        if (!ready) {
            Http.sendJson(exchange, 503, "{\"status\":\"not ready\"}");
        } else if (!log.writable()) {
            Http.sendJson(exchange, 503, "{\"status\":\"not ready\",\"reason\":\"the decision log cannot be written\"}");
        } else {
            Http.sendJson(exchange, 200, "{\"status\":\"ready\"}");
        }
    }

    /** The one stack, or with a chain its first stack's engine. */
    PolicyEngine engine() {
        return rules.anyEngine();
    }

    /** Each path served, with the methods it takes (for the OpenAPI document's test). */
    Map<String, Set<String>> routes() {
        return router.routes();
    }

    /** Requests being answered now (an idle batch that is still being read among them). */
    int requestsInFlight() {
        return router.inFlight();
    }

    URI uri() {
        InetSocketAddress bound = server.getAddress();
        String host = bound.getAddress().getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create((server instanceof HttpsServer ? "https://" : "http://") + host + ":" + bound.getPort());
    }

    /**
     * Stops taking connections, lets the requests in flight finish (up to {@code grace}), then closes
     * every connection, the rule watcher and the decision log.
     */
    void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) return;
        ready = false;
        router.drain();
        // HttpServer.stop closes the listening socket at once, but in Java 17 it then waits out the
        // whole delay even when nothing is in flight; so the waiting for requests is done here.
        Thread closer = new Thread(() -> server.stop((int) Math.max(1, grace.toSeconds())), "policy-http-stop");
        closer.setDaemon(true);
        closer.start();
        long deadline = System.nanoTime() + grace.toNanos();
        while (router.inFlight() > 0 && System.nanoTime() < deadline) {
            sleep(20);
        }
        if (router.inFlight() > 0) LOG.warn("{} requests still in flight after {} s; closing them", router.inFlight(), grace.toSeconds());
        // the log first: what was answered is on the disk whatever the workers do when they are interrupted
        closeQuietly(log);
        workers.shutdownNow();
        closeQuietly(rules);
        if (access.callers() != null) access.callers().close();
        metrics.close();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    private static ExecutorService workerPool() {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(WORKERS, MAX_WORKERS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "policy-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static byte[] resource(String name) {
        try (InputStream in = DecisionService.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) System.setProperty(property, value);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("closing {}: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
