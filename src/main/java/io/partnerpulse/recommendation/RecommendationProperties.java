package io.partnerpulse.recommendation;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of the recommendation rules.
 *
 * @param dealSuccessQuantile    a partner below this quantile of the partners' deal success…
 * @param dealSuccessPeriods     …this many periods in a row is up for review
 * @param minimumDecided         registrations that must have reached an outcome in each of those periods for the
 *                               comparison to mean something (one rejected registration is not a pattern)
 * @param averageDealSizePeriods periods in a row the average deal size must fall to call for coaching
 * @param minimumCoverage        pipeline coverage of the next period's target below this calls for pipeline
 * @param salesCycleIncrease     a sales cycle this much longer than the previous period's calls for a look at stalled stages
 * @param seasonalDip            the next period a year ago this much below the current period a year ago is a seasonal dip to plan for
 * @param targetAttainment       revenue below this share of a finished period's target is behind target
 * @param fundReturnDays         days after a funded activity ended by which its campaign should have won a deal
 * @param fundStrongReturn       a fund whose ROI reaches this is worth repeating
 * @param rampDays               an active or onboarding partner that has won nothing this many days after joining is slow to ramp up
 */
@ConfigurationProperties("partnerpulse.recommendations")
public record RecommendationProperties(@DefaultValue("0.25") BigDecimal dealSuccessQuantile, @DefaultValue("2") int dealSuccessPeriods,
                                       @DefaultValue("3") int minimumDecided,
                                       @DefaultValue("3") int averageDealSizePeriods, @DefaultValue("3") BigDecimal minimumCoverage,
                                       @DefaultValue("0.20") BigDecimal salesCycleIncrease, @DefaultValue("0.20") BigDecimal seasonalDip,
                                       @DefaultValue("0.80") BigDecimal targetAttainment, @DefaultValue("60") int fundReturnDays,
                                       @DefaultValue("1.00") BigDecimal fundStrongReturn, @DefaultValue("120") int rampDays) {
}
