package io.partnerpulse.partner;

/** Where a partner is in its life with the program. Every change is kept with its date. */
public enum PartnerStatus {
    PROSPECT, ONBOARDING, ACTIVE, INACTIVE, TERMINATED
}
