package io.policyengine.examples.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.policyengine.PolicyEngine;
import io.policyengine.examples.CliTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A decision service on a free loopback port, and an HTTP/1.1 client to talk to it, for the tests. */
final class LiveService implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The claim of contract section 1, pretty-printed as it is there (the command-line tests' own). */
    static final String EXAMPLE_CLAIM = CliTest.SAMPLE;
    private static PolicyEngine storeStandard;

    final DecisionService service;
    final Path decisionLog;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LiveService(DecisionService service, Path decisionLog) {
        this.service = service;
        this.decisionLog = decisionLog;
    }

    /** The bundled store-standard policy, compiled once for all the tests. */
    static synchronized PolicyEngine storeStandard() {
        if (storeStandard == null) storeStandard = PolicyEngine.storeStandard();
        return storeStandard;
    }

    static io.policyengine.Wording english() {
        return storeStandard().wording(Languages.EN);
    }

    static LiveService start(PolicyEngine engine, boolean watch, Path decisionLog) throws IOException {
        DecisionLog log = decisionLog == null ? DecisionLog.NONE : DecisionLog.open(decisionLog);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new LiveService(new DecisionService(address, engine, watch, log, Languages.EN), decisionLog);
    }

    /** A service that lets in the callers {@code access} lets in, over HTTPS when {@code tls} is given. */
    static LiveService start(PolicyEngine engine, Path decisionLog, io.policyengine.examples.access.Access access,
                             javax.net.ssl.SSLContext tls) throws IOException {
        DecisionLog log = decisionLog == null ? DecisionLog.NONE : DecisionLog.open(decisionLog);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new LiveService(new DecisionService(address, engine, false, log, Languages.EN, access, tls), decisionLog);
    }

    /** A chain's service (contract 14.2), each claim answered in its store's language unless the request names one. */
    static LiveService start(io.policyengine.StoreEngine chain, boolean watch) throws IOException {
        return start(chain, watch, null);
    }

    /** A chain's service that writes its decisions to {@code decisionLog} (none when null). */
    static LiveService start(io.policyengine.StoreEngine chain, boolean watch, Path decisionLog) throws IOException {
        DecisionLog log = decisionLog == null ? DecisionLog.NONE : DecisionLog.open(decisionLog);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new LiveService(new DecisionService(address, chain, watch, log, null), decisionLog);
    }

    URI uri(String path) {
        return URI.create(service.uri() + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) request.header("Content-Type", contentType);
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The JDK server closes a connection whose request body an earlier answer left unread, without saying
                // "Connection: close"; the client's pool may hand that closed connection to this request, which then
                // meets no answer at all. It never reached the service: sent again on a fresh connection.
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) throw e;
                return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> logLines() throws IOException {
        return Files.readAllLines(decisionLog, StandardCharsets.UTF_8);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        service.stop(Duration.ofSeconds(10));
    }
}
