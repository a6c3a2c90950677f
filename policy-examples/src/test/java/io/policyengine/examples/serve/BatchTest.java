package io.policyengine.examples.serve;

import io.policyengine.examples.cli.PolicyCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches over HTTP: the same lines as {@code ./policy decide --json}, and exactly one log line per decided claim. */
class BatchTest {
    private static final Path EXAMPLES = Path.of("claims", "store-standard");

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

    /** Every example claim of the store-standard pack, with bad lines between them. */
    private static String jsonLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        lines.add(3, "{\"id\": \"BAD-1\", \"qualityDefect\": \"yes\"}");
        lines.add(10, "this is not JSON");
        lines.add("{\"id\": \"BAD-2\", \"product\": {\"sku\": \"S\", \"price\": -1}, \"purchaseDate\": \"2026-03-01\", "
                + "\"claimDate\": \"2026-03-02\", \"qualityDefect\": false}");
        return String.join("\n", lines) + "\n";
    }

    private static String cliDecideJson(Path file) {
        StringWriter out = new StringWriter();
        PolicyCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(new StringWriter()),
                "decide", "--json", file.toString());
        return out.toString();
    }

    @Test
    @DisplayName("JSON Lines: byte for byte the lines of ./policy decide --json on the same file, error lines included")
    void jsonLinesAsTheCommandLine() throws IOException {
        String body = jsonLines();
        Path file = Files.writeString(temp.resolve("claims.jsonl"), body);

        HttpResponse<String> response = live.post("/v1/decisions", "application/x-ndjson", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson; charset=utf-8");
        String expected = cliDecideJson(file);
        assertThat(expected.lines().count()).isGreaterThan(50);
        assertThat(expected).contains("\"error\"");
        assertThat(response.body()).isEqualTo(expected);
    }

    @Test
    @DisplayName("a JSON array: byte for byte the lines of ./policy decide --json on the same array")
    void arrayAsTheCommandLine() throws IOException {
        String body = "[\n" + String.join(",\n", jsonLines().strip().lines().filter(l -> !l.startsWith("this")).toList()) + "\n]\n";
        Path file = Files.writeString(temp.resolve("claims.json"), body);

        HttpResponse<String> response = live.post("/v1/decisions", "application/json", body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(cliDecideJson(file));
    }

    @Test
    @DisplayName("the decision log holds exactly one line per decided claim, single or batched, and none for bad ones")
    void oneLogLinePerDecidedClaim() throws IOException {
        int before = live.logLines().size();
        String body = jsonLines();

        HttpResponse<String> batch = live.post("/v1/decisions", "application/x-ndjson", body);
        HttpResponse<String> single = live.post("/v1/decisions", "application/json", LiveService.EXAMPLE_CLAIM);
        HttpResponse<String> bad = live.post("/v1/decisions", "application/json", "{\"id\": \"X\"}");

        List<String> decisions = batch.body().lines().filter(l -> !l.contains("\"error\"")).toList();
        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(bad.statusCode()).isEqualTo(400);
        List<String> logged = live.logLines().subList(before, live.logLines().size());
        assertThat(logged).hasSize(decisions.size() + 1);
        List<String> loggedDecisions = logged.stream().map(l -> LiveService.parse(l).get("decision").toString()).toList();
        assertThat(loggedDecisions.subList(0, decisions.size()))
                .isEqualTo(decisions.stream().map(d -> LiveService.parse(d).toString()).toList());
        assertThat(LiveService.parse(logged.get(logged.size() - 1)).get("decisionId").asText())
                .isEqualTo(single.headers().firstValue("Decision-Id").orElseThrow());
        assertThat(logged.stream().map(l -> LiveService.parse(l).get("decisionId").asText())).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("a batch whose JSON array breaks off is answered, and its connection carries the next request")
    void brokenArrayKeepsTheConnection() throws IOException {
        // the reading stops at the array's nesting limit, far before the body's end
        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        URI service = live.uri("/");
        try (Socket socket = new Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();

            post(out, deepArray);
            String batch = answer(in);
            post(out, LiveService.EXAMPLE_CLAIM);
            String next = answer(in);

            assertThat(batch).startsWith("HTTP/1.1 200 ").contains("\"error\"");
            assertThat(next).as("the next request on the same connection").startsWith("HTTP/1.1 200 ").contains("\"claimId\":\"C-1001\"");
        }
    }

    private static void post(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /** One answer, fixed-length or chunked, as text; what the server sent before closing if it closed. */
    private static String answer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int c; !head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0; ) head.append((char) c);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (length.find()) return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        StringBuilder body = new StringBuilder();
        while (true) {
            String size = line(in);
            if (size.isEmpty()) return head.toString() + body; // the connection closed
            int bytes = Integer.parseInt(size.trim(), 16);
            body.append(new String(in.readNBytes(bytes), StandardCharsets.UTF_8));
            line(in);
            if (bytes == 0) return head.toString() + body;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) if (c != '\r') line.append((char) c);
        return line.toString();
    }
}
