package io.partnerpulse.partner;

import java.time.LocalDate;
import java.util.List;

/** What happens to partners' certifications that other modules hear of. */
public final class CertificationEvents {

    private CertificationEvents() {
    }

    /**
     * Certifications of one partner's people end within the reminder's days: told once each, on
     * {@code day}. {@code items} names them ("Jane Roe: Solutions Architect (2027-01-15)", the day it ends), at most
     * fifty; {@code total} counts them all.
     */
    public record Expiring(long partnerId, LocalDate day, List<String> items, int total) {
    }
}
