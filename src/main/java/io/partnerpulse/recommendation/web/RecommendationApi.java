package io.partnerpulse.recommendation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.recommendation.Recommendation;
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
@RequestMapping("/api/v1/recommendations")
@Tag(name = "Recommendations", description = "The recommendation plan of a scope for a period, each with the KPI, its value, "
        + "the comparison that triggered it and the evidence, ranked by severity and expected impact")
class RecommendationApi {

    private final Recommendations recommendations;
    private final CurrentActor actor;

    RecommendationApi(Recommendations recommendations, CurrentActor actor) {
        this.recommendations = recommendations;
        this.actor = actor;
    }

    @GetMapping
    @Operation(summary = "Recommendations for scope=program|partner|employee|department|unit (id for all but program), from, to (exclusive)")
    List<Recommendation> plan(@RequestParam(defaultValue = "program") String scope, @RequestParam(required = false) Long id,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale) {
        Recommendations.Scope kind = ForecastApi.scope(scope);
        if (actor.partner().isPresent()) {
            if (kind != Recommendations.Scope.PARTNER) {
                actor.requireStaff(); // a partner user has its own partner's plan, not the program's
            }
            id = id == null ? actor.partner().get() : id;
            actor.partnerFilter(List.of(id));
        }
        return recommendations.plan(kind, id, date("from", from), date("to", to), locale);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw ApiError.invalidParameter(name, name + " must be an ISO date such as 2026-01-01.", null);
        }
    }
}
