package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.Condition;
import io.policyengine.model.EventType;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.Packaging;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Region;
import io.policyengine.model.Request;
import io.policyengine.model.SaleType;
import io.policyengine.model.ServiceRequest;
import io.policyengine.model.Severity;
import io.policyengine.model.Urgency;
import io.policyengine.model.WaitingFor;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.chrono.IsoChronology;
import java.util.List;

/**
 * Reads a good claim straight from a parser's tokens into the model, without a tree: the fast way for the
 * common case. It only accepts; it never explains. Anything else (a problem of any kind, or a shape that is
 * rare in good claims, such as an explicit {@code null}) makes it give up, and the value is read again by
 * {@link ClaimJson#parse}, the one place that judges a claim and names its first bad field. So whatever this
 * reads, {@link ClaimJson#parse} reads as the same claim (ClaimTokensTest holds it to that).
 */
final class ClaimTokens {

    private static final Fields CLAIM = new Fields(ClaimJson.CLAIM_FIELDS);
    private static final Fields PRODUCT = new Fields(ClaimJson.PRODUCT_FIELDS);
    private static final Fields CONDITION = new Fields(ClaimJson.CONDITION_FIELDS);
    private static final Fields REPAIR = new Fields(ClaimJson.REPAIR_FIELDS);
    private static final Fields OPEN_REPAIR = new Fields(ClaimJson.OPEN_REPAIR_FIELDS);
    private static final Fields EVENT = new Fields(ClaimJson.EVENT_FIELDS);
    private static final Fields SERVICE = new Fields(ClaimJson.SERVICE_FIELDS);
    private static final Fields EXAMPLE = new Fields(List.of("claim", "expect", "note"));
    private static final int END = -1;
    private static final int UNKNOWN = -2;

    private static final int DATE_LENGTH = "YYYY-MM-DD".length();
    private static final int DATE_TIME_LENGTH = "YYYY-MM-DDTHH:MM".length();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int ENCODING_GUESSED_FROM = 4;

    private static final GiveUp GIVE_UP = new GiveUp();

    private ClaimTokens() {
    }

    /**
     * The claim on a line of JSON Lines that holds one good claim, or one example with a good claim, and
     * nothing else; null when the line is anything else (not UTF-8, a byte-order mark, not JSON, a bad claim).
     */
    static Claim readLine(byte[] line) {
        try (JsonParser parser = isPlainUtf8(line) ? Json.FACTORY.createParser(line) : decodedParser(line)) {
            if (parser == null || parser.nextToken() != JsonToken.START_OBJECT) return null;
            Claim claim = claimOrExample(parser);
            return parser.nextToken() == null ? claim : null;
        } catch (GiveUp | IOException | BadInputException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether Jackson may read the bytes themselves, with no decoding into text first: plain ASCII is UTF-8 as it is,
     * and Jackson takes it for UTF-8 unless a NUL among the first four bytes makes it guess UTF-16 or UTF-32.
     */
    private static boolean isPlainUtf8(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, ENCODING_GUESSED_FROM); i++) {
            if (bytes[i] == 0) return false;
        }
        long all = 0;
        int i = 0;
        for (; i + Long.BYTES <= bytes.length; i += Long.BYTES) all |= (long) LONGS.get(bytes, i);
        for (; i < bytes.length; i++) all |= bytes[i];
        return (all & HIGH_BITS) == 0;
    }

    private static JsonParser decodedParser(byte[] line) throws IOException {
        String text;
        try {
            text = ByteLines.decode(line);
        } catch (CharacterCodingException e) {
            return null;
        }
        return text.startsWith("\uFEFF") ? null : Json.FACTORY.createParser(text);
    }

