package io.policyengine.examples.serve;

import io.policyengine.examples.cli.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./policy serve} as its own process: the ready line, timeouts for slow clients, and SIGTERM. */
class ServeProcessTest {
    private static final Pattern READY = Pattern.compile(
            "serving store-standard 1 \\(hash [0-9a-f]{12}\\) on (http://127\\.0\\.0\\.1:(\\d+))");
    private static final int REQUEST_SECONDS = 2;
    /** The claims of the batch in flight at SIGTERM. */
    private static final int BATCH = 10_000;

    @TempDir
    Path temp;

    @Test
    @DisplayName("the ready line names the free port; a client sending 1 byte/s and one sending nothing are cut off")
    void slowClients() throws Exception {
        // The JDK server's limit is on the whole request, so it is shortened here to keep the test short.
        Process server = start("-Dsun.net.httpserver.maxReqTime=" + REQUEST_SECONDS, "serve", "--port", "0", "--warm-up", "0");
        try {
            URI uri = readyUri(server);
            try (Socket slow = new Socket(uri.getHost(), uri.getPort()); Socket silent = new Socket(uri.getHost(), uri.getPort())) {
                OutputStream out = slow.getOutputStream();
                long start = System.nanoTime();
                boolean cutOff = false;
                for (byte b : "POST /v1/decisions HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII)) {
                    try {
                        out.write(b);
                        out.flush();
                    } catch (SocketException e) {
                        cutOff = true;
                        break;
                    }
                    Thread.sleep(1000); // one byte a second
                    if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(REQUEST_SECONDS + 8)) break;
                }
                assertThat(cutOff || closedByServer(slow)).as("a client sending 1 byte/s is cut off").isTrue();
                assertThat(closedByServer(silent)).as("a connection that sends nothing is closed").isTrue();
            }
            assertThat(decide(HttpClient.newHttpClient(), uri).statusCode()).isEqualTo(200);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @DisplayName("SIGTERM lets a batch in flight finish, keeps every log line, and exits 0")
    void sigtermFinishesInFlight() throws Exception {
        Path log = temp.resolve("decisions.jsonl");
        // not warmed: a cold service decides a batch of this size well within the 10 s grace period, and still takes
        // long enough that the SIGTERM below comes while the answer is being written
        Process server = start(null, "serve", "--port", "0", "--warm-up", "0", "--decision-log", log.toString());
        try {
            URI uri = readyUri(server);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            assertThat(decide(client, uri).statusCode()).isEqualTo(200);
            String claim = LiveService.EXAMPLE_CLAIM.replaceAll("\\s+", "");
            CompletableFuture<HttpResponse<InputStream>> inFlight = client.sendAsync(HttpRequest.newBuilder(uri.resolve("/v1/decisions"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString((claim + "\n").repeat(BATCH))).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream answer = inFlight.get(60, TimeUnit.SECONDS).body(); // the answer has started: the batch is in flight

            server.destroy(); // SIGTERM

            List<String> lines = new BufferedReader(new InputStreamReader(answer, StandardCharsets.UTF_8)).lines().toList();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(lines).hasSize(BATCH).allMatch(l -> l.startsWith("{\"claimId\":\"C-1001\""));
            assertThat(Files.readAllLines(log)).hasSize(1 + BATCH);
            assertThat(Files.readAllLines(stderrFile())).as("nothing but the ready line on stderr: no stack trace").hasSize(1);
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @DisplayName("serve --stores: each claim by its store's stack; a changed stores file is live within seconds, a broken one never")
    void aChainsStoresFileReloaded() throws Exception {
        Path stores = io.policyengine.examples.ChainFolder.in(temp.resolve("chain"));
        Process server = start(null, "serve", "--port", "0", "--warm-up", "0", "--stores", stores.toString());
        try {
            URI uri = readyUri(server, Pattern.compile("serving the stores of " + Pattern.quote(stores.toString())
                    + " \\(3 rows, 3 stacks: store-standard 1 \\(hash [0-9a-f]{12}\\) over cn-consumer-law 1, outlet 1 .*\\) on (http://127\\.0\\.0\\.1:(\\d+))"));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String shanghai = io.policyengine.examples.ChainFolder.day15Refund("SH", "SH-0012");
            assertThat(packOf(client, uri, shanghai)).isEqualTo("store-standard");
            assertThat(packOf(client, uri, io.policyengine.examples.ChainFolder.day15Refund("OUT", "SH-OUT-1"))).isEqualTo("outlet");

            long saved = System.nanoTime();
            io.policyengine.examples.ChainFolder.save(stores, io.policyengine.examples.ChainFolder.STORES
                    .replace("SH-0012,East,store-standard,", "SH-0012,East,packs/outlet,"));
            while (!packOf(client, uri, shanghai).equals("outlet") && System.nanoTime() - saved < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(100);
            }
            assertThat(packOf(client, uri, shanghai)).isEqualTo("outlet");
            assertThat((System.nanoTime() - saved) / 1e9).as("seconds until the changed file was live").isLessThan(30);

            io.policyengine.examples.ChainFolder.save(stores, "store,region,pack\nSH-0012,East\n");
            long broken = System.nanoTime();
            String policy = "";
            while (!policy.contains("stores.csv:1: missing column") && System.nanoTime() - broken < TimeUnit.SECONDS.toNanos(60)) {
                Thread.sleep(100);
                policy = client.send(HttpRequest.newBuilder(uri.resolve("/v1/policy")).build(), HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(policy).contains("stores.csv:1: missing column");
            assertThat(packOf(client, uri, shanghai)).as("the old stacks keep answering").isEqualTo("outlet");
        } finally {
            server.destroyForcibly();
        }
    }

    /** The name of the store pack that decided {@code claim}. */
    private static String packOf(HttpClient client, URI uri, String claim) throws IOException, InterruptedException {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri.resolve("/v1/decisions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(claim)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return LiveService.parse(answer.body()).get("policy").get("name").asText();
    }

    private static HttpResponse<String> decide(HttpClient client, URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri.resolve("/v1/decisions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LiveService.EXAMPLE_CLAIM)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for the ready line on the server's stderr: it must be the first line, and name a free port. */
    private URI readyUri(Process server) throws IOException, InterruptedException {
        return readyUri(server, READY);
    }

    /** The same, the ready line matching {@code ready}, whose groups are the URI and the port. */
    private URI readyUri(Process server, Pattern ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String stderr = Files.readString(stderrFile());
        while (!stderr.contains("\n") && server.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            stderr = Files.readString(stderrFile());
        }
        String line = stderr.lines().findFirst().orElse("");
        Matcher matcher = ready.matcher(line);
        assertThat(matcher.matches()).as("ready line %s", line).isTrue();
        assertThat(Integer.parseInt(matcher.group(2))).isNotEqualTo(8080).isPositive();
        return URI.create(matcher.group(1));
    }

    private Path stderrFile() {
        return temp.resolve("stderr.txt");
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout((REQUEST_SECONDS + 15) * 1000);
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int b = in.read();
                if (b < 0) return true;
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    /** {@code ./policy ARGS} in a JVM of its own, on the test's class path. */
    private Process start(String jvmOption, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (jvmOption != null) command.add(jvmOption);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderrFile().toFile()).start();
    }
}
