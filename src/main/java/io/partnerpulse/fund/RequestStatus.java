package io.partnerpulse.fund;

/** Where a fund request stands: asked for, approved (for an amount), rejected (with a reason) or withdrawn. */
public enum RequestStatus {
    SUBMITTED, APPROVED, REJECTED, CANCELLED
}
