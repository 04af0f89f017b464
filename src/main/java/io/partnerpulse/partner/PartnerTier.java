package io.partnerpulse.partner;

/** Program level of a partner, best first. Default commission and lead weight live in the database. */
public enum PartnerTier {
    PLATINUM, GOLD, SILVER, REGISTERED
}
