package io.partnerpulse.kpi.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.PipelineReport;
import io.partnerpulse.kpi.RecordsPage;
import io.partnerpulse.kpi.internal.KpiEngine;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KPI REST API. Its names are a public contract (docs/kpis.md); every parameter problem is a
 * 400 problem document that names the parameter.
 */
@RestController
@RequestMapping("/api/v1/kpis")
@Tag(name = "KPIs", description = "The eight channel-partner KPIs for any slice and period, with comparisons, targets and drill-through. "
        + "Filters (all optional, repeatable or comma-separated): partnerId, tier, distributorId, employeeId, departmentId, unitId, channelId, "
        + "channelType, campaignId, country, region, city, productLine (id).")
class KpiApi {

    private final KpiEngine engine;
    private final OrganizationSettings organization;
    private final io.partnerpulse.kpi.Pivots pivots;

    KpiApi(KpiEngine engine, OrganizationSettings organization, io.partnerpulse.kpi.Pivots pivots) {
        this.engine = engine;
        this.organization = organization;
        this.pivots = pivots;
    }

    @GetMapping("/pivot")
    @Operation(summary = "One KPI by rows (a dimension) and columns (months, quarters or the pipeline's stages)",
            description = "Each cell is the KPI for its row and column; a row's total is the row's KPI over the whole period and a "
                    + "column's total the column's over every row (a ratio's total is the ratio of the sums). Rows come largest "
                    + "total first, `limit` of them (25; at most 500), `hiddenRows` says how many more. As CSV or XLSX "
                    + "(`format=csv|xlsx`): a line per row with a column per month, quarter or stage, and a total line.",
            parameters = {
                    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, example = "2026-01-01"),
                    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, example = "2027-01-01"),
                    @Parameter(name = "rows", in = ParameterIn.QUERY, required = true, description = "partner, tier, distributor, employee, department, unit, channel, channelType, campaign, country, region, city or productLine"),
                    @Parameter(name = "columns", in = ParameterIn.QUERY, description = "month (default), quarter, year, or stage (the open pipeline's measures)"),
                    @Parameter(name = "measure", in = ParameterIn.QUERY, description = "wonRevenue (default), dealsWon, dealsLost, dealsCreated, averageDealSize, winRate, closeRate, salesCycleDays, pipeline, weightedPipeline, openDeals"),
                    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Rows shown, 1 to 500 (25)")})
    Object pivot(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params, java.util.Locale locale) {
        KpiParameters parameters = new KpiParameters(params, KpiParameters.periodParameters("rows", "columns", "measure", "limit"));
        io.partnerpulse.kpi.Pivots.Pivot pivot = pivots.pivot(parameters.query(), rowsOf(params.getFirst("rows")),
                columnsOf(params.getFirst("columns")), measureOf(params.getFirst("measure")), limitOf(params.getFirst("limit")), locale);
        String format = params.getFirst("format");
        return "csv".equals(format) || "xlsx".equals(format) ? io.partnerpulse.kpi.Pivots.wide(pivot) : pivot;
    }

    static Dimension rowsOf(String value) {
        List<String> allowed = io.partnerpulse.kpi.Pivots.thingNames();
        return Dimension.byApiName(value == null ? "" : value).filter(d -> !d.isTime()).orElseThrow(() -> ApiError.invalidParameter("rows",
                "rows must be one of " + allowed + (value == null ? "" : ", was '" + KpiParameters.shorten(value) + "'") + ".", allowed));
    }

    static io.partnerpulse.kpi.Pivots.Columns columnsOf(String value) {
        List<String> allowed = java.util.Arrays.stream(io.partnerpulse.kpi.Pivots.Columns.values()).map(io.partnerpulse.kpi.Pivots.Columns::apiName).toList();
        return value == null || value.isBlank() ? io.partnerpulse.kpi.Pivots.Columns.MONTH : io.partnerpulse.kpi.Pivots.Columns.byApiName(value)
                .orElseThrow(() -> ApiError.invalidParameter("columns", "columns must be one of " + allowed + ", was '" + KpiParameters.shorten(value) + "'.", allowed));
    }

    static io.partnerpulse.kpi.Pivots.Measure measureOf(String value) {
        List<String> allowed = java.util.Arrays.stream(io.partnerpulse.kpi.Pivots.Measure.values()).map(io.partnerpulse.kpi.Pivots.Measure::apiName).toList();
        return value == null || value.isBlank() ? io.partnerpulse.kpi.Pivots.Measure.WON_REVENUE : io.partnerpulse.kpi.Pivots.Measure.byApiName(value)
                .orElseThrow(() -> ApiError.invalidParameter("measure", "measure must be one of " + allowed + ", was '" + KpiParameters.shorten(value) + "'.", allowed));
    }

    static int limitOf(String value) {
        if (value == null || value.isBlank()) {
            return 25;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= 500) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiError.invalidParameter("limit", "limit is a whole number from 1 to 500, was '" + KpiParameters.shorten(value) + "'.", null);
    }

