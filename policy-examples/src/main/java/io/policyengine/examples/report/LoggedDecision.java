package io.policyengine.examples.report;

import io.policyengine.model.Outcome;
import io.policyengine.model.Request;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the report needs of one decision-log line: a few fields of the claim and of its decision.
 *
 * @param refusalArticle for a request not met, the article of the exclusion that refused it; null when
 *                       the request was met, when there was none, or when no rule excluded it
 * @param sameFaultRepair the outcome is a repair granted by the same-fault article (S1)
 * @param onSiteBy       the S4 promise; null without a service request or a repair outcome
 * @param money          null when the decision has no {@code money} block (a log older than contract 11)
 * @param dutiesDue      the due dates of the open duties; null when the decision has no {@code actions}
 */
record LoggedDecision(String claimId, LocalDate claimDate, String sku, String fault, boolean qualityDefect,
                      Request request, Outcome outcome, String refusalArticle, boolean sameFaultRepair,
                      boolean serviceRequest, LocalDateTime arrivedAt, LocalDateTime onSiteBy,
                      List<Owed> compensation, Money money, List<LocalDate> dutiesDue) {

    /** One compensation line of the decision. */
    record Owed(String article, BigDecimal amount) {
    }

    /** The decision's refund and depreciation; each null where the contract's money block has null. */
    record Money(BigDecimal refund, BigDecimal depreciation) {
    }

    boolean requestMet() {
        return request == null || request.isMetBy(outcome);
    }

    /** Whether the engineer arrived after the on-site promise (a service claim with an arrival). */
    boolean arrivedLate() {
        return arrivedAt != null && onSiteBy != null && arrivedAt.isAfter(onSiteBy);
    }
}
