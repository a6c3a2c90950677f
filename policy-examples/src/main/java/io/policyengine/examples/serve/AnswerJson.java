package io.policyengine.examples.serve;

import io.policyengine.Wording;
import io.policyengine.examples.access.Caller;
import io.policyengine.json.DecisionJson;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one place where the service turns decisions into JSON text, with the sentences and the summary
 * in the caller's language (contract 8.1): {@code wording} is the engine's words for the language
 * chosen per request ({@link LiveRules#wording}).
 */
final class AnswerJson {

    private AnswerJson() {
    }

    static String decision(Decision decision, Wording wording) {
        return DecisionJson.toJson(decision, wording);
    }

    /**
     * The same as UTF-8, written as bytes straight away: the answer to a one-claim request, which goes out as
     * bytes, so no text is made to be encoded again (the same bytes: decide --json writes its lines so).
     */
    static byte[] decisionBytes(Decision decision, Wording wording) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = DecisionJson.lines(out)) {
            DecisionJson.write(json, decision, wording);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    static String explanation(Explanation explanation, Wording wording) {
        return DecisionJson.explanationJson(explanation, wording);
    }

    /** {@code {"decisionId": ..., "renderings": {"en": ..., "zh-CN": ...}}}; without decisionId when it is null. */
    static String renderings(String decisionId, Map<String, String> byLanguage) {
        StringBuilder json = new StringBuilder(4096).append('{');
        if (decisionId != null) json.append("\"decisionId\":\"").append(decisionId).append("\",");
        json.append("\"renderings\":{");
        String separator = "";
        for (Map.Entry<String, String> rendering : byLanguage.entrySet()) {
            json.append(separator).append('"').append(rendering.getKey()).append("\":").append(rendering.getValue());
            separator = ",";
        }
        return json.append("}}").toString();
    }

    /**
     * {@code GET /v1/whoami}: {@code {"accessControl": true, "name", "role", "stores", "via"}} of the request's caller, for
     * the pages to say who is signed in and which stores to offer; {@code {"accessControl": false}} and no name when the
     * service is open to anyone.
     */
    static String whoami(Caller caller, boolean accessControl) {
        java.io.StringWriter out = new java.io.StringWriter(128);
        try (com.fasterxml.jackson.core.JsonGenerator json = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeBooleanField("accessControl", accessControl);
            json.writeStringField("name", caller.name());
            json.writeStringField("role", caller.role().wireName());
            json.writeArrayFieldStart("stores");
            for (String store : caller.stores()) json.writeString(store);
            json.writeEndArray();
            json.writeStringField("via", caller.via());
            json.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
