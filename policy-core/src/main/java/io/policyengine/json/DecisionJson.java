package io.policyengine.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
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
import java.time.LocalDate;
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
        if (json instanceof UTF8JsonGenerator && Encoded.mayHoldSurrogates(decision)) {
            json.writeRawValue(Encoded.withLoneSurrogatesReplaced(toJson(rendered)));
            return;
        }
        json.writeStartObject();
        writeString(json, Encoded.CLAIM_ID, decision.claimId());
        writeEncoded(json, Encoded.OUTCOME, Encoded.of(decision.outcome()));
        json.writeFieldName(Encoded.REMEDIES);
        json.writeStartArray();
        for (Remedy remedy : decision.remedies()) json.writeString(Encoded.of(remedy));
        json.writeEndArray();
        json.writeFieldName(Encoded.DAYS_SINCE_PURCHASE);
        json.writeNumber(decision.daysSincePurchase());
        writeDate(json, Encoded.REPAIR_DUE_DATE, decision.repairDueDate());
        writeString(json, Encoded.SUMMARY, rendered.summary());
        json.writeFieldName(Encoded.REASONS);
        json.writeStartArray();
        List<RenderedDecision.Words> reasonWords = rendered.reasons();
        SerializableString repeated = null;
        for (int i = 0; i < decision.reasons().size(); i++) {
            RenderedDecision.Words words = reasonWords.get(i);
            // one rule's reasons for several remedies share their words: their sentence is encoded once
            boolean sameAsBefore = i > 0 && reasonWords.get(i - 1) == words;
            if (!sameAsBefore) {
                boolean sameAfter = i + 1 < reasonWords.size() && reasonWords.get(i + 1) == words;
                repeated = sameAfter && !Encoded.hasSurrogate(words.message()) ? new SerializedString(words.message()) : null;
            }
            writeReason(json, decision.reasons().get(i), words, repeated);
        }
        json.writeEndArray();
        writePolicy(json, decision.policy(), decision.floors());
        writeCommitments(json, decision.commitments());
        json.writeFieldName(Encoded.COMPENSATION);
        json.writeStartArray();
        for (int i = 0; i < decision.compensation().size(); i++) {
            Compensation owed = decision.compensation().get(i);
            RenderedDecision.Words words = rendered.compensation().get(i);
            json.writeStartObject();
            writeRecurring(json, Encoded.ARTICLE, owed.article());
            writeRecurring(json, Encoded.CITATION, words.citation());
            writeNumber(json, Encoded.AMOUNT, owed.amount());
            writeRecurring(json, Encoded.CURRENCY, owed.currency());
            writeString(json, Encoded.MESSAGE, words.message());
            json.writeEndObject();
        }
        json.writeEndArray();
        writeMoney(json, decision.money());
        json.writeFieldName(Encoded.ACTIONS);
        json.writeStartArray();
        for (int i = 0; i < decision.actions().size(); i++) {
            Action action = decision.actions().get(i);
            RenderedDecision.Words words = rendered.actions().get(i);
            json.writeStartObject();
            writeRecurring(json, Encoded.ACTION, action.action());
            writeRecurring(json, Encoded.ARTICLE, action.article());
            writeRecurring(json, Encoded.CITATION, words.citation());
            writeDate(json, Encoded.DUE, action.due());
            json.writeFieldName(Encoded.OVERDUE);
            json.writeBoolean(action.overdue());
            // only where it is one (contract 17): the actions of every other decision read as before
            if (action.estimated()) {
                json.writeFieldName(Encoded.ESTIMATED);
                json.writeBoolean(true);
            }
            writeString(json, Encoded.MESSAGE, words.message());
            writeParams(json, action.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Contract 11.2: always an object; amounts as JSON numbers with their scale, null where they do not apply. */
    private static void writeMoney(JsonGenerator json, Money money) throws IOException {
        json.writeFieldName(Encoded.MONEY);
        json.writeStartObject();
        writeRecurring(json, Encoded.CURRENCY, money.currency());
        writeNumber(json, Encoded.REFUND, money.refund());
        writeNumber(json, Encoded.DEPRECIATION, money.depreciation());
        writeDate(json, Encoded.REFUND_DUE_DATE, money.refundDueDate());
        writeEncoded(json, Encoded.RETURN_SHIPPING, Encoded.of(money.returnShipping()));
        json.writeEndObject();
    }

    private static void writeNumber(JsonGenerator json, SerializableString name, BigDecimal amount) throws IOException {
        json.writeFieldName(name);
        if (amount == null) json.writeNull();
        else json.writeNumber(amount);
    }

    private static void writeDate(JsonGenerator json, SerializableString name, LocalDate date) throws IOException {
        json.writeFieldName(name);
        if (date == null) json.writeNull();
        else json.writeString(Encoded.date(date));
    }

    /** Text the rules and packs repeat from decision to decision (see {@link Encoded#recurring}); null as null. */
    private static void writeRecurring(JsonGenerator json, SerializableString name, String text) throws IOException {
        json.writeFieldName(name);
        if (text == null) json.writeNull();
        else json.writeString(Encoded.recurring(text));
    }

    private static void writeString(JsonGenerator json, SerializableString name, String text) throws IOException {
        json.writeFieldName(name);
        json.writeString(text);
    }

    private static void writeEncoded(JsonGenerator json, SerializableString name, SerializableString text) throws IOException {
        json.writeFieldName(name);
        if (text == null) json.writeNull();
        else json.writeString(text);
    }

    /** A term's or a param's value: numbers as numbers, dates as ISO strings, date-times to the minute. */
    private static void writeScalar(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Integer i) json.writeNumber(i);
        else if (value instanceof Long l) json.writeNumber(l);
        else if (value instanceof BigDecimal d) json.writeNumber(d);
        else if (value instanceof Number n) json.writeNumber(n.doubleValue());
        else if (value instanceof Boolean b) json.writeBoolean(b);
        else if (value instanceof LocalDate date) json.writeString(Encoded.date(date));
        else if (value instanceof LocalDateTime at) json.writeString(MINUTES.format(at));
        else if (value == null) json.writeNull();
        else json.writeString(value.toString());
    }

    /**
     * A decision's {@code policy} object (its name, version, hash and parents, then its floors), as the decision writes
     * it: what a record of the decision, such as the service's decision log, says decided it.
     */
    public static void writePolicy(JsonGenerator json, Decision decision) throws IOException {
        json.writeRawValue(Encoded.policy(decision.policy(), decision.floors()));
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
        if (json instanceof UTF8JsonGenerator) {
            claimId = Encoded.withLoneSurrogatesReplaced(claimId);
            error = Encoded.withLoneSurrogatesReplaced(error);
        }
        json.writeStartObject();
        json.writeFieldName(Encoded.LINE);
        json.writeNumber(line);
        if (claimId != null) {
            writeString(json, Encoded.CLAIM_ID, claimId);
        }
        writeString(json, Encoded.ERROR, error);
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

    /**
     * A generator for JSON Lines in UTF-8 on {@code out}, as {@link #lines(Writer)} but writing bytes straight
     * away: one for each output buffer, used by one thread at a time.
     */
    public static JsonGenerator lines(OutputStream out) throws IOException {
        return forLines(Json.FACTORY.createGenerator(out, JsonEncoding.UTF8));
    }

    private static JsonGenerator forLines(JsonGenerator json) {
        // a pair of surrogates as the four bytes of its character, as a Writer's encoder writes it, not as two escapes
        json.enable(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.setRootValueSeparator(null);
        return json;
    }

    private static void writeReason(JsonGenerator json, Reason reason, RenderedDecision.Words words) throws IOException {
        writeReason(json, reason, words, null);
    }

    /** A reason; {@code message} its sentence already encoded, or null to write {@code words}' own. */
    private static void writeReason(JsonGenerator json, Reason reason, RenderedDecision.Words words, SerializableString message)
            throws IOException {
        json.writeStartObject();
        // rule, article, citation, effect and remedy as one piece ending in a comma: the generator, told nothing
        // of them, writes the message's field as the object's first, without a comma of its own
        json.writeRaw(Encoded.reasonHead(reason, words.citation()));
        json.writeFieldName(Encoded.MESSAGE);
        if (message != null) json.writeString(message);
        else json.writeString(words.message());
        if (reason.policy() != null) {
            writeRecurring(json, Encoded.POLICY, reason.policy());
        }
        writeParams(json, reason);
        json.writeEndObject();
    }

    private static void writeParams(JsonGenerator json, Reason reason) throws IOException {
        json.writeFieldName(Encoded.PARAMS);
        json.writeStartObject();
        for (Map.Entry<String, Object> param : reason.params().entrySet()) {
            json.writeFieldName(Encoded.recurring(param.getKey()));
            writeScalar(json, param.getValue());
        }
        json.writeEndObject();
    }

    private static void writePolicy(JsonGenerator json, PolicyId policy, List<PolicyId> floors) throws IOException {
        json.writeFieldName(Encoded.POLICY);
        if (policy == null) json.writeNull();
        else json.writeRawValue(Encoded.policy(policy, floors));
    }

    /** Contract 7.3: null without a service request, else all five deadlines, each null where it does not apply. */
    private static void writeCommitments(JsonGenerator json, Commitments commitments) throws IOException {
        json.writeFieldName(Encoded.COMMITMENTS);
        if (commitments == null) {
            json.writeNull();
            return;
        }
        json.writeStartObject();
        writeDateTime(json, Encoded.RESPOND_BY, commitments.respondBy());
        writeDateTime(json, Encoded.DISPATCH_BY, commitments.dispatchBy());
        writeDateTime(json, Encoded.ON_SITE_BY, commitments.onSiteBy());
        writeDateTime(json, Encoded.RESOLVE_BY, commitments.resolveBy());
        writeDateTime(json, Encoded.LOANER_DUE_AT, commitments.loanerDueAt());
        json.writeEndObject();
    }

    private static void writeDateTime(JsonGenerator json, SerializableString name, LocalDateTime value) throws IOException {
        json.writeFieldName(name);
        if (value == null) json.writeNull();
        else json.writeString(MINUTES.format(value));
    }

    /** What a generator writes, for {@link #write(Content)}. */
    interface Content {
        void writeTo(JsonGenerator json) throws IOException;
    }

    /** What {@code content} writes, as a string. */
    static String write(Content content) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            content.writeTo(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }
}
