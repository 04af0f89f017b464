package io.partnerpulse.partner;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Bodies of the partner operations; {@code version} may come as If-Match instead. */
public final class PartnerRequests {

    private PartnerRequests() {
    }

    /** An onboarding step or a later change of status: ONBOARDING, ACTIVE, INACTIVE, TERMINATED. */
    public record ChangeStatus(@NotNull PartnerStatus status, @Size(max = 500) String note, Long version) {
    }

    public record ChangeTier(@NotNull PartnerTier tier, @Size(max = 500) String reason, Long version) {
    }

    /**
     * Two-tier distribution, all of it (a PUT): whether the partner is a distributor (resellers buy
     * through it; absent: not one), and the distributor it buys through (absent: none). A
     * distributor buys through no one.
     */
    public record Distribution(Boolean distributor, @Positive Long distributorId, Long version) {

        public boolean isDistributor() {
            return Boolean.TRUE.equals(distributor);
        }
    }
}
