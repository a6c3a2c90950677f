package io.policyengine.examples.serve;

import io.policyengine.examples.access.Tokens;
import io.policyengine.examples.cli.Main;
import io.policyengine.examples.cli.PolicyCli;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./policy serve} safe by default (contract 15): what it refuses to start, what its ready line says, what it logs. */
class ServeAccessProcessTest {
    private static final Pattern READY = Pattern.compile("serving store-standard 1 \\(hash [0-9a-f]{12}\\) on (http://[^ ]+)(.*)");

    @TempDir
    Path temp;
    /** The lines the server under test wrote on stderr. */
    private final List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Reads the server's stderr into {@link #stderr} until the pipe ends. */
    private Thread stderrReader;

    @Test
    @DisplayName("a non-loopback --host without --callers or --jwks is refused in one line, exit 2; so are contradictory options")
    void nonLoopbackWithoutAuth() throws IOException {
        Path callers = Files.writeString(temp.resolve("callers.txt"), "ops admin * " + Tokens.hash("t") + "\n");

        assertThat(serve("--host", "0.0.0.0", "--port", "0")).isEqualTo(List.of("2", "--host 0.0.0.0: anyone who can reach this"
                + " address could decide claims and read the report; give --callers FILE or --jwks FILE_OR_URL, or --no-auth to serve it open on purpose"));
        assertThat(serve("--callers", callers.toString(), "--no-auth")).isEqualTo(List.of("2", "--no-auth: and --callers or --jwks: choose one"));
        assertThat(serve("--jwt-audience", "policy-engine")).isEqualTo(List.of("2", "--jwt-audience: goes with --jwks, the keys its tokens are signed with"));
        assertThat(serve("--tls-cert", callers.toString())).isEqualTo(List.of("2", "--tls-cert: needs --tls-key, the certificate's private key"));
        assertThat(serve("--allowed-hosts", "shop.example:443")).isEqualTo(List.of("2", "--allowed-hosts: \"shop.example:443\" is not a host name (without a port)"));
    }

    @Test
    @DisplayName("a bad callers file at start: every problem at FILE:LINE, exit 2")
    void badCallersFile() throws IOException {
        Path callers = Files.writeString(temp.resolve("callers.txt"), "till counter SH-1 sha256:00\nboss owner * " + Tokens.hash("x") + "\n");

        List<String> refused = serve("--callers", callers.toString());
        assertThat(refused).containsExactly("2",
                callers + ":1: token-hash: expected sha256: and 64 hex digits, the token's SHA-256 (the file never holds a token; ./policy token NAME prints a line)",
                callers + ":2: role: \"owner\" is not a role; roles: counter, manager, admin");
    }

    @Test
    @DisplayName("--no-auth on every interface says so in the ready line")
    void noAuthSaysSo() throws Exception {
        Process server = start("serve", "--host", "0.0.0.0", "--port", "0", "--warm-up", "0", "--no-auth");
        try {
            Matcher ready = ready(server);
            assertThat(ready.group(2)).isEqualTo(" for anyone (--no-auth: no access control)");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    @DisplayName("with --callers on every interface: the ready line counts the callers; a refusal is logged on stderr without the token")
    void callersServeAndLogRefusals() throws Exception {
        String admin = Tokens.newToken();
        String till = Tokens.newToken();
        Path callers = Files.writeString(temp.resolve("callers.txt"),
                "ops admin * " + Tokens.hash(admin) + "\ntill-sh12 counter SH-0012 " + Tokens.hash(till) + "\n");
        Process server = start("serve", "--host", "0.0.0.0", "--port", "0", "--warm-up", "0", "--callers", callers.toString());
        try {
            Matcher ready = ready(server);
            assertThat(ready.group(2)).isEqualTo(" for 2 callers of " + callers);
            URI uri = URI.create("http://127.0.0.1:" + URI.create(ready.group(1)).getPort());
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri.resolve("/metrics"))
                    .header("Authorization", "Bearer " + till).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            HttpResponse<String> metrics = client.send(HttpRequest.newBuilder(uri.resolve("/metrics"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.body()).contains("policy_denied_total{reason=\"role\"} 1.0");
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        stderrReader.join(TimeUnit.SECONDS.toMillis(20)); // the pipe's end: every line the server wrote is in
        assertThat(String.join("\n", stderr)).contains("denied GET /metrics from 127.0.0.1: 403 till-sh12 has the role counter; this needs admin")
                .doesNotContain(till).doesNotContain(admin);
    }

    /** {@code ./policy serve ARGS} in-process, for what it refuses before it binds: the exit code, then the stderr lines. */
    private static List<String> serve(String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("serve", "--warm-up", "0"));
        all.addAll(List.of(args));
        int exit = PolicyCli.run(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), new PrintWriter(err),
                all.toArray(String[]::new));
        List<String> lines = new ArrayList<>(List.of(Integer.toString(exit)));
        err.toString().lines().forEach(lines::add);
        return lines;
    }

    /** The ready line, the first on the server's stderr, read from the stream as it comes. */
    private Matcher ready(Process server) throws InterruptedException {
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader lines = server.errorReader()) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) stderr.add(line);
            } catch (IOException e) {
                // the server is gone: what it wrote is in stderr
            }
        });
        reader.setDaemon(true);
        reader.start();
        stderrReader = reader;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (stderr.isEmpty() && server.isAlive() && System.nanoTime() < deadline) Thread.sleep(100);
        Matcher matcher = READY.matcher(stderr.isEmpty() ? "" : stderr.get(0));
        assertThat(matcher.matches()).as("ready line %s", stderr).isTrue();
        return matcher;
    }

    /** {@code ./policy ARGS} in a JVM of its own, logging the service's warnings (the tests' logging settings silence them). */
    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dorg.slf4j.simpleLogger.log.io.policyengine=warn");
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
