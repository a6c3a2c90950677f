package io.policyengine.examples.serve;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 17, "batches under idle clients": a connection that opens a batch and sends no claims does not
 * hold a place that a working batch needs. Before, 64 batches were answered at once and the rest waited
 * for a turn, so 100 idle batch connections kept a working batch waiting for the request time limit (120 s).
 */
class IdleBatchesTest {
    private static final int IDLE = 100;
    private static final int CLAIMS = 1_000;
    private static final byte[] HEAD = ("POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-ndjson\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("contract 17: 100 idle or trickling batch connections leave another batch of 1,000 claims answered in under 2 s")
    void workingBatchUnderIdleOnes() throws Exception {
        String claim = LiveService.parse(LiveService.EXAMPLE_CLAIM).toString();
        String body = (claim + "\n").repeat(CLAIMS);
        try (LiveService live = LiveService.start(LiveService.storeStandard(), false, null)) {
            // the first batch of a fresh JVM runs interpreted code: the 2 s are for a service that has served before
            assertThat(answered(live.post("/v1/decisions", "application/x-ndjson", body))).hasSize(CLAIMS);

            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < IDLE; i++) {
                    Socket socket = new Socket(live.service.uri().getHost(), live.service.uri().getPort());
                    idle.add(socket);
                    OutputStream out = socket.getOutputStream();
                    out.write(HEAD);
                    // every other one trickles: a chunk of one space of its body, then nothing for the rest of the test
                    if (i % 2 == 1) out.write("1\r\n \r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                // every idle batch has reached its endpoint, and is being read, before the working batch is sent
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (live.service.requestsInFlight() < IDLE && System.nanoTime() < deadline) Thread.sleep(5);
                assertThat(live.service.requestsInFlight()).as("idle batches being read").isGreaterThanOrEqualTo(IDLE);

                long start = System.nanoTime();
                HttpResponse<String> answer = live.post("/v1/decisions", "application/x-ndjson", body);
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answered(answer)).hasSize(CLAIMS).allSatisfy(line -> assertThat(line).contains("\"outcome\""));
                assertThat(took).as("the batch of %d claims beside %d idle ones", CLAIMS, IDLE).isLessThan(Duration.ofSeconds(2));
                assertThat(SpillingOutput.allInMemory()).as("answers kept in memory once every answer is sent").isZero();
            } finally {
                for (Socket socket : idle) close(socket);
            }
        }
    }

    private static List<String> answered(HttpResponse<String> answer) {
        return answer.body().lines().toList();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
