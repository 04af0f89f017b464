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

    StageProbabilities(KpiProperties properties) {
        for (int stage = 0; stage < 4; stage++) {
            probability[stage] = properties.stageProbabilities().get(KpiSnapshot.STAGES[stage]);
        }
    }

    BigDecimal of(int stage) {
        return probability[stage];
    }

    long weightedCents(long cents, int stage) {
        return BigDecimal.valueOf(cents).multiply(probability[stage]).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
