package io.partnerpulse.recommendation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.recommendation.Forecasts;
import io.partnerpulse.recommendation.Recommendations;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/forecast")
@Tag(name = "Forecast", description = "Expected won revenue and deals for the coming months from the open pipeline, with a 90% range, "
        + "set against targets; and the same forecast made at a past day against what then happened")
class ForecastApi {

    private final Forecasts forecasts;
    private final CurrentActor actor;

    ForecastApi(Forecasts forecasts, CurrentActor actor) {
        this.forecasts = forecasts;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "The forecast for scope=program|partner|employee|department|unit (id for all but program), months ahead (1–24)")
    Forecasts.Forecast forecast(@RequestParam(defaultValue = "program") String scope, @RequestParam(required = false) Long id,
                                @RequestParam(defaultValue = "3") int months) {
        Recommendations.Scope kind = scope(scope);
        return forecasts.forecast(kind, own(kind, id), null, months, false);
    }

    @GetMapping("/backtest")
    @Operation(summary = "The forecast as it would have been made at asOf (a past day), with what the pipeline of that day then won")
    Forecasts.Forecast backtest(@RequestParam(defaultValue = "program") String scope, @RequestParam(required = false) Long id,
                                @RequestParam(required = false) String asOf, @RequestParam(defaultValue = "3") int months) {
        Recommendations.Scope kind = scope(scope);
        LocalDate day;
        try {
            day = LocalDate.parse(asOf);
        } catch (RuntimeException e) {
            throw ApiError.invalidParameter("asOf", "asOf must be an ISO date such as 2026-01-01.", null);
        }
        return forecasts.forecast(kind, own(kind, id), day, months, true);
    }

    private Long own(Recommendations.Scope kind, Long id) {
        if (actor.partner().isEmpty()) {
            return id;
        }
        if (kind != Recommendations.Scope.PARTNER) {
            actor.requireStaff();
        }
        Long asked = id == null ? actor.partner().get() : id;
        actor.partnerFilter(List.of(asked));
        return asked;
    }

    static Recommendations.Scope scope(String scope) {
        try {
            return Recommendations.Scope.valueOf(scope.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidParameter("scope", "scope is program, partner, employee, department or unit",
                    List.of("program", "partner", "employee", "department", "unit"));
        }
    }
}
