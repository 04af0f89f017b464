package io.partnerpulse.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A partner as the API shows it. {@code commissionRate} is its own override (null: the tier's);
 * {@code effectiveCommissionRate} is what it earns. {@code distributor}: resellers buy through it
 * (two-tier distribution); {@code distributorId}: the distributor it buys through, if any.
 */
public record PartnerView(long id, String externalId, String name, PartnerTier tier, PartnerStatus status,
                          Instant statusChangedAt, String country, String region, String city, BigDecimal commissionRate,
                          BigDecimal effectiveCommissionRate, Long partnerManagerId, LocalDate joinedOn, boolean distributor,
                          Long distributorId, long version) implements io.partnerpulse.shared.Versioned {
}
