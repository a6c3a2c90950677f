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
    private record Logged(Claim claim, Decision decision, BigDecimal refund, BigDecimal depreciation, List<LocalDate> dutiesDue,
                          String currency) {
        Logged(Claim claim, Decision decision, BigDecimal refund, BigDecimal depreciation, List<LocalDate> dutiesDue) {
            this(claim, decision, refund, depreciation, dutiesDue, "CNY");
        }
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

    /**
     * A chain's log (contract 14.3): claims of five stores (and some of none), about a third decided again, some of them
     * twice, with the later decision at a later, the same or an earlier {@code time} than the one before it in the file.
     * The claim is then counted by its last decision by time, then by order; here that is worked out from the lines as
     * written, not by the report's own rule.
     */
    private record ChainLog(List<String> lines, List<Logged> standing, Map<String, List<Logged>> byStore,
                            Map<String, Integer> readByStore, Map<String, String> regionOf, LocalDate end) {
    }

    private static final List<String> STORES = List.of("SH-0012", "SH-OUT-1", "BJ-0003", "WEB-CN", "GZ-0101");

    private ChainLog chainLog() {
        Random random = new Random(14);
        Map<String, String> regionOf = Map.of("SH-0012", "East", "SH-OUT-1", "East", "BJ-0003", "North", "WEB-CN", "Online", "GZ-0101", "South");
        List<Claim> claims = new ArrayList<>(MonthOfClaims.of(YearMonth.of(2026, 6), 7, 14));
        Collections.shuffle(claims, random);
        record Entry(String line, Logged logged, String store, java.time.Instant time, int index) {
        }
        List<Entry> entries = new ArrayList<>();
        java.time.Instant start = java.time.Instant.parse("2026-06-01T08:00:00Z");
        for (int i = 0; i < claims.size(); i++) {
            String id = claims.get(i).id();
            String store = i % 6 == 5 ? null : STORES.get(i % STORES.size());
            // decided once, twice or three times: the later decisions are other claims of the month under this id (more facts came in)
            int times = i % 3 == 0 ? 1 + random.nextInt(3) : 1;
            java.time.Instant time = start.plusSeconds(60L * i);
            for (int k = 0; k < times; k++) {
                Claim claim = withIdAndStore(k == 0 ? claims.get(i) : claims.get(random.nextInt(claims.size())), id, store);
                Decision decision = DecisionLogs.engine().decide(claim);
                // the next decision of the claim: later, at the same time, or (a till whose clock is behind) earlier
                time = k == 0 ? time : time.plusSeconds(new long[] {600, 0, -600}[random.nextInt(3)]);
                BigDecimal refund = decision.outcome() == Outcome.REFUND ? BigDecimal.valueOf(random.nextInt(300_000), 2) : null;
                String currency = store != null && store.equals("WEB-CN") && random.nextBoolean() ? "EUR" : "CNY";
                String line = DecisionLogs.withDecisionField(DecisionLogs.line(claim, decision), "money", "{\"currency\": \"" + currency
                        + "\", \"refund\": " + refund + ", \"depreciation\": " + (refund == null ? null : "0.00") + "}");
                LocalDate due = claim.claimDate().plusDays(random.nextInt(20) - 5);
                line = DecisionLogs.withDecisionField(line, "actions", "[{\"action\": \"REPAIR\", \"due\": \"" + due + "\"}]");
                line = DecisionLogs.withField(line, "time", "\"" + time + "\"");
                Logged logged = new Logged(claim, decision, refund, refund == null ? null : new BigDecimal("0.00"), List.of(due), currency);
                entries.add(new Entry(line, logged, store, time, entries.size()));
            }
        }
        // the file holds the decisions of different claims interleaved, each claim's in the order they were made
        Map<String, List<Entry>> perClaim = new LinkedHashMap<>();
        for (Entry e : entries) perClaim.computeIfAbsent(e.logged().claim().id(), x -> new ArrayList<>()).add(e);
        Map<Entry, Integer> rank = new HashMap<>();
        for (Entry e : entries) rank.put(e, perClaim.get(e.logged().claim().id()).indexOf(e) * 100_000 + random.nextInt(100_000));
        List<Entry> file = new ArrayList<>(entries);
        file.sort(java.util.Comparator.comparing(rank::get));
        List<String> lines = new ArrayList<>();
        Map<Entry, Integer> position = new HashMap<>();
        for (Entry e : file) {
            position.put(e, lines.size());
            lines.add(e.line());
        }
        List<Logged> standing = new ArrayList<>();
        Map<String, List<Logged>> byStore = new TreeMap<>();
        Map<String, Integer> readByStore = new HashMap<>();
        for (List<Entry> decisions : perClaim.values()) {
            Entry last = decisions.get(0);
            for (Entry e : decisions) {
                int byTime = e.time().compareTo(last.time());
                if (byTime > 0 || byTime == 0 && position.get(e) > position.get(last)) last = e;
                readByStore.merge(String.valueOf(e.store()), 1, Integer::sum);
            }
            standing.add(last.logged());
            byStore.computeIfAbsent(String.valueOf(last.store()), x -> new ArrayList<>()).add(last.logged());
        }
        LocalDate lastClaimDate = standing.stream().map(l -> l.claim().claimDate()).max(LocalDate::compareTo).orElseThrow();
        return new ChainLog(lines, standing, byStore, readByStore, regionOf, lastClaimDate.with(TemporalAdjusters.lastDayOfMonth()));
    }

    private static Claim withIdAndStore(Claim claim, String id, String store) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode) DecisionLogs.JSON.readTree(
                    io.policyengine.json.ClaimJson.toJson(claim));
            json.put("id", id);
            if (store == null) json.remove("store");
            else json.put("store", store);
            return DecisionLogs.claim(json.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("a claim decided more than once counts once, by its last decision (by time, then by order in the log): every figure, and decisionsRead")
    void eachClaimCountsOnce() throws IOException {
        ChainLog chain = chainLog();
        assertThat(chain.lines().size()).as("a log where claims were decided again").isGreaterThan(chain.standing().size() + 20);
        Path log = dir.resolve("chain.jsonl");
        Files.write(log, chain.lines());

        DecisionLogs.Run run = DecisionLogs.policy("report", "--json", log.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode whole = run.json().get("whole");
        assertThat(whole.get("decisionsRead").asInt()).isEqualTo(chain.lines().size());
        assertFigures(whole, chain.standing(), chain.end(), chain.standing());
        assertThat(run.json().get("per")).as("no table per store unless asked").isNull();
    }

    @Test
    @DisplayName("--per store: every figure per store equals an independent count, worst first on requestsMet, money by currency; --per region by the stores file")
    void everyFigurePerStore() throws IOException {
        ChainLog chain = chainLog();
        Path log = dir.resolve("chain.jsonl");
        Files.write(log, chain.lines());
        Path stores = dir.resolve("stores.csv");
        StringBuilder csv = new StringBuilder("store,region,pack,floors,lang\n");
        chain.regionOf().forEach((store, region) -> csv.append(store).append(',').append(region).append(",store-standard,,en\n"));
        Files.writeString(stores, csv);

        DecisionLogs.Run run = DecisionLogs.policy("report", "--json", "--per", "store", "--stores", stores.toString(), log.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode per = run.json().get("per");
        assertThat(per).hasSize(chain.byStore().size());
        Double previous = null;
        for (JsonNode store : per) {
            String name = store.get("store").isNull() ? "null" : store.get("store").asText();
            List<Logged> decisions = chain.byStore().get(name);
            assertThat(decisions).as(name).isNotNull();
            assertThat(store.get("region").isNull() ? null : store.get("region").asText()).isEqualTo(chain.regionOf().get(name));
            assertFigures(store, decisions, chain.end(), decisions);
            assertThat(store.get("decisionsRead").asInt()).as(name).isEqualTo(chain.readByStore().get(name));
            double share = store.get("requestsMet").asDouble();
            if (previous != null) assertThat(share).as("worst first").isGreaterThanOrEqualTo(previous);
            previous = share;
        }
        assertThat(per.get(0).get("refunded").size()).as("a store that sells in two currencies sums each apart").isGreaterThanOrEqualTo(1);
        assertThat(per.findValues("refunded").stream().anyMatch(r -> r.has("EUR"))).isTrue();

        DecisionLogs.Run regions = DecisionLogs.policy("report", "--json", "--per", "region", "--stores", stores.toString(), log.toString());
        Map<String, List<Logged>> byRegion = new TreeMap<>();
        chain.byStore().forEach((store, decisions) -> byRegion.computeIfAbsent(String.valueOf(chain.regionOf().get(store)),
                r -> new ArrayList<>()).addAll(decisions));
        JsonNode perRegion = regions.json().get("per");
        assertThat(perRegion).hasSize(byRegion.size());
        for (JsonNode region : perRegion) {
            assertThat(region.has("store")).isFalse();
            assertFigures(region, byRegion.get(region.get("region").isNull() ? "null" : region.get("region").asText()), chain.end(),
                    byRegion.get(region.get("region").isNull() ? "null" : region.get("region").asText()));
        }
        DecisionLogs.Run text = DecisionLogs.policy("report", "--per", "store", "--stores", stores.toString(), log.toString());
        assertThat(text.out()).contains("Per store, worst first on requests met (whole log)", "SH-0012 (East)", "(no store)")
                .containsPattern("refunded +[0-9.]+ CNY, [0-9.]+ EUR");
        assertThat(DecisionLogs.policy("report", "--per", "till", log.toString()).errLines()).containsExactly("--per: expected store or region, got \"till\"");
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
        assertThat(today.get("refunded").get("CNY").isNumber()).as("today's decisions carry money, in their currency").isTrue();
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

        Map<String, BigDecimal> refunded = new TreeMap<>();
        Map<String, BigDecimal> kept = new TreeMap<>();
        for (Logged l : decisions) {
            refunded.merge(l.currency(), l.refund() == null ? BigDecimal.ZERO : l.refund(), BigDecimal::add);
            kept.merge(l.currency(), l.depreciation() == null ? BigDecimal.ZERO : l.depreciation(), BigDecimal::add);
        }
        assertThat(fieldNames(figures.get("refunded"))).as("a sum for every currency, each apart").isEqualTo(refunded.keySet());
        refunded.forEach((currency, sum) -> assertAmount(figures.get("refunded").get(currency), sum));
        kept.forEach((currency, sum) -> assertAmount(figures.get("depreciationKept").get(currency), sum));
        assertThat(figures.get("claims").asInt()).isEqualTo(decisions.size());

        Map<String, BigDecimal> owedByArticle = new HashMap<>();
        Map<String, Integer> paymentsByArticle = new HashMap<>();
        Map<String, BigDecimal> owedByCurrency = new TreeMap<>();
        decisions.forEach(l -> owedByCurrency.merge(l.currency(), BigDecimal.ZERO, BigDecimal::add)); // each money block names one
        decisions.forEach(l -> l.decision().compensation().forEach(c -> {
            owedByArticle.merge(c.article(), c.amount(), BigDecimal::add);
            paymentsByArticle.merge(c.article(), 1, Integer::sum);
            owedByCurrency.merge(c.currency(), c.amount(), BigDecimal::add);
        }));
        JsonNode compensation = figures.get("compensation");
        assertThat(fieldNames(compensation.get("total"))).isEqualTo(owedByCurrency.keySet());
        owedByCurrency.forEach((currency, sum) -> assertAmount(compensation.get("total").get(currency), sum));
        assertThat(compensation.get("count").asInt()).isEqualTo(paymentsByArticle.values().stream().mapToInt(n -> n).sum());
        assertThat(fieldsOf(compensation.get("byArticle"))).containsOnlyKeys(owedByArticle.keySet().toArray(String[]::new));
        owedByArticle.forEach((article, total) -> {
            assertAmount(compensation.get("byArticle").get(article).get("total").get("CNY"), total);
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

    private static java.util.Set<String> fieldNames(JsonNode object) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
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
