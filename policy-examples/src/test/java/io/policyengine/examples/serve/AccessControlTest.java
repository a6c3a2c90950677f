package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.policyengine.examples.access.Access;
import io.policyengine.examples.access.AllowedHosts;
import io.policyengine.examples.access.JwtCallers;
import io.policyengine.examples.access.LiveCallers;
import io.policyengine.examples.access.SignedTokens;
import io.policyengine.examples.access.TestCertificate;
import io.policyengine.examples.access.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.policyengine.examples.access.SignedTokens.AUDIENCE;
import static io.policyengine.examples.access.SignedTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 15 over the real service: who may reach each endpoint, a counter's claims of another store (alone and
 * in a batch), single sign-on tokens, the callers file changed under a running service, a foreign Host, HTTPS,
 * and the decision log naming the caller.
 */
class AccessControlTest {
    static final String TILL = "till-token-of-the-access-tests-000000000000";
    static final String MANAGER = "manager-token-of-the-access-tests-000000000";
    static final String ADMIN = "admin-token-of-the-access-tests-00000000000";
    static final SignedTokens PROVIDER = new SignedTokens();

    @TempDir
    Path temp;
    Path callers;
    Path decisionLog;
    LiveService live;

    static String chainCallers() {
        return """
                # a till of store SH-0012, the manager of the East region's two stores, the chain's operators
                till-sh12  counter  SH-0012           %s
                mgr-east   manager  SH-0012;SH-OUT-1  %s
                ops        admin    *                 %s
                """.formatted(Tokens.hash(TILL), Tokens.hash(MANAGER), Tokens.hash(ADMIN));
    }

    @BeforeEach
    void start() throws Exception {
        callers = writeWhole(temp.resolve("callers.txt"), chainCallers());
        Path jwks = Files.writeString(temp.resolve("jwks.json"), PROVIDER.jwks());
        decisionLog = temp.resolve("decisions.jsonl");
        Access access = Access.of(LiveCallers.watch(callers, LiveCallers.Listener.NONE), JwtCallers.of(jwks.toString(), AUDIENCE),
                AllowedHosts.of(List.of(), "127.0.0.1"));
        live = LiveService.start(LiveService.storeStandard(), decisionLog, access, null);
    }

    @AfterEach
    void stop() {
        if (live != null) live.close();
    }

    /** The example claim of contract 1 at {@code store}, with its own id and claim date. */
    static String claim(String id, String store, String claimDate) {
        ObjectNode claim = (ObjectNode) LiveService.parse(LiveService.EXAMPLE_CLAIM);
        claim.put("id", id).put("claimDate", claimDate);
        if (store != null) claim.put("store", store);
        return claim.toString();
    }

    private HttpResponse<String> call(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(live.uri(path));
        if (body == null) request.method(method, HttpRequest.BodyPublishers.noBody());
        else request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (token != null) request.header("Authorization", "Bearer " + token);
        return live.send(request.build());
    }

