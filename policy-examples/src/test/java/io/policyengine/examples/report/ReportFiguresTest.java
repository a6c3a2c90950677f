package io.policyengine.examples.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.policyengine.model.Claim;
import io.policyengine.model.Decision;
import io.policyengine.model.Effect;
import io.policyengine.model.Outcome;
import io.policyengine.model.Reason;
import io.policyengine.model.Remedy;
import io.policyengine.model.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every figure of {@code policy report --json} (contract 13) against a count made here, straight from the
 * claims and the engine's decisions, over two generated months of decisions read by week.
 */
class ReportFiguresTest {
    @TempDir
    Path dir;

    /** What the log says of one decision, as this test counts it: the claim, its decision, and the blocks added here. */
    private record Logged(Claim claim, Decision decision, BigDecimal refund, BigDecimal depreciation, List<LocalDate> dutiesDue) {
    }

    @Test
    @DisplayName("every figure per week and for the whole log equals an independent count, money and duties included")
    void everyFigureEqualsAnIndependentCount() throws IOException {
        Random random = new Random(20);
        List<Logged> logged = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<Claim> claims = new ArrayList<>(MonthOfClaims.of(YearMonth.of(2026, 5), 6, 11));
        claims.addAll(MonthOfClaims.of(YearMonth.of(2026, 6), 6, 12));
        Collections.shuffle(claims, random); // a log need not be in claim-date order
        for (Claim claim : claims) {
            Decision decision = DecisionLogs.engine().decide(claim);
            // the money (contract 11) and duties (12) blocks, as decisions will carry them
            BigDecimal refund = decision.outcome() == Outcome.REFUND ? BigDecimal.valueOf(random.nextInt(300_000), 2) : null;
            BigDecimal depreciation = refund == null ? null : BigDecimal.valueOf(random.nextInt(5_000), 2);
            List<LocalDate> due = new ArrayList<>();
            for (int i = random.nextInt(3); i > 0; i--) due.add(claim.claimDate().plusDays(random.nextInt(20) - 5));
            String line = DecisionLogs.line(claim, decision);
            line = DecisionLogs.withDecisionField(line, "money", "{\"currency\": \"CNY\", \"refund\": " + refund
                    + ", \"depreciation\": " + depreciation + ", \"refundDueDate\": null, \"returnShipping\": null}");
            StringBuilder actions = new StringBuilder("[");
            for (LocalDate day : due) {
                if (actions.length() > 1) actions.append(", ");
                actions.append("{\"action\": \"REPAIR\", \"article\": \"16\", \"due\": \"").append(day).append("\", \"overdue\": false}");
            }
            line = DecisionLogs.withDecisionField(line, "actions", actions.append("]").toString());
            lines.add(line);
            logged.add(new Logged(claim, decision, refund, depreciation, due));
        }
        Path log = dir.resolve("decisions.jsonl");
        Files.write(log, lines);

        DecisionLogs.Run run = DecisionLogs.policy("report", "--by", "week", "--json", log.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode report = run.json();
        Map<LocalDate, List<Logged>> byWeek = new TreeMap<>();
        for (Logged l : logged) {
            byWeek.computeIfAbsent(l.claim().claimDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), w -> new ArrayList<>()).add(l);
        }
        assertThat(report.get("periods")).hasSize(byWeek.size());
        int i = 0;
        for (Map.Entry<LocalDate, List<Logged>> week : byWeek.entrySet()) {
            JsonNode period = report.get("periods").get(i++);
            assertThat(period.get("from").asText()).isEqualTo(week.getKey().toString());
            LocalDate end = week.getKey().plusDays(6);
            assertFigures(period, week.getValue(), end, logged.stream().filter(l -> !l.claim().claimDate().isAfter(end)).toList());
        }
        LocalDate lastWeek = ((TreeMap<LocalDate, List<Logged>>) byWeek).lastKey();
        assertFigures(report.get("whole"), logged, lastWeek.plusDays(6), logged);
        assertThat(report.get("lines").asInt()).isEqualTo(lines.size());
        assertThat(report.get("badLines").asInt()).isZero();
    }

    @Test
    @DisplayName("a log from before money and duties (contract v4) says so: refunded, depreciationKept and overdueDuties are null, 'not in the log'")
    void figuresNotInTheLog() throws IOException {
        Path log = dir.resolve("old.jsonl");
        Files.write(log, MonthOfClaims.of(YearMonth.of(2026, 6), 2, 3).stream().map(DecisionLogs::line)
                .map(DecisionLogs::beforeMoneyAndDuties).toList());

        JsonNode whole = DecisionLogs.policy("report", "--json", log.toString()).json().get("whole");
        DecisionLogs.Run text = DecisionLogs.policy("report", log.toString());

        assertThat(whole.get("refunded").isNull()).isTrue();
        assertThat(whole.get("depreciationKept").isNull()).isTrue();
        assertThat(whole.get("overdueDuties").isNull()).isTrue();
        assertThat(whole.get("claims").asInt()).isPositive();
        assertThat(text.out()).containsPattern("refunded +not in the log").containsPattern("overdue duties +not in the log");

        Files.write(log, MonthOfClaims.of(YearMonth.of(2026, 6), 2, 3).stream().map(DecisionLogs::line).toList());
        JsonNode today = DecisionLogs.policy("report", "--json", log.toString()).json().get("whole");
        assertThat(today.get("refunded").isNumber()).as("today's decisions carry money").isTrue();
        assertThat(today.get("overdueDuties").isNumber()).as("today's decisions carry their duties").isTrue();
    }

