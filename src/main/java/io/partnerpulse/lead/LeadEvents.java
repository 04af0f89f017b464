package io.partnerpulse.lead;

import java.time.Instant;

/** What happened to leads. */
public final class LeadEvents {

    private LeadEvents() {
    }

    public record LeadAssigned(long leadId, long partnerId, String reason, Instant at) {
    }

    public record LeadConverted(long leadId, long opportunityId, Long partnerId, Instant at) {
    }
}
