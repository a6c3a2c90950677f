package io.policyengine.examples.report;

import io.policyengine.model.Outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of contract section 13 over a set of decisions (one period, one store or region, or the whole log):
 * counts and sums only, so a period costs the same memory whatever its number of decisions. Each claim is added
 * once, by the decision that stands for it ({@link Report}); {@link #decisionsRead} counts every line read.
 * Money is summed per currency (contract 14.3): amounts of different currencies are never added together.
 */
final class Figures {
    /** The key of {@link #refusals} for requests that no rule excluded, but no rule granted either. */
    static final String NO_ARTICLE = "none";

    int claims;
    /** Decisions read for these claims, a claim decided again counted again: at least {@link #claims}. */
    int decisionsRead;
    final Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
    int requests;
    int requestsMet;
    final Map<String, Integer> refusals = new TreeMap<>(Figures::byArticle);
    /** Decisions that carried a money block; the money figures are "not in the log" while this is 0. */
    int withMoney;
    /** By currency; every currency of a money block is a key, at 0 until an amount comes. */
    final Map<String, BigDecimal> refunded = new TreeMap<>();
    final Map<String, BigDecimal> depreciationKept = new TreeMap<>();
    final Map<String, BigDecimal> compensationTotal = new TreeMap<>();
    int compensationCount;
    final Map<String, Owed> compensationByArticle = new TreeMap<>(Figures::byArticle);
    int arrivals;
    int arrivedLate;
    int repairs;
    int sameFaultRepairs;
    /** Decisions that carried a list of duties; overdueDuties is "not in the log" while this is 0. */
    int withDuties;
    /** Due dates of the open duties, counted per day: bounded by the days, not by the duties. */
    final TreeMap<LocalDate, Integer> dutiesDueOn = new TreeMap<>();
    /**
     * For a period: the due dates of the open duties of its decisions and of every earlier period's (set by
     * {@link Report#settleDutyStock()}). Overdue duties are a stock, not a flow: a duty opened in week 1 and still open in
     * week 3 is overdue in week 3. Null for the whole log, whose own duties are all of them.
     */
    TreeMap<LocalDate, Integer> dutyStock;

    /** Sum (by currency) and count of the compensation owed under one article. */
    static final class Owed {
        final Map<String, BigDecimal> total = new TreeMap<>();
        int count;
    }

    void add(LoggedDecision d) {
        claims++;
        byOutcome.merge(d.outcome(), 1, Integer::sum);
        if (d.request() != null) {
            requests++;
            if (d.requestMet()) {
                requestsMet++;
            } else {
                refusals.merge(d.refusalArticle() == null ? NO_ARTICLE : d.refusalArticle(), 1, Integer::sum);
            }
        }
        if (d.money() != null) {
            withMoney++;
            String currency = d.money().currency();
            add(refunded, currency, d.money().refund());
            add(depreciationKept, currency, d.money().depreciation());
            add(compensationTotal, currency, null);
        }
        for (LoggedDecision.Owed owed : d.compensation()) {
            add(compensationTotal, owed.currency(), owed.amount());
            compensationCount++;
            Owed byArticle = compensationByArticle.computeIfAbsent(owed.article(), a -> new Owed());
            add(byArticle.total, owed.currency(), owed.amount());
            byArticle.count++;
        }
        if (d.serviceArrival()) {
            arrivals++;
            if (d.arrivedLate()) arrivedLate++;
        }
        if (d.outcome().isRepair()) {
            repairs++;
            if (d.sameFaultRepair()) sameFaultRepairs++;
        }
        if (d.dutiesDue() != null) {
            withDuties++;
            for (LocalDate due : d.dutiesDue()) dutiesDueOn.merge(due, 1, Integer::sum);
        }
    }

    /** Adds {@code amount} to the sum of {@code currency}, which becomes a key even when the amount is null. */
    private static void add(Map<String, BigDecimal> sums, String currency, BigDecimal amount) {
        sums.merge(currency, amount == null ? BigDecimal.ZERO : amount, BigDecimal::add);
    }

    /** Share of requests met; null when no claim had a request. */
    Double requestsMetShare() {
        return share(requestsMet, requests);
    }

    /** Share of service arrivals after the on-site promise; null when no service claim had an arrival. */
    Double onSiteLateShare() {
        return share(arrivedLate, arrivals);
    }

    /** Share of repair outcomes granted by the same-fault article; null when there was no repair. */
    Double repeatRepairsShare() {
        return share(sameFaultRepairs, repairs);
    }

    /** Refunds by currency; null when no decision had a money block ("not in the log"). */
    Map<String, BigDecimal> refunded() {
        return withMoney == 0 ? null : refunded;
    }

    Map<String, BigDecimal> depreciationKept() {
        return withMoney == 0 ? null : depreciationKept;
    }

    /** Open duties due before {@code end}, so overdue on that day; null when the log has no duties. */
    Integer overdueDuties(LocalDate end) {
        if (withDuties == 0 && dutyStock == null) return null;
        int overdue = 0;
        for (int n : (dutyStock == null ? dutiesDueOn : dutyStock).headMap(end, false).values()) overdue += n;
        return overdue;
    }

    private static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Store articles in number order (6 before 13), then the lettered ones (S1, S7), then the rest. */
    static int byArticle(String a, String b) {
        boolean aNumber = a.chars().allMatch(Character::isDigit) && !a.isEmpty();
        boolean bNumber = b.chars().allMatch(Character::isDigit) && !b.isEmpty();
        if (aNumber && bNumber) return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        if (aNumber != bNumber) return aNumber ? -1 : 1;
        if (!a.isEmpty() && !b.isEmpty() && a.length() != b.length() && a.charAt(0) == b.charAt(0)) {
            return Integer.compare(a.length(), b.length()); // S2 before S10
        }
        return a.compareTo(b);
    }
}
