package io.policyengine.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.Wording;
import io.policyengine.model.BadInputException;
import io.policyengine.model.Commitments;
import io.policyengine.model.Compensation;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.Payer;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an example expects of its decision: any subset of the decision's fields. Reasons are
 * matched loosely: each expected reason names some of rule, article, effect, remedy and message
 * (a part of the sentence), and must match at least one reason of the decision.
 *
 * <p>A sentence part ({@code message}, {@code summary}) is English when it is a string, or an object of
 * parts by language, {@code {"en": "refund", "zh-CN": "退货"}}: each part is looked for in the decision's
 * words in its own language, whatever language the run shows.
 */
public final class Expectation {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Set<String> REASON_KEYS = Set.of("rule", "article", "effect", "remedy", "message");
    private static final Set<String> LANGUAGES = Set.of("en", "zh-CN");

    /** One expected field: its name, the expected value as text, and how to read the actual one. */
    private record Check(String field, String expected, BiFunction<Decision, Function<Locale, Wording>, String> actual, boolean matches) {
        Check(String field, String expected, Function<Decision, String> actual, boolean matches) {
            this(field, expected, (d, words) -> actual.apply(d), matches);
        }
    }

    /** A part of a sentence expected in one language. */
    private record Part(Locale language, String text) {
        boolean in(String sentence) {
            return sentence.contains(text);
        }
    }

    /** A field that differs: printed side by side by {@code policy test}. */
    public record Difference(String field, String expected, String actual) {
    }

    private final List<Check> checks;

    private Expectation(List<Check> checks) {
        this.checks = List.copyOf(checks);
    }

