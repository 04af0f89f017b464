package io.partnerpulse.kpi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What KPIs can be grouped by, and (all but the three time buckets) filtered on. The API names are part of
 * the public REST contract.
 */
public enum Dimension {
    PARTNER("partner", "partnerId"),
    TIER("tier", "tier"),
    /** Two-tier distribution: the distributor the partner buys through (a distributor's own deals: itself). */
    DISTRIBUTOR("distributor", "distributorId"),
    EMPLOYEE("employee", "employeeId"),
    DEPARTMENT("department", "departmentId"),
    UNIT("unit", "unitId"),
    CHANNEL("channel", "channelId"),
    CHANNEL_TYPE("channelType", "channelType"),
    CAMPAIGN("campaign", "campaignId"),
    COUNTRY("country", "country"),
    REGION("region", "region"),
    CITY("city", "city"),
    PRODUCT_LINE("productLine", "productLine"),
    /** Calendar month of the event (YYYY-MM); each group is that month's part of the period. */
    MONTH("month", null),
    /** Month of the year of the event (1 to 12), across years. */
    MONTH_OF_YEAR("monthOfYear", null),
    /** Meteorological season of the event in its location's hemisphere. */
    SEASON("season", null);

    private final String apiName;
    private final String filterName;

    Dimension(String apiName, String filterName) {
        this.apiName = apiName;
        this.filterName = filterName;
    }

    public String apiName() {
        return apiName;
    }

    /** The query parameter that filters on this dimension, if it can be filtered on. */
    public Optional<String> filterName() {
        return Optional.ofNullable(filterName);
    }

    /** Whether the dimension is a time bucket rather than a thing. */
    public boolean isTime() {
        return this == MONTH || this == MONTH_OF_YEAR || this == SEASON;
    }

    /** Whether the filter takes numeric ids. */
    public boolean takesIds() {
        return filterName != null && filterName.endsWith("Id") || this == PRODUCT_LINE;
    }

    public static Optional<Dimension> byApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }

    public static Optional<Dimension> byFilterName(String name) {
        return Arrays.stream(values()).filter(d -> name.equals(d.filterName)).findFirst();
    }

    public static List<String> apiNames() {
        return Arrays.stream(values()).map(Dimension::apiName).toList();
    }

    public static List<String> filterNames() {
        return Arrays.stream(values()).map(d -> d.filterName).filter(n -> n != null).toList();
    }
}
