package io.policyengine.examples.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Quality-defect claims per (SKU, fault), counted per claim day, so that the memory grows with the
 * products, faults and days of the log and not with its lines, and the lines may come in any order.
 * A (SKU, fault) is warned of when some 30 consecutive days (first and last claim date at most 29 days
 * apart) hold at least the threshold's number of claims.
 */
final class EarlyWarnings {
    /** First and last claim date of a window, at most this many days apart (contract 13: 30 consecutive days). */
    static final int WINDOW_SPAN_DAYS = 29;

    /** One warning: the window with the most claims of the (SKU, fault), the earliest such window on a tie. */
    record Warning(String sku, String fault, int count, String firstClaimId, String lastClaimId,
                   LocalDate firstClaimDate, LocalDate lastClaimDate) {
    }

    private record Key(String sku, String fault) {
    }

    /** The claims of one day: how many, and the ids of the first and last in the order of the log. */
    private static final class Day {
        int count;
        long firstOrder = Long.MAX_VALUE;
        String firstId;
        long lastOrder = Long.MIN_VALUE;
        String lastId;

        void add(long order, String id) {
            count++;
            if (order < firstOrder) {
                firstOrder = order;
                firstId = id;
            }
            if (order > lastOrder) {
                lastOrder = order;
                lastId = id;
            }
        }
    }

    private final Map<Key, TreeMap<LocalDate, Day>> days = new HashMap<>();

    /** Counts the decision if its claim reports a quality defect with a fault; {@code order} is its place in the log. */
    void add(LoggedDecision d, long order) {
        if (!d.qualityDefect() || d.fault() == null || d.sku() == null) return;
        days.computeIfAbsent(new Key(d.sku(), d.fault()), k -> new TreeMap<>())
                .computeIfAbsent(d.claimDate(), day -> new Day()).add(order, d.claimId());
    }

    /** Every (SKU, fault) with at least {@code threshold} claims in some 30 days: most claims first, then by SKU and fault. */
    List<Warning> over(int threshold) {
        List<Warning> warnings = new ArrayList<>();
        days.forEach((key, byDay) -> {
            Warning busiest = busiestWindow(key, new ArrayList<>(byDay.entrySet()));
            if (busiest.count() >= threshold) warnings.add(busiest);
        });
        warnings.sort(Comparator.comparingInt(Warning::count).reversed()
                .thenComparing(Warning::sku).thenComparing(Warning::fault));
        return warnings;
    }

    private static Warning busiestWindow(Key key, List<Map.Entry<LocalDate, Day>> byDay) {
        int bestCount = 0;
        int bestFirst = 0;
        int bestLast = 0;
        int inWindow = 0;
        int first = 0;
        for (int last = 0; last < byDay.size(); last++) {
            inWindow += byDay.get(last).getValue().count;
            while (ChronoUnit.DAYS.between(byDay.get(first).getKey(), byDay.get(last).getKey()) > WINDOW_SPAN_DAYS) {
                inWindow -= byDay.get(first).getValue().count;
                first++;
            }
            if (inWindow > bestCount) {
                bestCount = inWindow;
                bestFirst = first;
                bestLast = last;
            }
        }
        Map.Entry<LocalDate, Day> from = byDay.get(bestFirst);
        Map.Entry<LocalDate, Day> to = byDay.get(bestLast);
        return new Warning(key.sku(), key.fault(), bestCount, from.getValue().firstId, to.getValue().lastId,
                from.getKey(), to.getKey());
    }
}