    /**
     * {@code decisions} are the period's; {@code soFar} the period's and every earlier one's, whose duties still open on
     * the period's last day are its overdue duties (a stock, not a flow: a duty of week 1 still open counts in week 3).
     */
    private static void assertFigures(JsonNode figures, List<Logged> decisions, LocalDate periodEnd, List<Logged> soFar) {
        assertThat(figures.get("claims").asInt()).isEqualTo(decisions.size());
        for (Outcome outcome : Outcome.values()) {
            assertThat(figures.get("byOutcome").get(outcome.name()).asInt()).as(outcome.name())
                    .isEqualTo(count(decisions, l -> l.decision().outcome() == outcome));
        }
        List<Logged> requests = decisions.stream().filter(l -> l.claim().request() != null).toList();
        List<Logged> unmet = requests.stream().filter(l -> !meets(l.decision().outcome(), l.claim().request())).toList();
        assertShare(figures.get("requestsMet"), requests.size() - unmet.size(), requests.size());
        Map<String, Integer> refusals = new HashMap<>();
        for (Logged l : unmet) refusals.merge(refusingArticle(l), 1, Integer::sum);
        assertThat(fieldsOf(figures.get("refusals"))).isEqualTo(refusals);

        assertAmount(figures.get("refunded"), decisions.stream().map(Logged::refund).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertAmount(figures.get("depreciationKept"),
                decisions.stream().map(Logged::depreciation).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::add));

        Map<String, BigDecimal> owedByArticle = new HashMap<>();
        Map<String, Integer> paymentsByArticle = new HashMap<>();
        decisions.forEach(l -> l.decision().compensation().forEach(c -> {
            owedByArticle.merge(c.article(), c.amount(), BigDecimal::add);
            paymentsByArticle.merge(c.article(), 1, Integer::sum);
        }));
        JsonNode compensation = figures.get("compensation");
        assertAmount(compensation.get("total"), owedByArticle.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(compensation.get("count").asInt()).isEqualTo(paymentsByArticle.values().stream().mapToInt(n -> n).sum());
        assertThat(fieldsOf(compensation.get("byArticle"))).containsOnlyKeys(owedByArticle.keySet().toArray(String[]::new));
        owedByArticle.forEach((article, total) -> {
            assertAmount(compensation.get("byArticle").get(article).get("total"), total);
            assertThat(compensation.get("byArticle").get(article).get("count").asInt()).isEqualTo(paymentsByArticle.get(article));
        });

        List<Logged> arrivals = decisions.stream().filter(l -> l.claim().service() != null && l.claim().service().arrivedAt() != null).toList();
        assertShare(figures.get("onSiteLate"), count(arrivals, l -> l.decision().commitments().onSiteBy() != null
                && l.claim().service().arrivedAt().isAfter(l.decision().commitments().onSiteBy())), arrivals.size());
        List<Logged> repairs = decisions.stream().filter(l -> l.decision().outcome() == Outcome.FREE_REPAIR
                || l.decision().outcome() == Outcome.PAID_REPAIR).toList();
        assertShare(figures.get("repeatRepairs"), count(repairs, l -> l.decision().reasons().stream().anyMatch(r ->
                r.effect() == Effect.GRANT && r.article().equals("S1") && r.remedy().name().equals(l.decision().outcome().name()))), repairs.size());
        assertThat(figures.get("overdueDuties").asInt()).isEqualTo(soFar.stream()
                .mapToLong(l -> l.dutiesDue().stream().filter(due -> periodEnd.isAfter(due)).count()).sum());
    }

    private static boolean meets(Outcome outcome, Request request) {
        return switch (request) {
            case REFUND -> outcome == Outcome.REFUND;
            case EXCHANGE -> outcome == Outcome.EXCHANGE;
            case REPAIR -> outcome == Outcome.FREE_REPAIR || outcome == Outcome.PAID_REPAIR;
        };
    }

    /** The article the summary cites for a request not met: the first exclusion of the remedy asked for, else none. */
    private static String refusingArticle(Logged l) {
        Remedy asked = switch (l.claim().request()) {
            case REFUND -> Remedy.REFUND;
            case EXCHANGE -> Remedy.EXCHANGE;
            case REPAIR -> Remedy.FREE_REPAIR;
        };
        for (Reason reason : l.decision().reasons()) {
            if (reason.effect() == Effect.EXCLUDE && reason.remedy() == asked) return reason.article();
        }
        return "none";
    }

    private static void assertShare(JsonNode share, long part, long whole) {
        if (whole == 0) {
            assertThat(share.isNull()).as("a share of nothing").isTrue();
            return;
        }
        assertThat(share.asDouble()).isCloseTo((double) part / whole, within(1e-12));
    }

    private static void assertAmount(JsonNode amount, BigDecimal expected) {
        assertThat(amount.decimalValue()).isEqualByComparingTo(expected);
    }

    private static Map<String, Integer> fieldsOf(JsonNode object) {
        Map<String, Integer> fields = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asInt()));
        return fields;
    }

    private static <T> long count(List<T> items, Predicate<T> which) {
        return items.stream().filter(which).count();
    }
}
