package io.policyengine.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.policyengine.RenderedDecision;
import io.policyengine.RenderedExplanation;
import io.policyengine.Wording;
import io.policyengine.model.Action;
import io.policyengine.model.Claim;
import io.policyengine.model.Commitments;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Explanation;
import io.policyengine.model.FiredRule;
import io.policyengine.model.Money;
import io.policyengine.model.PolicyId;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Writes decisions (contract section 2) and bad-input lines (section 4) as one-line JSON objects. */
public final class DecisionJson {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private DecisionJson() {
    }

    /**
     * The decision as one line of JSON, fields in the contract's order, its summary and sentences in
     * {@code wording}'s language; {@code repairDueDate} may be null.
     */
    public static String toJson(Decision decision, Wording wording) {
        return toJson(wording.render(decision));
    }

    /** The rendered decision as one line of JSON, as {@link #toJson(Decision, Wording)} gives it. */
    public static String toJson(RenderedDecision decision) {
        return write(json -> write(json, decision));
    }

    /**
     * Writes the decision as one JSON object to {@code json}, as {@link #toJson} gives it: for a generator
     * that streams many of them to an output.
     */
    public static void write(JsonGenerator json, Decision decision, Wording wording) throws IOException {
        write(json, wording.render(decision));
    }

    /** The one writer of decisions: its words as {@code rendered} gives them, never rendered here. */
    public static void write(JsonGenerator json, RenderedDecision rendered) throws IOException {
        Decision decision = rendered.decision();
        json.writeStartObject();
        json.writeStringField("claimId", decision.claimId());
        json.writeStringField("outcome", name(decision.outcome()));
        json.writeArrayFieldStart("remedies");
        for (Remedy remedy : decision.remedies()) json.writeString(remedy.name());
        json.writeEndArray();
        json.writeNumberField("daysSincePurchase", decision.daysSincePurchase());
        json.writeStringField("repairDueDate",
                decision.repairDueDate() == null ? null : decision.repairDueDate().toString());
        json.writeStringField("summary", rendered.summary());
        json.writeArrayFieldStart("reasons");
        for (int i = 0; i < decision.reasons().size(); i++) writeReason(json, decision.reasons().get(i), rendered.reasons().get(i));
        json.writeEndArray();
        writePolicy(json, decision.policy(), decision.floors());
        writeCommitments(json, decision.commitments());
        json.writeArrayFieldStart("compensation");
        for (int i = 0; i < decision.compensation().size(); i++) {
            Compensation owed = decision.compensation().get(i);
            RenderedDecision.Words words = rendered.compensation().get(i);
            json.writeStartObject();
            json.writeStringField("article", owed.article());
            json.writeStringField("citation", words.citation());
            json.writeNumberField("amount", owed.amount());
            json.writeStringField("currency", owed.currency());
            json.writeStringField("message", words.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeMoney(json, decision.money());
        json.writeArrayFieldStart("actions");
        for (int i = 0; i < decision.actions().size(); i++) {
            Action action = decision.actions().get(i);
            RenderedDecision.Words words = rendered.actions().get(i);
            json.writeStartObject();
            json.writeStringField("action", action.action());
            json.writeStringField("article", action.article());
            json.writeStringField("citation", words.citation());
            json.writeStringField("due", action.due().toString());
            json.writeBooleanField("overdue", action.overdue());
            json.writeStringField("message", words.message());
            writeParams(json, action.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Contract 11.2: always an object; amounts as JSON numbers with their scale, null where they do not apply. */
    private static void writeMoney(JsonGenerator json, Money money) throws IOException {
        json.writeObjectFieldStart("money");
        json.writeStringField("currency", money.currency());
        writeAmount(json, "refund", money.refund());
        writeAmount(json, "depreciation", money.depreciation());
        json.writeStringField("refundDueDate", money.refundDueDate() == null ? null : money.refundDueDate().toString());
        json.writeStringField("returnShipping", name(money.returnShipping()));
        json.writeEndObject();
    }

    private static void writeAmount(JsonGenerator json, String name, BigDecimal amount) throws IOException {
        json.writeFieldName(name);
        if (amount == null) json.writeNull();
        else json.writeNumber(amount);
    }

    /** A term's or a param's value: numbers as numbers, dates as ISO strings, date-times to the minute. */
    private static void writeScalar(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Integer i) json.writeNumber(i);
        else if (value instanceof Long l) json.writeNumber(l);
        else if (value instanceof BigDecimal d) json.writeNumber(d);
        else if (value instanceof Number n) json.writeNumber(n.doubleValue());
        else if (value instanceof Boolean b) json.writeBoolean(b);
        else if (value instanceof LocalDateTime at) json.writeString(MINUTES.format(at));
        else if (value == null) json.writeNull();
        else json.writeString(value.toString());
    }

    /**
     * An explanation as one line: {@code {"claimId", "firedRules": [{"rule", "title", "article", "citation",
     * "terms": {...}, "reasons": [...]}], "decision": {...}}}, the rules in firing order.
     */
    public static String explanationJson(Explanation explanation, Wording wording) {
        return explanationJson(wording.render(explanation));
    }

    /** The rendered explanation as one line, as {@link #explanationJson(Explanation, Wording)} gives it. */
    public static String explanationJson(RenderedExplanation rendered) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("claimId", rendered.explanation().claim().id());
            json.writeArrayFieldStart("firedRules");
            for (RenderedExplanation.Step step : rendered.steps()) {
                FiredRule rule = step.rule();
                json.writeStartObject();
                json.writeStringField("rule", rule.rule());
                json.writeStringField("title", step.title());
                json.writeStringField("article", rule.article());
                json.writeStringField("citation", step.citation());
                json.writeObjectFieldStart("terms");
                for (Map.Entry<String, Object> term : rule.terms().entrySet()) {
                    json.writeFieldName(term.getKey());
                    writeScalar(json, term.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("reasons");
                for (int i = 0; i < rule.reasons().size(); i++) writeReason(json, rule.reasons().get(i), step.reasons().get(i));
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("decision");
            write(json, rendered.decision());
            json.writeEndObject();
        });
    }

    /** One group of {@code policy audit --json}: where the law changes the store's answer, how often, with an example. */
    public static String auditJson(String storeArticle, String floorRule, String change, int claims, Claim example,
                                   Decision withFloors, Wording wording) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("storeArticle", storeArticle);
            json.writeStringField("floorRule", floorRule);
            json.writeStringField("change", change);
            json.writeNumberField("claims", claims);
            json.writeFieldName("example");
            json.writeRawValue(ClaimJson.toJson(example));
            json.writeFieldName("decision");
            write(json, withFloors, wording);
            json.writeEndObject();
        });
    }

    /** {@code {"line":N,"claimId":"...","error":"..."}}; without {@code claimId} when it is null. */
    public static String errorLine(int line, String claimId, String error) {
        return write(json -> writeError(json, line, claimId, error));
    }

    /** Writes a bad-input object to {@code json}, as {@link #errorLine} gives it. */
    public static void writeError(JsonGenerator json, int line, String claimId, String error) throws IOException {
        json.writeStartObject();
        json.writeNumberField("line", line);
        if (claimId != null) json.writeStringField("claimId", claimId);
        json.writeStringField("error", error);
        json.writeEndObject();
    }

    /**
     * A generator for JSON Lines on {@code out}, configured as the string forms are; write {@code '\n'}
     * with {@link JsonGenerator#writeRaw(char)} after each value. Closing it flushes but leaves
     * {@code out} open.
     */
    public static JsonGenerator lines(Writer out) throws IOException {
        return forLines(Json.FACTORY.createGenerator(out));
    }

    /** The same, writing UTF-8 bytes to {@code out}. */
    public static JsonGenerator lines(OutputStream out) throws IOException {
        return forLines(Json.FACTORY.createGenerator(out, JsonEncoding.UTF8));
    }

    private static JsonGenerator forLines(JsonGenerator json) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
        return json;
    }

