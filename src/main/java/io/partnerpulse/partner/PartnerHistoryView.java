package io.partnerpulse.partner;

import java.time.Instant;

/** One change of a partner's status or tier. */
public record PartnerHistoryView(String kind, String from, String to, Instant at, String by, String note) {
}