    @GetMapping
    @Operation(summary = "KPIs for a period, program-wide or grouped",
            description = "All eight KPIs (average deal size, deal count, won revenue, pipeline, close rate, win rate, sales cycle, "
                    + "sales velocity, quality score when grouped by partner, deal success) for [from, to) in the organization's "
                    + "time zone. Ratios with a zero denominator have the value null.",
            parameters = {
                    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, description = "First day, ISO date", example = "2026-01-01"),
                    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, description = "Day after the last, ISO date (exclusive)", example = "2026-04-01"),
                    @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "partner, tier, distributor, employee, department, unit, channel, channelType, campaign, country, region, city, productLine, month, monthOfYear or season"),
                    @Parameter(name = "compare", in = ParameterIn.QUERY, description = "previous, lastYear (comma-separated)"),
                    @Parameter(name = "closeRate", in = ParameterIn.QUERY, description = "cohort (default) or winRate"),
                    @Parameter(name = "averageDealSize", in = ParameterIn.QUERY, description = "perDeal (default) or perCustomer"),
                    @Parameter(name = "partnerId", in = ParameterIn.QUERY, description = "Filter; also tier, distributorId, employeeId, departmentId, unitId, channelId, channelType, campaignId, country, region, city, productLine")})
    KpiReport kpis(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        return engine.report(new KpiParameters(params, KpiParameters.periodParameters()).query());
    }

    @GetMapping("/channels")
    @Operation(summary = "Marketing channels, channel types and campaigns",
            description = "Per channel, per channel type and per campaign: leads, opportunities, won deals and revenue, cohort close rate, spend, "
                    + "cost per lead, cost per won deal, ROI and share of won revenue, for [from, to).",
            parameters = {
                    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, example = "2026-01-01"),
                    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, example = "2026-04-01")})
    ChannelReport channels(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        KpiParameters parameters = new KpiParameters(params, List.of("from", "to"));
        return engine.channels(parameters.query());
    }

    @GetMapping("/pipeline")
    @Operation(summary = "The open pipeline as of an instant, by stage",
            parameters = {
                    @Parameter(name = "at", in = ParameterIn.QUERY, required = true,
                            description = "ISO date (its start in the organization's time zone) or date-time with offset", example = "2026-04-01"),
                    @Parameter(name = "groupBy", in = ParameterIn.QUERY, description = "Any grouping but month, monthOfYear and season")})
    PipelineReport pipeline(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        KpiParameters parameters = new KpiParameters(params, List.of("at", "groupBy"));
        return engine.pipeline(instant(parameters.single("at", true)), parameters.filters(), parameters.groupBy(true));
    }

    @GetMapping("/{kpi}/records")
    @Operation(summary = "The records behind a KPI number",
            description = "The deals, leads or registrations that make up a KPI for [from, to), paged. With groupBy and group, only "
                    + "that group's records. kpi is one of averageDealSize, dealCount, wonRevenue, salesCycleDays, qualityScore, "
                    + "winRate, closeRate, pipeline, dealSuccess.",
            parameters = {
                    @Parameter(name = "from", in = ParameterIn.QUERY, required = true, example = "2026-01-01"),
                    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, example = "2026-04-01"),
                    @Parameter(name = "groupBy", in = ParameterIn.QUERY),
                    @Parameter(name = "group", in = ParameterIn.QUERY, description = "The key of one group, as the KPI report shows it"),
                    @Parameter(name = "page", in = ParameterIn.QUERY, description = "From 0"),
                    @Parameter(name = "size", in = ParameterIn.QUERY, description = "1 to 500, default 50")})
    RecordsPage records(@PathVariable String kpi,
                        @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> params) {
        if (!KpiEngine.drillableKpis().contains(kpi)) {
            String detail = kpi.equals("salesVelocity")
                    ? "Sales velocity is a product of other KPIs; drill into pipeline, averageDealSize, winRate or salesCycleDays."
                    : "kpi must be one of " + KpiEngine.drillableKpis() + ", was '" + KpiParameters.shorten(kpi) + "'.";
            throw ApiError.invalidParameter("kpi", detail, KpiEngine.drillableKpis());
        }
        KpiParameters parameters = new KpiParameters(params, KpiParameters.periodParameters("group", "page", "size"));
        KpiQuery query = parameters.query();
        String group = parameters.single("group", false);
        if (group != null) {
            if (query.groupBy() == null) {
                throw ApiError.invalidParameter("group", "group needs groupBy to say what it is a group of.", null);
            }
            if (query.groupBy() == Dimension.MONTH) {
                throw ApiError.invalidParameter("groupBy", "For one month, ask for that month's from and to instead of groupBy=month.", null);
            }
            if (!engine.isGroupName(query.groupBy(), group)) {
                throw ApiError.invalidParameter("group", "'" + KpiParameters.shorten(group) + "' is not a " + query.groupBy().apiName() + " key.", null);
            }
        }
        return engine.records(kpi, query, group, io.partnerpulse.shared.Exports.requested() ? 0 : parameters.integer("page", 0, 0, 1_000_000),
                io.partnerpulse.shared.Exports.requested() ? io.partnerpulse.shared.Exports.MAX_ROWS : parameters.integer("size", 50, 1, 500));
    }

    private Instant instant(String value) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(organization.timeZone()).toInstant();
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(value).atZone(organization.timeZone()).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw ApiError.invalidParameter("at", "at must be an ISO date (2026-04-01) or date-time (2026-04-01T12:00:00Z), was '"
                    + KpiParameters.shorten(value) + "'.", null);
        }
    }
}