    /** The claim, or the example's claim, whose object the parser is at the start of; the object is read to its end. */
    private static Claim claimOrExample(JsonParser parser) throws IOException {
        int field = CLAIM.next(parser, END);
        if (field != UNKNOWN || EXAMPLE.indexOf(parser.currentName()) < 0) return claim(parser, field);
        Claim claim = null;
        long seen = 0;
        for (field = EXAMPLE.indexOf(parser.currentName()); field != END; field = EXAMPLE.next(parser, field)) {
            seen = once(seen, field);
            JsonToken token = parser.nextToken();
            if (field == 0) {
                if (token != JsonToken.START_OBJECT) throw GIVE_UP;
                claim = claim(parser, CLAIM.next(parser, END));
            } else {
                Json.MAPPER.readTree(parser); // unused, but a duplicate key or a number out of range in it is bad input
            }
        }
        if (claim == null) throw GIVE_UP;
        return claim;
    }

    /** The claim whose first field the parser is at ({@code first}, from {@link Fields#next}), read to the end of its object. */
    private static Claim claim(JsonParser parser, int first) throws IOException {
        Claim.Builder claim = Claim.builder(null, null);
        long seen = 0;
        for (int field = first; field != END; field = CLAIM.next(parser, field)) {
            seen = once(seen, field);
            JsonToken token = parser.nextToken();
            switch (parser.currentName()) {
                case "id" -> claim.id(text(parser, token));
                case "product" -> product(parser, token, claim);
                case "purchaseDate" -> claim.purchaseDate(date(parser, token));
                case "claimDate" -> claim.claimDate(date(parser, token));
                case "qualityDefect" -> claim.qualityDefect(bool(token));
                case "request" -> claim.request(constant(parser, token, Request.class));
                case "condition" -> claim.condition(condition(parser, token));
                case "channel" -> claim.channel(constant(parser, token, Channel.class));
                case "deliveryDate" -> claim.deliveryDate(date(parser, token));
                case "fault" -> claim.fault(text(parser, token));
                case "repairHistory" -> repairHistory(parser, token, claim);
                case "service" -> claim.service(service(parser, token));
                case "openRepair" -> claim.openRepair(openRepair(parser, token));
                case "sameModelInStock" -> claim.sameModelInStock(bool(token));
                case "events" -> events(parser, token, claim);
                case "asOf" -> claim.asOf(date(parser, token));
                case "withdrawalInformed" -> claim.withdrawalInformed(bool(token));
                case "store" -> claim.store(text(parser, token));
                default -> throw new IllegalStateException("a claim field without a reader: " + parser.currentName());
            }
        }
        return claim.build();
    }

    private static void product(JsonParser parser, JsonToken token, Claim.Builder claim) throws IOException {
        start(token, JsonToken.START_OBJECT);
        long seen = 0;
        for (int field = PRODUCT.next(parser, END); field != END; field = PRODUCT.next(parser, field)) {
            seen = once(seen, field);
            JsonToken value = parser.nextToken();
            switch (parser.currentName()) {
                case "sku" -> claim.sku(text(parser, value));
                case "category" -> claim.category(text(parser, value));
                case "price" -> claim.price(price(parser, value));
                case "saleType" -> claim.saleType(constant(parser, value, SaleType.class));
                case "customMade" -> claim.customMade(bool(value));
                default -> throw new IllegalStateException("a product field without a reader: " + parser.currentName());
            }
        }
    }

    private static Condition condition(JsonParser parser, JsonToken token) throws IOException {
        start(token, JsonToken.START_OBJECT);
        Condition asSold = Condition.AS_SOLD;
        Packaging packaging = asSold.packaging();
        boolean accessoriesComplete = asSold.accessoriesComplete();
        boolean warrantyCard = asSold.warrantyCard();
        boolean usageTraces = asSold.usageTraces();
        boolean customerDamage = asSold.customerDamage();
        boolean forceMajeure = asSold.forceMajeure();
        long seen = 0;
        for (int field = CONDITION.next(parser, END); field != END; field = CONDITION.next(parser, field)) {
            seen = once(seen, field);
            JsonToken value = parser.nextToken();
            switch (parser.currentName()) {
                case "packaging" -> packaging = constant(parser, value, Packaging.class);
                case "accessoriesComplete" -> accessoriesComplete = bool(value);
                case "warrantyCard" -> warrantyCard = bool(value);
                case "usageTraces" -> usageTraces = bool(value);
                case "customerDamage" -> customerDamage = bool(value);
                case "forceMajeure" -> forceMajeure = bool(value);
                default -> throw new IllegalStateException("a condition field without a reader: " + parser.currentName());
            }
        }
        return new Condition(packaging, accessoriesComplete, warrantyCard, usageTraces, customerDamage, forceMajeure);
    }