    /** Reads an {@code expect} object; an unknown field or an impossible value is bad input naming it. */
    public static Expectation parse(JsonNode expect) {
        if (expect == null || !expect.isObject()) throw new BadInputException("expect", "expected a JSON object");
        List<Check> checks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String path = "expect." + name;
            switch (name) {
                case "outcome" -> checks.add(new Check(name, enumText(path, value, Outcome.class),
                        d -> d.outcome().name(), false));
                case "remedies" -> checks.add(new Check(name, remedies(path, value), d -> d.remedies().toString(), false));
                case "daysSincePurchase" -> {
                    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
                        throw new BadInputException(path, "expected a whole number >= 0, got " + value);
                    }
                    checks.add(new Check(name, String.valueOf(value.intValue()), d -> String.valueOf(d.daysSincePurchase()), false));
                }
                case "repairDueDate" -> checks.add(new Check(name, dateOrNull(path, value), d -> String.valueOf(d.repairDueDate()), false));
                case "reasons" -> {
                    if (!value.isArray()) throw new BadInputException(path, "expected an array of reasons");
                    for (int i = 0; i < value.size(); i++) checks.add(reason(path + "[" + i + "]", value.get(i)));
                }
                case "claimId" -> checks.add(new Check(name, text(path, value), Decision::claimId, false));
                case "commitments" -> commitments(path, value, checks);
                case "compensation" -> checks.add(compensation(path, value));
                case "money" -> money(path, value, checks);
                case "summary" -> {
                    for (Part part : parts(path, value)) {
                        checks.add(new Check("summary (" + part.language().toLanguageTag() + ")", "a summary with \"" + part.text() + "\"",
                                (d, words) -> {
                                    String summary = words.apply(part.language()).summary(d);
                                    return part.in(summary) ? "a summary with \"" + part.text() + "\"" : summary;
                                }, false));
                    }
                }
                case "actions" -> checks.add(actions(path, value));
                default -> throw new BadInputException(path, "unknown field (expect may give outcome, remedies, "
                        + "daysSincePurchase, repairDueDate, reasons, claimId, commitments, compensation, money, summary, actions)");
            }
        }
        return new Expectation(checks);
    }

    /**
     * The fields where the decision differs from what is expected; empty when it meets the expectation.
     * {@code words} gives the decision's words in a language (a sentence part is looked for in its own).
     */
    public List<Difference> differences(Decision decision, Function<Locale, Wording> words) {
        List<Difference> differences = new ArrayList<>();
        for (Check check : checks) {
            String actual = check.actual().apply(decision, words);
            boolean ok = check.matches() ? actual.equals("yes") : actual.equals(check.expected());
            if (!ok) {
                differences.add(new Difference(check.field(), check.expected(),
                        check.matches() ? describe(decision.reasons()) : actual));
            }
        }
        return differences;
    }

    /** A sentence part: a string (English), or an object of parts by language tag. */
    private static List<Part> parts(String path, JsonNode value) {
        if (value.isTextual()) return List.of(new Part(Locale.ENGLISH, value.asText()));
        if (!value.isObject() || value.isEmpty()) {
            throw new BadInputException(path, "expected a string (English) or an object of parts by language, such as {\"zh-CN\": \"退货\"}");
        }
        List<Part> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!LANGUAGES.contains(field.getKey())) {
                throw new BadInputException(path + "." + field.getKey(), "unsupported language; supported: en, zh-CN");
            }
            parts.add(new Part(Locale.forLanguageTag(field.getKey()), text(path + "." + field.getKey(), field.getValue())));
        }
        return parts;
    }

    private static Check reason(String path, JsonNode node) {
        if (!node.isObject() || node.isEmpty()) throw new BadInputException(path, "expected an object with rule, article, effect, remedy or message");
        List<String> parts = new ArrayList<>();
        List<BiFunction<Reason, Function<Locale, String>, Boolean>> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String keyPath = path + "." + key;
            if (!REASON_KEYS.contains(key)) throw new BadInputException(keyPath, "unknown field (a reason has " + String.join(", ", REASON_KEYS.stream().sorted().toList()) + ")");
            switch (key) {
                case "effect" -> {
                    Effect effect = Effect.valueOf(enumText(keyPath, field.getValue(), Effect.class));
                    tests.add((r, words) -> r.effect() == effect);
                }
                case "remedy" -> {
                    Remedy remedy = Remedy.valueOf(enumText(keyPath, field.getValue(), Remedy.class));
                    tests.add((r, words) -> r.remedy() == remedy);
                }
                case "rule" -> {
                    String rule = text(keyPath, field.getValue());
                    tests.add((r, words) -> r.rule().equals(rule));
                }
                case "article" -> {
                    String article = text(keyPath, field.getValue());
                    tests.add((r, words) -> r.article().equals(article));
                }
                default -> {
                    for (Part part : parts(keyPath, field.getValue())) {
                        tests.add((r, words) -> part.in(words.apply(part.language())));
                    }
                }
            }
            parts.add(key + "=" + (field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        }
        String expected = "a reason with " + String.join(", ", parts);
        return new Check("reasons", expected, (d, words) -> d.reasons().stream()
                .anyMatch(r -> tests.stream().allMatch(t -> t.apply(r, language -> words.apply(language).message(d, r)))) ? "yes" : "no", true);
    }

    private static final List<String> DEADLINES = List.of("respondBy", "dispatchBy", "onSiteBy", "resolveBy", "loanerDueAt");
    private static final Set<String> COMPENSATION_KEYS = Set.of("article", "amount", "currency", "message");

    /** {@code null}, or any of the five deadlines, each a date-time or null. */
    private static void commitments(String path, JsonNode value, List<Check> checks) {
        if (value.isNull()) {
            checks.add(new Check("commitments", "null", d -> d.commitments() == null ? "null" : "present", false));
            return;
        }
        if (!value.isObject()) throw new BadInputException(path, "expected null or an object of deadlines");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            int index = DEADLINES.indexOf(key);
            if (index < 0) throw new BadInputException(path + "." + key, "unknown field (deadlines are " + String.join(", ", DEADLINES) + ")");
            String expected = field.getValue().isNull() ? "null" : dateTime(path + "." + key, field.getValue());
            checks.add(new Check("commitments." + key, expected, d -> String.valueOf(deadline(d, index)), false));
        }
    }

    private static Object deadline(Decision decision, int index) {
        Commitments c = decision.commitments();
        if (c == null) return "no commitments";
        LocalDateTime at = switch (index) {
            case 0 -> c.respondBy();
            case 1 -> c.dispatchBy();
            case 2 -> c.onSiteBy();
            case 3 -> c.resolveBy();
            default -> c.loanerDueAt();
        };
        return at == null ? null : MINUTES.format(at);
    }

    /** The list of compensation owed, element by element, each matched on the keys it gives. */
    private static Check compensation(String path, JsonNode value) {
        if (!value.isArray()) throw new BadInputException(path, "expected an array");
        List<List<BiFunction<Compensation, Function<Locale, String>, Boolean>>> elements = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String element = path + "[" + i + "]";
            JsonNode node = value.get(i);
            if (!node.isObject()) throw new BadInputException(element, "expected an object with article, amount, currency or message");
            List<BiFunction<Compensation, Function<Locale, String>, Boolean>> tests = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey();
                if (!COMPENSATION_KEYS.contains(key)) throw new BadInputException(element + "." + key, "unknown field");
                if (key.equals("amount")) {
                    if (!field.getValue().isNumber()) throw new BadInputException(element + ".amount", "expected a number");
                    BigDecimal amount = field.getValue().decimalValue();
                    tests.add((c, words) -> c.amount().compareTo(amount) == 0);
                } else if (key.equals("message")) {
                    for (Part part : parts(element + ".message", field.getValue())) {
                        tests.add((c, words) -> part.in(words.apply(part.language())));
                    }
                } else {
                    String text = text(element + "." + key, field.getValue());
                    tests.add(key.equals("article") ? (c, words) -> c.article().equals(text) : (c, words) -> c.currency().equals(text));
                }
            }
            elements.add(tests);
            shown.add(node.toString());
        }
        return new Check("compensation", shown.toString(), (d, words) -> {
            List<Compensation> owed = d.compensation();
            boolean ok = owed.size() == elements.size();
            for (int i = 0; ok && i < owed.size(); i++) {
                Compensation c = owed.get(i);
                ok = elements.get(i).stream().allMatch(t -> t.apply(c, language -> words.apply(language).message(d, c)));
            }
            return ok ? shown.toString() : owed.stream().map(c -> c.article() + " " + c.amount() + " " + c.currency())
                    .collect(Collectors.joining(", ", "[", "]"));
        }, false);
    }

    private static final List<String> ACTION_KEYS = List.of("action", "article", "due", "overdue");
    /** An action's key an example may leave out: {@code "estimated": true} for a due date past the pack's calendar (contract 17). */
    private static final String ESTIMATED = "estimated";

    /**
     * The open duties (contract 12.3), exactly and in order: each element gives action, article, due and overdue, and
     * {@code "estimated": true} where the due date is an estimate (left out, false); the decision's actions must be those, no more.
     */
    private static Check actions(String path, JsonNode value) {
        if (!value.isArray()) throw new BadInputException(path, "expected an array of actions");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String element = path + "[" + i + "]";
            JsonNode node = value.get(i);
            if (!node.isObject()) throw new BadInputException(element, "expected an object with " + String.join(", ", ACTION_KEYS));
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!ACTION_KEYS.contains(name) && !name.equals(ESTIMATED)) {
                    throw new BadInputException(element + "." + name, "unknown field (an action has " + String.join(", ", ACTION_KEYS)
                            + " and may have " + ESTIMATED + ")");
                }
            }
            for (String key : ACTION_KEYS) {
                if (!node.has(key)) throw new BadInputException(element + "." + key, "missing");
            }
            JsonNode overdue = node.get("overdue");
            if (!overdue.isBoolean()) throw new BadInputException(element + ".overdue", "expected true or false, got " + overdue);
            JsonNode estimated = node.get(ESTIMATED);
            if (estimated != null && !estimated.isBoolean()) {
                throw new BadInputException(element + "." + ESTIMATED, "expected true or false, got " + estimated);
            }
            expected.add(action(text(element + ".action", node.get("action")), text(element + ".article", node.get("article")),
                    dateOrNull(element + ".due", node.get("due")), overdue.booleanValue(), estimated != null && estimated.booleanValue()));
        }
        return new Check("actions", expected.toString(), d -> d.actions().stream()
                .map(a -> action(a.action(), a.article(), a.due().toString(), a.overdue(), a.estimated())).toList().toString(), false);
    }

    private static String action(String action, String article, String due, boolean overdue, boolean estimated) {
        return action + " (art. " + article + ") due " + due + (estimated ? " estimated" : "") + (overdue ? " overdue" : "");
    }

    private static final List<String> MONEY_KEYS = List.of("currency", "refund", "depreciation", "refundDueDate", "returnShipping");

    /** Any of the money block's keys (contract 11.2), each a value or null; amounts compare as numbers (3134.05 = 3134.050). */
    private static void money(String path, JsonNode value, List<Check> checks) {
        if (!value.isObject()) throw new BadInputException(path, "expected an object with " + String.join(", ", MONEY_KEYS));
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String keyPath = path + "." + key;
            JsonNode expected = field.getValue();
            switch (key) {
                case "refund", "depreciation" -> {
                    if (!expected.isNull() && !expected.isNumber()) throw new BadInputException(keyPath, "expected a number or null, got " + expected);
                    String text = expected.isNull() ? "null" : expected.decimalValue().stripTrailingZeros().toPlainString();
                    Function<Decision, BigDecimal> amount = key.equals("refund") ? d -> d.money().refund() : d -> d.money().depreciation();
                    checks.add(new Check("money." + key, text, d -> amount.apply(d) == null ? "null"
                            : amount.apply(d).stripTrailingZeros().toPlainString(), false));
                }
                case "refundDueDate" -> checks.add(new Check("money." + key, dateOrNull(keyPath, expected),
                        d -> String.valueOf(d.money().refundDueDate()), false));
                case "currency" -> checks.add(new Check("money." + key, expected.isNull() ? "null" : text(keyPath, expected),
                        d -> String.valueOf(d.money().currency()), false));
                case "returnShipping" -> checks.add(new Check("money." + key,
                        expected.isNull() ? "null" : enumText(keyPath, expected, Payer.class), d -> String.valueOf(d.money().returnShipping()), false));
                default -> throw new BadInputException(keyPath, "unknown field (money has " + String.join(", ", MONEY_KEYS) + ")");
            }
        }
    }

    private static String dateTime(String path, JsonNode value) {
        String text = text(path, value);
        try {
            return MINUTES.format(LocalDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw new BadInputException(path, "\"" + text + "\" is not a date-time YYYY-MM-DDTHH:MM");
        }
    }

    private static String describe(List<Reason> reasons) {
        return reasons.stream()
                .map(r -> "art. " + r.article() + " " + r.effect() + " " + r.remedy() + " (" + r.rule() + ")")
                .collect(Collectors.joining("; "));
    }

    private static String text(String path, JsonNode value) {
        if (!value.isTextual()) throw new BadInputException(path, "expected a string, got " + value);
        return value.asText();
    }

    private static <E extends Enum<E>> String enumText(String path, JsonNode value, Class<E> type) {
        String text = text(path, value);
        try {
            return Enum.valueOf(type, text).name();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(path, "expected one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ", got \"" + text + "\"");
        }
    }

    private static String remedies(String path, JsonNode value) {
        if (!value.isArray()) throw new BadInputException(path, "expected an array of remedies");
        List<Remedy> remedies = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            remedies.add(Remedy.valueOf(enumText(path + "[" + i + "]", value.get(i), Remedy.class)));
        }
        return remedies.toString();
    }

    private static String dateOrNull(String path, JsonNode value) {
        if (value.isNull()) return "null";
        String text = text(path, value);
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            throw new BadInputException(path, "\"" + text + "\" is not a date YYYY-MM-DD");
        }
    }
}
