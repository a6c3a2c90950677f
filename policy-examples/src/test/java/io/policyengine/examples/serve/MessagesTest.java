package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.examples.cli.PolicyCli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.policyengine.examples.serve.RulesFolder.copyOfStoreStandard;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue #23, finding 9: each of these gets one clear line (JSON over HTTP), never silence, HTML or a bare path. */
class MessagesTest {
    @TempDir
    Path temp;

    /** What one in-process run of the command line printed. */
    private record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = PolicyCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @DisplayName("decide: a line over 1 MiB is an error line naming its line, and the claims after it are decided")
    void hugeLineInDecide() throws IOException {
        Path claims = temp.resolve("claims.jsonl");
        String huge = DecisionLogFaultsTest.claim("HUGE").replace("{\"id\"", "{" + " ".repeat(2 << 20) + "\"id\"");
        Files.writeString(claims, huge + "\n" + DecisionLogFaultsTest.claim("AFTER") + "\n");

        Run run = cli("decide", "--json", claims.toString());

        assertThat(run.exit()).isEqualTo(2);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(LiveService.parse(lines.get(0)).get("error").asText()).isEqualTo("line over 1 MiB, the limit for one claim: not read");
        assertThat(LiveService.parse(lines.get(0)).get("line").asInt()).isEqualTo(1);
        assertThat(LiveService.parse(lines.get(1)).get("claimId").asText()).isEqualTo("AFTER");
        assertThat(run.errLines()).containsExactly(claims + ":1: line over 1 MiB, the limit for one claim: not read");
    }

    @Test
    @DisplayName("serve --decision-log in a folder that does not exist says which folder, on one line")
    void decisionLogInMissingFolder() {
        Path log = temp.resolve("no-such-folder").resolve("decisions.jsonl");

        Run run = cli("serve", "--port", "0", "--decision-log", log.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("--decision-log: cannot open " + log + ": no such folder " + log.getParent());
    }

    @Test
    @DisplayName("an [articles] pattern with {n} twice is FILE:LINE, not a regular expression's error")
    void articlePatternWithTwoNumbers() throws IOException {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        Path sentences = pack.resolve("sentences.en.txt");
        Files.writeString(sentences, Files.readString(sentences).replace("[articles]\n", "[articles]\n{n}-{n} = art. {n}\n"));

        Run run = cli("validate", pack.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).containsPattern("sentences\\.en\\.txt:\\d+: \"\\{n\\}-\\{n\\}\": \\{n\\} may stand only once in an article's pattern")
                .doesNotContain("capturing group");
    }

    @Test
    @DisplayName("a rule whose name holds ' = ' gets its sentence in quotes, as validate's own suggestion says")
    void ruleNameWithEqualsSign() throws IOException {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        Path tiers = pack.resolve("defect-tiers.drl");
        String text = Files.readString(tiers);
        int start = text.indexOf("rule \"defect refund window\"");
        String copy = text.substring(start, text.indexOf("\nend\n", start) + 5).replace("\"defect refund window\"", "\"refund = day 15 or sooner\"");
        Files.writeString(tiers, text + "\n" + copy);

        Run missing = cli("validate", pack.toString());
        String suggestion = "(add `\"refund = day 15 or sooner\" = ...` under [reasons])";
        assertThat(missing.out()).contains("has no sentence in sentences.en.txt " + suggestion);

        for (String language : List.of("en", "zh-CN")) {
            Path sentences = pack.resolve("sentences." + language + ".txt");
            Files.writeString(sentences, Files.readString(sentences).replace("[reasons]\n",
                    "[reasons]\n\"refund = day 15 or sooner\" = defect on day {days}, within {refundDays} days\n"));
        }
        Run fixed = cli("validate", pack.toString());
        assertThat(fixed.exit()).as(fixed.out()).isZero();
    }

    @Test
    @DisplayName("a sentence file saved as UTF-16 is one problem, as a claim file is")
    void utf16SentenceFile() throws IOException {
        Path pack = copyOfStoreStandard(temp.resolve("rules"));
        Path sentences = pack.resolve("sentences.en.txt");
        Files.write(sentences, Files.readString(sentences).getBytes(StandardCharsets.UTF_16));

        Run run = cli("validate", pack.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out().lines().filter(line -> !line.contains("warning:")).toList())
                .containsExactly(sentences + ":1: not valid UTF-8: it is UTF-16; save it as UTF-8", pack + ": 1 error(s)");
    }

    @Test
    @DisplayName("a store pack stacked as its own floor is refused on one line")
    void packAsItsOwnFloor() throws IOException {
        Path claim = Files.writeString(temp.resolve("claim.json"), LiveService.EXAMPLE_CLAIM);

        Run run = cli("decide", "--floor", "store-standard", claim.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("--floor store-standard: the pack store-standard is the store pack itself; a pack cannot be its own floor");
    }

    @Test
    @DisplayName("HTTP: a broken chunk size is a 400 JSON error; HEAD /healthz is the GET's status without a body")
    void brokenChunksAndHead() throws IOException {
        try (LiveService live = LiveService.start(LiveService.storeStandard(), false, null)) {
            String answer = raw(live, "POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nhello\r\n0\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 400 ").containsIgnoringCase("content-type: application/json")
                    .endsWith("{\"error\":\"body: broken chunked encoding (invalid chunk length)\"}");

            HttpResponse<String> head = live.send(HttpRequest.newBuilder(live.uri("/healthz"))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
        }
    }

    @Test
    @DisplayName("HTTP: a 40 MB one-claim body sent whole without Expect: 100-continue gets the 413, not a reset connection")
    void hugeBodyGets413() throws IOException {
        byte[] body = new byte[40 << 20];
        java.util.Arrays.fill(body, (byte) ' ');
        try (LiveService live = LiveService.start(LiveService.storeStandard(), false, null);
             Socket socket = new Socket(live.service.uri().getHost(), live.service.uri().getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            // as a client that sends the whole body before it reads the answer (curl without Expect, most scripts)
            out.write(("POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);

            String text = answer.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 413 ");
            JsonNode error = LiveService.parse(text.substring(text.indexOf("\r\n\r\n") + 4));
            assertThat(error.get("error").asText()).startsWith("body: over 1 MiB for one claim");
        }
    }

    private static String raw(LiveService live, String request) throws IOException {
        try (Socket socket = new Socket(live.service.uri().getHost(), live.service.uri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
