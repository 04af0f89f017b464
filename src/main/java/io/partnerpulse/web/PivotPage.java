package io.partnerpulse.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.Pivots;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pivot page: one KPI by a dimension (rows) and the months, quarters or the pipeline's stages
 * (columns) of a period, with the dashboard's filters; each cell shaded by its size in its row, a row's label
 * linking to its page, totals that are the KPI of the row or column (never a sum of ratios), a chart
 * of the largest rows, and the table as CSV or XLSX.
 */
@Controller
class PivotPage {

    /** The rows a page shows (all: 500). */
    private static final int ROWS = 25;
    /** The rows the chart draws. */
    private static final int CHARTED = 8;

    private final Pivots pivots;
    private final FilterChoices filterChoices;
    private final OrganizationSettings settings;
    private final CurrentActor actor;
    private final JsonMapper json;
    private final org.springframework.context.MessageSource messages;

    PivotPage(Pivots pivots, FilterChoices filterChoices, OrganizationSettings settings, CurrentActor actor, JsonMapper json,
              org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.pivots = pivots;
        this.filterChoices = filterChoices;
        this.settings = settings;
        this.actor = actor;
        this.json = json;
    }

    /** A cell as shown: its text and its shade (0: none, 1 to 5: of the largest). */
    record Cell(String text, int heat) {
    }

    /** A row as shown: its label, its page if it has one, its cells and its total. */
    record Line(String label, String href, List<Cell> cells, Cell total) {
    }

    @GetMapping("/pivot")
    String pivot(@RequestParam Map<String, String> params, Model model, Locale locale) {
        Map<String, String> query = new HashMap<>(params);
        query.putIfAbsent("period", "this-year");
        Selection selection = Selection.parse(query, LocalDate.now(settings.timeZone()));
        Dimension rows = Dimension.byApiName(params.getOrDefault("rows", "")).filter(d -> !d.isTime())
                .orElse(actor.partner().isPresent() ? Dimension.PRODUCT_LINE : Dimension.PARTNER);
        Pivots.Columns columns = Pivots.Columns.byApiName(params.getOrDefault("columns", "")).orElse(Pivots.Columns.MONTH);
        Pivots.Measure measure = Pivots.Measure.byApiName(params.getOrDefault("measure", "")).orElse(Pivots.Measure.WON_REVENUE);
        if (columns == Pivots.Columns.STAGE && !measure.byStage()) {
            measure = Pivots.Measure.PIPELINE;
        }
        boolean all = "all".equals(params.get("show"));
        KpiQuery kpiQuery = KpiQuery.of(selection.from(), selection.to()).withFilters(selection.filters());
        Pivots.Pivot pivot;
        try {
            pivot = pivots.pivot(kpiQuery, rows, columns, measure, all ? 500 : ROWS, locale);
        } catch (ApiError tooLong) {
            if (tooLong.status().value() != 400 || columns == Pivots.Columns.YEAR) {
                throw tooLong;
            }
            // more months or quarters than a table holds: by year instead, and said
            model.addAttribute("byYears", true);
            columns = Pivots.Columns.YEAR;
            pivot = pivots.pivot(kpiQuery, rows, columns, measure, all ? 500 : ROWS, locale);
        }
        Format format = new Format(locale, pivot.currency());
        Pivots.Measure shown = measure;
        List<Line> lines = new ArrayList<>();
        for (Pivots.Row row : pivot.rows()) {
            // shaded within the row: a month's weight in its row shows even beside a row ten times larger; what adds up from
            // zero, a rate or an average from the row's lowest to its highest (62% beside 70% is not nearly the same colour)
            List<BigDecimal> known = row.cells().stream().filter(v -> v != null).toList();
            BigDecimal high = known.stream().max(BigDecimal::compareTo).orElse(null);
            BigDecimal low = shown.additive() ? BigDecimal.ZERO : known.stream().min(BigDecimal::compareTo).orElse(null);
            lines.add(new Line(row.label(), href(rows, row.key()), row.cells().stream().map(v -> cell(shown, v, low, high, format)).toList(),
                    cell(shown, row.total(), null, null, format)));
        }
        filterChoices.addTo(model, selection, locale);
        model.addAttribute("pivot", pivot);
        model.addAttribute("lines", lines);
        model.addAttribute("totals", pivot.columnTotals().stream().map(v -> cell(shown, v, null, null, format)).toList());
        model.addAttribute("total", cell(shown, pivot.total(), null, null, format));
        model.addAttribute("rows", rows.apiName());
        model.addAttribute("columns", columns.apiName());
        model.addAttribute("measure", measure.apiName());
        model.addAttribute("stock", measure.stock());
        model.addAttribute("rowChoices", Pivots.thingNames());
        model.addAttribute("columnChoices", List.of(Pivots.Columns.values()).stream().map(Pivots.Columns::apiName).toList());
        model.addAttribute("measureChoices", List.of(Pivots.Measure.values()).stream().map(Pivots.Measure::apiName).toList());
        model.addAttribute("all", all);
        String own = "rows=" + rows.apiName() + "&columns=" + columns.apiName() + "&measure=" + measure.apiName();
        model.addAttribute("pageQuery", selection.query() + "&" + own);
        model.addAttribute("export", "/api/v1/kpis/pivot?" + selection.apiQuery() + "&" + own + "&limit=500");
        model.addAttribute("chart", pivot.rows().isEmpty() ? null : chart(pivot, shown, columns, locale));
        return "pivot";
    }

