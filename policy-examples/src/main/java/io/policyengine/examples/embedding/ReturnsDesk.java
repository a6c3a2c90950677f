package io.policyengine.examples.embedding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.policyengine.PolicyEngine;
import io.policyengine.RuleLoadException;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import io.policyengine.model.PolicyId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A returns desk backend: what a POS or web shop would put in front of the engine. One
 * {@link PolicyEngine}, built once and shared by every request thread, behind three endpoints:
 *
 * <pre>
 * POST /decisions     one claim (contract section 1)  -> 200 the decision (section 2)
 * POST /explanations  one claim                       -> 200 the rules that fired, and the decision
 * GET  /policy                                        -> 200 {"name", "version", "hash"}
 * </pre>
 *
 * Bad input is 400 {@code {"error": "field: problem"}}, a body over 1 MiB is 413, a wrong method 405.
 *
 * <pre>{@code
 * try (ReturnsDesk desk = new ReturnsDesk(PolicyEngine.storeStandard(), 0).start()) {
 *     URI decisions = desk.uri().resolve("/decisions");
 *     ...
 * }
 * }</pre>
 */
public final class ReturnsDesk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReturnsDesk.class);

    static final int MAX_BODY_BYTES = 1 << 20;
    /** How much of a too-large body is read and dropped so that its sender still gets the 413. */
    private static final int MAX_DISCARD_BYTES = 16 << 20;
    private static final int DEFAULT_PORT = 8080;

    // Strict like the command line: exact decimals for prices, and a duplicate key or anything after
    // the claim object is an error rather than silently ignored.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final HttpServer server;
    private final ExecutorService workers;

    /** Binds 127.0.0.1:{@code port} (0 = any free port) with one worker thread per processor. */
    public ReturnsDesk(PolicyEngine engine, int port) throws IOException {
        this(engine, port, Runtime.getRuntime().availableProcessors());
    }

    /** The engine is shared by all {@code threads}: it is thread-safe, and compiling rules is the costly part. */
    public ReturnsDesk(PolicyEngine engine, int port, int threads) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        this.workers = Executors.newFixedThreadPool(threads, named("returns-desk-"));
        server.setExecutor(workers);
        server.createContext("/decisions", exchange ->
                handle(exchange, "POST", () -> DecisionJson.toJson(engine.decide(claim(exchange)))));
        server.createContext("/explanations", exchange ->
                handle(exchange, "POST", () -> DecisionJson.explanationJson(engine.explain(claim(exchange)))));
        server.createContext("/policy", exchange ->
                handle(exchange, "GET", () -> policyJson(engine.policy())));
    }

    /** Starts serving; returns this, for {@code try (var desk = new ReturnsDesk(...).start())}. */
    public ReturnsDesk start() {
        server.start();
        return this;
    }

    /** The bound port: the one asked for, or the one the system picked for 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/} */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + port() + "/");
    }

    /** Stops accepting, closes open connections and stops the worker threads. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) workers.shutdownNow();
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // ---- requests ----

    /** What an endpoint answers; throws {@link HttpError} or {@link BadInputException} for a 4xx. */
    private interface Endpoint {
        String respond() throws IOException;
    }

    private static void handle(HttpExchange exchange, String method, Endpoint endpoint) throws IOException {
        try {
            int status = 200;
            String body;
            try {
                // createContext matches by prefix; /decisions/x is not ours
                if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
                    throw new HttpError(404, "no such resource: " + exchange.getRequestURI().getPath());
                }
                if (!exchange.getRequestMethod().equals(method)) {
                    exchange.getResponseHeaders().set("Allow", method);
                    throw new HttpError(405, "method " + exchange.getRequestMethod() + " not allowed, use " + method);
                }
                body = endpoint.respond();
            } catch (BadInputException e) {
                status = 400;
                body = error(e.getMessage());
            } catch (HttpError e) {
                status = e.status;
                body = error(e.getMessage());
            } catch (RuntimeException e) {
                // the details go to the log, never to the caller
                LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                status = 500;
                body = error("internal error");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    /** The request body as one strictly read claim. */
    private static Claim claim(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        boolean hopeless = declared != null && declared.matches("\\d{1,18}")
                && Long.parseLong(declared) > MAX_BODY_BYTES + MAX_DISCARD_BYTES;
        if (hopeless) throw tooLarge();
        InputStream in = exchange.getRequestBody();
        // One byte more than allowed tells a body that is too large, with or without Content-Length.
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            // Read what the client is still sending before answering: closing a socket with unread
            // data resets the connection, and the client would see that instead of our 413.
            byte[] sink = new byte[1 << 16];
            for (long dropped = 0; dropped < MAX_DISCARD_BYTES; ) {
                int n = in.read(sink);
                if (n < 0) break;
                dropped += n;
            }
            throw tooLarge();
        }
        return ClaimJson.parse(readJson(body));
    }

    private static JsonNode readJson(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            try {
                JsonNode node = JSON.readTree(parser);
                if (node == null || node.isMissingNode()) throw new BadInputException("body", "empty, expected one claim object");
                return node;
            } catch (JsonProcessingException e) {
                String problem = oneLine(e.getOriginalMessage());
                if (problem.startsWith("Duplicate field")) {
                    throw new BadInputException(fieldPath(parser.getParsingContext()), "duplicate field");
                }
                throw new BadInputException("body", "not JSON: " + problem);
            }
        }
    }

    private static HttpError tooLarge() {
        return new HttpError(413, "body: larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static String policyJson(PolicyId policy) {
        return JSON.createObjectNode()
                .put("name", policy.name()).put("version", policy.version()).put("hash", policy.hash())
                .toString();
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    /** The dotted path of the field being read, such as {@code product.sku}. */
    private static String fieldPath(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.hasCurrentName()) parts.addFirst(c.getCurrentName());
            else if (c.inArray()) parts.addFirst("[" + c.getCurrentIndex() + "]");
        }
        return parts.isEmpty() ? "body" : String.join(".", parts).replace(".[", "[");
    }

    private static String oneLine(String message) {
        int location = message.indexOf("\n at [Source");
        return (location < 0 ? message : message.substring(0, location)).replaceAll("\\s+", " ").strip();
    }

    private static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---- the process ----

    /**
     * {@code ReturnsDesk [PORT] [--rules DIR]}: serves the bundled store-standard policy, or the rule
     * files in DIR, reloading them whenever a file there changes.
     */
    public static void main(String[] args) throws Exception {
        int port = DEFAULT_PORT;
        Path rules = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rules") && i + 1 < args.length) rules = Path.of(args[++i]);
            else if (args[i].matches("\\d{1,5}") && Integer.parseInt(args[i]) <= 65535) port = Integer.parseInt(args[i]);
            else usage("unexpected argument: " + args[i]);
        }

        PolicyEngine engine;
        AutoCloseable watcher = () -> { };
        if (rules == null) {
            engine = PolicyEngine.storeStandard();
        } else {
            if (!Files.isDirectory(rules)) usage(rules + ": not a folder");
            try {
                engine = PolicyEngine.load(rules);
            } catch (RuleLoadException e) {
                System.err.println(e.getMessage()); // every problem as FILE:LINE: message
                System.exit(2);
                return;
            }
            // A policy author saves a rule file and the next claim is decided by it; rules that do not
            // compile are logged and never go live, the previous ones keep serving.
            watcher = engine.watch(Duration.ofMillis(200));
        }

        ReturnsDesk desk;
        try {
            desk = new ReturnsDesk(engine, port).start();
        } catch (IOException e) {
            System.err.println("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        AutoCloseable stopWatching = watcher;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            desk.close();
            try {
                stopWatching.close();
            } catch (Exception ignored) {
                // the process is ending anyway
            }
        }));
        PolicyId policy = engine.policy();
        System.out.println("returns desk on " + desk.uri() + " deciding with " + policy.name() + " " + policy.version()
                + (rules == null ? "" : " from " + rules + " (reloaded on change)"));
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ReturnsDesk [PORT] [--rules DIR]");
        System.exit(2);
    }
}
