package io.partnerpulse.lead;

import java.time.Instant;

/** A lead given to a partner, with why that partner was chosen. */
public record AssignmentView(long leadId, long partnerId, String partnerName, String reason, Instant assignedAt) {
}
