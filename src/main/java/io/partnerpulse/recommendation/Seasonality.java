package io.partnerpulse.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Seasonal indexes by month of the year, from whole years of history: for each calendar month, the
 * KPI in that month (over all the years of the window) divided by its average month, so that 1.00
 * is an ordinary month, 1.30 a month 30% above it. Narrowed by product line, hemisphere (the
 * countries south or north of the equator, where the seasons are reversed), region or any KPI
 * filter. With it, a period's value can be set against the seasonally expected one: the previous
 * period's value scaled by the ratio of the two periods' indexes.
 */
@Service
public class Seasonality {

    public enum Metric { DEAL_COUNT, WON_REVENUE, CLOSE_RATE }

    private final Kpis kpis;
    private final JdbcClient jdbc;
    private final OrganizationSettings organization;
    private final Clock clock;

    Seasonality(Kpis kpis, JdbcClient jdbc, OrganizationSettings organization, Clock clock) {
        this.kpis = kpis;
        this.jdbc = jdbc;
        this.organization = organization;
        this.clock = clock;
    }

    /** A calendar month's value over the window and its index (null when the window holds nothing). */
    public record MonthIndex(int month, BigDecimal value, BigDecimal index) {
    }

    public record SeasonalIndex(String metric, LocalDate from, LocalDate to, int years, Map<String, List<String>> filters,
                                List<MonthIndex> months) {

        /** The mean index of the days of [from, to); 1 where there is no index. */
        public BigDecimal over(LocalDate start, LocalDate end) {
            BigDecimal sum = BigDecimal.ZERO;
            long days = 0;
            for (LocalDate d = start; d.isBefore(end); d = d.plusDays(1)) {
                BigDecimal index = months.get(d.getMonthValue() - 1).index();
                sum = sum.add(index == null ? BigDecimal.ONE : index);
                days++;
            }
            return days == 0 ? BigDecimal.ONE : sum.divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN);
        }
    }

    /** A period's value beside the value the season leads one to expect from the period before. */
    public record Expectation(String metric, LocalDate from, LocalDate to, BigDecimal actual, BigDecimal previous,
                              BigDecimal indexNow, BigDecimal indexBefore, BigDecimal expected, BigDecimal ratio) {
    }

    /**
     * @param hemisphere N or S, or null for both
     * @param years      whole years of history, ending at the start of this month (2 to 10)
     */
    public SeasonalIndex index(Metric metric, Map<Dimension, List<String>> filters, String hemisphere, int years) {
        if (years < 2 || years > 10) {
            throw ApiError.invalidParameter("years", "a seasonal index needs 2 to 10 whole years of history", null);
        }
        LocalDate to = LocalDate.now(clock.withZone(organization.timeZone())).withDayOfMonth(1);
        LocalDate from = to.minusYears(years);
        Map<Dimension, List<String>> narrowed = new HashMap<>(filters);
        if (hemisphere != null && !hemisphere.isBlank()) {
            String h = hemisphere.trim().toUpperCase(Locale.ROOT);
            if (!h.equals("N") && !h.equals("S")) {
                throw ApiError.invalidParameter("hemisphere", "hemisphere is N or S", List.of("N", "S"));
            }
            narrowed.put(Dimension.COUNTRY, jdbc.sql("select code from country where hemisphere = ? order by code").param(h)
                    .query(String.class).list());
        }
        List<KpiReport.Group> groups = kpis.report(KpiQuery.of(from, to).withFilters(narrowed).withGroupBy(Dimension.MONTH_OF_YEAR)).groups();
        BigDecimal[] values = new BigDecimal[12];
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal numerator = BigDecimal.ZERO;
        BigDecimal denominator = BigDecimal.ZERO;
        for (KpiReport.Group g : groups) {
            if (!g.key().matches("\\d+")) {
                continue;
            }
            int m = Integer.parseInt(g.key()) - 1;
            values[m] = switch (metric) {
                case DEAL_COUNT -> BigDecimal.valueOf(g.kpis().dealCount().value());
                case WON_REVENUE -> g.kpis().wonRevenue().value();
                case CLOSE_RATE -> g.kpis().closeRate().value();
            };
            if (metric == Metric.CLOSE_RATE) {
                numerator = numerator.add(g.kpis().closeRate().numerator());
                denominator = denominator.add(g.kpis().closeRate().denominator());
            } else if (values[m] != null) {
                total = total.add(values[m]);
            }
        }
        BigDecimal average = metric == Metric.CLOSE_RATE
                ? (denominator.signum() == 0 ? null : numerator.divide(denominator, 6, RoundingMode.HALF_EVEN))
                : total.divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_EVEN);
        List<MonthIndex> months = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            BigDecimal v = values[m] == null && metric != Metric.CLOSE_RATE ? BigDecimal.ZERO : values[m];
            BigDecimal index = v == null || average == null || average.signum() == 0 ? null : v.divide(average, 4, RoundingMode.HALF_EVEN);
            months.add(new MonthIndex(m + 1, v, index));
        }
        Map<String, List<String>> shown = new java.util.LinkedHashMap<>();
        narrowed.forEach((d, v) -> shown.put(d.filterName().orElse(d.name()), v));
        return new SeasonalIndex(metric.name().toLowerCase(Locale.ROOT), from, to, years, shown, months);
    }

    /** The value of [from, to) against the previous period's scaled by the season. */
    public Expectation expectation(Metric metric, Map<Dimension, List<String>> filters, SeasonalIndex index, LocalDate from, LocalDate to) {
        Recommendations.Period now = new Recommendations.Period(from, to);
        Recommendations.Period before = now.shift(-1);
        BigDecimal actual = value(metric, kpis.report(KpiQuery.of(from, to).withFilters(filters)).groups().get(0).kpis());
        BigDecimal previous = value(metric, kpis.report(KpiQuery.of(before.from(), before.to()).withFilters(filters)).groups().get(0).kpis());
        BigDecimal indexNow = index.over(from, to);
        BigDecimal indexBefore = index.over(before.from(), before.to());
        BigDecimal expected = previous == null || indexBefore.signum() == 0 ? null
                : previous.multiply(indexNow).divide(indexBefore, 4, RoundingMode.HALF_EVEN);
        BigDecimal ratio = expected == null || expected.signum() == 0 || actual == null ? null
                : actual.divide(expected, 4, RoundingMode.HALF_EVEN);
        return new Expectation(metric.name().toLowerCase(Locale.ROOT), from, to, actual, previous, indexNow, indexBefore, expected, ratio);
    }

    private static BigDecimal value(Metric metric, KpiReport.Kpis k) {
        return switch (metric) {
            case DEAL_COUNT -> BigDecimal.valueOf(k.dealCount().value());
            case WON_REVENUE -> k.wonRevenue().value();
            case CLOSE_RATE -> k.closeRate().value();
        };
    }
}
