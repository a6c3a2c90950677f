package io.policyengine.examples.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.json.ClaimJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.PolicyId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code --decision-log FILE}: one JSON line for every decided claim (contract 9),
 * {@code {"decisionId","time","policy":{name,version,hash,floors},"claim":{...},"decision":{...}}}.
 * Lines are appended to the file before the caller gets the decision, with one write to the operating
 * system per request (or per part of a batch), so a SIGTERM or a crash of the JVM loses none of them.
 */
public class DecisionLog implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    /** No log: decisions still get ids, nothing is written. */
    static final DecisionLog NONE = new DecisionLog(null, null);

    private final FileChannel file;
    private final Path path;

    private DecisionLog(FileChannel file, Path path) {
        this.file = file;
        this.path = path;
    }

    static DecisionLog open(Path path) throws IOException {
        return new DecisionLog(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), path);
    }

    /** The log's file, which {@code GET /report} reads; null without a log. */
    Path path() {
        return path;
    }

    boolean enabled() {
        return file != null;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Adds one line to {@code lines}: the record of one decision, with the decision as the caller got it. */
    public static void line(ByteArrayOutputStream lines, String decisionId, Instant time, Claim claim, Decision decision,
                     String decisionJson) {
        try (JsonGenerator json = JSON.createGenerator(lines)) {
            json.writeStartObject();
            json.writeStringField("decisionId", decisionId);
            json.writeStringField("time", time.toString());
            json.writeObjectFieldStart("policy");
            writePolicy(json, decision.policy());
            json.writeArrayFieldStart("floors");
            for (PolicyId floor : decision.floors()) {
                json.writeStartObject();
                writePolicy(json, floor);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeFieldName("claim");
            json.writeRawValue(ClaimJson.toJson(claim));
            json.writeFieldName("decision");
            json.writeRawValue(decisionJson);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        lines.write('\n');
    }

    private static void writePolicy(JsonGenerator json, PolicyId policy) throws IOException {
        json.writeStringField("name", policy.name());
        json.writeStringField("version", policy.version());
        json.writeStringField("hash", policy.hash());
    }

    /** Appends whole lines; returns once the operating system has them. */
    void append(ByteArrayOutputStream lines) throws IOException {
        if (file == null || lines.size() == 0) return;
        ByteBuffer buffer = ByteBuffer.wrap(lines.toByteArray());
        synchronized (this) {
            while (buffer.hasRemaining()) file.write(buffer);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (file == null) return;
        file.force(false);
        file.close();
    }
}
