package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Channel;
import io.policyengine.model.Claim;
import io.policyengine.model.ClaimEvent;
import io.policyengine.model.Condition;
import io.policyengine.model.EventType;
import io.policyengine.model.OpenRepair;
import io.policyengine.model.Packaging;
import io.policyengine.model.PastRepair;
import io.policyengine.model.Product;
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
 * rare in good claims, such as an explicit {@code null}) makes it give up with null, and the value is read
 * again by {@link ClaimJson#parse}, the one place that judges a claim and names its first bad field.
 * So whatever this reads, {@link ClaimJson#parse} reads as the same claim (ClaimTokensTest holds it to that).
 */
final class ClaimTokens {

    /** Dates from this year on are rejected by {@link StrictObject}, with a message saying why. */
    private static final int FIRST_YEAR_OUT_OF_RANGE = 8999;
    private static final int DATE_LENGTH = "YYYY-MM-DD".length();
    private static final int DATE_TIME_LENGTH = "YYYY-MM-DDTHH:MM".length();
    /** The fields in the contract's order, as good claims mostly have them: the next one is tried first. */
    private static final SerializableString[] CLAIM_NAMES = serialized(ClaimJson.CLAIM_FIELDS);
    private static final SerializableString[] PRODUCT_NAMES = serialized(ClaimJson.PRODUCT_FIELDS);
    private static final SerializableString[] CONDITION_NAMES = serialized(ClaimJson.CONDITION_FIELDS);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final int CLAIM = 1;
    private static final int EXPECT = 2;
    private static final int NOTE = 4;

    private ClaimTokens() {
    }

    /**
     * The claim on a line of JSON Lines that holds one good claim, or one example with a good claim, and
     * nothing else; null when the line is anything else (not UTF-8, a byte-order mark, not JSON, a bad claim).
     */
    static Claim readLine(byte[] line) {
        try (JsonParser parser = isAscii(line) ? Json.FACTORY.createParser(line) : decodedParser(line)) {
            return parser == null ? null : onlyClaim(parser);
        } catch (IOException | BadInputException | NumberFormatException e) {
            return null;
        }
    }

    /** Plain ASCII is UTF-8 as it is: Jackson reads the bytes themselves, with no decoding into text first. */
    private static boolean isAscii(byte[] bytes) {
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

    private static Claim onlyClaim(JsonParser parser) throws IOException {
        Claim claim = parser.nextToken() == JsonToken.START_OBJECT ? claimOrExample(parser) : null;
        return claim != null && parser.nextToken() == null ? claim : null;
    }

    /** The claim, or the example's claim, whose object the parser is at the start of. */
    private static Claim claimOrExample(JsonParser parser) throws IOException {
        String name = parser.nextFieldName();
        if (name == null) return null;
        if (exampleKey(name) == 0) return claim(parser, name);
        Claim claim = null;
        int seen = 0;
        for (; name != null; name = parser.nextFieldName()) {
            int key = exampleKey(name);
            if (key == 0 || (seen & key) != 0) return null;
            seen |= key;
            JsonToken value = parser.nextToken();
            if (key == CLAIM) {
                if (value != JsonToken.START_OBJECT) return null;
                String first = parser.nextFieldName();
                claim = first == null ? null : claim(parser, first);
                if (claim == null) return null;
            } else if (value.isStructStart()) {
                Json.MAPPER.readTree(parser); // not used, but a duplicate key in it is bad input all the same
            }
        }
        return claim;
    }

    private static SerializableString[] serialized(List<String> names) {
        return names.stream().map(SerializedString::new).toArray(SerializableString[]::new);
    }

    /**
     * The next field's name, or null at the end of the object. The field after {@code previous} in the contract's
     * order is matched first, on the input's bytes: the name is then not looked up.
     */
    private static String nextName(JsonParser parser, SerializableString[] contractOrder, int previous) throws IOException {
        if (previous + 1 >= contractOrder.length) return parser.nextFieldName();
        SerializableString expected = contractOrder[previous + 1];
        if (parser.nextFieldName(expected)) return expected.getValue();
        return parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
    }

    private static int exampleKey(String name) {
        return switch (name) {
            case "claim" -> CLAIM;
            case "expect" -> EXPECT;
            case "note" -> NOTE;
            default -> 0;
        };
    }

    /** The claim whose first field name the parser is at; its object is read to its end. */
    private static Claim claim(JsonParser parser, String first) throws IOException {
        Claim.Builder claim = Claim.builder(null, null);
        long seen = 0;
        int field = -1;
        for (String name = first; name != null; name = nextName(parser, CLAIM_NAMES, field)) {
            JsonToken token = parser.nextToken();
            boolean read;
            switch (name) {
                case "id" -> {
                    field = 0;
                    String id = text(parser, token);
                    read = id != null;
                    claim.id(id);
                }
                case "product" -> {
                    field = 1;
                    Product product = token == JsonToken.START_OBJECT ? product(parser) : null;
                    read = product != null;
                    claim.product(product);
                }
                case "purchaseDate" -> {
                    field = 2;
                    LocalDate date = date(parser, token);
                    read = date != null;
                    claim.purchaseDate(date);
                }
                case "claimDate" -> {
                    field = 3;
                    LocalDate date = date(parser, token);
                    read = date != null;
                    claim.claimDate(date);
                }
                case "qualityDefect" -> {
                    field = 4;
                    read = token.isBoolean();
                    claim.qualityDefect(token == JsonToken.VALUE_TRUE);
                }
                case "request" -> {
                    field = 5;
                    Request request = constant(parser, token, Request.class);
                    read = request != null;
                    claim.request(request);
                }
                case "condition" -> {
                    field = 6;
                    Condition condition = token == JsonToken.START_OBJECT ? condition(parser) : null;
                    read = condition != null;
                    claim.condition(condition);
                }
                case "channel" -> {
                    field = 7;
                    Channel channel = constant(parser, token, Channel.class);
                    read = channel != null;
                    claim.channel(channel);
                }
                case "deliveryDate" -> {
                    field = 8;
                    LocalDate date = date(parser, token);
                    read = date != null;
                    claim.deliveryDate(date);
                }
                case "fault" -> {
                    field = 9;
                    String fault = text(parser, token);
                    read = fault != null && !fault.isBlank();
                    claim.fault(fault);
                }
                case "repairHistory" -> {
                    field = 10;
                    read = token == JsonToken.START_ARRAY && repairHistory(parser, claim);
                }
                case "service" -> {
                    field = 11;
                    ServiceRequest service = token == JsonToken.START_OBJECT ? service(parser) : null;
                    read = service != null;
                    claim.service(service);
                }
                case "openRepair" -> {
                    field = 12;
                    OpenRepair repair = token == JsonToken.START_OBJECT ? openRepair(parser) : null;
                    read = repair != null;
                    claim.openRepair(repair);
                }
                case "sameModelInStock" -> {
                    field = 13;
                    read = token.isBoolean();
                    claim.sameModelInStock(token == JsonToken.VALUE_TRUE);
                }
                case "events" -> {
                    field = 14;
                    read = token == JsonToken.START_ARRAY && events(parser, claim);
                }
                case "asOf" -> {
                    field = 15;
                    LocalDate date = date(parser, token);
                    read = date != null;
                    claim.asOf(date);
                }
                default -> {
                    return null;
                }
            }
            if (!read || (seen & 1L << field) != 0) return null;
            seen |= 1L << field;
        }
        return claim.build();
    }

    private static Product product(JsonParser parser) throws IOException {
        String sku = null;
        String category = null;
        BigDecimal price = null;
        SaleType saleType = null;
        boolean customMade = false;
        int seen = 0;
        int field = -1;
        for (String name = nextName(parser, PRODUCT_NAMES, field); name != null; name = nextName(parser, PRODUCT_NAMES, field)) {
            JsonToken token = parser.nextToken();
            boolean read;
            switch (name) {
                case "sku" -> {
                    field = 0;
                    sku = text(parser, token);
                    read = sku != null && !sku.isBlank();
                }
                case "category" -> {
                    field = 1;
                    category = text(parser, token);
                    read = category != null;
                }
                case "price" -> {
                    field = 2;
                    price = token.isNumeric() ? parser.getDecimalValue() : null;
                    read = price != null && price.signum() >= 0;
                }
                case "saleType" -> {
                    field = 3;
                    saleType = constant(parser, token, SaleType.class);
                    read = saleType != null;
                }
                case "customMade" -> {
                    field = 4;
                    customMade = token == JsonToken.VALUE_TRUE;
                    read = token.isBoolean();
                }
                default -> {
                    return null;
                }
            }
            if (!read || (seen & 1 << field) != 0) return null;
            seen |= 1 << field;
        }
        return sku == null ? null : new Product(sku, category, price, saleType, customMade);
    }

    private static Condition condition(JsonParser parser) throws IOException {
        Condition asSold = Condition.AS_SOLD;
        Packaging packaging = asSold.packaging();
        boolean[] flags = {asSold.accessoriesComplete(), asSold.warrantyCard(), asSold.usageTraces(),
                asSold.customerDamage(), asSold.forceMajeure()};
        int seen = 0;
        int field = -1;
        for (String name = nextName(parser, CONDITION_NAMES, field); name != null; name = nextName(parser, CONDITION_NAMES, field)) {
            JsonToken token = parser.nextToken();
            field = switch (name) {
                case "packaging" -> 0;
                case "accessoriesComplete" -> 1;
                case "warrantyCard" -> 2;
                case "usageTraces" -> 3;
                case "customerDamage" -> 4;
                case "forceMajeure" -> 5;
                default -> -1;
            };
            if (field < 0 || (seen & 1 << field) != 0) return null;
            seen |= 1 << field;
            if (field == 0) {
                packaging = constant(parser, token, Packaging.class);
                if (packaging == null) return null;
            } else {
                if (!token.isBoolean()) return null;
                flags[field - 1] = token == JsonToken.VALUE_TRUE;
            }
        }
        return new Condition(packaging, flags[0], flags[1], flags[2], flags[3], flags[4]);
    }

    /** Adds the array's repairs to the claim; false when one is not plainly good. */
    private static boolean repairHistory(JsonParser parser, Claim.Builder claim) throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            LocalDate completedOn = null;
            String fault = null;
            LocalDate receivedOn = null;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "completedOn" -> {
                        if (completedOn != null || (completedOn = date(parser, token)) == null) return false;
                    }
                    case "fault" -> {
                        if (fault != null || (fault = text(parser, token)) == null || fault.isBlank()) return false;
                    }
                    case "receivedOn" -> {
                        if (receivedOn != null || (receivedOn = date(parser, token)) == null) return false;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            if (completedOn == null || fault == null) return false;
            claim.repair(new PastRepair(completedOn, fault, receivedOn));
        }
        return parser.currentToken() == JsonToken.END_ARRAY;
    }

    private static OpenRepair openRepair(JsonParser parser) throws IOException {
        LocalDate receivedOn = null;
        WaitingFor waitingFor = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "receivedOn" -> {
                    if (receivedOn != null || (receivedOn = date(parser, token)) == null) return null;
                }
                case "waitingFor" -> {
                    if (waitingFor != null || (waitingFor = constant(parser, token, WaitingFor.class)) == null) return null;
                }
                default -> {
                    return null;
                }
            }
        }
        return receivedOn == null || waitingFor == null ? null : new OpenRepair(receivedOn, waitingFor);
    }

    /** Adds the array's events to the claim; false when one is not plainly good. */
    private static boolean events(JsonParser parser, Claim.Builder claim) throws IOException {
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            EventType type = null;
            LocalDate at = null;
            for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "type" -> {
                        if (type != null || (type = constant(parser, token, EventType.class)) == null) return false;
                    }
                    case "at" -> {
                        if (at != null || (at = date(parser, token)) == null) return false;
                    }
                    default -> {
                        return false;
                    }
                }
            }
            if (type == null || at == null) return false;
            claim.event(type, at);
        }
        return parser.currentToken() == JsonToken.END_ARRAY;
    }

    private static ServiceRequest service(JsonParser parser) throws IOException {
        LocalDateTime reportedAt = null;
        Urgency urgency = null;
        Region region = null;
        Severity severity = null;
        LocalDateTime arrivedAt = null;
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "reportedAt" -> {
                    if (reportedAt != null || (reportedAt = dateTime(parser, token)) == null) return null;
                }
                case "urgency" -> {
                    if (urgency != null || (urgency = constant(parser, token, Urgency.class)) == null) return null;
                }
                case "region" -> {
                    if (region != null || (region = constant(parser, token, Region.class)) == null) return null;
                }
                case "severity" -> {
                    if (severity != null || (severity = constant(parser, token, Severity.class)) == null) return null;
                }
                case "arrivedAt" -> {
                    if (arrivedAt != null || (arrivedAt = dateTime(parser, token)) == null) return null;
                }
                default -> {
                    return null;
                }
            }
        }
        return reportedAt == null ? null : new ServiceRequest(reportedAt, urgency, region, severity, arrivedAt);
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.VALUE_STRING ? parser.getText() : null;
    }

    private static <E extends Enum<E>> E constant(JsonParser parser, JsonToken token, Class<E> type) throws IOException {
        if (token != JsonToken.VALUE_STRING) return null;
        return EnumNames.of(type).find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    /** A {@code YYYY-MM-DD} date that exists, in the years a claim may have; null for anything else. */
    private static LocalDate date(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING || parser.getTextLength() != DATE_LENGTH) return null;
        return date(parser.getTextCharacters(), parser.getTextOffset());
    }

    /** A {@code YYYY-MM-DDTHH:MM} date and time that exist, in the years a claim may have; null for anything else. */
    private static LocalDateTime dateTime(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING || parser.getTextLength() != DATE_TIME_LENGTH) return null;
        char[] text = parser.getTextCharacters();
        int at = parser.getTextOffset();
        LocalDate date = date(text, at);
        if (date == null || text[at + 10] != 'T' || text[at + 13] != ':') return null;
        int hour = number(text, at + 11, 2);
        int minute = number(text, at + 14, 2);
        return hour >= 0 && hour < 24 && minute >= 0 && minute < 60 ? date.atTime(hour, minute) : null;
    }

    private static LocalDate date(char[] text, int at) {
        if (text[at + 4] != '-' || text[at + 7] != '-') return null;
        int year = number(text, at, 4);
        int month = number(text, at + 5, 2);
        int day = number(text, at + 8, 2);
        if (year < 0 || year >= FIRST_YEAR_OUT_OF_RANGE || month < 1 || month > 12 || day < 1) return null;
        if (day > 28 && day > Month.of(month).length(IsoChronology.INSTANCE.isLeapYear(year))) return null;
        return LocalDate.of(year, month, day);
    }

    /** The number written by {@code digits} ASCII digits; -1 when one is not a digit. */
    private static int number(char[] text, int at, int digits) {
        int value = 0;
        for (int i = at; i < at + digits; i++) {
            char c = text[i];
            if (c < '0' || c > '9') return -1;
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
