package io.policyengine.examples.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.model.Request;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields the report needs from one decision-log line,
 * {@code {"decisionId","time","region","policy","claim":{...},"decision":{...}}} (contract 9, 14.3), in one
 * streaming pass over its bytes: everything else is skipped unread. Not thread-safe; one per reading thread.
 */
final class LogLineReader {
    /**
     * The param by which a reason names the earlier repair it answers (store-standard's S1, the EU guarantee's
     * termination): a repair granted by such a reason repairs the same fault again. The decision says it, so the
     * report knows no pack's article.
     */
    static final String EARLIER_REPAIR = "repairedOn";

    /** Digits before the point of the largest amount a log line may carry: far past any till, far below overflow. */
    private static final int AMOUNT_DIGITS = 20;
    /** Decimals of an amount: the most minor units of any ISO 4217 currency. */
    private static final int AMOUNT_DECIMALS = 4;
    private static final JsonFactory JSON = new JsonFactory();

    /** Why a line is not a decision the report can count; the message names the field. */
    static final class NotADecision extends Exception {
        NotADecision(String message) {
            super(message, null, false, false);
        }
    }

    private final Interner shared;

    LogLineReader(Interner shared) {
        this.shared = shared;
    }

    /** The line's decision, {@code order} its place in the log (larger is later). */
    LoggedDecision read(byte[] bytes, int offset, int length, long order) throws NotADecision {
        try (JsonParser json = JSON.createParser(bytes, offset, length)) {
            if (json.nextToken() != JsonToken.START_OBJECT) throw new NotADecision("not a JSON object");
            Line line = new Line();
            for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                switch (name) {
                    case "claim" -> readClaim(json, value, line);
                    case "decision" -> readDecision(json, value, line);
                    case "time" -> line.time = instant(json, value);
                    case "region" -> line.region = text(json, value, "region");
                    default -> json.skipChildren();
                }
            }
            if (json.nextToken() != null) throw new NotADecision("more than one JSON value on the line");
            return line.toDecision(shared, order);
        } catch (JsonProcessingException e) {
            throw new NotADecision("not JSON: " + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new NotADecision("not JSON: " + e.getMessage()); // a byte array does not fail to read
        }
    }

    /** The fields gathered from the line, in whatever order its keys come. */
    private static final class Line {
        boolean hasClaim;
        boolean hasDecision;
        String claimId;
        LocalDate claimDate;
        String sku;
        String fault;
        boolean qualityDefect;
        Request request;
        boolean service;
        LocalDateTime arrivedAt;
        String decisionClaimId;
        Outcome outcome;
        List<Reason> exclusions = List.of();
        Set<Remedy> grantedBySameFault = EnumSet.noneOf(Remedy.class);
        LocalDateTime onSiteBy;
        List<LoggedDecision.Owed> compensation = List.of();
        LoggedDecision.Money money;
        List<LocalDate> dutiesDue;
        String decisionError;
        String store;
        String region;
        long time = LoggedDecision.NO_TIME;

        LoggedDecision toDecision(Interner shared, long order) throws NotADecision {
            if (!hasClaim) throw new NotADecision("claim: missing (a decision-log line has the claim and its decision; see docs/report.md)");
            if (!hasDecision) throw new NotADecision("decision: missing");
            if (decisionError != null) throw new NotADecision("decision: an error line, not a decision: " + decisionError);
            if (claimDate == null) throw new NotADecision("claim.claimDate: missing");
            if (outcome == null) throw new NotADecision("decision.outcome: missing");
            String refusal = null;
            if (request != null && !request.isMetBy(outcome)) {
                Reason refusedBy = request.refusalIn(exclusions);
                refusal = refusedBy == null ? null : refusedBy.article();
            }
            boolean sameFault = outcome.isRepair() && grantedBySameFault.contains(Remedy.valueOf(outcome.name()));
            boolean arrival = service && arrivedAt != null;
            boolean late = arrival && onSiteBy != null && arrivedAt.isAfter(onSiteBy);
            if (dutiesDue != null) dutiesDue.replaceAll(shared::of);
            return new LoggedDecision(claimId != null ? claimId : decisionClaimId, shared.of(claimDate), shared.of(sku), shared.of(fault),
                    qualityDefect, request, outcome, shared.of(refusal), sameFault, arrival, late, compensation, money,
                    dutiesDue == null || !dutiesDue.isEmpty() ? dutiesDue : List.of(), shared.of(store), shared.of(region), time, order);
        }
    }

