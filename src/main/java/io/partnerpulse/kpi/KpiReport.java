package io.partnerpulse.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/**
 * The answer to a {@link KpiQuery}: one group when not grouped, else one per value of the grouping.
 * Money is in the organization's currency with 2 decimals, ratios have 4. A ratio whose denominator
 * is zero has the value null. Comparisons appear when asked: {@code previous} and {@code lastYear}
 * are then present, null when undefined; {@code target} and {@code attainment} appear where a target
 * exists.
 */
public record KpiReport(LocalDate from, LocalDate to, String currency, String timeZone, String groupBy,
                        List<Group> groups, @JsonInclude(Include.NON_EMPTY) List<String> warnings) {

    public record Group(String key, String label, Kpis kpis) {
    }

    @JsonInclude(Include.NON_NULL)
    public record Kpis(AverageDealSize averageDealSize, DealCount dealCount, WonRevenue wonRevenue, Pipeline pipeline,
                       Ratio closeRate, Ratio winRate, SalesCycle salesCycleDays, SalesVelocity salesVelocity,
                       QualityScore qualityScore, DealSuccess dealSuccess) {
    }

    /** Σ amount of won deals closed in the period ÷ their number (or their distinct customers). */
    @JsonInclude(Include.NON_NULL)
    public record AverageDealSize(@JsonInclude(Include.ALWAYS) BigDecimal value, BigDecimal numerator,
                                  BigDecimal denominator, @JsonInclude(Include.ALWAYS) BigDecimal median,
                                  String variant, Optional<BigDecimal> previous, Optional<BigDecimal> lastYear) {
    }

    /** Won deals closed in the period, beside the opportunities created and lost in it. */
    @JsonInclude(Include.NON_NULL)
    public record DealCount(long value, long createdCount, long lostCount, Optional<BigDecimal> previous,
                            Optional<BigDecimal> lastYear, BigDecimal target, Optional<BigDecimal> attainment) {
    }

    /** Σ amount of won deals closed in the period. */
    @JsonInclude(Include.NON_NULL)
    public record WonRevenue(BigDecimal value, Optional<BigDecimal> previous, Optional<BigDecimal> lastYear,
                             BigDecimal target, Optional<BigDecimal> attainment) {
    }

    /** A share: numerator ÷ denominator. */
    @JsonInclude(Include.NON_NULL)
    public record Ratio(@JsonInclude(Include.ALWAYS) BigDecimal value, BigDecimal numerator, BigDecimal denominator,
                        String variant, Optional<BigDecimal> previous, Optional<BigDecimal> lastYear) {
    }

    /** Deal success with the registration approval rate beside it. */
    @JsonInclude(Include.NON_NULL)
    public record DealSuccess(@JsonInclude(Include.ALWAYS) BigDecimal value, BigDecimal numerator,
                              BigDecimal denominator, Ratio approvalRate, Optional<BigDecimal> previous,
                              Optional<BigDecimal> lastYear) {
    }

    /** Days from created to closed over won deals closed in the period: mean (value) and median. */
    @JsonInclude(Include.NON_NULL)
    public record SalesCycle(@JsonInclude(Include.ALWAYS) BigDecimal value, @JsonInclude(Include.ALWAYS) BigDecimal median,
                             BigDecimal numerator, BigDecimal denominator, Optional<BigDecimal> previous,
                             Optional<BigDecimal> lastYear) {
    }

    /** Revenue per day: open deals at the end × average deal size × win rate ÷ mean sales cycle. */
    @JsonInclude(Include.NON_NULL)
    public record SalesVelocity(@JsonInclude(Include.ALWAYS) BigDecimal value, long openCount,
                                @JsonInclude(Include.ALWAYS) BigDecimal averageDealSize,
                                @JsonInclude(Include.ALWAYS) BigDecimal winRate,
                                @JsonInclude(Include.ALWAYS) BigDecimal salesCycleDays,
                                Optional<BigDecimal> previous, Optional<BigDecimal> lastYear) {
    }

    /** Open pipeline as of the end of the period, and what moved in the period. */
    @JsonInclude(Include.NON_NULL)
    public record Pipeline(BigDecimal value, long count, BigDecimal amount, BigDecimal weightedAmount,
                           List<StageSlice> byStage, long createdCount, BigDecimal createdAmount, long lostCount,
                           long lostToCompetitorCount, Change change, @JsonInclude(Include.ALWAYS) BigDecimal coverage,
                           Optional<BigDecimal> previous, Optional<BigDecimal> lastYear, BigDecimal target,
                           Optional<BigDecimal> attainment) {
    }

    public record StageSlice(String stage, BigDecimal probability, long count, BigDecimal amount, BigDecimal weightedAmount) {
    }

    /** Against the pipeline at the end of the previous period (its start). */
    public record Change(long count, BigDecimal amount, @JsonInclude(Include.ALWAYS) BigDecimal percent) {
    }

    /** 0 to 100 from the partner's percent ranks among the partners active in the period. */
    @JsonInclude(Include.NON_NULL)
    public record QualityScore(@JsonInclude(Include.ALWAYS) BigDecimal value, Integer rank, int peers,
                               List<Component> components, Optional<BigDecimal> previous, Integer previousRank,
                               Optional<BigDecimal> lastYear) {
    }

    public record Component(String name, BigDecimal weight, @JsonInclude(Include.ALWAYS) BigDecimal value,
                            BigDecimal percentRank) {
    }
}
