package io.partnerpulse.deal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A deal registration as the API shows it. A conflict found at submission names the registration or
 * open opportunity it collides with; {@code flagged} means it was left pending for a manager.
 */
public record RegistrationView(long id, String externalId, long partnerId, Long opportunityId, Long leadId, Long accountId,
                               Long productLineId, String customerName, BigDecimal estimatedAmount, String currency,
                               Instant submittedAt, Instant expiresAt, Instant decidedAt, String decidedBy,
                               RegistrationOutcome outcome, String reason, Long conflictingRegistrationId,
                               Long conflictingOpportunityId, boolean flagged, long version) implements io.partnerpulse.shared.Versioned {
}
