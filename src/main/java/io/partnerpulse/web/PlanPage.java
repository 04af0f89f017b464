package io.partnerpulse.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.recommendation.Forecasts;
import io.partnerpulse.recommendation.Recommendation;
import io.partnerpulse.recommendation.Recommendations;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The plan of a scope for a period: its recommendations ranked by what acting on them is worth,
 * the forecast of its pipeline for the next three months against its targets, and the scorecard
 * (PDF, with the same plan) and the list (CSV, XLSX) to take away.
 */
@Controller
class PlanPage {

    private final Recommendations recommendations;
    private final Forecasts forecasts;
    private final OrganizationSettings organization;
    private final CurrentActor actor;
    private final io.partnerpulse.shared.References references;

    PlanPage(Recommendations recommendations, Forecasts forecasts, OrganizationSettings organization, CurrentActor actor,
             io.partnerpulse.shared.References references) {
        this.references = references;
        this.recommendations = recommendations;
        this.forecasts = forecasts;
        this.organization = organization;
        this.actor = actor;
    }

    @GetMapping("/plan")
    String plan(@RequestParam Map<String, String> params, Model model, Locale locale) {
        Selection selection = Selection.parse(params, LocalDate.now(organization.timeZone()));
        Recommendations.Scope scope;
        Long id;
        Map<Long, String> candidates = Map.of();
        if (actor.partner().isPresent()) {
            scope = Recommendations.Scope.PARTNER;
            id = actor.partner().get();
        } else {
            scope = switch (params.getOrDefault("scope", "program")) {
                case "partner" -> Recommendations.Scope.PARTNER;
                case "employee" -> Recommendations.Scope.EMPLOYEE;
                case "department" -> Recommendations.Scope.DEPARTMENT;
                case "unit" -> Recommendations.Scope.UNIT;
                default -> Recommendations.Scope.PROGRAM;
            };
            String name = params.get("name");
            if (scope != Recommendations.Scope.PROGRAM && name != null && !name.isBlank()) {
                // the form names whom the plan is for; several matches are offered
                io.partnerpulse.shared.References.Named named = references.named(kind(scope), name, 20, null);
                id = named.id();
                candidates = named.candidates();
                model.addAttribute("asked", name.strip());
            } else {
                id = scope == Recommendations.Scope.PROGRAM ? null : parse(params.get("id"));
            }
            if (id != null && !references.exists(kind(scope), id)) {
                id = null;
            }
            if (id == null) {
                scope = Recommendations.Scope.PROGRAM;
            }
        }
        List<Recommendation> ranked = recommendations.plan(scope, id, selection.from(), selection.to(), locale).stream()
                .sorted(Comparator.comparing((Recommendation r) -> r.expectedImpact() == null ? BigDecimal.ZERO : r.expectedImpact())
                        .reversed().thenComparing(Recommendation::severity))
                .toList();
        String scopeName = scope.name().toLowerCase(Locale.ROOT);
        model.addAttribute("whom", id == null ? null : references.names(kind(scope), List.of(id)).get(id));
        model.addAttribute("candidates", id == null ? candidates : Map.of());
        model.addAttribute("askedScope", params.getOrDefault("scope", "program"));
        model.addAttribute("selection", selection);
        model.addAttribute("periods", Selection.PERIODS);
        model.addAttribute("scope", scopeName);
        model.addAttribute("id", id);
        model.addAttribute("recommendations", ranked);
        model.addAttribute("forecast", forecasts.forecast(scope, id, null, Forecasts.PLAN_MONTHS, false));
        model.addAttribute("format", new Format(locale, organization.currency()));
        String query = "scope=" + scopeName + (id == null ? "" : "&id=" + id) + "&from=" + selection.from() + "&to=" + selection.to();
        model.addAttribute("apiQuery", query);
        model.addAttribute("scorecard", id == null ? "/scorecard.pdf?" + selection.query()
                : scope == Recommendations.Scope.PARTNER ? "/partners/" + id + "/scorecard.pdf?" + selection.query()
                : "/organization/" + scopeName + "/" + id + "/scorecard.pdf?" + selection.query());
        return "plan";
    }

    private static io.partnerpulse.shared.References.Kind kind(Recommendations.Scope scope) {
        return switch (scope) {
            case PARTNER -> io.partnerpulse.shared.References.Kind.PARTNER;
            case EMPLOYEE -> io.partnerpulse.shared.References.Kind.EMPLOYEE;
            case DEPARTMENT -> io.partnerpulse.shared.References.Kind.DEPARTMENT;
            case UNIT -> io.partnerpulse.shared.References.Kind.UNIT;
            case PROGRAM -> throw new IllegalArgumentException("the program is no record");
        };
    }

    private static Long parse(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
