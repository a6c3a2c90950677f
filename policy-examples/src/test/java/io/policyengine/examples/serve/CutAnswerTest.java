package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #23, finding 1: a batch answer that fails on the service's side part-way is visibly broken, never a clean shorter 200. */
class CutAnswerTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("finding 1: a full spill folder under a client that sends everything first cuts the answer without its end, logged and counted")
    void spillFolderFull() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 14_000; i++) body.append(DecisionLogFaultsTest.claim("S-" + i)).append('\n');
        String tmpdir = System.getProperty("java.io.tmpdir");
        try (Tmpfs disk = Tmpfs.mount(temp.resolve("spill"), "64k");
             LiveService live = LiveService.start(LiveService.storeStandard(), false, null)) {
            disk.fill();
            System.setProperty("java.io.tmpdir", disk.dir.toString());
            String answer;
            try {
                answer = sendAllThenRead(live, body.toString());
            } finally {
                System.setProperty("java.io.tmpdir", tmpdir);
            }
            // a complete chunked answer ends with the zero-length chunk; a cut one stops before it (or the send failed)
            assertThat(answer.substring(Math.max(0, answer.length() - 200))).doesNotEndWith("\r\n0\r\n\r\n");
            assertThat(live.get("/metrics").body()).containsPattern("policy_answers_cut_total(\\{[^}]*\\})? 1\\.0");
        }
    }

    /**
     * A client that sends the whole request before it reads any of the answer (as Python's http.client does),
     * so that the answer waits in the service's spill file; the raw answer, or what came before a failed send.
     */
    private static String sendAllThenRead(LiveService live, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            // a small receive buffer, as a busy client's would be: else the kernel takes tens of MiB of the answer
            socket.setReceiveBufferSize(64 << 10);
            socket.connect(new java.net.InetSocketAddress(live.service.uri().getHost(), live.service.uri().getPort()));
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
                        + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes);
                out.flush();
            } catch (IOException sendFailed) {
                return "the send failed: " + sendFailed.getMessage();
            }
            // and reads only once the service is done with the batch, one way or the other
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!batchDone(live) && System.nanoTime() < deadline) Thread.sleep(100);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (IOException reset) {
                answer.write(("\nthe read failed: " + reset.getMessage()).getBytes(StandardCharsets.UTF_8));
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    /** Whether the service cut an answer or decided all 14,000 claims. */
    private static boolean batchDone(LiveService live) {
        String metrics = live.get("/metrics").body();
        if (metrics.matches("(?s).*\npolicy_answers_cut_total(\\{[^}]*\\})? [1-9].*")) return true;
        double decided = 0;
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile("(?m)^policy_decisions_total\\{[^}]*\\} (\\S+)$").matcher(metrics);
        while (counted.find()) decided += Double.parseDouble(counted.group(1));
        return decided >= 14_000;
    }

    @Test
    @DisplayName("finding 1: a JSON Lines line over 1 MiB is an error line naming its line, and the claims after it are decided")
    void lineOverOneMebibyte() throws Exception {
        String huge = DecisionLogFaultsTest.claim("HUGE").replace("{\"id\"", "{" + " ".repeat(2 << 20) + "\"id\"");
        try (LiveService live = LiveService.start(LiveService.storeStandard(), false, null)) {
            HttpResponse<String> answer = live.post("/v1/decisions", "application/x-ndjson",
                    huge + "\n" + DecisionLogFaultsTest.claim("AFTER") + "\n");

            assertThat(answer.statusCode()).isEqualTo(200);
            List<String> lines = answer.body().lines().toList();
            assertThat(lines).hasSize(2);
            JsonNode error = LiveService.parse(lines.get(0));
            assertThat(error.get("line").asInt()).isEqualTo(1);
            assertThat(error.get("error").asText()).isEqualTo("line over 1 MiB, the limit for one claim: not read");
            assertThat(LiveService.parse(lines.get(1)).get("claimId").asText()).isEqualTo("AFTER");
        }
    }
}
