package io.partnerpulse.fund.internal;

import java.math.BigDecimal;

import io.partnerpulse.fund.RequestStatus;
import io.partnerpulse.shared.ApiError;

/**
 * A fund request's state and the steps it may take: only a submitted request is decided; it is
 * approved for at most what was asked and what its allocation has left; it is withdrawn while
 * submitted, or once approved as long as nothing has been claimed against it.
 *
 * @param approvedAmount what was approved; kept when an approved request is withdrawn
 */
public record FundRequest(long id, RequestStatus status, BigDecimal requestedAmount, BigDecimal approvedAmount, String reason) {

    /** @param available what the allocation has left besides this request */
    public FundRequest approve(BigDecimal amount, BigDecimal available) {
        requireSubmitted("approve");
        BigDecimal granted = amount == null ? requestedAmount : amount;
        if (granted.compareTo(requestedAmount) > 0) {
            throw ApiError.invalid("approvedAmount", "must not be more than the " + requestedAmount.toPlainString() + " requested",
                    "problem.fund.more-than-requested", requestedAmount.toPlainString());
        }
        if (granted.compareTo(available) > 0) {
            throw ApiError.invalid("approvedAmount", "is more than the " + available.toPlainString() + " left of the allocation",
                    "problem.fund.more-than-available", available.toPlainString());
        }
        return new FundRequest(id, RequestStatus.APPROVED, requestedAmount, granted, null);
    }

    public FundRequest reject(String why) {
        requireSubmitted("reject");
        if (why == null || why.isBlank()) {
            throw ApiError.invalid("reason", "is required to reject a request", "problem.fund.reason");
        }
        return new FundRequest(id, RequestStatus.REJECTED, requestedAmount, null, why.trim());
    }

    /** @param claims whether anything has been claimed (and not rejected) against it */
    public FundRequest withdraw(String why, boolean claims) {
        if (status != RequestStatus.SUBMITTED && status != RequestStatus.APPROVED) {
            throw ApiError.conflict("fund.request.closed", "Fund request " + id + " is " + status + "; only a submitted or approved one can be withdrawn.")
                    .saying("problem.fund.request-closed", id, status.name());
        }
        if (claims) {
            throw ApiError.conflict("fund.request.claimed", "Fund request " + id + " has claims; it can no longer be withdrawn.")
                    .saying("problem.fund.request-claimed", id);
        }
        return new FundRequest(id, RequestStatus.CANCELLED, requestedAmount, approvedAmount, why == null || why.isBlank() ? null : why.trim());
    }

    /** Checks a claim of {@code amount} against what is left to claim ({@code claimable}). */
    public void claim(BigDecimal amount, BigDecimal claimable) {
        if (status != RequestStatus.APPROVED) {
            throw ApiError.invalid("requestId", "is " + status + "; only an approved request can be claimed against",
                    "problem.fund.not-approved", status.name());
        }
        if (amount.compareTo(claimable) > 0) {
            throw ApiError.invalid("amount", "is more than the " + claimable.toPlainString() + " left to claim on this request",
                    "problem.fund.more-than-claimable", claimable.toPlainString());
        }
    }

    private void requireSubmitted(String step) {
        if (status != RequestStatus.SUBMITTED) {
            throw ApiError.conflict("fund.request.decided", "Fund request " + id + " is " + status + " already; only a submitted one can be decided.")
                    .saying("problem.fund.request-decided", id, status.name());
        }
    }
}