    private static String href(Dimension rows, String key) {
        if (key == null || !key.matches("\\d{1,18}")) {
            return null;
        }
        return switch (rows) {
            case PARTNER -> "/partners/" + key;
            case EMPLOYEE -> "/organization/employee/" + key;
            case DEPARTMENT -> "/organization/department/" + key;
            case UNIT -> "/organization/unit/" + key;
            default -> null;
        };
    }

    /** A cell's text and shade: 1 to 5 from {@code low} to {@code high} (none for nothing, or for zero when counting from zero). */
    private static Cell cell(Pivots.Measure measure, BigDecimal value, BigDecimal low, BigDecimal high, Format format) {
        int heat = 0;
        if (value != null && low != null && high != null && (value.signum() > 0 || !measure.additive())) {
            BigDecimal span = high.subtract(low);
            heat = span.signum() <= 0 ? 3 : Math.min(5, 1 + value.subtract(low).multiply(BigDecimal.valueOf(4))
                    .divide(span, java.math.RoundingMode.DOWN).intValue());
        }
        return new Cell(text(measure, value, format), heat);
    }

    static String text(Pivots.Measure measure, BigDecimal value, Format format) {
        if (value == null) {
            return "—";
        }
        return switch (measure) {
            case WON_REVENUE, AVERAGE_DEAL_SIZE, PIPELINE, WEIGHTED_PIPELINE -> format.money(value);
            case WIN_RATE, CLOSE_RATE -> format.percent(value);
            case SALES_CYCLE_DAYS -> format.decimal(value);
            default -> format.count(value.longValue());
        };
    }

    /** The chart's data: the largest rows' cells, column by column; stacked when the measure adds up. */
    private String chart(Pivots.Pivot pivot, Pivots.Measure measure, Pivots.Columns columns, Locale locale) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (Pivots.Row row : pivot.rows().subList(0, Math.min(CHARTED, pivot.rows().size()))) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", row.label() == null ? "—" : row.label());
            one.put("data", row.cells());
            series.add(one);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", pivot.columns().stream().map(c -> columns == Pivots.Columns.STAGE
                ? messages.getMessage("stage." + c.key(), null, c.label(), locale) : c.label()).toList());
        data.put("series", series);
        data.put("stacked", pivot.additive());
        data.put("kind", switch (measure) {
            case WON_REVENUE, AVERAGE_DEAL_SIZE, PIPELINE, WEIGHTED_PIPELINE -> "money";
            case WIN_RATE, CLOSE_RATE -> "percent";
            default -> "number";
        });
        data.put("currency", pivot.currency());
        return json.writeValueAsString(data);
    }
}
