package io.partnerpulse.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An opportunity as the API shows it; {@code version} is what a change must send back. */
public record OpportunityView(long id, String externalId, String name, Long accountId, Long partnerId, Long ownerId,
                              Long leadId, Long channelId, Long campaignId, Long productLineId, String country,
                              String region, String city, BigDecimal amount, String currency, Stage stage,
                              Instant createdAt, Instant closedAt, LocalDate expectedCloseOn, String lostReason,
                              String competitor, long version) implements io.partnerpulse.shared.Versioned {
}
