package io.partnerpulse.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.partnerpulse.shared.ApiError;
import org.springframework.stereotype.Service;

/**
 * A KPI by two things at once: its rows a dimension (salespeople, partners, regions…), its columns
 * the months or quarters of the period, or the pipeline's stages. Every cell is the KPI as the KPI
 * engine answers it for that row and column, and so is every total: a row's total is the row's KPI
 * over the whole period, a column's the column's KPI over every row the user may see, so a ratio's
 * total is the ratio of the sums and never a sum of ratios (an average deal size of 300 and one of
 * 500 do not make 800). Answers are narrowed to what the current user may see, as all KPIs are.
 */
@Service
public class Pivots {

    /** At most this many columns: three years by month. */
    public static final int MAX_COLUMNS = 36;

    /** What a cell holds. {@code additive}: the cells of a row add up to its total (when no row or column is left out). */
    public enum Measure {
        WON_REVENUE("wonRevenue", true, k -> k.wonRevenue().value(), null),
        DEALS_WON("dealsWon", true, k -> BigDecimal.valueOf(k.dealCount().value()), null),
        DEALS_LOST("dealsLost", true, k -> BigDecimal.valueOf(k.dealCount().lostCount()), null),
        DEALS_CREATED("dealsCreated", true, k -> BigDecimal.valueOf(k.dealCount().createdCount()), null),
        AVERAGE_DEAL_SIZE("averageDealSize", false, k -> k.averageDealSize().value(), null),
        WIN_RATE("winRate", false, k -> k.winRate().value(), null),
        CLOSE_RATE("closeRate", false, k -> k.closeRate().value(), null),
        SALES_CYCLE_DAYS("salesCycleDays", false, k -> k.salesCycleDays().value(), null),
        PIPELINE("pipeline", true, k -> k.pipeline().amount(), KpiReport.StageSlice::amount),
        WEIGHTED_PIPELINE("weightedPipeline", true, k -> k.pipeline().weightedAmount(), KpiReport.StageSlice::weightedAmount),
        OPEN_DEALS("openDeals", true, k -> BigDecimal.valueOf(k.pipeline().count()), s -> BigDecimal.valueOf(s.count()));

        private final String apiName;
        private final boolean additive;
        private final Function<KpiReport.Kpis, BigDecimal> value;
        private final Function<KpiReport.StageSlice, BigDecimal> byStage;

        Measure(String apiName, boolean additive, Function<KpiReport.Kpis, BigDecimal> value,
                Function<KpiReport.StageSlice, BigDecimal> byStage) {
            this.apiName = apiName;
            this.additive = additive;
            this.value = value;
            this.byStage = byStage;
        }

        public String apiName() {
            return apiName;
        }

        public boolean additive() {
            return additive;
        }

        /** Whether it is what stands at a moment (the open pipeline at a column's end) rather than what happened in a span: months of it do not add up. */
        public boolean stock() {
            return byStage != null;
        }

        /** What a row with nothing in a column holds: zero (with cents for money) for what counts, undefined for a ratio. */
        BigDecimal zero() {
            if (!additive) {
                return null;
            }
            return this == WON_REVENUE || this == PIPELINE || this == WEIGHTED_PIPELINE ? new BigDecimal("0.00") : BigDecimal.ZERO;
        }

        /** Whether it can be split by the pipeline's stages (the open deals' measures). */
        public boolean byStage() {
            return byStage != null;
        }

        BigDecimal of(KpiReport.Kpis kpis) {
            return kpis == null ? null : value.apply(kpis);
        }

        public static java.util.Optional<Measure> byApiName(String name) {
            return java.util.Arrays.stream(values()).filter(m -> m.apiName.equals(name)).findFirst();
        }
    }

    /** What the columns are. */
    public enum Columns {
        MONTH("month"), QUARTER("quarter"), YEAR("year"), STAGE("stage");

        private final String apiName;

        Columns(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }

        public static java.util.Optional<Columns> byApiName(String name) {
            return java.util.Arrays.stream(values()).filter(c -> c.apiName.equals(name)).findFirst();
        }
    }

    /** A column: its key ("2026-03", "2026-Q1", "PROPOSAL"), its label, and for a time column its part of the period [from, to). */
    public record Column(String key, String label, LocalDate from, LocalDate to) {
    }

    /** A row: the group's key and label, a cell per column (null where the KPI is undefined), and its total. */
    public record Row(String key, String label, List<BigDecimal> cells, BigDecimal total) {
    }

    /**
     * The table. {@code rows} are the first {@code limit} by their total, largest first; {@code hiddenRows} how many more there
     * are. {@code columnTotals} and {@code total} count every row, the hidden ones too. {@code additive}: a row's cells add up to
     * its total (counts and sums over months, the pipeline over its stages; not a rate, an average, nor the pipeline month by month,
     * whose total is the pipeline at the period's end).
     */
    public record Pivot(LocalDate from, LocalDate to, String currency, String rowsBy, String columnsBy, String measure, boolean additive,
                        List<Column> columns, List<Row> rows, int hiddenRows, List<BigDecimal> columnTotals, BigDecimal total) {
    }

    private final Kpis kpis;

    Pivots(Kpis kpis) {
        this.kpis = kpis;
    }