    private static void writeReason(JsonGenerator json, Reason reason, RenderedDecision.Words words) throws IOException {
        json.writeStartObject();
        json.writeStringField("rule", reason.rule());
        json.writeStringField("article", reason.article());
        json.writeStringField("citation", words.citation());
        json.writeStringField("effect", name(reason.effect()));
        json.writeStringField("remedy", name(reason.remedy()));
        json.writeStringField("message", words.message());
        if (reason.policy() != null) json.writeStringField("policy", reason.policy());
        writeParams(json, reason);
        json.writeEndObject();
    }

    private static void writeParams(JsonGenerator json, Reason reason) throws IOException {
        json.writeObjectFieldStart("params");
        for (Map.Entry<String, Object> param : reason.params().entrySet()) {
            json.writeFieldName(param.getKey());
            writeScalar(json, param.getValue());
        }
        json.writeEndObject();
    }

    private static void writePolicy(JsonGenerator json, PolicyId policy, List<PolicyId> floors) throws IOException {
        json.writeFieldName("policy");
        if (policy == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        writePolicyFields(json, policy);
        json.writeArrayFieldStart("floors");
        for (PolicyId floor : floors) {
            json.writeStartObject();
            writePolicyFields(json, floor);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writePolicyFields(JsonGenerator json, PolicyId policy) throws IOException {
        json.writeStringField("name", policy.name());
        json.writeStringField("version", policy.version());
        json.writeStringField("hash", policy.hash());
    }

    /** Contract 7.3: null without a service request, else all five deadlines, each null where it does not apply. */
    private static void writeCommitments(JsonGenerator json, Commitments commitments) throws IOException {
        json.writeFieldName("commitments");
        if (commitments == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        writeDateTime(json, "respondBy", commitments.respondBy());
        writeDateTime(json, "dispatchBy", commitments.dispatchBy());
        writeDateTime(json, "onSiteBy", commitments.onSiteBy());
        writeDateTime(json, "resolveBy", commitments.resolveBy());
        writeDateTime(json, "loanerDueAt", commitments.loanerDueAt());
        json.writeEndObject();
    }

    private static void writeDateTime(JsonGenerator json, String name, LocalDateTime value) throws IOException {
        json.writeStringField(name, value == null ? null : MINUTES.format(value));
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
