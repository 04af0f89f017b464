package io.partnerpulse.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The open pipeline as of an instant, by stage: deals created before it and not closed before it,
 * each in the stage its history says it was in then, weighted by that stage's probability.
 */
public record PipelineReport(Instant at, String currency, String groupBy, List<Group> groups) {

    public record Group(String key, String label, long count, BigDecimal amount, BigDecimal weightedAmount,
                        List<KpiReport.StageSlice> byStage) {
    }
}
