package io.policyengine.examples.serve;

import io.policyengine.examples.report.DecisionRecord;
import io.policyengine.examples.pipeline.ClaimBatches;
import com.sun.net.httpserver.HttpExchange;
import io.policyengine.RuleFailureException;
import io.policyengine.Wording;
import io.policyengine.json.ClaimSource;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/decisions} (one claim, or a batch streamed back as JSON Lines) and {@code POST /v1/explanations};
 * and for the counter page, the same for one claim in every language at once ({@code .../renderings}).
 */
final class ClaimEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimEndpoints.class);
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final int PEEK_BYTES = 1 << 16;
    private static final int PEEK_BUFFER = 512;

    private final LiveRules rules;
    private final DecisionLog log;
    private final ServiceMetrics metrics;
    private final Locale defaultLanguage;
    private final Gate gate;

    ClaimEndpoints(LiveRules rules, DecisionLog log, ServiceMetrics metrics, Locale defaultLanguage, Gate gate) {
        this.gate = gate;
        this.rules = rules;
        this.log = log;
        this.metrics = metrics;
        this.defaultLanguage = defaultLanguage;
    }

    void decisions(HttpExchange exchange) throws IOException {
        String type = Http.mediaType(exchange);
        if (!JSON.equals(type) && !NDJSON.equals(type)) throw unsupported(type, JSON + " or " + NDJSON);
        Function<Claim, Wording> wordings = wordings(exchange);
        DecisionLog log = logFor(exchange);
        // a small buffer to peek through (it grows while a mark needs it): one of 8 KiB, cleared for every request,
        // was more than a one-claim body, and a batch's reader reads past it in large blocks
        InputStream body = new BufferedInputStream(exchange.getRequestBody(), PEEK_BUFFER);
        if (NDJSON.equals(type) || startsWithArray(body)) {
            batch(exchange, body, wordings, log);
            return;
        }
        Decided decided = decideOne(exchange, body, wordings, log);
        Http.sendJson(exchange, 200, decided.answer());
    }

    /**
     * {@code POST /v1/decisions/renderings}: one claim decided and logged once, answered in every language the
     * rules have, {@code {"decisionId", "renderings": {"en": {decision}, "zh-CN": {decision}}}}. The counter page
     * keeps both, so that switching its language shows the same decision again without deciding or logging it.
     */
    void decisionRenderings(HttpExchange exchange) throws IOException {
        String type = Http.mediaType(exchange);
        if (!JSON.equals(type)) throw unsupported(type, JSON + " (one claim)");
        Decided decided = decideOne(exchange, exchange.getRequestBody(), wordings(exchange), logFor(exchange));
        Map<String, String> renderings = new LinkedHashMap<>();
        for (Locale language : rules.languages(decided.claim())) {
            Wording wording = rules.wording(language);
            renderings.put(wording.languageTag(), AnswerJson.decision(decided.decision(), wording));
        }
        Http.sendJson(exchange, 200, AnswerJson.renderings(decided.decisionId(), renderings));
    }

    /**
     * The log a request's decisions go to: none for {@code ?dryRun=true} (contract 14.3), a decision made to try
     * something out on the counter page, which must not count as a claim in the report or fill the log.
     */
    private DecisionLog logFor(HttpExchange exchange) {
        String dryRun = Http.queryParameter(exchange, "dryRun");
        if (dryRun == null || dryRun.equals("false")) return log;
        if (dryRun.equals("true")) return DecisionLog.NONE;
        throw new HttpError(400, "dryRun: expected true or false, got \"" + dryRun + "\"");
    }

    /** One claim decided, logged (in the request's language, unless {@code log} is none) and counted; its {@code Decision-Id} header set. */
    private Decided decideOne(HttpExchange exchange, InputStream body, Function<Claim, Wording> wordings, DecisionLog log)
            throws IOException {
        Claim claim = OneClaim.read(Http.readClaimBody(exchange, body));
        gate.mayActFor(exchange, claim);
        rules.check(claim);
        Decision decision = decided(claim, () -> rules.decide(claim));
        byte[] answer = AnswerJson.decisionBytes(decision, wordings.apply(claim));
        String decisionId = DecisionLog.newId();
        if (log.enabled()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            DecisionRecord.write(line, decisionId, Instant.now(), Gate.caller(exchange).name(), claim, rules.regionOf(claim), decision,
                    new String(answer, StandardCharsets.UTF_8));
            try {
                log.append(line);
            } catch (DecisionLog.Unwritable e) {
                throw new HttpError(503, "not decided: " + e.getMessage() + "; send the claim again later");
            }
        }
        metrics.decided(decision);
        exchange.getResponseHeaders().set("Decision-Id", decisionId);
        return new Decided(decisionId, claim, decision, answer);
    }

    /** {@code answer}: the decision's JSON in the request's language, as UTF-8. */
    private record Decided(String decisionId, Claim claim, Decision decision, byte[] answer) {
    }

    void explanations(HttpExchange exchange) throws IOException {
        String type = Http.mediaType(exchange);
        if (!JSON.equals(type)) throw unsupported(type, JSON + " (one claim)");
        Function<Claim, Wording> wordings = wordings(exchange);
        Claim claim = OneClaim.read(Http.readClaimBody(exchange, exchange.getRequestBody()));
        gate.mayActFor(exchange, claim);
        rules.check(claim);
        Http.sendJson(exchange, 200, AnswerJson.explanation(decided(claim, () -> rules.explain(claim)), wordings.apply(claim)));
    }

    /**
     * What the rules make of one claim; when a rule fails, keeps firing or runs past the time limit, a 500
     * whose error is the line a batch gives for the same claim ({@code FILE:LINE: rule "..." ...}).
     */
    private <T> T decided(Claim claim, java.util.function.Supplier<T> rules) {
        try {
            return rules.get();
        } catch (RuleFailureException e) {
            metrics.ruleFailed();
            LOG.error("claim {} not decided: {}", claim.id(), e.getMessage());
            throw new HttpError(500, e.getMessage());
        }
    }

    /** {@code POST /v1/explanations/renderings}: one claim explained once, {@code {"renderings": {"en": {...}, "zh-CN": {...}}}}. */
    void explanationRenderings(HttpExchange exchange) throws IOException {
        String type = Http.mediaType(exchange);
        if (!JSON.equals(type)) throw unsupported(type, JSON + " (one claim)");
        Claim claim = OneClaim.read(Http.readClaimBody(exchange, exchange.getRequestBody()));
        gate.mayActFor(exchange, claim);
        rules.check(claim);
        Explanation explanation = decided(claim, () -> rules.explain(claim));
        Map<String, String> renderings = new LinkedHashMap<>();
        for (Locale language : rules.languages(claim)) {
            Wording wording = rules.wording(language);
            renderings.put(wording.languageTag(), AnswerJson.explanation(explanation, wording));
        }
        Http.sendJson(exchange, 200, AnswerJson.renderings(null, renderings));
    }

    /**
     * The body as {@code ./policy decide --json -} reads standard input, answered line by line as it is read.
     * No batch waits for a turn (contract 17): a connection that opens a batch and sends nothing holds its own
     * threads only, never a place a working batch needs. Deciding shares one pool of a worker a core
     * (ClaimBatches), and the answers waiting in memory share one budget (SpillingOutput).
     */
    private void batch(HttpExchange exchange, InputStream body, Function<Claim, Wording> wordings, DecisionLog log)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", Http.NDJSON);
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        BatchAnswer answer = new BatchAnswer(out, wordings, rules::regionOf, log, metrics, Gate.caller(exchange).name());
        boolean answered = false;
        try {
            ClaimBatches.decide(rules.decider(), List.of(ClaimSource.STDIN), body, gate.storesOf(exchange), answer::write, answer::send);
            Http.drain(body); // reading stops at a broken JSON array: the rest of it must not cost the connection
            answer.finish();
            answered = true;
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away
        } catch (RuntimeException | Error e) {
            // the status went out long ago: the only honest end left is no end
            metrics.answerCut();
            String why = e instanceof OutOfMemoryError ? "out of memory"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.error("a batch answer was cut short: {}", why);
            LOG.debug("the batch's failure", e);
            throw new AnswerCut(why, e);
        } finally {
            if (!answered) answer.abort();
        }
        out.close();
    }

    /**
     * {@code ?lang=} first, then {@code Accept-Language}, then the server's {@code --lang}; null when none of them
     * chose one and each claim is answered in its store's language (contract 14.2).
     */
    Locale language(HttpExchange exchange) {
        return Languages.requested(exchange, defaultLanguage);
    }

    /** Each claim's words: in the language {@link #language} chose, else in its store's. */
    Function<Claim, Wording> wordings(HttpExchange exchange) {
        return rules.wordings(language(exchange), Languages.EN);
    }

    /** Whether the first character that is not whitespace opens a JSON array; reads nothing away. */
    private static boolean startsWithArray(InputStream body) throws IOException {
        body.mark(PEEK_BYTES);
        try {
            for (int i = 0; i < PEEK_BYTES; i++) {
                int c = body.read();
                if (c == '[') return true;
                if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB && c != 0xBF) return false;
            }
            return false;
        } finally {
            body.reset();
        }
    }

    private static HttpError unsupported(String type, String expected) {
        return new HttpError(415, "Content-Type: " + (type == null ? "missing" : "\"" + type + "\" not accepted")
                + ", expected " + expected);
    }
}
