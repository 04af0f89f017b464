package io.partnerpulse.fund;

/** Where a claim stands: submitted with its proof, approved for payment, rejected (with a reason) or paid. */
public enum ClaimStatus {
    SUBMITTED, APPROVED, REJECTED, PAID
}