    private static void repairHistory(JsonParser parser, JsonToken token, Claim.Builder claim) throws IOException {
        start(token, JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            LocalDate completedOn = null;
            String fault = null;
            LocalDate receivedOn = null;
            long seen = 0;
            for (int field = REPAIR.next(parser, END); field != END; field = REPAIR.next(parser, field)) {
                seen = once(seen, field);
                JsonToken value = parser.nextToken();
                switch (parser.currentName()) {
                    case "completedOn" -> completedOn = date(parser, value);
                    case "fault" -> fault = text(parser, value);
                    case "receivedOn" -> receivedOn = date(parser, value);
                    default -> throw new IllegalStateException("a repair field without a reader: " + parser.currentName());
                }
            }
            claim.repair(new PastRepair(completedOn, fault, receivedOn));
        }
        start(parser.currentToken(), JsonToken.END_ARRAY);
    }

    private static OpenRepair openRepair(JsonParser parser, JsonToken token) throws IOException {
        start(token, JsonToken.START_OBJECT);
        LocalDate receivedOn = null;
        WaitingFor waitingFor = null;
        long seen = 0;
        for (int field = OPEN_REPAIR.next(parser, END); field != END; field = OPEN_REPAIR.next(parser, field)) {
            seen = once(seen, field);
            JsonToken value = parser.nextToken();
            switch (parser.currentName()) {
                case "receivedOn" -> receivedOn = date(parser, value);
                case "waitingFor" -> waitingFor = constant(parser, value, WaitingFor.class);
                default -> throw new IllegalStateException("an open repair field without a reader: " + parser.currentName());
            }
        }
        return new OpenRepair(receivedOn, waitingFor);
    }

    private static void events(JsonParser parser, JsonToken token, Claim.Builder claim) throws IOException {
        start(token, JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            EventType type = null;
            LocalDate at = null;
            long seen = 0;
            for (int field = EVENT.next(parser, END); field != END; field = EVENT.next(parser, field)) {
                seen = once(seen, field);
                JsonToken value = parser.nextToken();
                switch (parser.currentName()) {
                    case "type" -> type = constant(parser, value, EventType.class);
                    case "at" -> at = date(parser, value);
                    default -> throw new IllegalStateException("an event field without a reader: " + parser.currentName());
                }
            }
            claim.event(type, at);
        }
        start(parser.currentToken(), JsonToken.END_ARRAY);
    }

    private static ServiceRequest service(JsonParser parser, JsonToken token) throws IOException {
        start(token, JsonToken.START_OBJECT);
        LocalDateTime reportedAt = null;
        Urgency urgency = null;
        Region region = null;
        Severity severity = null;
        LocalDateTime arrivedAt = null;
        long seen = 0;
        for (int field = SERVICE.next(parser, END); field != END; field = SERVICE.next(parser, field)) {
            seen = once(seen, field);
            JsonToken value = parser.nextToken();
            switch (parser.currentName()) {
                case "reportedAt" -> reportedAt = dateTime(parser, value);
                case "urgency" -> urgency = constant(parser, value, Urgency.class);
                case "region" -> region = constant(parser, value, Region.class);
                case "severity" -> severity = constant(parser, value, Severity.class);
                case "arrivedAt" -> arrivedAt = dateTime(parser, value);
                default -> throw new IllegalStateException("a service field without a reader: " + parser.currentName());
            }
        }
        return new ServiceRequest(reportedAt, urgency, region, severity, arrivedAt);
    }

    /** {@code seen} with {@code field} added; gives up on an unknown field or one seen before (a duplicate key). */
    private static long once(long seen, int field) {
        if (field == UNKNOWN || (seen & 1L << field) != 0) throw GIVE_UP;
        return seen | 1L << field;
    }

