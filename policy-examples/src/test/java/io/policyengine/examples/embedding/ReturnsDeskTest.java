package io.policyengine.examples.embedding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The returns desk over real HTTP on the loopback interface, with the bundled store-standard policy. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReturnsDeskTest {

    /** Contract section 1's sample claim: a TV with a quality defect, 8 days after purchase, asking for a refund. */
    private static final String SAMPLE = """
            {
              "id": "C-1001",
              "product": {"sku": "TV-55-X1", "category": "ELECTRONICS", "price": 3299.00,
                          "saleType": "REGULAR", "customMade": false},
              "purchaseDate": "2026-03-01",
              "claimDate": "2026-03-09",
              "qualityDefect": true,
              "request": "REFUND",
              "condition": {"packaging": "INTACT", "accessoriesComplete": true, "warrantyCard": true,
                            "usageTraces": false, "customerDamage": false}
            }
            """;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PolicyEngine engine;
    private static ReturnsDesk desk;
    private static HttpClient http;

    @BeforeAll
    static void startDesk() throws IOException {
        engine = PolicyEngine.storeStandard();
        desk = new ReturnsDesk(engine, 0).start();
        http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stopDesk() {
        if (desk != null) desk.close();
    }

    @Test
    void theSampleClaimGetsTheContractsDecision() throws Exception {
        HttpResponse<String> response = post("/decisions", SAMPLE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode decision = JSON.readTree(response.body());
        assertThat(decision.get("claimId").asText()).isEqualTo("C-1001");
        assertThat(decision.get("outcome").asText()).isEqualTo("REFUND");
        assertThat(texts(decision.get("remedies"))).containsExactly("REFUND", "EXCHANGE", "FREE_REPAIR");
        assertThat(decision.get("daysSincePurchase").asInt()).isEqualTo(8);
        assertThat(decision.get("repairDueDate").isNull()).isTrue();
        assertThat(decision.get("reasons")).isNotEmpty();
        assertThat(decision.at("/policy/name").asText()).isEqualTo("store-standard");
        // byte for byte what the library writes
        assertThat(response.body()).isEqualTo(DecisionJson.toJson(engine.decide(ClaimJson.parse(JSON.readTree(SAMPLE)))));
    }

    @Test
    void aWrongTypeIsBadInputNamingTheField() throws Exception {
        HttpResponse<String> response = post("/decisions", SAMPLE.replace("\"qualityDefect\": true", "\"qualityDefect\": \"yes\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).isEqualTo("qualityDefect: expected true or false, got \"yes\"");
    }

    @Test
    void aMalformedBodyIsBadInputWithoutAStackTrace() throws Exception {
        HttpResponse<String> response = post("/decisions", "{\"id\": \"C-1\", \"product\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error(response)).startsWith("body: not JSON: ").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void otherBadBodiesAreBadInputToo() throws Exception {
        assertThat(error(post("/decisions", ""))).isEqualTo("body: empty, expected one claim object");
        assertThat(error(post("/decisions", SAMPLE.replace("\"sku\": \"TV-55-X1\",", "\"sku\": \"TV-55-X1\", \"sku\": \"TV-2\","))))
                .isEqualTo("product.sku: duplicate field");
        assertThat(error(post("/decisions", SAMPLE + SAMPLE))).startsWith("body: not JSON: ");
        assertThat(post("/decisions", "[" + SAMPLE + "]").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyOverOneMebibyteIsRefused() throws Exception {
        byte[] padded = (SAMPLE + " ".repeat(2 * ReturnsDesk.MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> withLength = send(HttpRequest.newBuilder(desk.uri().resolve("/decisions"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(padded)));
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(desk.uri().resolve("/decisions"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded))));

        assertThat(withLength.statusCode()).isEqualTo(413);
        assertThat(error(withLength)).isEqualTo("body: larger than 1048576 bytes");
        assertThat(chunked.statusCode()).isEqualTo(413);
        // exactly at the limit is still read (and then decided)
        String atLimit = SAMPLE + " ".repeat(ReturnsDesk.MAX_BODY_BYTES - SAMPLE.length());
        assertThat(post("/decisions", atLimit).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        HttpResponse<String> get = send(HttpRequest.newBuilder(desk.uri().resolve("/decisions")).GET());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(post("/policy", "{}").statusCode()).isEqualTo(405);
        assertThat(post("/decisions/extra", SAMPLE).statusCode()).isEqualTo(404);
    }

    @Test
    void theExplanationListsTheRulesThatFired() throws Exception {
        HttpResponse<String> response = post("/explanations", SAMPLE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode explanation = JSON.readTree(response.body());
        assertThat(explanation.get("claimId").asText()).isEqualTo("C-1001");
        assertThat(explanation.get("firedRules")).isNotEmpty();
        assertThat(explanation.at("/decision/outcome").asText()).isEqualTo("REFUND");
    }

    @Test
    void thePolicyNamesStoreStandard() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(desk.uri().resolve("/policy")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode policy = JSON.readTree(response.body());
        assertThat(policy.get("name").asText()).isEqualTo("store-standard");
        assertThat(policy.get("version").asText()).isEqualTo(engine.policy().version());
        assertThat(policy.get("hash").asText()).isEqualTo(engine.policy().hash()).isNotBlank();
    }

    /** 50 claims, each a different number of days after purchase, sent from 8 threads at once. */
    @Test
    void concurrentRequestsEachGetTheirOwnDecision() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            List<String> claims = new ArrayList<>();
            for (int day = 0; day < 50; day++) {
                String claim = SAMPLE.replace("C-1001", "C-" + day)
                        .replace("2026-03-09", LocalDate.parse("2026-03-01").plusDays(day).toString());
                claims.add(claim);
                responses.add(callers.submit(() -> post("/decisions", claim)));
            }
            for (int day = 0; day < 50; day++) {
                HttpResponse<String> response = responses.get(day).get(30, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                JsonNode decision = JSON.readTree(response.body());
                assertThat(decision.get("claimId").asText()).isEqualTo("C-" + day);
                assertThat(decision.get("daysSincePurchase").asInt()).isEqualTo(day);
                assertThat(decision.get("outcome").asText()).isEqualTo(day <= 15 ? "REFUND" : day <= 30 ? "EXCHANGE" : "FREE_REPAIR");
                assertThat(response.body())
                        .isEqualTo(DecisionJson.toJson(engine.decide(ClaimJson.parse(JSON.readTree(claims.get(day))))));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private static HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(desk.uri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isBetween(400, 499);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.size()).isEqualTo(1);
        return body.get("error").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
