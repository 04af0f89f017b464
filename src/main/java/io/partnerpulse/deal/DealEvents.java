package io.partnerpulse.deal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What happened to opportunities and deal registrations, published through Spring Modulith's event
 * publication registry: a listener in another module gets each event once the transaction commits,
 * and again after a crash if it had not finished.
 */
public final class DealEvents {

    private DealEvents() {
    }

    public record OpportunityOpened(long opportunityId, Long partnerId, Long leadId, Instant at) {
    }

    public record OpportunityStageChanged(long opportunityId, Stage from, Stage to, Instant at, String by) {
    }

    public record DealWon(long opportunityId, Long partnerId, BigDecimal amount, String currency, Instant closedAt) {
    }

    public record DealLost(long opportunityId, Long partnerId, String reason, String competitor, Instant closedAt) {
    }

    public record DealReopened(long opportunityId, Long partnerId, Stage wasClosedAs, Instant at) {
    }

    public record RegistrationSubmitted(long registrationId, long partnerId, boolean conflict, Instant at) {
    }

    public record RegistrationApproved(long registrationId, long partnerId, long opportunityId, Instant at) {
    }

    public record RegistrationRejected(long registrationId, long partnerId, String reason, Instant at) {
    }

    public record RegistrationExpired(long registrationId, long partnerId, Instant at) {
    }
    /** A note was written on a deal: by one of its partner's users, or by staff (shared with the partner, or internal). */
    public record NoteAdded(long opportunityId, Long partnerId, long noteId, boolean internal, boolean byPartner, Instant at) {
    }
}
