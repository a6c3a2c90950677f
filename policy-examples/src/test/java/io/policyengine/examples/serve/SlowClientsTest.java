package io.policyengine.examples.serve;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #23, finding 6: 100 clients that send their headers one byte at a time hold a thread each,
 * never the health checks' turn. Prints the health checks' latencies: the figure of docs/service.md.
 */
class SlowClientsTest {
    static final int SLOW_CLIENTS = 100;
    private static final byte[] REQUEST = "GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: 1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    @DisplayName("finding 6: /healthz and /readyz answer while 100 slow clients hold connections")
    void healthWhileSlowClientsHold() throws Exception {
        try (LiveService live = LiveService.start(LiveService.storeStandard(), false, null)) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket socket = new Socket(live.service.uri().getHost(), live.service.uri().getPort());
                    slow.add(socket);
                    socket.getOutputStream().write(REQUEST, 0, 1);
                }
                Thread dribble = new Thread(() -> dribble(slow), "slow-clients");
                dribble.setDaemon(true);
                dribble.start();
                Thread.sleep(500); // every slow client is being read by now

                long[] millis = new long[40];
                for (int i = 0; i < millis.length; i++) {
                    String path = i % 2 == 0 ? "/healthz" : "/readyz";
                    long start = System.nanoTime();
                    HttpResponse<String> answer = live.send(HttpRequest.newBuilder(live.uri(path))
                            .timeout(Duration.ofSeconds(5)).GET().build());
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                    assertThat(answer.statusCode()).as(path).isEqualTo(200);
                    Thread.sleep(50);
                }
                Arrays.sort(millis);
                System.out.printf("health checks under %d slow clients: median %d ms, p95 %d ms, max %d ms (%d checks)%n",
                        SLOW_CLIENTS, millis[millis.length / 2], millis[(int) (millis.length * 0.95)], millis[millis.length - 1], millis.length);
                dribble.interrupt();
            } finally {
                for (Socket socket : slow) socket.close();
            }
        }
    }

    /** One more header byte for each slow client every 200 ms: 54 bytes take them 11 s, longer than the checks. */
    private static void dribble(List<Socket> slow) {
        try {
            for (int at = 1; at < REQUEST.length; at++) {
                Thread.sleep(200);
                for (Socket socket : slow) {
                    OutputStream out = socket.getOutputStream();
                    out.write(REQUEST, at, 1);
                    out.flush();
                }
            }
        } catch (InterruptedException | IOException e) {
            // the test is over, or the service closed a connection
        }
    }
}
