package io.policyengine.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes decisions (contract section 2) and bad-input lines (section 4) as one-line JSON objects. */
public final class DecisionJson {

    private DecisionJson() {
    }

    /** The decision as one line of JSON, fields in the contract's order; {@code repairDueDate} may be null. */
    public static String toJson(Decision decision) {
        return write(json -> writeDecision(json, decision));
    }

    private static void writeDecision(JsonGenerator json, Decision decision) throws IOException {
        json.writeStartObject();
        json.writeStringField("claimId", decision.claimId());
        json.writeStringField("outcome", name(decision.outcome()));
        json.writeArrayFieldStart("remedies");
        for (Remedy remedy : decision.remedies()) json.writeString(remedy.name());
        json.writeEndArray();
        json.writeNumberField("daysSincePurchase", decision.daysSincePurchase());
        json.writeStringField("repairDueDate",
                decision.repairDueDate() == null ? null : decision.repairDueDate().toString());
        json.writeArrayFieldStart("reasons");
        for (Reason reason : decision.reasons()) writeReason(json, reason);
        json.writeEndArray();
        writePolicy(json, decision.policy());
        json.writeEndObject();
    }

    private static void writeScalar(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Integer i) json.writeNumber(i);
        else if (value instanceof Long l) json.writeNumber(l);
        else if (value instanceof Boolean b) json.writeBoolean(b);
        else if (value == null) json.writeNull();
        else json.writeString(value.toString());
    }

    /**
     * An explanation as one line: {@code {"claimId", "firedRules": [{"rule", "article", "terms": {...},
     * "reasons": [...]}], "decision": {...}}}, the rules in firing order.
     */
    public static String explanationJson(Explanation explanation) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("claimId", explanation.claim().id());
            json.writeArrayFieldStart("firedRules");
            for (FiredRule rule : explanation.firedRules()) {
                json.writeStartObject();
                json.writeStringField("rule", rule.rule());
                json.writeStringField("article", rule.article());
                json.writeObjectFieldStart("terms");
                for (Map.Entry<String, Object> term : rule.terms().entrySet()) {
                    json.writeFieldName(term.getKey());
                    writeScalar(json, term.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("reasons");
                for (Reason reason : rule.reasons()) writeReason(json, reason);
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("decision");
            writeDecision(json, explanation.decision());
            json.writeEndObject();
        });
    }

    /** {@code {"line":N,"claimId":"...","error":"..."}}; without {@code claimId} when it is null. */
    public static String errorLine(int line, String claimId, String error) {
        return write(json -> {
            json.writeStartObject();
            json.writeNumberField("line", line);
            if (claimId != null) json.writeStringField("claimId", claimId);
            json.writeStringField("error", error);
            json.writeEndObject();
        });
    }

    private static void writeReason(JsonGenerator json, Reason reason) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", reason.rule());
        json.writeStringField("article", reason.article());
        json.writeStringField("effect", name(reason.effect()));
        json.writeStringField("remedy", name(reason.remedy()));
        json.writeStringField("message", reason.message());
        json.writeEndObject();
    }

    private static void writePolicy(JsonGenerator json, PolicyId policy) throws IOException {
        json.writeFieldName("policy");
        if (policy == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        json.writeStringField("name", policy.name());
        json.writeStringField("version", policy.version());
        json.writeStringField("hash", policy.hash());
        json.writeEndObject();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private interface Content {
        void writeTo(JsonGenerator json) throws IOException;
    }

    private static String write(Content content) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            content.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
