package io.partnerpulse.deal;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A note on a deal, as written: by whom (a partner's user or the vendor's staff), when, and whether it
 * is internal (the vendor's staff only).
 */
public record DealNote(long id, long opportunityId, String body, boolean internal, String author, boolean partnerAuthor, Instant createdAt) {

    /** What a client sends to write a note; {@code internal} is for staff (a partner user's note is always shared). */
    public record Form(@NotBlank @Size(max = 4000) String body, Boolean internal) {
    }
}
