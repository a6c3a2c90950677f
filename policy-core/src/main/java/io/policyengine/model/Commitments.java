package io.policyengine.model;

import java.time.LocalDateTime;

/**
 * The service promises of a claim with a service request (contract section 7): each deadline, or
 * null where its article does not apply (on site, resolve and loaner need a repair outcome).
 */
public record Commitments(LocalDateTime respondBy, LocalDateTime dispatchBy, LocalDateTime onSiteBy,
                          LocalDateTime resolveBy, LocalDateTime loanerDueAt) {
}
