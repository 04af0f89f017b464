package io.partnerpulse.fund.internal;

import java.time.LocalDate;

import io.partnerpulse.fund.ClaimStatus;
import io.partnerpulse.shared.ApiError;

/**
 * A claim's state and the steps it may take: a submitted claim is approved or rejected (with a
 * reason); only an approved one is paid, on a day that has come.
 */
public record FundClaim(long id, ClaimStatus status, String reason, LocalDate paidOn, String paymentReference) {

    public FundClaim approve() {
        requireSubmitted();
        return new FundClaim(id, ClaimStatus.APPROVED, null, null, null);
    }

    public FundClaim reject(String why) {
        requireSubmitted();
        if (why == null || why.isBlank()) {
            throw ApiError.invalid("reason", "is required to reject a claim", "problem.fund.reason");
        }
        return new FundClaim(id, ClaimStatus.REJECTED, why.trim(), null, null);
    }

    public FundClaim pay(LocalDate on, String reference, LocalDate today) {
        if (status != ClaimStatus.APPROVED) {
            throw ApiError.conflict("fund.claim.not-approved", "Claim " + id + " is " + status + "; only an approved claim is paid.")
                    .saying("problem.fund.claim-not-approved", id, status.name());
        }
        if (on.isAfter(today)) {
            throw ApiError.invalid("paidOn", "must not be in the future", "problem.field.future");
        }
        return new FundClaim(id, ClaimStatus.PAID, null, on, reference == null || reference.isBlank() ? null : reference.trim());
    }

    private void requireSubmitted() {
        if (status != ClaimStatus.SUBMITTED) {
            throw ApiError.conflict("fund.claim.decided", "Claim " + id + " is " + status + " already; only a submitted claim can be decided.")
                    .saying("problem.fund.claim-decided", id, status.name());
        }
    }
}
