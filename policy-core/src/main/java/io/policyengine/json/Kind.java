package io.policyengine.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.policyengine.model.BadInputException;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a claim field's value must be (a date, a constant of an enum, ...), read two ways: from a parser's current
 * token, fast, giving up ({@link GiveUp}) on anything that is not plainly good; and from a tree, strictly, a
 * problem being a {@link BadInputException} that names the field's path and says what is wrong.
 */
abstract class Kind<V> {

    /** The last year a claim's dates may have: deadlines run at most some years on, and must print as YYYY-MM-DD. */
    static final int LAST_YEAR = 8999;

    static final Kind<String> TEXT = new Text(false);
    static final Kind<String> NON_BLANK_TEXT = new Text(true);
    static final Kind<Boolean> BOOL = new Bool();
    static final Kind<LocalDate> DATE = new Date();
    static final Kind<LocalDateTime> DATE_TIME = new DateTime();
    static final Kind<BigDecimal> NON_NEGATIVE_DECIMAL = new NonNegativeDecimal();

    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DATE_TIME_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final int DATE_LENGTH = "YYYY-MM-DD".length();
    private static final int DATE_TIME_LENGTH = "YYYY-MM-DDTHH:MM".length();

    /** The value at the parser's current {@code token}; throws {@link GiveUp#GIVE_UP} unless it is plainly good. */
    abstract V token(JsonParser parser, JsonToken token) throws IOException;

    /** The value of the present, non-null {@code value}; a {@link BadInputException} naming {@code path} unless it is good. */
    abstract V node(JsonNode value, String path);

    /** A constant of {@code type}, named exactly (case matters). */
    static <E extends Enum<E>> Kind<E> constant(Class<E> type) {
        return new Constant<>(EnumNames.of(type));
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

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) throw GiveUp.GIVE_UP;
    }

    private static final class Text extends Kind<String> {
        private final boolean nonBlank;

        Text(boolean nonBlank) {
            this.nonBlank = nonBlank;
        }

        @Override
        String token(JsonParser parser, JsonToken token) throws IOException {
            expect(token, JsonToken.VALUE_STRING);
            String text = parser.getText();
            if (nonBlank && text.isBlank()) throw GiveUp.GIVE_UP;
            return text;
        }

        @Override
        String node(JsonNode value, String path) {
            if (!value.isTextual()) throw new BadInputException(path, "expected a string, got " + Json.shown(value));
            if (nonBlank && value.textValue().isBlank()) throw new BadInputException(path, "must not be blank");
            return value.textValue();
        }
    }

    private static final class Bool extends Kind<Boolean> {
        @Override
        Boolean token(JsonParser parser, JsonToken token) {
            if (!token.isBoolean()) throw GiveUp.GIVE_UP;
            return token == JsonToken.VALUE_TRUE; // Boolean.TRUE or FALSE: no new object
        }

        @Override
        Boolean node(JsonNode value, String path) {
            if (!value.isBoolean()) throw new BadInputException(path, "expected true or false, got " + Json.shown(value));
            return value.booleanValue();
        }
    }

    /** The number as written, with its scale ({@code 3299.00}), and never negative. */
    private static final class NonNegativeDecimal extends Kind<BigDecimal> {
        @Override
        BigDecimal token(JsonParser parser, JsonToken token) throws IOException {
            if (!token.isNumeric()) throw GiveUp.GIVE_UP;
            BigDecimal number = parser.getDecimalValue();
            if (number.signum() < 0) throw GiveUp.GIVE_UP;
            return number;
        }

        /** Negative numbers are judged while still JSON text, so that the message shows them as written ({@code -1e999999999}). */
        @Override
        BigDecimal node(JsonNode value, String path) {
            if (!value.isNumber()) throw new BadInputException(path, "expected a number, got " + Json.shown(value));
            BigDecimal number = value.decimalValue();
            if (number.signum() < 0) throw new BadInputException(path, "must be >= 0, got " + Json.shown(value));
            return number;
        }
    }

    private static final class Constant<E extends Enum<E>> extends Kind<E> {
        private final EnumNames<E> names;

        Constant(EnumNames<E> names) {
            this.names = names;
        }

        @Override
        E token(JsonParser parser, JsonToken token) throws IOException {
            expect(token, JsonToken.VALUE_STRING);
            E constant = names.find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
            if (constant == null) throw GiveUp.GIVE_UP;
            return constant;
        }

        @Override
        E node(JsonNode value, String path) {
            E constant = value.isTextual() ? names.find(value.textValue()) : null;
            if (constant != null) return constant;
            throw new BadInputException(path, "expected one of " + names.allowed() + ", got " + Json.shown(value));
        }
    }

    /** A {@code YYYY-MM-DD} date that exists, in the years a claim may have. */
    private static final class Date extends Kind<LocalDate> {
        @Override
        LocalDate token(JsonParser parser, JsonToken token) throws IOException {
            expect(token, JsonToken.VALUE_STRING);
            if (parser.getTextLength() != DATE_LENGTH) throw GiveUp.GIVE_UP;
            return day(parser.getTextCharacters(), parser.getTextOffset());
        }

        @Override
        LocalDate node(JsonNode value, String path) {
            return temporal(path, value, DATE_SHAPE, "a date string YYYY-MM-DD", "date", LocalDate::parse);
        }
    }

    /** A {@code YYYY-MM-DDTHH:MM} date and time that exist, in the years a claim may have. */
    private static final class DateTime extends Kind<LocalDateTime> {
        @Override
        LocalDateTime token(JsonParser parser, JsonToken token) throws IOException {
            expect(token, JsonToken.VALUE_STRING);
            if (parser.getTextLength() != DATE_TIME_LENGTH) throw GiveUp.GIVE_UP;
            char[] text = parser.getTextCharacters();
            int at = parser.getTextOffset();
            LocalDate date = day(text, at);
            int hour = number(text, at + 11, 2);
            int minute = number(text, at + 14, 2);
            if (text[at + 10] != 'T' || text[at + 13] != ':' || hour > 23 || minute > 59) throw GiveUp.GIVE_UP;
            return date.atTime(hour, minute);
        }

        @Override
        LocalDateTime node(JsonNode value, String path) {
            return temporal(path, value, DATE_TIME_SHAPE, "a date-time string YYYY-MM-DDTHH:MM", "date-time", LocalDateTime::parse);
        }
    }

    private static LocalDate day(char[] text, int at) {
        int year = number(text, at, 4);
        int month = number(text, at + 5, 2);
        int day = number(text, at + 8, 2);
        if (text[at + 4] != '-' || text[at + 7] != '-' || year > LAST_YEAR || month < 1 || month > 12 || day < 1) {
            throw GiveUp.GIVE_UP;
        }
        if (day > 28 && day > Month.of(month).length(IsoChronology.INSTANCE.isLeapYear(year))) throw GiveUp.GIVE_UP;
        return LocalDate.of(year, month, day);
    }

    /** The number written by {@code digits} ASCII digits. */
    private static int number(char[] text, int at, int digits) {
        int value = 0;
        for (int i = at; i < at + digits; i++) {
            char c = text[i];
            if (c < '0' || c > '9') throw GiveUp.GIVE_UP;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A string of the given shape that parses: one message for the wrong shape, another for an impossible value. */
    private static <T> T temporal(String path, JsonNode value, Pattern shape, String expected, String kind, Function<String, T> parse) {
        if (!value.isTextual() || !shape.matcher(value.textValue()).matches()) {
            throw new BadInputException(path, "expected " + expected + ", got " + Json.shown(value));
        }
        return temporal(path, value.textValue(), kind, parse);
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
}
