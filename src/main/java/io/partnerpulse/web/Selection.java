package io.partnerpulse.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;

/** What the dashboard was asked for: a period and filters, read from the query string. */
public record Selection(String period, LocalDate from, LocalDate to, String tier, Long unitId, Long departmentId, String channelType,
                 String region) {

    public Map<Dimension, List<String>> filters() {
        Map<Dimension, List<String>> filters = new EnumMap<>(Dimension.class);
        if (tier != null) {
            filters.put(Dimension.TIER, List.of(tier));
        }
        if (unitId != null) {
            filters.put(Dimension.UNIT, List.of(unitId.toString()));
        }
        if (departmentId != null) {
            filters.put(Dimension.DEPARTMENT, List.of(departmentId.toString()));
        }
        if (channelType != null) {
            filters.put(Dimension.CHANNEL_TYPE, List.of(channelType));
        }
        if (region != null) {
            filters.put(Dimension.REGION, List.of(region));
        }
        return filters;
    }

    /** The query string that selects the same again (for links and the chart data). */
    public String query() {
        StringBuilder q = new StringBuilder("period=").append(period).append("&from=").append(from).append("&to=").append(to);
        append(q, "tier", tier);
        append(q, "unitId", unitId);
        append(q, "departmentId", departmentId);
        append(q, "channelType", channelType);
        append(q, "region", region == null ? null : java.net.URLEncoder.encode(region, java.nio.charset.StandardCharsets.UTF_8));
        return q.toString();
    }

    private static void append(StringBuilder q, String name, Object value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(value);
        }
    }
}
