package io.partnerpulse.lead;

import java.time.Instant;

/** A lead as the API shows it; a converted lead names the opportunity it became. */
public record LeadView(long id, String externalId, Instant createdAt, String contactName, String companyName, String email,
                       Long channelId, Long campaignId, Long partnerId, Long ownerId, String country, String region, String city,
                       LeadStatus status, Instant statusChangedAt, String disqualifiedReason, Instant convertedAt,
                       Long opportunityId, long version) implements io.partnerpulse.shared.Versioned {
}
