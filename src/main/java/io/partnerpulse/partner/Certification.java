package io.partnerpulse.partner;

import java.time.Instant;
import java.time.LocalDate;

import io.partnerpulse.shared.Versioned;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A certification one of a partner's people holds: who, which (a product or sales training passed, a
 * technical exam), earned when and valid until when ({@code expiresOn} null: it does not expire; the
 * day it names is the first on which it no longer holds).
 */
public record Certification(long id, long partnerId, String partnerName, String personName, String email, String name,
                            LocalDate earnedOn, LocalDate expiresOn, String createdBy, Instant createdAt, long version)
        implements Versioned {

    /** VALID: holds today and for more than the warning days; EXPIRING: holds today but ends within them; EXPIRED: no longer holds. */
    public enum Status { VALID, EXPIRING, EXPIRED }

    /** Whether it holds on {@code day}: earned by then and not yet expired. */
    public boolean validOn(LocalDate day) {
        return !earnedOn.isAfter(day) && (expiresOn == null || expiresOn.isAfter(day));
    }

    /** Its status on {@code today}, EXPIRING when it ends within {@code warningDays}. */
    public Status statusOn(LocalDate today, int warningDays) {
        if (!validOn(today)) {
            return Status.EXPIRED;
        }
        return expiresOn != null && !expiresOn.isAfter(today.plusDays(warningDays)) ? Status.EXPIRING : Status.VALID;
    }

    /** What a client sends to record one. */
    public record Form(@NotNull @Positive Long partnerId, @NotBlank @Size(max = 200) String personName,
                       @Email @Size(max = 200) String email, @NotBlank @Size(max = 200) String name,
                       @NotNull LocalDate earnedOn, LocalDate expiresOn) {
    }
}
