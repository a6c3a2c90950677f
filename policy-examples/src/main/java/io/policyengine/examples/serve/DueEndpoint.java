package io.policyengine.examples.serve;

import io.policyengine.examples.pipeline.DueList;
import io.policyengine.examples.pipeline.ClaimBatches;
import io.policyengine.model.BadInputException;
import io.policyengine.json.ClaimJson;
import com.sun.net.httpserver.HttpExchange;
import io.policyengine.Wording;
import io.policyengine.json.ClaimSource;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code POST /v1/due[?asOf=DATE]}: {@code ./policy due --json} for a batch of claims (contract 12.4). The body is
 * one claim, a JSON array or JSON Lines; the answer is JSON Lines: first a {@code {"line","claimId","error"}} line
 * for each bad claim as it is read, then every open duty, overdue first, then by due date. The duties are sorted
 * in bounded memory ({@link DueList} spills to temporary files), so any body size is answered.
 */
final class DueEndpoint {
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";

    private final LiveRules rules;
    private final Function<HttpExchange, Locale> language;
    private final Gate gate;

    DueEndpoint(LiveRules rules, Function<HttpExchange, Locale> language, Gate gate) {
        this.gate = gate;
        this.rules = rules;
        this.language = language;
    }

    void due(HttpExchange exchange) throws IOException {
        String type = Http.mediaType(exchange);
        if (!JSON.equals(type) && !NDJSON.equals(type)) {
            throw new HttpError(415, "Content-Type: " + (type == null ? "missing" : "\"" + type + "\" not accepted")
                    + ", expected " + JSON + " or " + NDJSON);
        }
        UnaryOperator<Claim> judgedOn = judgedOn(Http.queryParameter(exchange, "asOf"));
        UnaryOperator<Claim> ofCallersStores = gate.storesOf(exchange);
        // a claim of another store is an error line, as a bad claim is; the caller's own are listed
        UnaryOperator<Claim> judged = claim -> judgedOn.apply(ofCallersStores.apply(claim));
        Locale chosen = language.apply(exchange);
        Function<Claim, Wording> wordings = rules.wordings(chosen, Languages.EN);
        exchange.getResponseHeaders().set("Content-Type", Http.NDJSON);
        exchange.sendResponseHeaders(200, 0);
        Writer out = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8));
        try (DueList list = new DueList(rules.wording(chosen != null ? chosen : Languages.EN), true)) {
            ClaimBatches.decide(rules.decider(), List.of(ClaimSource.STDIN), exchange.getRequestBody(), judged, (item, decision) -> {
                if (decision == null) line(out, DecisionJson.errorLine(item.line(), item.claimId(), item.error()));
                else list.add(item.claim(), decision, wordings.apply(item.claim()));
            });
            Http.drain(exchange.getRequestBody()); // as for a batch: a broken array must not cost the connection
            list.write(json -> line(out, json));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away
        }
        out.close();
    }

    /** {@code ?asOf=}: the day to judge the claims that give none on; every claim's own when absent. */
    private static UnaryOperator<Claim> judgedOn(String asOf) {
        if (asOf == null) return UnaryOperator.identity();
        LocalDate day;
        try {
            day = ClaimJson.date("asOf", asOf);
        } catch (BadInputException e) {
            throw new HttpError(400, e.getMessage());
        }
        return claim -> claim.asOf() != null ? claim : claim.toBuilder().asOf(day).build();
    }

    private static void line(Writer out, String json) {
        try {
            out.write(json);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
