/**
 * Partner commissions: accrued on every won partner deal at the partner's rate, reversed when the
 * deal is reopened, and gathered into per-partner, per-period statements.
 */
package io.partnerpulse.commission;
