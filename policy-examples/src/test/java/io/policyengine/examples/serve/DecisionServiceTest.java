package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.examples.CliTest;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints of contract section 9 over real HTTP on a loopback port: answers, errors and faults. */
class DecisionServiceTest {
    private static final String JSON = "application/json";

    @TempDir
    static Path temp;
    private static LiveService live;

    @BeforeAll
    static void start() throws IOException {
        live = LiveService.start(LiveService.storeStandard(), false, temp.resolve("decisions.jsonl"));
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    @Test
    @DisplayName("the contract's example claim: 200, the decision as the library writes it, and a Decision-Id logged with it")
    void exampleClaim() throws IOException {
        HttpResponse<String> response = live.post("/v1/decisions", JSON, LiveService.EXAMPLE_CLAIM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        String expected = DecisionJson.toJson(LiveService.storeStandard().decide(
                ClaimJson.parse(ClaimJson.readValue("claim", LiveService.EXAMPLE_CLAIM))), LiveService.english());
        assertThat(response.body()).isEqualTo(expected);
        String decisionId = response.headers().firstValue("Decision-Id").orElseThrow();
        JsonNode logged = live.logLines().stream().map(LiveService::parse)
                .filter(line -> line.get("decisionId").asText().equals(decisionId)).findFirst().orElseThrow();
        assertThat(logged.get("decision")).isEqualTo(LiveService.parse(response.body()));
        assertThat(logged.get("claim").get("id").asText()).isEqualTo("C-1001");
        assertThat(logged.get("policy").get("hash").asText()).isEqualTo(LiveService.storeStandard().policy().hash());
        assertThat(logged.get("policy").get("floors").isArray()).isTrue();
        assertThat(logged.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    @DisplayName("/v1/decisions/renderings: one decision, one log line, in every language as /v1/decisions gives each")
    void oneDecisionInEveryLanguage() throws IOException {
        int logged = live.logLines().size();

        HttpResponse<String> response = live.post("/v1/decisions/renderings?lang=zh-CN", JSON, LiveService.EXAMPLE_CLAIM);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = LiveService.parse(response.body());
        String decisionId = body.get("decisionId").asText();
        assertThat(response.headers().firstValue("Decision-Id")).hasValue(decisionId);
        Decision decision = LiveService.storeStandard().decide(ClaimJson.parse(ClaimJson.readValue("claim", LiveService.EXAMPLE_CLAIM)));
        assertThat(body.get("renderings").fieldNames()).toIterable().containsExactly("en", "zh-CN");
        assertThat(body.get("renderings").get("en")).isEqualTo(LiveService.parse(DecisionJson.toJson(decision, LiveService.english())));
        JsonNode chinese = LiveService.parse(DecisionJson.toJson(decision, LiveService.storeStandard().wording(Languages.ZH_CN)));
        assertThat(body.get("renderings").get("zh-CN")).isEqualTo(chinese);
        assertThat(live.logLines()).hasSize(logged + 1);
        JsonNode line = LiveService.parse(live.logLines().get(logged));
        assertThat(line.get("decisionId").asText()).isEqualTo(decisionId);
        assertThat(line.get("decision")).as("logged in the request's language").isEqualTo(chinese);

        HttpResponse<String> explained = live.post("/v1/explanations/renderings", JSON, LiveService.EXAMPLE_CLAIM);
        assertThat(LiveService.parse(explained.body()).get("renderings").get("zh-CN").get("firedRules").get(0).get("title").asText())
                .isEqualTo("质量问题退货期限");
        assertThat(live.logLines()).as("explanations are not logged").hasSize(logged + 1);
    }

    @Test
    @DisplayName("?dryRun=true: one claim, its renderings and a batch get the same answer, and the log gets no line")
    void dryRunIsNotLogged() throws IOException {
        String batch = LiveService.EXAMPLE_CLAIM.replace("\n", " ") + "\n" + LiveService.EXAMPLE_CLAIM.replace("\n", " ").replace("C-1001", "C-1002") + "\n";
        HttpResponse<String> recorded = live.post("/v1/decisions", JSON, LiveService.EXAMPLE_CLAIM);
        HttpResponse<String> recordedRenderings = live.post("/v1/decisions/renderings?lang=zh-CN", JSON, LiveService.EXAMPLE_CLAIM);
        HttpResponse<String> recordedBatch = live.post("/v1/decisions", "application/x-ndjson", batch);
        int logged = live.logLines().size();

        HttpResponse<String> tried = live.post("/v1/decisions?dryRun=true", JSON, LiveService.EXAMPLE_CLAIM);
        HttpResponse<String> triedRenderings = live.post("/v1/decisions/renderings?lang=zh-CN&dryRun=true", JSON, LiveService.EXAMPLE_CLAIM);
        HttpResponse<String> triedBatch = live.post("/v1/decisions?dryRun=true", "application/x-ndjson", batch);

        assertThat(tried.statusCode()).isEqualTo(200);
        assertThat(tried.body()).isEqualTo(recorded.body());
        assertThat(LiveService.parse(triedRenderings.body()).get("renderings"))
                .isEqualTo(LiveService.parse(recordedRenderings.body()).get("renderings"));
        assertThat(triedBatch.body()).isEqualTo(recordedBatch.body());
        assertThat(live.logLines()).as("nothing of a trial is logged").hasSize(logged);

        live.post("/v1/decisions?dryRun=false", JSON, LiveService.EXAMPLE_CLAIM);
        assertThat(live.logLines()).as("dryRun=false records as usual").hasSize(logged + 1);
        HttpResponse<String> unclear = live.post("/v1/decisions?dryRun=yes", JSON, LiveService.EXAMPLE_CLAIM);
        assertThat(unclear.statusCode()).isEqualTo(400);
        assertThat(LiveService.parse(unclear.body()).get("error").asText()).isEqualTo("dryRun: expected true or false, got \"yes\"");
        assertThat(live.logLines()).hasSize(logged + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.policyengine.examples.CliTest#badClaims")
    @DisplayName("every bad claim the command line rejects is a 400 whose error names the field, and is not logged")
    void badClaim(String name, String text, String error, String claimId) throws IOException {
        int logged = live.logLines().size();

        HttpResponse<String> response = live.post("/v1/decisions", JSON, text);

        if (text.startsWith("[")) { // a JSON array is a batch: its bad element is an error line of a 200
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(LiveService.parse(response.body().strip()).get("error").asText()).startsWith(error);
        } else {
            assertThat(response.statusCode()).isEqualTo(400);
            String message = LiveService.parse(response.body()).get("error").asText();
            assertThat(message).matches("^[A-Za-z][\\w.\\[\\]]*: .*").satisfiesAnyOf(
                    m -> assertThat(m).startsWith(error),
                    m -> assertThat(m).startsWith("body: " + error));
        }
        assertThat(live.logLines()).hasSize(logged);
    }

    @Test
    @DisplayName("a single claim over 1 MiB is 413; a batch of any size is not limited")
    void tooLarge() {
        String padded = LiveService.EXAMPLE_CLAIM.replace("\"C-1001\"", "\"" + "x".repeat(1 << 20) + "\"");

        HttpResponse<String> response = live.post("/v1/decisions", JSON, padded);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(LiveService.parse(response.body()).get("error").asText()).startsWith("body: ");
        assertThat(live.post("/v1/decisions", "application/x-ndjson", padded.replace("\n", "") + "\n").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("another content type is 415, naming the ones taken")
    void unsupportedType() {
        HttpResponse<String> form = live.post("/v1/decisions", "application/x-www-form-urlencoded", LiveService.EXAMPLE_CLAIM);
        HttpResponse<String> none = live.post("/v1/explanations", null, LiveService.EXAMPLE_CLAIM);

        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(LiveService.parse(form.body()).get("error").asText()).startsWith("Content-Type: ").contains("application/json");
        assertThat(none.statusCode()).isEqualTo(415);
    }

    @Test
    @DisplayName("an unknown path is 404; a wrong method is 405 with Allow")
    void notFoundAndMethodNotAllowed() {
        HttpResponse<String> missing = live.get("/v1/decision");
        HttpResponse<String> wrongMethod = live.get("/v1/decisions");
        HttpResponse<String> postToPolicy = live.post("/v1/policy", JSON, "{}");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(LiveService.parse(missing.body()).has("error")).isTrue();
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(postToPolicy.statusCode()).isEqualTo(405);
        assertThat(postToPolicy.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    @DisplayName("?lang= must be en or zh-CN; Accept-Language never fails")
    void language() {
        HttpResponse<String> unsupported = live.post("/v1/decisions?lang=fr", JSON, LiveService.EXAMPLE_CLAIM);
        HttpResponse<String> chinese = live.send(HttpRequest.newBuilder(live.uri("/v1/decisions"))
                .header("Content-Type", JSON).header("Accept-Language", "fr;q=0.9, zh;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(LiveService.EXAMPLE_CLAIM)).build());

        assertThat(unsupported.statusCode()).isEqualTo(400);
        assertThat(LiveService.parse(unsupported.body()).get("error").asText())
                .isEqualTo("lang: unsupported \"fr\"; supported: en, zh-CN");
        assertThat(chinese.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("explanations: the rules that fired and the decision, as explain --json gives them")
    void explanation() {
        HttpResponse<String> response = live.post("/v1/explanations", JSON, LiveService.EXAMPLE_CLAIM);

        assertThat(response.statusCode()).isEqualTo(200);
        String expected = DecisionJson.explanationJson(LiveService.storeStandard().explain(
                ClaimJson.parse(ClaimJson.readValue("claim", LiveService.EXAMPLE_CLAIM))), LiveService.english());
        assertThat(response.body()).isEqualTo(expected);
        assertThat(live.post("/v1/explanations", JSON, "{\"id\": 1}").statusCode()).isEqualTo(400);
    }

    @Test
    @DisplayName("policy, health, readiness and metrics")
    void policyHealthAndMetrics() {
        live.post("/v1/decisions", JSON, LiveService.EXAMPLE_CLAIM);
        live.post("/v1/decisions", JSON, "{}");

        JsonNode policy = LiveService.parse(live.get("/v1/policy").body());
        assertThat(policy.get("name").asText()).isEqualTo("store-standard");
        assertThat(policy.get("hash").asText()).isEqualTo(LiveService.storeStandard().policy().hash());
        assertThat(policy.get("terms").get("defectRefundDays").asInt()).isEqualTo(15);
        assertThat(policy.get("floors").isArray()).isTrue();
        assertThat(policy.get("loadedAt").asText()).endsWith("Z");
        assertThat(policy.get("lastReloadError").isNull()).isTrue();
        assertThat(live.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(live.get("/readyz").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = live.get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("policy_decisions_total\\{.*outcome=\"REFUND\".*\\} [1-9]")
                .containsPattern("policy_bad_input_total [1-9]")
                .contains("http_server_requests_seconds_bucket{")
                .contains("policy_reloads_total{result=\"failed\"} 0.0")
                .contains("policy_live{hash=\"" + LiveService.storeStandard().policy().hash() + "\"")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    @DisplayName("malformed HTTP gets a 400 or a closed connection, and the service goes on serving")
    void malformedHttp() throws IOException {
        for (String garbage : List.of("GARBAGE\r\n\r\n", "POST /v1/decisions HTTP/1.1\r\nContent-Length: banana\r\n\r\n{}",
                "\u0000\u0001\u0002\r\n\r\n")) {
            try (Socket socket = new Socket(live.service.uri().getHost(), live.service.uri().getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(garbage.getBytes(StandardCharsets.ISO_8859_1));
                String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
                assertThat(status).as("answer to %s", garbage).satisfiesAnyOf(
                        s -> assertThat(s).isNull(),
                        s -> assertThat(s).startsWith("HTTP/1.1 4"));
            }
        }
        assertThat(live.post("/v1/decisions", JSON, LiveService.EXAMPLE_CLAIM).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a client that disconnects mid-body is dropped; nothing is logged for it and the service goes on")
    void disconnectMidBody() throws IOException {
        int logged = live.logLines().size();
        for (String type : List.of(JSON, "application/x-ndjson")) {
            try (Socket socket = new Socket(live.service.uri().getHost(), live.service.uri().getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: 100000\r\n\r\n"
                        + LiveService.EXAMPLE_CLAIM.substring(0, 40)).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }

        assertThat(live.post("/v1/decisions", JSON, LiveService.EXAMPLE_CLAIM).statusCode()).isEqualTo(200);
        assertThat(live.logLines()).hasSize(logged + 1);
    }

    @Test
    @DisplayName("200 connections at once are all answered, each decision logged once")
    void concurrentConnections() throws IOException {
        int logged = live.logLines().size();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            // a client of its own for each request: 200 connections, not a pool of a few
            answers.add(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .sendAsync(HttpRequest.newBuilder(live.uri("/v1/decisions")).header("Content-Type", JSON)
                                    .POST(HttpRequest.BodyPublishers.ofString(LiveService.EXAMPLE_CLAIM.replace("C-1001", "C-" + i))).build(),
                            HttpResponse.BodyHandlers.ofString()));
        }

        List<String> ids = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).isEqualTo(200);
            ids.add(response.headers().firstValue("Decision-Id").orElseThrow());
        }
        assertThat(ids).doesNotHaveDuplicates();
        List<String> loggedIds = live.logLines().stream().skip(logged).map(l -> LiveService.parse(l).get("decisionId").asText()).toList();
        assertThat(loggedIds).containsExactlyInAnyOrderElementsOf(ids);
    }
}