    private static void start(JsonToken token, JsonToken expected) {
        if (token != expected) throw GIVE_UP;
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        start(token, JsonToken.VALUE_STRING);
        return parser.getText();
    }

    private static boolean bool(JsonToken token) {
        if (!token.isBoolean()) throw GIVE_UP;
        return token == JsonToken.VALUE_TRUE;
    }

    private static BigDecimal price(JsonParser parser, JsonToken token) throws IOException {
        if (!token.isNumeric()) throw GIVE_UP;
        BigDecimal price = parser.getDecimalValue();
        if (price.signum() < 0) throw GIVE_UP;
        return price;
    }

    private static <E extends Enum<E>> E constant(JsonParser parser, JsonToken token, Class<E> type) throws IOException {
        start(token, JsonToken.VALUE_STRING);
        E constant = EnumNames.of(type).find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        if (constant == null) throw GIVE_UP;
        return constant;
    }

    /** A {@code YYYY-MM-DD} date that exists, in the years a claim may have. */
    private static LocalDate date(JsonParser parser, JsonToken token) throws IOException {
        start(token, JsonToken.VALUE_STRING);
        if (parser.getTextLength() != DATE_LENGTH) throw GIVE_UP;
        return date(parser.getTextCharacters(), parser.getTextOffset());
    }

    /** A {@code YYYY-MM-DDTHH:MM} date and time that exist, in the years a claim may have. */
    private static LocalDateTime dateTime(JsonParser parser, JsonToken token) throws IOException {
        start(token, JsonToken.VALUE_STRING);
        if (parser.getTextLength() != DATE_TIME_LENGTH) throw GIVE_UP;
        char[] text = parser.getTextCharacters();
        int at = parser.getTextOffset();
        LocalDate date = date(text, at);
        int hour = number(text, at + 11, 2);
        int minute = number(text, at + 14, 2);
        if (text[at + 10] != 'T' || text[at + 13] != ':' || hour > 23 || minute > 59) throw GIVE_UP;
        return date.atTime(hour, minute);
    }

    private static LocalDate date(char[] text, int at) {
        int year = number(text, at, 4);
        int month = number(text, at + 5, 2);
        int day = number(text, at + 8, 2);
        if (text[at + 4] != '-' || text[at + 7] != '-' || year > StrictObject.LAST_YEAR
                || month < 1 || month > 12 || day < 1) {
            throw GIVE_UP;
        }
        if (day > 28 && day > Month.of(month).length(IsoChronology.INSTANCE.isLeapYear(year))) throw GIVE_UP;
        return LocalDate.of(year, month, day);
    }

    /** The number written by {@code digits} ASCII digits. */
    private static int number(char[] text, int at, int digits) {
        int value = 0;
        for (int i = at; i < at + digits; i++) {
            char c = text[i];
            if (c < '0' || c > '9') throw GIVE_UP;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Thrown as soon as the value turns out not to be a plainly good claim; one instance, without a stack trace. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super("not a plainly good claim", null, false, false);
        }
    }

    /** The fields of one kind of object in the contract's order, which is the order good claims mostly have. */
    private static final class Fields {
        private final SerializableString[] names;

        Fields(List<String> names) {
            this.names = names.stream().map(SerializedString::new).toArray(SerializableString[]::new);
        }

        /**
         * Moves the parser to the next field name and gives the field's index; {@link #END} at the end of the object,
         * {@link #UNKNOWN} for a name not in the list. The field after {@code previous} is matched first, on the
         * input's bytes: its name is then not looked up.
         */
        int next(JsonParser parser, int previous) throws IOException {
            int expected = previous + 1;
            if (expected < names.length) {
                if (parser.nextFieldName(names[expected])) return expected;
            } else {
                parser.nextToken();
            }
            return parser.currentToken() == JsonToken.FIELD_NAME ? indexOf(parser.currentName()) : END;
        }

        int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].getValue().equals(name)) return i;
            }
            return UNKNOWN;
        }
    }
}
