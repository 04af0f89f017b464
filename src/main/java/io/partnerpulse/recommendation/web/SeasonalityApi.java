package io.partnerpulse.recommendation.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.recommendation.Seasonality;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/seasonality")
@Tag(name = "Seasonality", description = "Seasonal indexes by month of the year from whole years of history, and a period's value "
        + "against the seasonally expected one")
class SeasonalityApi {

    private final Seasonality seasonality;
    private final CurrentActor actor;

    SeasonalityApi(Seasonality seasonality, CurrentActor actor) {
        this.seasonality = seasonality;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "The index of each calendar month (1.00 = an average month) of dealCount, wonRevenue or closeRate, over `years` "
            + "whole years, narrowed by productLine (id), hemisphere (N or S), region, partnerId, employeeId, departmentId or unitId")
    Seasonality.SeasonalIndex index(@RequestParam(defaultValue = "dealCount") String metric, @RequestParam(required = false) Long productLine,
                                    @RequestParam(required = false) String hemisphere, @RequestParam(required = false) String region,
                                    @RequestParam(required = false) Long partnerId, @RequestParam(required = false) Long employeeId,
                                    @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long unitId,
                                    @RequestParam(defaultValue = "3") int years) {
        return seasonality.index(metric(metric), filters(productLine, region, partnerId, employeeId, departmentId, unitId), hemisphere, years);
    }

    @GetMapping("/expected")
    @Operation(summary = "The value of [from, to) beside the previous period's value scaled by the seasonal index")
    Seasonality.Expectation expected(@RequestParam(defaultValue = "dealCount") String metric, @RequestParam String from,
                                     @RequestParam String to, @RequestParam(required = false) Long productLine,
                                     @RequestParam(required = false) String hemisphere, @RequestParam(required = false) String region,
                                     @RequestParam(required = false) Long partnerId, @RequestParam(required = false) Long employeeId,
                                     @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long unitId,
                                     @RequestParam(defaultValue = "3") int years) {
        Seasonality.Metric m = metric(metric);
        Map<Dimension, List<String>> filters = filters(productLine, region, partnerId, employeeId, departmentId, unitId);
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (!start.isBefore(end)) {
            throw ApiError.invalidParameter("from", "from must be before to; to is exclusive.", null);
        }
        return seasonality.expectation(m, filters, seasonality.index(m, filters, hemisphere, years), start, end);
    }

    private Map<Dimension, List<String>> filters(Long productLine, String region, Long partnerId, Long employeeId, Long departmentId,
                                                 Long unitId) {
        Map<Dimension, List<String>> filters = new HashMap<>();
        List<Long> partners = actor.partnerFilter(partnerId == null ? null : List.of(partnerId));
        if (partners != null && !partners.isEmpty()) {
            filters.put(Dimension.PARTNER, partners.stream().map(String::valueOf).toList());
        }
        put(filters, Dimension.PRODUCT_LINE, productLine);
        put(filters, Dimension.EMPLOYEE, employeeId);
        put(filters, Dimension.DEPARTMENT, departmentId);
        put(filters, Dimension.UNIT, unitId);
        if (region != null && !region.isBlank()) {
            filters.put(Dimension.REGION, List.of(region.trim()));
        }
        return filters;
    }

    private static void put(Map<Dimension, List<String>> filters, Dimension dimension, Long id) {
        if (id != null) {
            filters.put(dimension, List.of(id.toString()));
        }
    }

    static Seasonality.Metric metric(String metric) {
        return switch (metric) {
            case "dealCount" -> Seasonality.Metric.DEAL_COUNT;
            case "wonRevenue" -> Seasonality.Metric.WON_REVENUE;
            case "closeRate" -> Seasonality.Metric.CLOSE_RATE;
            default -> throw ApiError.invalidParameter("metric", "metric is dealCount, wonRevenue or closeRate",
                    List.of("dealCount", "wonRevenue", "closeRate"));
        };
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw ApiError.invalidParameter(name, name + " must be an ISO date such as 2026-01-01.", null);
        }
    }
}
