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
    EN("en") {
        @Override
        String date(LocalDate date) {
            return date.toString();
        }

        @Override
        String clock(LocalDateTime reference, LocalDateTime at) {
            String time = time(at.toLocalTime());
            return reference == null || at.toLocalDate().equals(reference.toLocalDate()) ? time : time + " on " + date(at.toLocalDate());
        }

        @Override
        String dateTime(LocalDateTime at) {
            return date(at.toLocalDate()) + " " + time(at.toLocalTime());
        }

        @Override
        String duration(long minutes) {
            return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
        }

        @Override
        String promise(long minutes) {
            return minutes % 60 == 0 ? (minutes / 60) + "-hour" : minutes + "-minute";
        }

        @Override
        String minutes(long minutes) {
            return minutes < 1 ? "less than a minute" : minutes == 1 ? "1 minute" : minutes + " minutes";
        }

        @Override
        String money(String amount, String currency) {
            return currency == null ? amount : amount + " " + currency;
        }
    },
    ZH_CN("zh-CN") {
        @Override
        String date(LocalDate date) {
            return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
        }

        @Override
        String clock(LocalDateTime reference, LocalDateTime at) {
            String time = time(at.toLocalTime());
            return reference == null || at.toLocalDate().equals(reference.toLocalDate()) ? time : date(at.toLocalDate()) + time;
        }

        @Override
        String dateTime(LocalDateTime at) {
            return date(at.toLocalDate()) + time(at.toLocalTime());
        }

        @Override
        String duration(long minutes) {
            return minutes % 60 == 0 ? (minutes / 60) + "小时" : minutes + "分钟";
        }

        @Override
        String promise(long minutes) {
            return duration(minutes);
        }

        @Override
        String minutes(long minutes) {
            return minutes < 1 ? "不到1分钟" : minutes + "分钟";
        }

        @Override
        String money(String amount, String currency) {
            if (currency == null || currency.equals("CNY")) return amount + "元";
            return currency.equals("EUR") ? amount + "欧元" : amount + " " + currency;
        }
    };

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String DIGITS = "零一二三四五六七八九";

    private final String tag;

    Language(String tag) {
        this.tag = tag;
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
        return this == EN ? " " : "";
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    abstract String date(LocalDate date);

    abstract String clock(LocalDateTime reference, LocalDateTime at);

    abstract String dateTime(LocalDateTime at);

    abstract String duration(long minutes);

    abstract String promise(long minutes);

    abstract String minutes(long minutes);

    abstract String money(String amount, String currency);

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
        if (this == ZH_CN) {
            out.append(date.getYear()).append('年').append(date.getMonthValue()).append('月').append(date.getDayOfMonth()).append('日');
            return;
        }
        out.append(date.getYear()).append('-');
        if (date.getMonthValue() < 10) out.append('0');
        out.append(date.getMonthValue()).append('-');
        if (date.getDayOfMonth() < 10) out.append('0');
        out.append(date.getDayOfMonth());
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
        return this == ZH_CN ? plain : grouped(plain);
    }

    /** A plain decimal with a comma between each three digits of its whole part: 3134.05 as 3,134.05. */
    static String grouped(String plain) {
        int from = plain.startsWith("-") ? 1 : 0;
        int point = plain.indexOf('.');
        if (point < 0) point = plain.length();
        if (point - from <= 3) return plain;
        StringBuilder out = new StringBuilder(plain.length() + (point - from) / 3);
        out.append(plain, 0, from);
        for (int i = from; i < point; i++) {
            if (i > from && (point - i) % 3 == 0) out.append(',');
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

    /** A whole number in Chinese numerals as regulations number their articles: 9 九, 10 十, 13 十三, 25 二十五, 105 一百零五. */
    static String chinese(long n) {
        if (n < 0 || n >= 10_000) return Long.toString(n);
        if (n < 10) return String.valueOf(DIGITS.charAt((int) n));
        if (n < 20) return "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt((int) (n % 10))));
        if (n < 100) return DIGITS.charAt((int) (n / 10)) + "十" + (n % 10 == 0 ? "" : String.valueOf(DIGITS.charAt((int) (n % 10))));
        String[] units = {"千", "百", "十", ""};
        long[] sizes = {1000, 100, 10, 1};
        StringBuilder out = new StringBuilder();
        boolean zero = false;
        for (int i = 0; i < units.length; i++) {
            int digit = (int) (n / sizes[i] % 10);
            if (digit == 0) {
                if (out.length() > 0) zero = true;
                continue;
            }
            if (zero) out.append('零');
            zero = false;
            out.append(DIGITS.charAt(digit)).append(units[i]);
        }
        return out.toString();
    }
}
