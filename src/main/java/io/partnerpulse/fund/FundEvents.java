package io.partnerpulse.fund;

import java.math.BigDecimal;
import java.time.Instant;

/** What happened to a fund, for other modules (the webhooks tell finance what to pay). */
public final class FundEvents {

    private FundEvents() {
    }

    /** A request was approved for {@code amount} (in the allocation's currency). */
    public record FundRequestApproved(long requestId, long partnerId, BigDecimal amount, String currency, Instant at) {
    }

    /** A claim was approved: finance owes the partner {@code amount}. */
    public record FundClaimApproved(long claimId, long requestId, long partnerId, BigDecimal amount, String currency, Instant at) {
    }

    /** A request was rejected, with the reason. */
    public record FundRequestRejected(long requestId, long partnerId, String reason, Instant at) {
    }

    /** A claim was rejected, with the reason. */
    public record FundClaimRejected(long claimId, long requestId, long partnerId, String reason, Instant at) {
    }

    /** An approved claim was paid on {@code paidOn}, under {@code paymentReference}. */
    public record FundClaimPaid(long claimId, long requestId, long partnerId, BigDecimal amount, String currency,
                                java.time.LocalDate paidOn, String paymentReference, Instant at) {
    }
}
