package io.policyengine.examples.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.json.ClaimJson;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One record of the decision log (contract 9), as the service appends it and {@code generate-log} makes it
 * up; the report reads it back ({@link LogLineReader}). Written here, beside its reader, so both programs
 * write what the report reads.
 */
public final class DecisionRecord {
    private static final JsonFactory JSON = new JsonFactory();

    private DecisionRecord() {
    }

    /**
     * Adds one line to {@code lines}: the record of one decision, with the decision as the caller got it.
     *
     * @param region the region of the claim's store, when a stores file says it: the report groups by it (contract
     *               14.3), and a later stores file may put the store elsewhere; null leaves it out
     */
    public static void write(ByteArrayOutputStream lines, String decisionId, Instant time, Claim claim, String region,
                             Decision decision, String decisionJson) {
        write(lines, decisionId, time, null, claim, region, decision, decisionJson);
    }

    /**
     * The same, naming the caller who asked for the decision (contract 15): {@code "caller": "till-sh12"}, after the
     * time; no {@code caller} when {@code caller} is null (a service without access control). Never the token.
     */
    public static void write(ByteArrayOutputStream lines, String decisionId, Instant time, String caller, Claim claim, String region,
                             Decision decision, String decisionJson) {
        try (JsonGenerator json = JSON.createGenerator(lines)) {
            json.writeStartObject();
            json.writeStringField("decisionId", decisionId);
            json.writeStringField("time", time.toString());
            if (caller != null) json.writeStringField("caller", caller);
            if (region != null) json.writeStringField("region", region);
            json.writeFieldName("policy");
            DecisionJson.writePolicy(json, decision); // the decision's own: packs it extends (contract 14.1) and floors
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
}
