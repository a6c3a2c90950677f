package io.policyengine.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * How one language writes the values a sentence names, from {@code language.TAG.properties} beside this class:
 * the words and their order live in a file a translator edits, not in Java. Each pattern is split into its text
 * and its placeholders once, when the language is loaded, so that writing a value (a date, per decision) is a few
 * appends, with no parsing and no regular expression.
 */
final class Forms {
    final DateForm date;
    final Form clockOtherDay;
    final Form dateTime;
    final Form durationHours;
    final Form durationMinutes;
    final Form promiseHours;
    final Form promiseMinutes;
    final Form spanLessThanOne;
    final Form spanOne;
    final Form spanMany;
    final Form moneyNone;
    final Form moneyCode;
    final Form moneyNamed;
    /** Names of currencies by ISO code, for those this language names otherwise than by the code. */
    final Map<String, String> currencies;
    final String thousands;
    final String gap;
    final boolean capitalized;
    /** Chinese numerals (only the Chinese file has them): the ten digits, and the units ten, hundred, thousand. */
    final String numeralDigits;
    final String numeralTen;
    final String numeralHundred;
    final String numeralThousand;

    private Forms(String file, Properties read) {
        Reader in = new Reader(file, read);
        date = new DateForm(file, in.required("date"));
        clockOtherDay = in.form("clock.otherDay", "time", "date");
        dateTime = in.form("dateTime", "date", "time");
        durationHours = in.form("duration.hours", "n");
        durationMinutes = in.form("duration.minutes", "n");
        promiseHours = in.form("promise.hours", "n");
        promiseMinutes = in.form("promise.minutes", "n");
        spanLessThanOne = in.form("span.lessThanOne");
        spanOne = in.form("span.one");
        spanMany = in.form("span.many", "n");
        moneyNone = in.form("money.none", "amount");
        moneyCode = in.form("money.code", "amount", "currency");
        moneyNamed = in.form("money.named", "amount", "currency");
        Map<String, String> names = new TreeMap<>();
        for (String key : read.stringPropertyNames()) {
            if (key.startsWith("currency.")) names.put(key.substring("currency.".length()), read.getProperty(key));
        }
        currencies = Map.copyOf(names);
        thousands = in.required("amount.thousands");
        gap = in.required("gap");
        capitalized = Boolean.parseBoolean(in.required("sentences.capitalized"));
        numeralDigits = read.getProperty("numerals.digits", "0123456789");
        if (numeralDigits.length() != 10) throw new IllegalStateException(file + ": numerals.digits: expected ten digits, got \"" + numeralDigits + "\"");
        numeralTen = read.getProperty("numerals.ten", "");
        numeralHundred = read.getProperty("numerals.hundred", "");
        numeralThousand = read.getProperty("numerals.thousand", "");
    }

    /** The forms of the language {@code tag}; a file missing from the jar or a key missing from it fails at once. */
    static Forms read(String tag) {
        String name = "language." + tag + ".properties";
        String file = Forms.class.getPackageName().replace('.', '/') + "/" + name;
        Properties read = new Properties();
        try (InputStream in = Forms.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(file + " is missing from the jar");
            read.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Forms(file, read);
    }

    private record Reader(String file, Properties read) {
        String required(String key) {
            String value = read.getProperty(key);
            if (value == null) throw new IllegalStateException(file + ": no \"" + key + "\"");
            return value;
        }

        Form form(String key, String... slots) {
            return Form.parse(file + ": " + key, required(key), slots);
        }
    }

    /** The pieces of a pattern: {@code text[0] slot[0] text[1] ... text[n]}, each slot the index of the value it takes. */
    private record Split(String[] text, int[] slot) {
        static Split of(String where, String pattern, List<String> names) {
            List<String> text = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            int from = 0;
            for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', from)) {
                int close = pattern.indexOf('}', open);
                if (close < 0) throw new IllegalStateException(where + ": a { without its }");
                String name = pattern.substring(open + 1, close).strip();
                int slot = names.indexOf(name);
                if (slot < 0) throw new IllegalStateException(where + ": unknown placeholder {" + name + "} (known: " + String.join(", ", names) + ")");
                text.add(pattern.substring(from, open));
                slots.add(slot);
                from = close + 1;
            }
            text.add(pattern.substring(from));
            return new Split(text.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** A pattern with named placeholders, filled with values in the order its names were declared. */
    static final class Form {
        private final String[] text;
        private final int[] slot;

        private Form(Split split) {
            this.text = split.text();
            this.slot = split.slot();
        }

        static Form parse(String where, String pattern, String... names) {
            return new Form(Split.of(where, pattern, Arrays.asList(names)));
        }

        String fill(String... values) {
            if (slot.length == 0) return text[0];
            StringBuilder out = new StringBuilder(text[0]);
            for (int i = 0; i < slot.length; i++) out.append(values[slot[i]]).append(text[i + 1]);
            return out.toString();
        }
    }

    /** A date's pattern; its placeholders are appended as numbers, without a string of each first. */
    static final class DateForm {
        private static final List<String> NAMES = List.of("iso", "year", "month", "day", "month2", "day2");
        private static final int ISO = 0, YEAR = 1, MONTH = 2, DAY = 3, MONTH2 = 4, DAY2 = 5;
        private final String[] text;
        private final int[] slot;

        DateForm(String file, String pattern) {
            Split split = Split.of(file + ": date", pattern, NAMES);
            this.text = split.text();
            this.slot = split.slot();
        }

        void appendDate(StringBuilder out, LocalDate date) {
            out.append(text[0]);
            for (int i = 0; i < slot.length; i++) {
                switch (slot[i]) {
                    case ISO -> appendIso(out, date);
                    case YEAR -> out.append(date.getYear());
                    case MONTH -> out.append(date.getMonthValue());
                    case DAY -> out.append(date.getDayOfMonth());
                    case MONTH2 -> twoDigits(out, date.getMonthValue());
                    case DAY2 -> twoDigits(out, date.getDayOfMonth());
                    default -> throw new IllegalStateException("slot " + slot[i]);
                }
                out.append(text[i + 1]);
            }
        }

        /** ISO 8601, as {@link LocalDate#toString} writes it; a four-digit year without making a string first. */
        private static void appendIso(StringBuilder out, LocalDate date) {
            if (date.getYear() < 1000 || date.getYear() > 9999) {
                out.append(date);
                return;
            }
            out.append(date.getYear()).append('-');
            twoDigits(out, date.getMonthValue());
            out.append('-');
            twoDigits(out, date.getDayOfMonth());
        }

        private static void twoDigits(StringBuilder out, int n) {
            if (n < 10) out.append('0');
            out.append(n);
        }
    }
}
