package io.partnerpulse.recommendation.web;

import java.time.LocalDate;
import java.util.List;

import io.partnerpulse.recommendation.PartnerRamp;
import io.partnerpulse.recommendation.RecommendationProperties;
import io.partnerpulse.shared.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/onboarding")
@Tag(name = "Partner onboarding", description = "How fast partners start selling after they join: days to the first lead, the first "
        + "deal registration and the first won deal, per partner and per quarter of joining (staff and analysts).")
class OnboardingApi {

    private final PartnerRamp ramp;
    private final RecommendationProperties properties;

    OnboardingApi(PartnerRamp ramp, RecommendationProperties properties) {
        this.ramp = ramp;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "Each partner's way to its first sale, latest joined first; joinedFrom/joinedTo (ISO dates, to exclusive), "
            + "slow=true for those that won nothing within partnerpulse.recommendations.ramp-days of joining")
    List<PartnerRamp.Ramp> ramps(@RequestParam(required = false) String joinedFrom, @RequestParam(required = false) String joinedTo,
                                 @RequestParam(defaultValue = "false") boolean slow) {
        LocalDate from = date("joinedFrom", joinedFrom);
        LocalDate to = date("joinedTo", joinedTo);
        return slow ? ramp.slow(null, properties.rampDays(), from, to) : ramp.ramps(null, from, to);
    }

    @GetMapping("/cohorts")
    @Operation(summary = "Per quarter of joining: partners, how many registered a deal and won one, and the median days to the first win")
    List<PartnerRamp.Cohort> cohorts(@RequestParam(required = false) String joinedFrom, @RequestParam(required = false) String joinedTo) {
        return ramp.cohorts(date("joinedFrom", joinedFrom), date("joinedTo", joinedTo));
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiError.invalidParameter(name, name + " must be an ISO date such as 2026-01-01.", null);
        }
    }
}