    private static void readClaim(JsonParser json, JsonToken value, Line line) throws IOException, NotADecision {
        expectObject(json, value, "claim");
        line.hasClaim = true;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken token = json.nextToken();
            switch (name) {
                case "id" -> line.claimId = text(json, token, "claim.id");
                case "claimDate" -> line.claimDate = date(json, token, "claim.claimDate");
                case "qualityDefect" -> line.qualityDefect = token == JsonToken.VALUE_TRUE;
                case "request" -> line.request = constant(Request.class, text(json, token, "claim.request"), "claim.request");
                case "fault" -> line.fault = text(json, token, "claim.fault");
                case "store" -> line.store = text(json, token, "claim.store");
                case "product" -> line.sku = member(json, token, "sku", (p, t) -> text(p, t, "claim.product.sku"));
                case "service" -> {
                    line.service = token == JsonToken.START_OBJECT;
                    line.arrivedAt = member(json, token, "arrivedAt", (p, t) -> dateTime(p, t, "claim.service.arrivedAt"));
                }
                default -> json.skipChildren();
            }
        }
    }

    private void readDecision(JsonParser json, JsonToken value, Line line) throws IOException, NotADecision {
        expectObject(json, value, "decision");
        line.hasDecision = true;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken token = json.nextToken();
            switch (name) {
                case "claimId" -> line.decisionClaimId = text(json, token, "decision.claimId");
                case "outcome" -> line.outcome = constant(Outcome.class, text(json, token, "decision.outcome"), "decision.outcome");
                case "error" -> line.decisionError = token == JsonToken.VALUE_STRING ? json.getText() : "(no message)";
                case "reasons" -> readReasons(json, token, line);
                case "commitments" -> line.onSiteBy = member(json, token, "onSiteBy", (p, t) -> dateTime(p, t, "decision.commitments.onSiteBy"));
                case "compensation" -> readCompensation(json, token, line, shared);
                case "money" -> readMoney(json, token, line, shared);
                case "actions" -> readActions(json, token, line);
                default -> json.skipChildren();
            }
        }
    }

    private static void readReasons(JsonParser json, JsonToken token, Line line) throws IOException, NotADecision {
        if (token != JsonToken.START_ARRAY) {
            json.skipChildren();
            return;
        }
        List<Reason> exclusions = new ArrayList<>(2);
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String rule = null;
            String article = null;
            String policy = null;
            Effect effect = null;
            Remedy remedy = null;
            boolean namesEarlierRepair = false;
            for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                switch (field) {
                    case "params" -> namesEarlierRepair = hasMember(json, value, EARLIER_REPAIR);
                    case "rule" -> rule = text(json, value, "decision.reasons.rule");
                    case "article" -> article = text(json, value, "decision.reasons.article");
                    case "policy" -> policy = text(json, value, "decision.reasons.policy");
                    case "effect" -> effect = constant(Effect.class, text(json, value, "decision.reasons.effect"), "decision.reasons.effect");
                    case "remedy" -> remedy = constant(Remedy.class, text(json, value, "decision.reasons.remedy"), "decision.reasons.remedy");
                    default -> json.skipChildren();
                }
            }
            if (effect == Effect.EXCLUDE) exclusions.add(new Reason(rule, article, effect, remedy, policy, Map.of()));
            if (effect == Effect.GRANT && remedy != null && namesEarlierRepair) line.grantedBySameFault.add(remedy);
        }
        line.exclusions = exclusions;
    }

    private static void readCompensation(JsonParser json, JsonToken token, Line line, Interner shared) throws IOException, NotADecision {
        if (token != JsonToken.START_ARRAY) {
            json.skipChildren();
            return;
        }
        List<LoggedDecision.Owed> owed = new ArrayList<>(1);
        while (json.nextToken() == JsonToken.START_OBJECT) {
            String article = null;
            String currency = null;
            BigDecimal amount = null;
            for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                if (field.equals("article")) article = text(json, value, "decision.compensation.article");
                else if (field.equals("amount")) amount = number(json, value, "decision.compensation.amount");
                else if (field.equals("currency")) currency = text(json, value, "decision.compensation.currency");
                else json.skipChildren();
            }
            if (article == null || amount == null) throw new NotADecision("decision.compensation: an entry without article or amount");
            // contract 14.3: money names its currency; an amount without one cannot be added to any sum
            if (currency == null) throw new NotADecision("decision.compensation.currency: missing");
            owed.add(new LoggedDecision.Owed(shared.of(article), shared.of(currency), amount));
        }
        line.compensation = owed.isEmpty() ? List.of() : owed; // kept per claim until the log is read: no empty list each
    }

    private static void readMoney(JsonParser json, JsonToken token, Line line, Interner shared) throws IOException, NotADecision {
        if (token != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        String currency = null;
        BigDecimal refund = null;
        BigDecimal depreciation = null;
        for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            if (field.equals("refund")) refund = number(json, value, "decision.money.refund");
            else if (field.equals("depreciation")) depreciation = number(json, value, "decision.money.depreciation");
            else if (field.equals("currency")) currency = text(json, value, "decision.money.currency");
            else json.skipChildren();
        }
        // contract 14.3: money names its currency; the money block has had it since it came (contract 11.2)
        if (currency == null) throw new NotADecision("decision.money.currency: missing");
        line.money = new LoggedDecision.Money(shared.of(currency), refund, depreciation == null || depreciation.signum() != 0 ? depreciation : BigDecimal.ZERO);
    }

    private static void readActions(JsonParser json, JsonToken token, Line line) throws IOException, NotADecision {
        if (token != JsonToken.START_ARRAY) {
            json.skipChildren();
            return;
        }
        List<LocalDate> due = new ArrayList<>(2);
        while (json.nextToken() == JsonToken.START_OBJECT) {
            LocalDate date = null;
            for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
                JsonToken value = json.nextToken();
                if (field.equals("due")) date = date(json, value, "decision.actions.due");
                else json.skipChildren();
            }
            if (date == null) throw new NotADecision("decision.actions.due: missing");
            due.add(date);
        }
        line.dutiesDue = due;
    }

    /** Reads one value, the parser on its first token. */
    private interface ValueReader<T> {
        T read(JsonParser json, JsonToken token) throws IOException, NotADecision;
    }

    /** The member {@code name} of the object that {@code token} opens, read by {@code reader}; the rest skipped; null when absent or not an object. */
    private static <T> T member(JsonParser json, JsonToken token, String name, ValueReader<T> reader) throws IOException, NotADecision {
        if (token != JsonToken.START_OBJECT) {
            json.skipChildren();
            return null;
        }
        T value = null;
        for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
            JsonToken fieldValue = json.nextToken();
            if (field.equals(name)) value = reader.read(json, fieldValue);
            else json.skipChildren();
        }
        return value;
    }

    /** Whether the object that {@code token} opens has a member {@code name}; its values skipped unread. */
    private static boolean hasMember(JsonParser json, JsonToken token, String name) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            json.skipChildren();
            return false;
        }
        boolean found = false;
        for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
            json.nextToken();
            json.skipChildren();
            if (field.equals(name)) found = true;
        }
        return found;
    }

    private static void expectObject(JsonParser json, JsonToken value, String field) throws IOException, NotADecision {
        if (value != JsonToken.START_OBJECT) {
            throw new NotADecision(field + ": expected an object, got " + describe(json, value));
        }
    }

    /** A string, or null for JSON null. */
    private static String text(JsonParser json, JsonToken token, String field) throws IOException, NotADecision {
        if (token == JsonToken.VALUE_NULL) return null;
        if (token != JsonToken.VALUE_STRING) throw new NotADecision(field + ": expected a string, got " + describe(json, token));
        return json.getText();
    }

    /**
     * An amount of money (contract 17): a number from 0 up, of at most {@value #AMOUNT_DIGITS} digits before the
     * point and {@value #AMOUNT_DECIMALS} after it (ISO 4217's most minor units). Anything else, such as
     * {@code 1e999999999}, whose sum no BigDecimal could hold, is a bad line, never the end of the report.
     */
    private static BigDecimal number(JsonParser json, JsonToken token, String field) throws IOException, NotADecision {
        if (token == JsonToken.VALUE_NULL) return null;
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw new NotADecision(field + ": expected a number, got " + describe(json, token));
        }
        String text = json.getText();
        String shown = text.length() <= 40 ? text : text.substring(0, 37) + "...";
        BigDecimal amount;
        try {
            amount = json.getDecimalValue();
        } catch (NumberFormatException e) {
            throw new NotADecision(field + ": " + shown + " is not an amount: out of range");
        }
        if (amount.signum() < 0) throw new NotADecision(field + ": " + shown + " is not an amount: below 0");
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.precision() - plain.scale() > AMOUNT_DIGITS) {
            throw new NotADecision(field + ": " + shown + " is not an amount: more than " + AMOUNT_DIGITS + " digits before the point");
        }
        if (plain.scale() > AMOUNT_DECIMALS) {
            throw new NotADecision(field + ": " + shown + " is not an amount: more than " + AMOUNT_DECIMALS + " decimals");
        }
        return amount;
    }

    private static LocalDate date(JsonParser json, JsonToken token, String field) throws IOException, NotADecision {
        String text = text(json, token, field);
        if (text == null) return null;
        try {
            return isoDate(text);
        } catch (DateTimeException | NumberFormatException e) {
            throw new NotADecision(field + ": expected a date YYYY-MM-DD, got \"" + text + "\"");
        }
    }

    /**
     * The line's {@code time} ({@code 2026-11-28T18:20:34.412422880Z}, as {@code Instant.toString} writes it) in
     * nanoseconds since 1970; {@link LoggedDecision#NO_TIME} for null. Read by hand, as the dates are, in the usual
     * form; any other ISO instant through {@link Instant#parse}.
     */
    private static long instant(JsonParser json, JsonToken token) throws IOException, NotADecision {
        String text = text(json, token, "time");
        if (text == null) return LoggedDecision.NO_TIME;
        try {
            int length = text.length();
            if (length >= 20 && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(length - 1) == 'Z'
                    && (length == 20 || text.charAt(19) == '.' && length <= 30)) {
                long seconds = isoDate(text.substring(0, 10)).toEpochDay() * 86_400
                        + digits(text, 11, 13) * 3_600L + digits(text, 14, 16) * 60L + digits(text, 17, 19);
                long nanos = 0;
                if (length > 20) {
                    nanos = digits(text, 20, length - 1);
                    for (int i = length - 1 - 20; i < 9; i++) nanos *= 10;
                }
                if (digits(text, 11, 13) > 23 || digits(text, 14, 16) > 59 || digits(text, 17, 19) > 59) throw new DateTimeException(text);
                return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
            }
            Instant instant = Instant.parse(text);
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw new NotADecision("time: expected an instant YYYY-MM-DDTHH:MM:SSZ, got \"" + text + "\"");
        }
    }

    private static LocalDateTime dateTime(JsonParser json, JsonToken token, String field) throws IOException, NotADecision {
        String text = text(json, token, field);
        if (text == null) return null;
        try {
            if (text.length() != 16 || text.charAt(10) != 'T' || text.charAt(13) != ':') return LocalDateTime.parse(text);
            return isoDate(text.substring(0, 10)).atTime(digits(text, 11, 13), digits(text, 14, 16));
        } catch (DateTimeException | NumberFormatException e) {
            throw new NotADecision(field + ": expected a date-time YYYY-MM-DDTHH:MM, got \"" + text + "\"");
        }
    }

    /** {@code YYYY-MM-DD}, read by hand: {@link LocalDate#parse} costs more than the rest of a line's fields together. */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') return LocalDate.parse(text);
        return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') throw new NumberFormatException(text);
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String text, String field) throws NotADecision {
        if (text == null) return null;
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new NotADecision(field + ": unknown value \"" + text + "\"");
        }
    }

    private static String describe(JsonParser json, JsonToken token) throws IOException {
        if (token == null) return "nothing";
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "\"" + json.getText() + "\"";
            default -> json.getText();
        };
    }
}