    @Test
    @DisplayName("each role on each endpoint: counters decide, managers also read the report, admins everything; health is open")
    void everyRoleOnEveryEndpoint() {
        String claim = claim("C-1", "SH-0012", "2026-03-09");
        record Row(String method, String path, String body, int anyone, int counter, int manager, int admin) {
        }
        List<Row> rows = List.of(
                new Row("POST", "/v1/decisions", claim, 401, 200, 200, 200),
                new Row("POST", "/v1/explanations", claim, 401, 200, 200, 200),
                new Row("POST", "/v1/decisions/renderings", claim, 401, 200, 200, 200),
                new Row("POST", "/v1/explanations/renderings", claim, 401, 200, 200, 200),
                new Row("POST", "/v1/due", claim, 401, 200, 200, 200),
                new Row("GET", "/v1/whoami", null, 401, 200, 200, 200),
                new Row("GET", "/report", null, 401, 403, 200, 200),
                new Row("GET", "/v1/policy", null, 401, 403, 403, 200),
                new Row("GET", "/metrics", null, 401, 403, 403, 200),
                new Row("GET", "/no/such/path", null, 401, 404, 404, 404),
                new Row("GET", "/healthz", null, 200, 200, 200, 200),
                new Row("GET", "/readyz", null, 200, 200, 200, 200),
                new Row("GET", "/", null, 200, 200, 200, 200),
                new Row("GET", "/v1/openapi.yaml", null, 200, 200, 200, 200));
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            String[] tokens = {null, TILL, MANAGER, ADMIN};
            int[] expected = {row.anyone(), row.counter(), row.manager(), row.admin()};
            for (int i = 0; i < tokens.length; i++) {
                HttpResponse<String> answer = call(row.method(), row.path(), tokens[i], row.body());
                if (answer.statusCode() != expected[i]) {
                    wrong.add(row.method() + " " + row.path() + " as " + (tokens[i] == null ? "anyone" : tokens[i].substring(0, 5))
                            + ": " + answer.statusCode() + " " + answer.body());
                }
                if (expected[i] == 401 || expected[i] == 403) {
                    assertThat(LiveService.parse(answer.body()).get("error").asText()).as(row.path()).isNotBlank();
                    assertThat(answer.headers().firstValue("Content-Type")).hasValue(Http.JSON);
                }
                if (expected[i] == 401) {
                    assertThat(answer.headers().firstValue("WWW-Authenticate")).as(row.path()).hasValue("Bearer realm=\"policy-engine\"");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @DisplayName("a counter's claim of another store: 403 alone; in a batch that claim's line is an error and the others are decided")
    void anotherStoresClaim() throws IOException {
        HttpResponse<String> alone = call("POST", "/v1/decisions", TILL, claim("C-2", "BJ-0003", "2026-03-09"));

        assertThat(alone.statusCode()).isEqualTo(403);
        assertThat(LiveService.parse(alone.body()).get("error").asText()).isEqualTo("store: \"BJ-0003\" is not a store of till-sh12 (SH-0012)");
        assertThat(LiveService.parse(call("POST", "/v1/decisions", TILL, claim("C-3", null, "2026-03-09")).body()).get("error").asText())
                .isEqualTo("store: missing; till-sh12 may act only for claims of SH-0012");

        String batch = String.join("\n", claim("C-4", "SH-0012", "2026-03-09"), claim("C-5", "BJ-0003", "2026-03-09"),
                claim("C-6", "SH-0012", "2026-03-09")) + "\n";
        HttpResponse<String> answer = live.send(HttpRequest.newBuilder(live.uri("/v1/decisions"))
                .POST(HttpRequest.BodyPublishers.ofString(batch)).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + TILL).build());

        assertThat(answer.statusCode()).isEqualTo(200);
        List<JsonNode> lines = answer.body().lines().map(LiveService::parse).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("claimId").asText()).isEqualTo("C-4");
        assertThat(lines.get(0).has("outcome")).isTrue();
        assertThat(lines.get(1).get("line").asInt()).isEqualTo(2);
        assertThat(lines.get(1).get("claimId").asText()).isEqualTo("C-5");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("store: \"BJ-0003\" is not a store of till-sh12 (SH-0012)");
        assertThat(lines.get(2).has("outcome")).isTrue();

        List<JsonNode> logged = Files.readAllLines(decisionLog).stream().map(LiveService::parse).toList();
        assertThat(logged).extracting(line -> line.get("claim").get("id").asText()).containsExactly("C-4", "C-6");
        assertThat(logged).allSatisfy(line -> assertThat(line.get("caller").asText()).isEqualTo("till-sh12"));
        assertThat(Files.readString(decisionLog)).doesNotContain(TILL).doesNotContain(Tokens.hash(TILL).substring(7));
        assertThat(call("GET", "/metrics", ADMIN, null).body()).contains("policy_denied_total{reason=\"store\"} 3.0");
    }

    @Test
    @DisplayName("the decision log names the caller who asked, never the token")
    void logNamesTheCaller() throws IOException {
        assertThat(call("POST", "/v1/decisions", MANAGER, claim("C-7", "SH-OUT-1", "2026-03-09")).statusCode()).isEqualTo(200);

        JsonNode line = LiveService.parse(Files.readAllLines(decisionLog).get(0));
        assertThat(line.get("caller").asText()).isEqualTo("mgr-east");
        assertThat(Files.readString(decisionLog)).doesNotContain(MANAGER);
    }

    @Test
    @DisplayName("a manager's report shows only their stores' decisions; an admin's shows every store's")
    void managersReport() {
        assertThat(call("POST", "/v1/decisions", ADMIN, claim("C-8", "SH-0012", "2026-03-09")).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/v1/decisions", ADMIN, claim("C-9", "BJ-0003", "2026-05-20")).statusCode()).isEqualTo(200);

        String managers = call("GET", "/report?lang=en", MANAGER, null).body();
        String admins = call("GET", "/report?lang=en", ADMIN, null).body();

        assertThat(admins).contains("2026-05-20").contains("Signed in as ops (admin; every store)");
        assertThat(managers).contains("2026-03-09").doesNotContain("2026-05-20")
                .contains("Signed in as mgr-east (manager; stores SH-0012, SH-OUT-1)");
    }

    @Test
    @DisplayName("single sign-on: a provider's RS256 or ES256 token decides; an expired, forged or foreign-audience one is 401")
    void jwts() throws IOException {
        String counter = PROVIDER.rs256(claims("till-sso-7", "counter", List.of("SH-0012")).build());
        String manager = PROVIDER.es256(claims("mgr-sso", "manager", List.of("SH-0012")).build());
        String expired = PROVIDER.rs256(claims("till-sso-7", "counter", List.of("SH-0012"))
                .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5)))).build());
        String forged = PROVIDER.forgedRs256(claims("ops", "admin", List.of("*")).build());
        String foreign = PROVIDER.rs256(claims("ops", "admin", List.of("*")).audience("another-service").build());

        assertThat(call("POST", "/v1/decisions", counter, claim("C-10", "SH-0012", "2026-03-09")).statusCode()).isEqualTo(200);
        assertThat(LiveService.parse(Files.readAllLines(decisionLog).get(0)).get("caller").asText()).isEqualTo("till-sso-7");
        assertThat(call("POST", "/v1/decisions", counter, claim("C-11", "BJ-0003", "2026-03-09")).statusCode()).isEqualTo(403);
        assertThat(call("GET", "/report", manager, null).statusCode()).isEqualTo(200);
        for (String token : List.of(expired, forged, foreign)) {
            HttpResponse<String> answer = call("GET", "/v1/whoami", token, null);
            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"policy-engine\", error=\"invalid_token\"");
        }
        assertThat(LiveService.parse(call("GET", "/v1/whoami", expired, null).body()).get("error").asText()).isEqualTo("token: expired");
        assertThat(call("GET", "/metrics", ADMIN, null).body()).contains("policy_denied_total{reason=\"expired-token\"} 2.0")
                .contains("policy_denied_total{reason=\"invalid-token\"} 2.0");
    }

    @Test
    @DisplayName("whoami says who is signed in, with role and stores")
    void whoami() {
        JsonNode manager = LiveService.parse(call("GET", "/v1/whoami", MANAGER, null).body());

        assertThat(manager.get("accessControl").asBoolean()).isTrue();
        assertThat(manager.get("name").asText()).isEqualTo("mgr-east");
        assertThat(manager.get("role").asText()).isEqualTo("manager");
        assertThat(manager.get("stores")).extracting(JsonNode::asText).containsExactly("SH-0012", "SH-OUT-1");
    }

    @Test
    @DisplayName("a changed callers file takes effect; a bad one never goes live and the callers before it keep working")
    void callersFileChanges() throws Exception {
        String newTill = Tokens.newToken();
        writeWhole(callers, chainCallers() + "till-sh13 counter SH-0013 " + Tokens.hash(newTill) + "\n");
        waitFor(() -> call("GET", "/v1/whoami", newTill, null).statusCode() == 200);
        assertThat(call("POST", "/v1/decisions", newTill, claim("C-12", "SH-0013", "2026-03-09")).statusCode()).isEqualTo(200);

        // the bad file drops the admin and holds a line that is no caller: neither change may take effect
        String another = Tokens.newToken();
        writeWhole(callers, "till-sh13 counter SH-0013 " + Tokens.hash(newTill) + "\n"
                + "till-sh14 cashier SH-0014 " + Tokens.hash(another) + "\n");
        waitFor(() -> call("GET", "/metrics", ADMIN, null).body().contains("policy_callers_reloads_total{result=\"failed\"} 1.0"));
        assertThat(call("GET", "/v1/whoami", another, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/v1/whoami", ADMIN, null).statusCode()).as("the admin of the file still live").isEqualTo(200);

        writeWhole(callers, "till-sh13 counter SH-0013 " + Tokens.hash(newTill) + "\n");
        waitFor(() -> call("GET", "/v1/whoami", ADMIN, null).statusCode() == 401);
        assertThat(call("GET", "/v1/whoami", newTill, null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("a request for another host name (DNS rebinding) is 421 with a JSON error; health checks answer any name")
    void foreignHost() throws IOException {
        String refused = raw("GET /v1/whoami HTTP/1.1\r\nHost: evil.example\r\nAuthorization: Bearer " + ADMIN + "\r\nConnection: close\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 421 ").contains("{\"error\":\"Host: \\\"evil.example\\\" is not a name of this service;");
        String page = raw("GET / HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 421 ");
        assertThat(raw("GET /healthz HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        assertThat(raw("GET /v1/whoami HTTP/1.1\r\nHost: localhost:1\r\nAuthorization: Bearer " + ADMIN + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200 ");
    }

    @Test
    @DisplayName("HTTPS with a test certificate: the service answers over TLS and says https in its address")
    void https() throws Exception {
        live.close();
        live = null;
        TestCertificate certificate = TestCertificate.make(temp, "EC");
        Access open = Access.open(AllowedHosts.of(List.of(), "127.0.0.1"));
        try (LiveService tls = LiveService.start(LiveService.storeStandard(), null, open,
                io.policyengine.examples.access.TlsFiles.context(certificate.cert(), certificate.key()))) {
            assertThat(tls.service.uri().toString()).startsWith("https://127.0.0.1:");
            HttpClient client = HttpClient.newBuilder().sslContext(certificate.clientContext()).build();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(tls.uri("/v1/decisions").resolve("/v1/decisions"))
                            .POST(HttpRequest.BodyPublishers.ofString(LiveService.EXAMPLE_CLAIM)).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(LiveService.parse(answer.body()).get("outcome").asText()).isEqualTo("REFUND");
        }
    }

    /** One request as bytes on a socket, the answer's text: the JDK's client will not send another Host. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), live.service.uri().getPort()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Replaces the file whole, as an editor's save or a Secret's update does. */
    static Path writeWhole(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.writeString(next, text);
        return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 15 s");
            Thread.sleep(100);
        }
    }
}
