package io.policyengine.examples.serve;

import io.policyengine.examples.cli.PolicyCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /v1/due} (contract 12.4): the same to-do list as {@code ./policy due --json}, for a batch sent over HTTP. */
class DueEndpointTest {
    private static final Path EXAMPLES = Path.of("claims", "store-standard", "follow-up-duties.jsonl");
    private static LiveService live;

    @BeforeAll
    static void start() throws IOException {
        live = LiveService.start(LiveService.storeStandard(), false, null);
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        PolicyCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(new StringWriter()), args);
        return out.toString().replace("\r\n", "\n");
    }

    @Test
    @DisplayName("a batch of JSON Lines, judged ?asOf= a day: the same lines, in the same order, as ./policy due --json --as-of")
    void sameAsTheCommandLine() throws IOException {
        String body = Files.readString(EXAMPLES);

        HttpResponse<String> answer = live.post("/v1/due?asOf=2026-05-09&lang=zh-CN", "application/x-ndjson", body);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        String expected = cli("due", "--json", "--lang", "zh-CN", "--as-of", "2026-05-09", EXAMPLES.toString());
        assertThat(answer.body()).isEqualTo(expected);
        List<String> lines = answer.body().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"error\":\"asOf: 2026-05-09 is before events[0]"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"citation\":\"第二十七条\""));
    }

    @Test
    @DisplayName("a bad or repeated asOf is a 400 naming it, with a claim's one-line message; another content type a 415")
    void refusals() {
        String claim = LiveService.EXAMPLE_CLAIM;
        HttpResponse<String> badDay = live.post("/v1/due?asOf=2026-02-30", "application/json", claim);
        assertThat(badDay.statusCode()).isEqualTo(400);
        assertThat(LiveService.parse(badDay.body()).get("error").asText())
                .isEqualTo("asOf: 2026-02-30 is not a date: February 2026 has 28 days");
        HttpResponse<String> twice = live.post("/v1/due?asOf=2026-06-01&asOf=2026-07-01", "application/json", claim);
        assertThat(twice.statusCode()).as("a repeated query parameter").isEqualTo(400);
        assertThat(LiveService.parse(twice.body()).get("error").asText()).isEqualTo("asOf: given more than once in the query string");

        assertThat(live.post("/v1/due", "text/plain", claim).statusCode()).isEqualTo(415);
        HttpResponse<String> one = live.post("/v1/due", "application/json", claim);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).as("a refund has no follow-up duty").isEmpty();
    }
}
