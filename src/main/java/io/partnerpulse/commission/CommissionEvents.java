package io.partnerpulse.commission;

import java.math.BigDecimal;
import java.time.Instant;

/** What happened to commission. */
public final class CommissionEvents {

    private CommissionEvents() {
    }

    /** Commission was booked on a won partner deal, in the deal's currency. */
    public record CommissionAccrued(long opportunityId, long partnerId, BigDecimal rate, BigDecimal dealAmount, BigDecimal amount,
                                    String currency, Instant at) {
    }
}