    public Pivot pivot(KpiQuery query, Dimension rowsBy, Columns columnsBy, Measure measure, int limit, Locale locale) {
        if (rowsBy == null || rowsBy.isTime()) {
            throw ApiError.invalidParameter("rows", "rows is one of the things KPIs are grouped by (partner, employee, region, …)", thingNames());
        }
        if (columnsBy == Columns.STAGE && !measure.byStage()) {
            throw ApiError.invalidParameter("measure", "by stage, the measure is one of the open pipeline's: pipeline, weightedPipeline, openDeals",
                    List.of(Measure.PIPELINE.apiName, Measure.WEIGHTED_PIPELINE.apiName, Measure.OPEN_DEALS.apiName));
        }
        KpiQuery base = query.withGroupBy(null).withCompare(java.util.Set.of());
        KpiReport whole = kpis.report(base.withGroupBy(rowsBy));
        KpiReport.Kpis everything = kpis.report(base).groups().get(0).kpis();
        List<Column> columns = new ArrayList<>();
        Map<String, List<BigDecimal>> cells = new HashMap<>();
        List<BigDecimal> columnTotals = new ArrayList<>();
        whole.groups().forEach(g -> cells.put(g.key(), new ArrayList<>()));
        if (columnsBy == Columns.STAGE) {
            for (KpiReport.StageSlice slice : everything.pipeline().byStage()) {
                columns.add(new Column(slice.stage(), slice.stage(), null, null));
                columnTotals.add(measure.byStage.apply(slice));
            }
            for (KpiReport.Group group : whole.groups()) {
                Map<String, BigDecimal> byStage = new HashMap<>();
                group.kpis().pipeline().byStage().forEach(s -> byStage.put(s.stage(), measure.byStage.apply(s)));
                for (Column column : columns) {
                    cells.get(group.key()).add(byStage.getOrDefault(column.key(), measure.zero()));
                }
            }
        } else {
            columns.addAll(periods(query.from(), query.to(), columnsBy, locale));
            for (Column column : columns) {
                KpiReport part = kpis.report(base.withPeriod(column.from(), column.to()).withGroupBy(rowsBy));
                Map<String, KpiReport.Kpis> byKey = new HashMap<>();
                part.groups().forEach(g -> byKey.put(g.key(), g.kpis()));
                for (KpiReport.Group group : whole.groups()) {
                    KpiReport.Kpis cell = byKey.get(group.key());
                    // a row with nothing in this column: zero for what counts, undefined for a ratio
                    cells.get(group.key()).add(cell == null ? measure.zero() : measure.of(cell));
                }
                columnTotals.add(measure.of(kpis.report(base.withPeriod(column.from(), column.to())).groups().get(0).kpis()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (KpiReport.Group group : whole.groups()) {
            rows.add(new Row(group.key(), group.label(), cells.get(group.key()), measure.of(group.kpis())));
        }
        rows.sort(Comparator.comparing(Row::total, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Row::label,
                Comparator.nullsLast(Comparator.naturalOrder())));
        int shown = Math.max(1, Math.min(limit, 500));
        return new Pivot(query.from(), query.to(), whole.currency(), rowsBy.apiName(), columnsBy.apiName(), measure.apiName,
                measure.additive && (columnsBy == Columns.STAGE || !measure.stock()), columns, List.copyOf(rows.subList(0, Math.min(shown, rows.size()))), Math.max(0, rows.size() - shown),
                columnTotals, measure.of(everything));
    }

    /** The months, quarters or years of [from, to), the first and last cut to the period. */
    static List<Column> periods(LocalDate from, LocalDate to, Columns by, Locale locale) {
        List<Column> columns = new ArrayList<>();
        LocalDate start = switch (by) {
            case MONTH -> from.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(from.getYear(), ((from.getMonthValue() - 1) / 3) * 3 + 1, 1);
            default -> LocalDate.of(from.getYear(), 1, 1);
        };
        while (start.isBefore(to)) {
            LocalDate next = by == Columns.MONTH ? start.plusMonths(1) : by == Columns.QUARTER ? start.plusMonths(3) : start.plusYears(1);
            if (columns.size() == MAX_COLUMNS) {
                throw ApiError.invalidParameter("to", "a pivot has at most " + MAX_COLUMNS + " columns: choose a shorter period, quarters or years", null);
            }
            int quarter = (start.getMonthValue() - 1) / 3 + 1;
            String key = switch (by) {
                case MONTH -> start.toString().substring(0, 7);
                case QUARTER -> start.getYear() + "-Q" + quarter;
                default -> String.valueOf(start.getYear());
            };
            String label = switch (by) {
                case MONTH -> start.getMonth().getDisplayName(TextStyle.SHORT, locale) + " " + start.getYear();
                case QUARTER -> "Q" + quarter + " " + start.getYear();
                default -> String.valueOf(start.getYear());
            };
            columns.add(new Column(key, label, start.isBefore(from) ? from : start, next.isAfter(to) ? to : next));
            start = next;
        }
        return columns;
    }

    /** The dimensions rows can be. */
    public static List<String> thingNames() {
        return java.util.Arrays.stream(Dimension.values()).filter(d -> !d.isTime()).map(Dimension::apiName).toList();
    }

    /** The table as rows of named cells, for a CSV or XLSX file: the row's label, a column per month, quarter or stage, its total. */
    public static List<Map<String, Object>> wide(Pivot pivot) {
        List<Map<String, Object>> table = new ArrayList<>();
        for (Row row : pivot.rows()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put(pivot.rowsBy(), row.label());
            line.put("key", row.key());
            for (int i = 0; i < pivot.columns().size(); i++) {
                line.put(pivot.columns().get(i).key(), row.cells().get(i));
            }
            line.put("total", row.total());
            table.add(line);
        }
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put(pivot.rowsBy(), "Total");
        totals.put("key", "");
        for (int i = 0; i < pivot.columns().size(); i++) {
            totals.put(pivot.columns().get(i).key(), pivot.columnTotals().get(i));
        }
        totals.put("total", pivot.total());
        table.add(totals);
        return table;
    }
}
