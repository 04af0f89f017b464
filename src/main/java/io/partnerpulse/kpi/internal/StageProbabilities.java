package io.partnerpulse.kpi.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.partnerpulse.kpi.KpiProperties;

/**
 * The win probability of each open stage, and a deal's weighted amount: its amount times the
 * probability of its stage, rounded half-even to the cent, deal by deal, so that weighted amounts
 * add up exactly across any grouping.
 */
final class StageProbabilities {

    private final BigDecimal[] probability = new BigDecimal[4];
    /** The probability as numerator ÷ 10^scale, for exact integer arithmetic; scale -1 when it has too many places. */
    private final long[] numerator = new long[4];
    private final long[] denominator = new long[4];

    StageProbabilities(KpiProperties properties) {
        for (int stage = 0; stage < 4; stage++) {
            probability[stage] = properties.stageProbabilities().get(KpiSnapshot.STAGES[stage]);
            BigDecimal p = probability[stage].stripTrailingZeros();
            int scale = Math.max(0, p.scale());
            if (scale <= 6) {
                numerator[stage] = p.movePointRight(scale).longValueExact();
                denominator[stage] = BigDecimal.TEN.pow(scale).longValueExact();
            }
        }
    }

    BigDecimal of(int stage) {
        return probability[stage];
    }

    long weightedCents(long cents, int stage) {
        long den = denominator[stage];
        // exact in longs while cents × numerator cannot overflow (amounts below ten billion with six places)
        if (den != 0 && cents >= 0 && cents < 1_000_000_000_000L) {
            long product = cents * numerator[stage];
            long quotient = product / den;
            long twiceRemainder = 2 * (product - quotient * den);
            if (twiceRemainder > den || twiceRemainder == den && (quotient & 1) == 1) {
                quotient++;
            }
            return quotient;
        }
        return BigDecimal.valueOf(cents).multiply(probability[stage]).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
