package io.policyengine.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A language the engine writes its sentences in (contract 8.1): its tag, and how it writes the values
 * a sentence names: dates, times, spans of minutes, money, numbers (contract 8.3).
 */
public enum Language {
    EN("en"),
    ZH_CN("zh-CN");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final String tag;
    /** How this language writes values, from {@code language.TAG.properties} beside this class, read once. */
    private final Forms forms;

    Language(String tag) {
        this.tag = tag;
        this.forms = Forms.read(tag);
    }

    /** The tag callers use: {@code en}, {@code zh-CN}. */
    public String tag() {
        return tag;
    }

    /** The language of a tag exactly as callers write it ({@code en}, {@code zh-CN}; case aside). */
    public static Optional<Language> ofTag(String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
    }

    /** The language for a locale: any English, and Chinese written in simplified characters (zh, zh-CN, zh-Hans). */
    public static Optional<Language> of(Locale locale) {
        String language = locale.getLanguage();
        if (language.equals("en")) return Optional.of(EN);
        if (language.equals("zh")) {
            String script = locale.getScript();
            String country = locale.getCountry();
            boolean simplified = script.isEmpty() ? country.isEmpty() || country.equals("CN") || country.equals("SG") : script.equals("Hans");
            return simplified ? Optional.of(ZH_CN) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The tags of every language, for messages: {@code en, zh-CN}. */
    public static String tags() {
        return Arrays.stream(values()).map(Language::tag).collect(Collectors.joining(", "));
    }

    /** What stands between two sentences, and after a clause separator: a space in English, nothing in Chinese. */
    public String gap() {
        return forms.gap;
    }

    /** Whether a sentence starts with a capital letter (English), so that clauses joined into one get one. */
    public boolean capitalizesSentences() {
        return forms.capitalized;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    String date(LocalDate date) {
        StringBuilder out = new StringBuilder(16);
        forms.date.appendDate(out, date);
        return out.toString();
    }

    String clock(LocalDateTime reference, LocalDateTime at) {
        String time = time(at.toLocalTime());
        return reference == null || at.toLocalDate().equals(reference.toLocalDate()) ? time
                : forms.clockOtherDay.fill(time, date(at.toLocalDate()));
    }

    String dateTime(LocalDateTime at) {
        return forms.dateTime.fill(date(at.toLocalDate()), time(at.toLocalTime()));
    }

    String duration(long minutes) {
        return minutes % 60 == 0 ? forms.durationHours.fill(Long.toString(minutes / 60)) : forms.durationMinutes.fill(Long.toString(minutes));
    }

    String promise(long minutes) {
        return minutes % 60 == 0 ? forms.promiseHours.fill(Long.toString(minutes / 60)) : forms.promiseMinutes.fill(Long.toString(minutes));
    }

    String minutes(long minutes) {
        return minutes < 1 ? forms.spanLessThanOne.fill() : minutes == 1 ? forms.spanOne.fill() : forms.spanMany.fill(Long.toString(minutes));
    }

    String money(String amount, String currency) {
        if (currency == null) return forms.moneyNone.fill(amount);
        String name = forms.currencies.get(currency);
        return name == null ? forms.moneyCode.fill(amount, currency) : forms.moneyNamed.fill(amount, name);
    }

    /**
     * Appends the value as {@link #write} gives it; whole numbers and dates, which most sentences name, without
     * making a string of each first.
     */
    void writeTo(StringBuilder out, Object value, Template.Style style, Map<String, ?> params) {
        if (style == Template.Style.PLAIN && value instanceof Integer n) {
            out.append(n.intValue());
        } else if (style == Template.Style.PLAIN && value instanceof Long n) {
            out.append(n.longValue());
        } else if ((style == Template.Style.PLAIN || style == Template.Style.DATE) && value instanceof LocalDate date
                && date.getYear() >= 1000 && date.getYear() <= 9999) {
            appendDate(out, date);
        } else {
            out.append(write(value, style, params));
        }
    }

    /** A date of a four-digit year as {@link #date} writes it. */
    private void appendDate(StringBuilder out, LocalDate date) {
        forms.date.appendDate(out, date);
    }

    /** A value as this language writes it, in {@code style}; {@code params} gives the context some styles read. */
    String write(Object value, Template.Style style, Map<String, ?> params) {
        if (value == null) return "";
        return switch (style) {
            case PLAIN -> plain(value);
            case DATE -> value instanceof LocalDateTime at ? date(at.toLocalDate()) : plain(value);
            case CLOCK -> value instanceof LocalDateTime at
                    ? clock(params.get("reportedAt") instanceof LocalDateTime reported ? reported : null, at) : plain(value);
            case DURATION -> value instanceof Number n ? duration(n.longValue()) : plain(value);
            case PROMISE -> value instanceof Number n ? promise(n.longValue()) : plain(value);
            case MINUTES -> value instanceof Number n ? minutes(n.longValue()) : plain(value);
            case MONEY -> money(value instanceof BigDecimal amount ? amount(amount) : plain(value),
                    params.get("currency") == null ? null : params.get("currency").toString());
            case CN -> value instanceof Number n ? chinese(n.longValue()) : plain(value);
        };
    }

    /** An amount of money: whole amounts without cents (50), others to the cent (3134.05); English groups thousands (3,134.05). */
    private String amount(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        boolean whole = cents.stripTrailingZeros().scale() <= 0;
        String plain = whole ? cents.setScale(0, RoundingMode.UNNECESSARY).toPlainString() : cents.toPlainString();
        return forms.thousands.isEmpty() ? plain : grouped(plain, forms.thousands);
    }

    /** A plain decimal with {@code separator} between each three digits of its whole part: 3134.05 as 3,134.05. */
    static String grouped(String plain, String separator) {
        int from = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        if (point < 0) point = plain.length();
        if (point - from <= 3) return plain;
        StringBuilder out = new StringBuilder(plain.length() + (point - from) / 3);
        out.append(plain, 0, from);
        for (int i = from; i < point; i++) {
            if (i > from && (point - i) % 3 == 0) out.append(separator);
            out.append(plain.charAt(i));
        }
        return out.append(plain, point, plain.length()).toString();
    }

    private String plain(Object value) {
        if (value instanceof LocalDate date) return date(date);
        if (value instanceof LocalDateTime at) return dateTime(at);
        if (value instanceof BigDecimal amount) return amount.stripTrailingZeros().toPlainString();
        return value.toString();
    }

    static String time(LocalTime time) {
        return TIME.format(time);
    }

    /**
     * A whole number in Chinese numerals as regulations number their articles: 9 九, 10 十, 13 十三, 25 二十五,
     * 105 一百零五. The numerals are the Chinese file's, whatever the language of the sentence.
     */
    static String chinese(long n) {
        Forms zh = ZH_CN.forms;
        String digits = zh.numeralDigits;
        if (n < 0 || n >= 10_000) return Long.toString(n);
        if (n < 10) return String.valueOf(digits.charAt((int) n));
        if (n < 20) return zh.numeralTen + (n % 10 == 0 ? "" : String.valueOf(digits.charAt((int) (n % 10))));
        if (n < 100) return digits.charAt((int) (n / 10)) + zh.numeralTen + (n % 10 == 0 ? "" : String.valueOf(digits.charAt((int) (n % 10))));
        String[] units = {zh.numeralThousand, zh.numeralHundred, zh.numeralTen, ""};
        long[] sizes = {1000, 100, 10, 1};
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < units.length; i++) {
            int digit = (int) (n / sizes[i] % 10);
            if (digit == 0) {
                if (out.length() > 0) zero = true;
                continue;
            }
            if (zero) out.append(digits.charAt(0));
            zero = false;
            out.append(digits.charAt(digit)).append(units[i]);
        }
        return out.toString();
    }
}
