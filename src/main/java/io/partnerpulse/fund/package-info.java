/**
 * Market development funds: what the vendor sets aside for each partner's marketing in a period, the
 * partner's requests against it, their claims with proof, the payments, and the return of each fund
 * (the deals won through the co-marketing campaign it paid for).
 */
package io.partnerpulse.fund;
