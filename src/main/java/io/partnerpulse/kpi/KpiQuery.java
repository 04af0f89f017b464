package io.partnerpulse.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One KPI question: a period [from, to) in the organization's time zone, an optional grouping, the
 * filters (values per dimension, any of which matches), comparisons and variants.
 */
public record KpiQuery(LocalDate from, LocalDate to, Dimension groupBy, Map<Dimension, List<String>> filters,
                       Set<Comparison> compare, CloseRateVariant closeRate, AverageDealSizeVariant averageDealSize) {

    public KpiQuery {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        filters = Map.copyOf(filters);
        compare = Set.copyOf(compare);
    }

    public static KpiQuery of(LocalDate from, LocalDate to) {
        return new KpiQuery(from, to, null, Map.of(), Set.of(), CloseRateVariant.COHORT, AverageDealSizeVariant.PER_DEAL);
    }

    public KpiQuery withGroupBy(Dimension dimension) {
        return new KpiQuery(from, to, dimension, filters, compare, closeRate, averageDealSize);
    }

    public KpiQuery withFilters(Map<Dimension, List<String>> newFilters) {
        return new KpiQuery(from, to, groupBy, newFilters, compare, closeRate, averageDealSize);
    }

    public KpiQuery withCompare(Set<Comparison> comparisons) {
        return new KpiQuery(from, to, groupBy, filters, comparisons, closeRate, averageDealSize);
    }

    public KpiQuery withVariants(CloseRateVariant close, AverageDealSizeVariant size) {
        return new KpiQuery(from, to, groupBy, filters, compare, close, size);
    }

    /**
     * A day moved by {@code steps} periods of the length of [from, to): a period of whole calendar
     * months steps by months (the period before a quarter is the quarter before), any other by its
     * number of days. The one rule behind every "previous period" of the KPIs and the pages.
     */
    public static LocalDate shift(LocalDate from, LocalDate to, LocalDate day, int steps) {
        if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1) {
            return day.plusMonths(steps * java.time.temporal.ChronoUnit.MONTHS.between(from, to));
        }
        return day.plusDays(steps * java.time.temporal.ChronoUnit.DAYS.between(from, to));
    }

    public KpiQuery withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new KpiQuery(newFrom, newTo, groupBy, filters, compare, closeRate, averageDealSize);
    }

    public enum Comparison {
        PREVIOUS("previous"), LAST_YEAR("lastYear");

        private final String apiName;

        Comparison(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public enum CloseRateVariant {
        /** Of the leads created in the period, the share whose opportunity is won by now. */
        COHORT("cohort"),
        /** Won ÷ (won + lost) over opportunities closed in the period. */
        WIN_RATE("winRate");

        private final String apiName;

        CloseRateVariant(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public enum AverageDealSizeVariant {
        PER_DEAL("perDeal"), PER_CUSTOMER("perCustomer");

        private final String apiName;

        AverageDealSizeVariant(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }
}
