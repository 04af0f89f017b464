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
}
