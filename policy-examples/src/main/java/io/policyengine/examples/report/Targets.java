package io.policyengine.examples.report;

import io.policyengine.model.BadInputException;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The plan values of {@code --targets FILE}: one {@code figure plan-value} line each ({@code requestsMet 98%},
 * {@code onSiteLate 5%}), {@code #} comments and blank lines allowed. Shares take a percentage, counts and
 * amounts a plain number.
 */
public final class Targets {
    /** Three periods running below plan: the plan is to be reviewed (the store's KPI plan). */
    static final int MISSES_TO_REVIEW = 3;

    public static final Targets NONE = new Targets(Map.of());

    /** A figure that can have a plan value. */
    enum Figure {
        requestsMet(true, true),
        onSiteLate(true, false),
        repeatRepairs(true, false),
        overdueDuties(false, false),
        compensation(false, false);

        final boolean share;
        final boolean higherIsBetter;

        Figure(boolean share, boolean higherIsBetter) {
            this.share = share;
            this.higherIsBetter = higherIsBetter;
        }

        /** The figure's value over {@code figures} (a share as a fraction); null when the log does not say. */
        Double value(Figures figures, LocalDate end) {
            return switch (this) {
                case requestsMet -> figures.requestsMetShare();
                case onSiteLate -> figures.onSiteLateShare();
                case repeatRepairs -> figures.repeatRepairsShare();
                case overdueDuties -> figures.overdueDuties(end) == null ? null : figures.overdueDuties(end).doubleValue();
                // one plan for every currency of the log (contract 14.3 sums each apart): the largest total is the one that can miss it
                case compensation -> figures.compensationTotal.values().stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
            };
        }

        /** Whether {@code value} misses {@code plan}: below it, or above it for a figure where less is better. */
        boolean misses(double value, double plan) {
            return higherIsBetter ? value < plan : value > plan;
        }
    }

    /** A plan value as written ({@code 98%}) and as compared (0.98). */
    record Plan(Figure figure, double value, String written) {
    }

    private final Map<Figure, Plan> plans;

    private Targets(Map<Figure, Plan> plans) {
        this.plans = plans;
    }

    List<Plan> plans() {
        return List.copyOf(plans.values());
    }

    boolean isEmpty() {
        return plans.isEmpty();
    }

    /** Reads a targets file; every bad line is reported, one {@code FILE:LINE: message} each, in one exception. */
    public static Targets read(Path file) {
        List<String> lines;
        try {
            lines = Arrays.asList(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString().split("\r?\n|\r", -1));
        } catch (CharacterCodingException e) {
            throw new BadInputException("--targets", file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new BadInputException("--targets", "cannot read " + file + ": " + e.getMessage());
        }
        Map<Figure, Plan> plans = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (text.isEmpty()) continue;
            String where = file + ":" + (i + 1) + ": ";
            String[] words = text.split("\\s+", 2);
            Figure figure = Arrays.stream(Figure.values()).filter(f -> f.name().equals(words[0])).findFirst().orElse(null);
            if (figure == null) {
                problems.add(where + "unknown figure \"" + words[0] + "\"; a plan can be set for "
                        + Arrays.stream(Figure.values()).map(Enum::name).collect(Collectors.joining(", ")));
                continue;
            }
            if (words.length < 2) {
                problems.add(where + figure + ": no plan value (e.g. " + example(figure) + ")");
                continue;
            }
            if (plans.containsKey(figure)) {
                problems.add(where + figure + ": a second plan value; give each figure one line");
                continue;
            }
            String written = words[1].replaceAll("\\s+", "");
            Double value = planValue(figure, written);
            if (value == null) {
                problems.add(where + figure + ": expected " + (figure.share ? "a percentage from 0% to 100%" : "a number of 0 or more")
                        + " (e.g. " + example(figure) + "), got \"" + words[1] + "\"");
                continue;
            }
            plans.put(figure, new Plan(figure, value, written));
        }
        if (!problems.isEmpty()) throw new BadTargets(problems);
        return new Targets(plans);
    }

    /** Every bad line of a targets file, each as {@code FILE:LINE: message}. */
    public static final class BadTargets extends RuntimeException {
        private final List<String> problems;

        BadTargets(List<String> problems) {
            super(String.join("; ", problems), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private static Double planValue(Figure figure, String written) {
        boolean percent = written.endsWith("%");
        if (percent != figure.share) return null;
        String number = percent ? written.substring(0, written.length() - 1) : written;
        if (!number.matches("\\d+(\\.\\d+)?")) return null;
        double value = new BigDecimal(number).doubleValue();
        if (percent) {
            if (value > 100) return null;
            return new BigDecimal(number).movePointLeft(2).doubleValue();
        }
        return value;
    }

    private static String example(Figure figure) {
        return switch (figure) {
            case requestsMet -> "requestsMet 98%";
            case onSiteLate -> "onSiteLate 5%";
            case repeatRepairs -> "repeatRepairs 2%";
            case overdueDuties -> "overdueDuties 0";
            case compensation -> "compensation 500";
        };
    }
}
