package io.policyengine.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.json.ClaimSource;
import io.policyengine.json.DecisionJson;
import io.policyengine.Wording;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * {@code diff --json}: one changed claim a line, {@code {"claimId", "store" (when the claim names one), "source", "line", "changed": [...],
 * "rulesOnlyOld": [...], "rulesOnlyNew": [...], "old": DECISION, "new": DECISION}}.
 */
final class ChangeJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ChangeJson() {
    }

    static String toJson(ClaimSource.Item item, Comparison.Change change, Wording oldWording, Wording newWording) {
        StringWriter text = new StringWriter(1024);
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("claimId", change.claim().id());
            // with --stores, which store's stack decided both sides (contract 14.2)
            if (change.claim().store() != null) json.writeStringField("store", change.claim().store());
            json.writeStringField("source", item.source());
            json.writeNumberField("line", item.line());
            json.writeArrayFieldStart("changed");
            for (Comparison.Aspect aspect : change.aspects()) json.writeString(aspect.field);
            json.writeEndArray();
            writeRules(json, "rulesOnlyOld", change.onlyOld());
            writeRules(json, "rulesOnlyNew", change.onlyNew());
            json.writeFieldName("old");
            json.writeRawValue(DecisionJson.toJson(change.before(), oldWording));
            json.writeFieldName("new");
            json.writeRawValue(DecisionJson.toJson(change.after(), newWording));
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void writeRules(JsonGenerator json, String field, Set<Comparison.RuleName> rules) throws IOException {
        json.writeArrayFieldStart(field);
        for (Comparison.RuleName rule : rules) {
            json.writeStartObject();
            json.writeStringField("pack", rule.pack());
            json.writeStringField("rule", rule.name());
            json.writeStringField("article", rule.article());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
