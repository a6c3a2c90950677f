package io.policyengine.rules;

import io.policyengine.RuleProblem;
import io.policyengine.model.PackTerm;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terms that cannot be right, whatever the rules do with them, found by their names: a window or a
 * time of no length or less, a negative amount, and defect tiers that contradict each other (an
 * exchange window that ends before the refund window, a window longer than a hundred years, a free-repair period that ends, and so lets
 * paid repair start, before the exchange window does). Each is an error at the term's declaration.
 */
final class TermChecks {
    private static final List<String> LENGTHS = List.of("Days", "Months", "Minutes", "Hours");
    private static final String REFUND = "RefundDays";
    private static final String EXCHANGE = "ExchangeDays";
    private static final String FREE_REPAIR = "FreeRepairMonths";
    /** A refund's deadline counted from the claim date, such as {@code onlineSaleRefundDueDays}: 0 is the claim day itself. */
    private static final String REFUND_DEADLINE = "RefundDueDays";
    /** A column of a pack's table that is a share of the price per day, in percent. */
    private static final String DAILY_PERCENT = "PercentPerDay";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TermChecks() {
    }

    static List<RuleProblem> problems(Map<String, Object> terms, List<PackFiles.DrlFile> files, Path folder) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Object> term : terms.entrySet()) {
            if (!(term.getValue() instanceof Integer value)) continue;
            String name = term.getKey();
            if (name.endsWith(REFUND_DEADLINE)) {
                if (value < 0) {
                    problems.add(at(files, folder, name, name + " = " + value + ": a deadline cannot be negative (0 is the claim day itself)"));
                } else if (value > hundredYears(name)) {
                    problems.add(at(files, folder, name, name + " = " + value + ": must be at most " + hundredYears(name) + " days (a hundred years)"));
                }
            } else if (LENGTHS.stream().anyMatch(name::endsWith) && value <= 0) {
                problems.add(at(files, folder, name, name + " = " + value + ": must be at least 1 " + unit(name)
                        + " (a window or a time cannot be zero or negative)"));
            } else if (LENGTHS.stream().anyMatch(name::endsWith) && value > hundredYears(name)) {
                problems.add(at(files, folder, name, name + " = " + value + ": must be at most " + hundredYears(name)
                        + " " + unit(name) + "s (a hundred years)"));
            } else if (name.endsWith("Compensation") && value < 0) {
                problems.add(at(files, folder, name, name + " = " + value + ": an amount the store pays cannot be negative"));
            } else if (name.equals(PackDeclarations.FIRING_LIMIT_TERM) && value < 1) {
                problems.add(at(files, folder, name, name + " = " + value + ": the firing limit must be at least 1"));
            } else if (name.equals(PackDeclarations.TIME_LIMIT_TERM) && value < 1) {
                problems.add(at(files, folder, name, name + " = " + value + ": the time limit must be at least 1 ms"));
            }
        }
        for (Map.Entry<String, Object> term : terms.entrySet()) {
            String name = term.getKey();
            String exchangeName = partner(name, REFUND, EXCHANGE);
            if (exchangeName != null && term.getValue() instanceof Integer refund
                    && terms.get(exchangeName) instanceof Integer exchange && exchange > 0 && exchange < refund) {
                problems.add(at(files, folder, exchangeName, exchangeName + " = " + exchange + " ends before " + name + " = " + refund
                        + ": the exchange tier must not end before the refund tier"));
            }
            if (endsWith(name, FREE_REPAIR) && term.getValue() instanceof Integer months && months > 0) {
                for (Map.Entry<String, Object> other : terms.entrySet()) {
                    if (!endsWith(other.getKey(), EXCHANGE) || !(other.getValue() instanceof Integer exchange)) continue;
                    int shortest = shortestDays(months);
                    if (shortest < exchange) {
                        problems.add(at(files, folder, name, name + " = " + months + " ends before " + other.getKey() + " = "
                                + exchange + ": paid repair would start on day " + (shortest + 1) + " after some purchases, while the "
                                + "exchange tier still gives a free repair; the free-repair period must last at least as long"));
                    }
                }
            }
        }
        return problems;
    }

    /**
     * A daily rate in percent in a row of a pack's table ({@code depreciationPercentPerDay} of the
     * three-guarantee table): negative, or over 100 % a day, is an error at the row's line.
     */
    static List<RuleProblem> rowProblems(List<Object> rows, List<PackFiles.DrlFile> files, Path folder) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Object row : rows) {
            for (Field field : row.getClass().getDeclaredFields()) {
                if (!field.getName().endsWith(DAILY_PERCENT) || field.getType() != BigDecimal.class) continue;
                BigDecimal rate = (BigDecimal) read(field, row);
                if (rate == null || (rate.signum() >= 0 && rate.compareTo(HUNDRED) <= 0)) continue;
                String key = firstText(row);
                String message = row.getClass().getSimpleName() + (key == null ? "" : " " + key) + ": " + field.getName() + " = "
                        + rate.toPlainString() + (rate.signum() < 0 ? ": a rate cannot be negative" : ": more than 100 % a day is absurd");
                problems.add(atRow(files, folder, row.getClass().getSimpleName(), key, message));
            }
        }
        return problems;
    }

    /** The row's first text value, which names it ("MOBILE_PHONE"); null when it has none. */
    private static String firstText(Object row) {
        for (Field field : row.getClass().getDeclaredFields()) {
            if (field.getType() == String.class && read(field, row) instanceof String text) return text;
        }
        return null;
    }

    private static Object read(Field field, Object row) {
        try {
            field.setAccessible(true);
            return field.get(row);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** A problem at the line that makes the row: {@code new Type( "KEY", ...)}. */
    private static RuleProblem atRow(List<PackFiles.DrlFile> files, Path folder, String type, String key, String message) {
        Pattern row = Pattern.compile("new\\s+" + Pattern.quote(type) + "\\s*\\(\\s*" + (key == null ? "" : Pattern.quote("\"" + key + "\"")));
        for (PackFiles.DrlFile file : files) {
            Matcher found = row.matcher(file.text());
            if (found.find()) return RuleProblem.error(file.path(), PackFiles.lineAt(file.text(), found.start()), message);
        }
        return RuleProblem.error(folder, 0, message);
    }

    /** Whether the term's name ends with {@code suffix}, the suffix's first letter in either case ({@code freeRepairMonths}). */
    private static boolean endsWith(String name, String suffix) {
        return partner(name, suffix, suffix) != null;
    }

    /** {@code defectRefundDays} -> {@code defectExchangeDays}; null when the name does not end with {@code suffix}. */
    private static String partner(String name, String suffix, String other) {
        if (name.endsWith(suffix)) return name.substring(0, name.length() - suffix.length()) + other;
        if (name.equals(Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1))) {
            return Character.toLowerCase(other.charAt(0)) + other.substring(1);
        }
        return null;
    }

    /** The fewest days that {@code months} calendar months ever last, over every purchase day of a leap cycle. */
    static int shortestDays(int months) {
        int shortest = Integer.MAX_VALUE;
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (LocalDate day = start; day.isBefore(start.plusYears(4)); day = day.plusDays(1)) {
            shortest = (int) Math.min(shortest, day.plusMonths(months).toEpochDay() - day.toEpochDay());
        }
        return shortest;
    }

    /** Longer than any window or time a policy can mean, in the term's unit. */
    private static int hundredYears(String term) {
        return switch (unit(term)) {
            case "day" -> 36_500;
            case "month" -> 1_200;
            case "hour" -> 876_000;
            default -> 52_560_000;
        };
    }

    private static String unit(String term) {
        for (String length : LENGTHS) {
            if (term.endsWith(length)) return length.substring(0, length.length() - 1).toLowerCase();
        }
        return "unit";
    }

    /** A problem at the line that declares {@code term} ({@code name : int = 15}). */
    private static RuleProblem at(List<PackFiles.DrlFile> files, Path folder, String term, String message) {
        PackTerm declared = PackTerms.origin(term, null, "", files, folder);
        return RuleProblem.error(declared.file(), declared.line(), message);
    }
}
