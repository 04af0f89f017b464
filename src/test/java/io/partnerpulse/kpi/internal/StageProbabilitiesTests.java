package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.SplittableRandom;

import io.partnerpulse.kpi.KpiProperties;
import org.junit.jupiter.api.Test;

/** A deal's weighted amount, computed in longs, is exactly the amount times the probability rounded half-even. */
class StageProbabilitiesTests {

    @Test
    void weightedCentsInLongsEqualTheExactDecimalRoundedHalfEven() {
        KpiProperties properties = new KpiProperties(Map.of("PROSPECTING", new BigDecimal("0.1"), "QUALIFICATION",
                new BigDecimal("0.333333"), "PROPOSAL", new BigDecimal("0.5"), "NEGOTIATION", new BigDecimal("0.1234567")),
                KpiTestDatabase.defaultWeights(), java.time.Duration.ofMillis(50), java.time.Duration.ofMinutes(10));
        StageProbabilities probabilities = new StageProbabilities(properties);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long cents = i < 1_000 ? i : random.nextLong(0, 2_000_000_000_000L);
            for (int stage = 0; stage < 4; stage++) {
                long exact = BigDecimal.valueOf(cents).multiply(probabilities.of(stage)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
                assertThat(probabilities.weightedCents(cents, stage)).as("%d cents in stage %d", cents, stage).isEqualTo(exact);
            }
        }
    }

    @Test
    void halfACentGoesToTheEvenCent() {
        StageProbabilities probabilities = new StageProbabilities(new KpiProperties(Map.of(), KpiTestDatabase.defaultWeights(),
                java.time.Duration.ofMillis(50), java.time.Duration.ofMinutes(10)));
        // proposal is 50%: 1 cent → 0.5 → 0; 3 cents → 1.5 → 2
        assertThat(probabilities.weightedCents(1, KpiSnapshot.PROPOSAL)).isZero();
        assertThat(probabilities.weightedCents(3, KpiSnapshot.PROPOSAL)).isEqualTo(2);
    }
}
