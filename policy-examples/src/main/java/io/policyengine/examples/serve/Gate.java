package io.policyengine.examples.serve;

import com.sun.net.httpserver.HttpExchange;
import io.policyengine.examples.access.Access;
import io.policyengine.examples.access.Caller;
import io.policyengine.examples.access.Reach;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Claim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.UnaryOperator;

/**
 * Where this HTTP server meets the access layer (contract 15): once per request, before its endpoint, the
 * caller is found (or the request refused: 421, 401 with {@code WWW-Authenticate: Bearer}, 403); then, for
 * each claim, whether the caller may act for its store. Every refusal is counted by reason and logged on
 * stderr with the request and the caller, never with a token.
 */
final class Gate {
    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);
    private static final String CALLER = Caller.class.getName();

    private final Access access;
    private final ServiceMetrics metrics;

    Gate(Access access, ServiceMetrics metrics) {
        this.access = access;
        this.metrics = metrics;
    }

    Access access() {
        return access;
    }

    /**
     * Finds the request's caller and keeps it on the exchange; when the request is refused, answers it and
     * returns false.
     */
    boolean admit(HttpExchange exchange, Reach reach) throws IOException {
        Access.Verdict verdict = access.check(reach, exchange.getRequestHeaders().getFirst("Host"),
                exchange.getRequestHeaders().getFirst("Authorization"));
        Access.Denied denied = verdict.denied();
        if (denied == null) {
            exchange.setAttribute(CALLER, verdict.caller());
            return true;
        }
        counted(exchange, denied.reason(), denied.status(), denied.message(), null);
        if (denied.challenge()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", denied.reason().equals("no-token")
                    ? "Bearer realm=\"policy-engine\"" : "Bearer realm=\"policy-engine\", error=\"invalid_token\"");
        }
        Http.refuseJson(exchange, denied.status(), Http.errorJson(denied.message()));
        return false;
    }

    /** The caller {@link #admit} found for this request. */
    static Caller caller(HttpExchange exchange) {
        if (exchange.getAttribute(CALLER) instanceof Caller caller) return caller;
        // fail closed: an endpoint reached without the gate is a bug, not an open door
        throw new IllegalStateException("no caller: the request did not pass the gate");
    }

    /** 403 when the request's caller may not act for the claim's store. */
    void mayActFor(HttpExchange exchange, Claim claim) {
        Caller caller = caller(exchange);
        String refusal = caller.refusal(claim.store());
        if (refusal == null) return;
        counted(exchange, "store", 403, refusal, caller);
        throw new HttpError(403, refusal);
    }

    /**
     * For a batch: each claim of a store the caller may not act for becomes that claim's error line (the
     * others are decided), counted and logged as a refusal.
     */
    UnaryOperator<Claim> storesOf(HttpExchange exchange) {
        Caller caller = caller(exchange);
        if (caller.allStores()) return UnaryOperator.identity();
        java.util.concurrent.atomic.AtomicBoolean logged = new java.util.concurrent.atomic.AtomicBoolean();
        return claim -> {
            String refusal = caller.refusal(claim.store());
            if (refusal == null) return claim;
            metrics.denied("store");
            // the first refused claim of a batch is logged: a batch of another store's claims must not flood stderr
            if (logged.compareAndSet(false, true)) log(exchange, 403, refusal + " (claim " + claim.id() + ", and maybe more of this batch)", caller);
            throw new BadInputException("store", refusal.substring("store: ".length()));
        };
    }

    private void counted(HttpExchange exchange, String reason, int status, String message, Caller caller) {
        metrics.denied(reason);
        log(exchange, status, message, caller);
    }

    private static void log(HttpExchange exchange, int status, String message, Caller caller) {
        LOG.warn("denied {} {} from {}{}: {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRemoteAddress().getAddress().getHostAddress(), caller == null ? "" : " (" + caller.name() + ")",
                status, message);
    }
}
