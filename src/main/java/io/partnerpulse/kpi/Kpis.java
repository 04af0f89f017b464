package io.partnerpulse.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The KPI module's face: every answer is narrowed to what the current user may see (a partner
 * user's own partner, a scoped manager's unit or department).
 */
public interface Kpis {

    KpiReport report(KpiQuery query);

    ChannelReport channels(KpiQuery query);

    PipelineReport pipeline(Instant at, Map<Dimension, List<String>> filters, Dimension groupBy);

    RecordsPage records(String kpi, KpiQuery query, String group, int page, int size);

    /** A period [from, to). */
    record Span(java.time.LocalDate from, java.time.LocalDate to) {
    }

    /**
     * The quality score of each of these partners (ids) in each period, in one pass over the data:
     * for every period the score {@link #report} gives grouped by partner (ranked among all active
     * partners the user may see), null where a partner has none. Only partners the user may see
     * are answered; what is not a partner id (the "none" group) is left out.
     */
    Map<String, List<java.math.BigDecimal>> qualityScores(List<String> partners, List<Span> periods);

    /**
     * When the data the answers are computed from was read (it changes when the read model
     * reloads after a write), for callers that keep what they derive from the KPIs; null if unknown.
     */
    default Instant dataAsOf() {
        return null;
    }
}
