package io.policyengine.examples.report;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One copy of each string and date that repeats from line to line of a log (SKUs, faults, articles, stores,
 * regions, currencies, claim and due dates), shared by the parsing threads of one read. The report keeps a
 * decision per claim until the end (contract 14.3); without this, each kept decision would hold its own copy
 * of them. Grows with the distinct values of the log, which are few next to its lines.
 */
final class Interner {
    private final ConcurrentHashMap<Object, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) return null;
        Object shared = values.putIfAbsent(value, value);
        return shared == null ? value : (T) shared;
    }

}
