package io.policyengine.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.policyengine.examples.access.Reach;
import io.policyengine.model.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends each request to its endpoint by exact path and method; answers 404 and 405 (with {@code Allow})
 * itself, turns bad input into 400 and anything unexpected into a logged 500 {@code {"error": "internal error"}},
 * times every request, and counts the requests in flight so that a shutdown can wait for them.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** What an endpoint does with a request; it answers through the exchange. */
    interface Endpoint {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
    private final Map<String, Reach> reaches = new LinkedHashMap<>();
    private final Map<String, java.util.function.Function<HttpExchange, byte[]>> signInPages = new LinkedHashMap<>();
    private final ServiceMetrics metrics;
    private final Gate gate;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    Router(ServiceMetrics metrics, Gate gate) {
        this.metrics = metrics;
        this.gate = gate;
    }

    /** Serves {@code path} to the callers {@code reach} lets in (contract 15). */
    Router route(String method, String path, Reach reach, Endpoint endpoint) {
        Reach before = reaches.putIfAbsent(path, reach);
        if (before != null && before != reach) throw new IllegalArgumentException(path + ": one reach for every method");
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    /**
     * What a browser gets for a page of {@code path} opened without a token, when the service needs one: a page
     * that asks for the token, then fetches the page with it (a browser sends no token when it opens a link).
     */
    Router signInPage(String path, java.util.function.Function<HttpExchange, byte[]> page) {
        signInPages.put(path, page);
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        String route = "NOT_FOUND";
        boolean cut = false;
        try {
            if (draining) exchange.getResponseHeaders().set("Connection", "close");
            String path = exchange.getRequestURI().getPath();
            Map<String, Endpoint> byMethod = routes.get(path);
            if (byMethod != null) route = path;
            dispatch(exchange, path, byMethod);
        } catch (AnswerCut e) {
            // thrown on to the JDK's server, which then closes the connection: closing the exchange
            // would send the answer's last chunk and make it look complete
            cut = true;
            throw e;
        } finally {
            metrics.request(exchange.getRequestMethod(), route, cut ? 0 : exchange.getResponseCode(), System.nanoTime() - start);
            if (!cut) exchange.close();
            inFlight.decrementAndGet();
        }
    }

    /** Answers a browser's tokenless GET of a page that has a sign-in page; false for every other request. */
    private boolean signInPage(HttpExchange exchange, String path) throws IOException {
        java.util.function.Function<HttpExchange, byte[]> page = signInPages.get(path);
        if (page == null || !gate.access().required() || exchange.getRequestHeaders().containsKey("Authorization")) return false;
        if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) return false;
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        if (accept == null || !accept.contains("text/html")) return false;
        // only under the service's names, as every page
        if (!gate.admit(exchange, Reach.PAGE)) return true;
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        Http.send(exchange, 200, "text/html; charset=utf-8", page.apply(exchange));
        return true;
    }

    private void dispatch(HttpExchange exchange, String path, Map<String, Endpoint> byMethod) {
        try {
            try {
                if (signInPage(exchange, path)) return;
                // an unknown path needs a caller too: which paths exist is told to callers only
                if (!gate.admit(exchange, reaches.getOrDefault(path, Reach.COUNTER))) return;
                if (byMethod == null) throw new HttpError(404, "path: no such resource " + exchange.getRequestURI().getPath());
                Endpoint endpoint = byMethod.get(exchange.getRequestMethod());
                // HEAD: the GET's status and headers, without its body (Http.send leaves it out)
                if (endpoint == null && exchange.getRequestMethod().equals("HEAD")) endpoint = byMethod.get("GET");
                if (endpoint == null) {
                    exchange.getResponseHeaders().set("Allow", String.join(", ", byMethod.keySet()));
                    throw new HttpError(405, "method: " + exchange.getRequestMethod() + " not allowed, use "
                            + String.join(" or ", byMethod.keySet()));
                }
                endpoint.handle(exchange);
            } catch (BadInputException e) {
                metrics.badInput();
                refuse(exchange, 400, e.getMessage());
            } catch (HttpError e) {
                refuse(exchange, e.status, e.getMessage());
            }
        } catch (IOException e) {
            if (exchange.getResponseCode() == -1 && Http.brokenChunks(e)) {
                try {
                    refuse(exchange, 400, "body: broken chunked encoding (" + e.getMessage() + ")");
                    return;
                } catch (IOException gone) {
                    // the client went away too
                }
            }
            // the client went away: nobody is left to answer
            LOG.debug("{} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
        } catch (AnswerCut e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                refuse(exchange, 500, "internal error");
            } catch (IOException | RuntimeException ignored) {
                // the answer had already started; closing the exchange cuts it short
            }
        }
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        if (exchange.getResponseCode() != -1) {
            throw new IllegalStateException("the answer had already started when it failed: " + message);
        }
        Http.refuseJson(exchange, status, Http.errorJson(message));
    }

    /** Each path served, with the methods it takes. */
    Map<String, java.util.Set<String>> routes() {
        Map<String, java.util.Set<String>> all = new LinkedHashMap<>();
        routes.forEach((path, byMethod) -> all.put(path, java.util.Set.copyOf(byMethod.keySet())));
        return all;
    }

    /** From now on every answer closes its connection; {@link #inFlight} tells when the last one is done. */
    void drain() {
        draining = true;
    }

    int inFlight() {
        return inFlight.get();
    }
}
