package io.partnerpulse.deal;

/** Where a deal registration stands; all but PENDING are decided. */
public enum RegistrationOutcome {
    PENDING, APPROVED, REJECTED, EXPIRED
}
