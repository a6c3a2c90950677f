package io.policyengine.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
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
    private final ServiceMetrics metrics;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    Router(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    Router route(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
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
            Map<String, Endpoint> byMethod = routes.get(exchange.getRequestURI().getPath());
            if (byMethod != null) route = exchange.getRequestURI().getPath();
            dispatch(exchange, byMethod);
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

    private void dispatch(HttpExchange exchange, Map<String, Endpoint> byMethod) {
        try {
            try {
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
