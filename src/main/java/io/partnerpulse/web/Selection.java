package io.partnerpulse.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;

/**
 * What the dashboard was asked for: a period and filters, read from the query string.
 * {@code distributorId}: a distributor's whole channel (two-tier distribution: its own deals and its
 * resellers'), from its resellers page.
 */
public record Selection(String period, LocalDate from, LocalDate to, String tier, Long unitId, Long departmentId, String channelType,
                        String region, Long partnerId, Long employeeId, Long campaignId, Long distributorId) {

    /** A selection of no campaign nor distributor's channel in particular (the dashboard's filters, a partner's or a unit's page). */
    public Selection(String period, LocalDate from, LocalDate to, String tier, Long unitId, Long departmentId, String channelType,
                     String region, Long partnerId, Long employeeId) {
        this(period, from, to, tier, unitId, departmentId, channelType, region, partnerId, employeeId, null, null);
    }

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
        if (partnerId != null) {
            filters.put(Dimension.PARTNER, List.of(partnerId.toString()));
        }
        if (employeeId != null) {
            filters.put(Dimension.EMPLOYEE, List.of(employeeId.toString()));
        }
        if (campaignId != null) {
            filters.put(Dimension.CAMPAIGN, List.of(campaignId.toString()));
        }
        if (distributorId != null) {
            filters.put(Dimension.DISTRIBUTOR, List.of(distributorId.toString()));
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
        append(q, "partnerId", partnerId);
        append(q, "employeeId", employeeId);
        append(q, "campaignId", campaignId);
        append(q, "distributorId", distributorId);
        return q.toString();
    }

    /**
     * The same period and dashboard filters without the filters no form on the dashboard sets (a
     * partner, an employee, a campaign, a distributor's channel: links from a partner's, an employee's,
     * the campaigns or a distributor's resellers page).
     */
    public Selection withoutRecordFilters() {
        return new Selection(period, from, to, tier, unitId, departmentId, channelType, region, null, null, null, null);
    }

    /** The same selection as parameters of the KPI API (for exports): the period and the filters. */
    public String apiQuery() {
        return query().replaceFirst("^period=[^&]*&", "");
    }

    private static void append(StringBuilder q, String name, Object value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(value);
        }
    }

    public static final List<String> PERIODS = List.of("this-month", "last-month", "this-quarter", "last-quarter", "this-year", "last-year", "custom");

    /** Reads a period and filters from a query string; anything malformed falls back to the default. */
    public static Selection parse(Map<String, String> params, LocalDate today) {
        String asked = params.get("period");
        String period = asked != null && PERIODS.contains(asked) ? asked : "this-quarter";
        YearMonth month = YearMonth.from(today);
        LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
        LocalDate from;
        LocalDate to;
        switch (period) {
            case "this-month" -> { from = month.atDay(1); to = month.plusMonths(1).atDay(1); }
            case "last-month" -> { from = month.minusMonths(1).atDay(1); to = month.atDay(1); }
            case "last-quarter" -> { from = quarter.minusMonths(3); to = quarter; }
            case "this-year" -> { from = LocalDate.of(today.getYear(), 1, 1); to = from.plusYears(1); }
            case "last-year" -> { from = LocalDate.of(today.getYear() - 1, 1, 1); to = from.plusYears(1); }
            case "custom" -> {
                from = date(params.get("from"), quarter);
                // a form's last day is included ("through"); a link carries the day after it ("to"), as the API does
                LocalDate through = date(params.get("through"), null);
                to = through != null && through.isBefore(LocalDate.MAX) ? through.plusDays(1) : date(params.get("to"), quarter.plusMonths(3));
                if (!from.isBefore(to)) {
                    to = from.plusDays(1);
                }
            }
            default -> { from = quarter; to = quarter.plusMonths(3); }
        }
        return new Selection(period, from, to, choice(params.get("tier"), List.of("PLATINUM", "GOLD", "SILVER", "REGISTERED")),
                id(params.get("unitId")), id(params.get("departmentId")), choice(params.get("channelType"), List.of("PAID", "EARNED", "OWNED")),
                blankToNull(params.get("region")), id(params.get("partnerId")), id(params.get("employeeId")), id(params.get("campaignId")),
                id(params.get("distributorId")));
    }


    private static LocalDate date(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String choice(String value, List<String> allowed) {
        return value != null && !value.isBlank() && allowed.contains(value) ? value : null;
    }

    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || value.length() > 100 ? null : value;
    }
}
