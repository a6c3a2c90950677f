package io.policyengine.examples.report;

import io.policyengine.model.Outcome;
import io.policyengine.model.Request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the report needs of one decision-log line: a few fields of the claim and of its decision, and where the
 * line stands in the log. The report keeps the last of these for every claim id until the log is read (contract
 * 14.3: each claim counts once), so it holds no more than the figures need: the arrival is kept as two flags,
 * not as two date-times, and the strings and dates that repeat from line to line are shared ({@link Interner}).
 * About 250 bytes with its map entry, id, lists and amounts, as measured: see {@link Report}.
 *
 * @param refusalArticle for a request not met, the article of the exclusion that refused it; null when
 *                       the request was met, when there was none, or when no rule excluded it
 * @param sameFaultRepair the outcome is a repair granted by a reason that names the earlier repair of the same fault
 *                       (a {@code repairedOn} param, as store-standard's S1 gives)
 * @param serviceArrival a service claim ({@code claim.service}) with an {@code arrivedAt}
 * @param arrivedLate    that arrival was after the decision's on-site promise ({@code commitments.onSiteBy})
 * @param money          null when the decision has no {@code money} block (a log older than contract 11)
 * @param dutiesDue      the due dates of the open duties; null when the decision has no {@code actions}
 * @param store          the claim's {@code store} (contract 14.2); null when it has none
 * @param region         the line's {@code region}, as a service that knows the stores file writes it; null when unsaid
 * @param time           the line's {@code time} in nanoseconds since 1970, or {@link #NO_TIME}
 * @param order          the line's place in the log: larger is later, across every log read
 */
record LoggedDecision(String claimId, LocalDate claimDate, String sku, String fault, boolean qualityDefect,
                      Request request, Outcome outcome, String refusalArticle, boolean sameFaultRepair,
                      boolean serviceArrival, boolean arrivedLate, List<Owed> compensation, Money money,
                      List<LocalDate> dutiesDue, String store, String region, long time, long order) {

    /** A line without a {@code time}: its order in the log alone says whether it came after another. */
    static final long NO_TIME = Long.MIN_VALUE;

    /** One compensation line of the decision, in its currency. */
    record Owed(String article, String currency, BigDecimal amount) {
    }

    /** The decision's currency, refund and depreciation; the amounts null where the contract's money block has null. */
    record Money(String currency, BigDecimal refund, BigDecimal depreciation) {
    }

    boolean requestMet() {
        return request == null || request.isMetBy(outcome);
    }

    /**
     * Whether this decision, read after {@code earlier} for the same claim id, stands for the claim instead of it
     * (contract 14.3): the later by the log's {@code time}, then by the order of the log. A line without a time
     * is taken as later than the ones before it.
     */
    boolean supersedes(LoggedDecision earlier) {
        if (time == NO_TIME || earlier.time == NO_TIME || time == earlier.time) return order > earlier.order;
        return time > earlier.time;
    }
}
