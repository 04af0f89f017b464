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
}
