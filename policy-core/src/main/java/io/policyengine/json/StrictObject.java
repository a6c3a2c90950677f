package io.policyengine.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.policyengine.model.BadInputException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A JSON object read strictly: only its known fields are allowed, and each typed reader names the
 * field's full path ({@code product.price}) in the {@link BadInputException} it throws. An explicit
 * JSON {@code null} counts as absent: the default for an optional field, "missing" for a required one.
 */
final class StrictObject {

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** The last year a claim's dates may have: deadlines run at most some years on, and must print as YYYY-MM-DD. */
    static final int LAST_YEAR = 8999;
    private static final Pattern DATE_TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    private final String prefix;
    private final JsonNode node;

    private StrictObject(String path, String prefix, JsonNode node, List<String> knownFields) {
        if (node == null || !node.isObject()) {
            throw new BadInputException(path, "expected a JSON object, got " + Json.kind(node));
        }
        this.prefix = prefix;
        this.node = node;
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownFields.contains(name)) {
                throw new BadInputException(prefix + printable(name), "unknown field" + FieldNames.suggestion(name, knownFields));
            }
        }
    }

    /** A field name as it can stand in a one-line message: control characters written as JSON escapes ({@code \\n}, {@code \\u0000}). */
    private static String printable(String name) {
        StringBuilder shown = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean control = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029';
            if (control && shown == null) shown = new StringBuilder(name.substring(0, i));
            if (shown == null) continue;
            if (!control) shown.append(c);
            else if (c == '\n') shown.append("\\n");
            else if (c == '\t') shown.append("\\t");
            else if (c == '\r') shown.append("\\r");
            else shown.append(String.format("\\u%04x", (int) c));
        }
        return shown == null ? name : shown.toString();
    }

    /** The top-level object; {@code name} is used only when the value is not an object at all. */
    static StrictObject root(String name, JsonNode node, List<String> knownFields) {
        return new StrictObject(name, "", node, knownFields);
    }

    StrictObject requiredObject(String name, List<String> knownFields) {
        return new StrictObject(path(name), path(name) + ".", required(name), knownFields);
    }

    Optional<StrictObject> optionalObject(String name, List<String> knownFields) {
        return Optional.ofNullable(present(name))
                .map(value -> new StrictObject(path(name), path(name) + ".", value, knownFields));
    }

    String requiredText(String name) {
        String text = text(name, required(name));
        if (text.isBlank()) throw bad(name, "must not be blank");
        return text;
    }

    String optionalText(String name) {
        JsonNode value = present(name);
        return value == null ? null : text(name, value);
    }

    boolean requiredBool(String name) {
        return bool(name, required(name));
    }

    boolean optionalBool(String name, boolean absent) {
        JsonNode value = present(name);
        return value == null ? absent : bool(name, value);
    }

    LocalDate requiredDate(String name) {
        return date(name, required(name));
    }

    LocalDate optionalDate(String name) {
        JsonNode value = present(name);
        return value == null ? null : date(name, value);
    }

    LocalDateTime requiredDateTime(String name) {
        return dateTime(name, required(name));
    }

    LocalDateTime optionalDateTime(String name) {
        JsonNode value = present(name);
        return value == null ? null : dateTime(name, value);
    }

    /** A non-blank string; null when absent. */
    String optionalNonBlankText(String name) {
        String text = optionalText(name);
        if (text != null && text.isBlank()) throw bad(name, "must not be blank");
        return text;
    }

    /** The elements of an array of objects, each read strictly as {@code name[i]}; empty when absent. */
    List<StrictObject> optionalObjects(String name, List<String> knownFields) {
        JsonNode value = present(name);
        if (value == null) return List.of();
        if (!value.isArray()) throw bad(name, "expected an array, got " + Json.shown(value));
        List<StrictObject> elements = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String element = path(name) + "[" + i + "]";
            elements.add(new StrictObject(element, element + ".", value.get(i), knownFields));
        }
        return elements;
    }

    /** The number as written, with its scale, as {@code 3299.00}; null when absent. */
    BigDecimal optionalDecimal(String name) {
        JsonNode value = present(name);
        if (value == null) return null;
        if (!value.isNumber()) throw bad(name, "expected a number, got " + Json.shown(value));
        return value.decimalValue();
    }

    /**
     * Like {@link #optionalDecimal}, and never negative. Checked here, while the number is still JSON text, so
     * that the message shows it as written ({@code -1e999999999} would take a billion digits written out plainly).
     */
    BigDecimal optionalNonNegativeDecimal(String name) {
        BigDecimal value = optionalDecimal(name);
        if (value != null && value.signum() < 0) throw bad(name, "must be >= 0, got " + Json.shown(node.get(name)));
        return value;
    }

    /** The constant named exactly (case matters) by the field; null when absent. */
    <E extends Enum<E>> E optionalEnum(String name, Class<E> type) {
        JsonNode value = present(name);
        if (value == null) return null;
        EnumNames<E> names = EnumNames.of(type);
        E constant = value.isTextual() ? names.find(value.textValue()) : null;
        if (constant != null) return constant;
        throw bad(name, "expected one of " + names.allowed() + ", got " + Json.shown(value));
    }

    /** Like {@link #optionalEnum}, and "missing" when absent. */
    <E extends Enum<E>> E requiredEnum(String name, Class<E> type) {
        required(name);
        return optionalEnum(name, type);
    }

    private JsonNode present(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private JsonNode required(String name) {
        JsonNode value = present(name);
        if (value == null) throw bad(name, "missing");
        return value;
    }

    private String text(String name, JsonNode value) {
        if (!value.isTextual()) throw bad(name, "expected a string, got " + Json.shown(value));
        return value.textValue();
    }

    private boolean bool(String name, JsonNode value) {
        if (!value.isBoolean()) throw bad(name, "expected true or false, got " + Json.shown(value));
        return value.booleanValue();
    }

    private LocalDate date(String name, JsonNode value) {
        return temporal(name, value, DATE_SHAPE, "a date string YYYY-MM-DD", "date", LocalDate::parse);
    }

    private LocalDateTime dateTime(String name, JsonNode value) {
        return temporal(name, value, DATE_TIME_SHAPE, "a date-time string YYYY-MM-DDTHH:MM", "date-time", LocalDateTime::parse);
    }

    /** A string of the given shape that parses: one message for the wrong shape, another for an impossible value. */
    private <T> T temporal(String name, JsonNode value, Pattern shape, String expected, String kind, Function<String, T> parse) {
        if (!value.isTextual() || !shape.matcher(value.textValue()).matches()) {
            throw bad(name, "expected " + expected + ", got " + Json.shown(value));
        }
        return temporal(path(name), value.textValue(), kind, parse);
    }

    /**
     * A date {@code YYYY-MM-DD} given outside a claim (a command-line option, a query string), judged as a
     * claim's dates are, with the same one-line messages naming {@code field}.
     */
    static LocalDate date(String field, String text) {
        if (text == null || !DATE_SHAPE.matcher(text).matches()) {
            throw new BadInputException(field, "expected a date YYYY-MM-DD, got " + Json.shown(TextNode.valueOf(String.valueOf(text))));
        }
        return temporal(field, text, "date", LocalDate::parse);
    }

    /** Text of the right shape that parses, in the years a claim may have; an impossible day says why it is none. */
    private static <T> T temporal(String field, String text, String kind, Function<String, T> parse) {
        T parsed;
        try {
            parsed = parse.apply(text);
        } catch (DateTimeParseException e) {
            String why = whyNoDate(text);
            throw new BadInputException(field, text + (why == null ? " is not a valid " + kind : " is not a date: " + why));
        }
        if (Integer.parseInt(text.substring(0, 4)) > LAST_YEAR) {
            throw new BadInputException(field, text + " is out of range: the year must be " + LAST_YEAR
                    + " or earlier, so that every deadline computed from it is a date of year 9999 or earlier");
        }
        return parsed;
    }

    /** Why {@code YYYY-MM-DD...} names no day ("February 2026 has 28 days"); null when its date part is a day. */
    private static String whyNoDate(String text) {
        int year = Integer.parseInt(text.substring(0, 4));
        int month = Integer.parseInt(text.substring(5, 7));
        int day = Integer.parseInt(text.substring(8, 10));
        if (month < 1 || month > 12) return "a year has months 01 to 12";
        YearMonth yearMonth = YearMonth.of(year, month);
        if (day < 1 || day > yearMonth.lengthOfMonth()) {
            return yearMonth.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    + " " + year + " has " + yearMonth.lengthOfMonth() + " days";
        }
        return null;
    }

    private String path(String name) {
        return prefix + name;
    }

    private BadInputException bad(String name, String problem) {
        return new BadInputException(path(name), problem);
    }
}
