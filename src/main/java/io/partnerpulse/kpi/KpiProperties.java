package io.partnerpulse.kpi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.partnerpulse.deal.Stage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the KPIs are computed where the definitions leave a choice.
 *
 * @param stageProbabilities win probability of each open stage, for the weighted pipeline
 * @param qualityScore       weights of the quality score's components
 * @param refreshDelay       how long the read model waits after a change notice before it applies the
 *                           changed rows (at most 0.25 s after the first), so that a burst of writes
 *                           costs one update
 * @param fullRefresh        how often the read model reloads even without notices (a new day
 *                           changes the exchange rate of open deals)
 */
@ConfigurationProperties("partnerpulse.kpi")
public record KpiProperties(
        Map<String, BigDecimal> stageProbabilities,
        @DefaultValue QualityScoreWeights qualityScore,
        @DefaultValue("100ms") Duration refreshDelay,
        @DefaultValue("10m") Duration fullRefresh) {

    public KpiProperties {
        Map<String, BigDecimal> merged = new java.util.LinkedHashMap<>();
        for (Stage stage : Stage.openStages()) {
            merged.put(stage.name(), stage.defaultProbability());
        }
        if (stageProbabilities != null) {
            stageProbabilities.forEach((stage, p) -> merged.put(stage.toUpperCase(java.util.Locale.ROOT), p));
        }
        stageProbabilities = Map.copyOf(merged);
        for (String stage : new String[] {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION"}) {
            BigDecimal p = stageProbabilities.get(stage);
            if (p == null || p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("partnerpulse.kpi.stage-probabilities." + stage
                        + " must be between 0 and 1, was " + p);
            }
        }
    }

    /**
     * Weights of the quality score's components; the score is the weighted mean of the partner's
     * percent ranks, so only the ratios between weights matter.
     */
    public record QualityScoreWeights(@DefaultValue("0.5") BigDecimal wonRevenue,
                                      @DefaultValue("0.5") BigDecimal wonDeals,
                                      @DefaultValue("0") BigDecimal winRate,
                                      @DefaultValue("0") BigDecimal dealSuccess,
                                      @DefaultValue("0") BigDecimal salesCycle) {

        public QualityScoreWeights {
            BigDecimal total = wonRevenue.add(wonDeals).add(winRate).add(dealSuccess).add(salesCycle);
            if (wonRevenue.signum() < 0 || wonDeals.signum() < 0 || winRate.signum() < 0 || dealSuccess.signum() < 0
                    || salesCycle.signum() < 0 || total.signum() == 0) {
                throw new IllegalArgumentException("partnerpulse.kpi.quality-score weights must be non-negative and not all zero");
            }
        }
    }
}
