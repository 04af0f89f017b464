package io.partnerpulse.recommendation.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.recommendation.PartnerRamp;
import io.partnerpulse.recommendation.RecommendationProperties;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The onboarding page: per quarter of joining, how many partners registered a deal and won one and how
 * fast; each partner's days to its first lead, registration and won deal, those slow to start marked
 * (and named in the plan).
 */
@Controller
class OnboardingPage {

    private final PartnerRamp ramp;
    private final RecommendationProperties properties;
    private final OrganizationSettings organization;

    OnboardingPage(PartnerRamp ramp, RecommendationProperties properties, OrganizationSettings organization) {
        this.ramp = ramp;
        this.properties = properties;
        this.organization = organization;
    }

    @GetMapping("/onboarding")
    String show(@RequestParam(required = false) String from, @RequestParam(required = false) String through,
                @RequestParam(defaultValue = "false") boolean slow, Model model, Locale locale) {
        LocalDate today = LocalDate.now(organization.timeZone());
        LocalDate joinedFrom = parse(from, LocalDate.of(today.getYear() - 2, 1, 1));
        LocalDate joinedThrough = parse(through, today);
        if (joinedThrough.isBefore(joinedFrom)) {
            joinedThrough = joinedFrom;
        }
        LocalDate joinedTo = joinedThrough.plusDays(1);
        List<PartnerRamp.Ramp> ramps = slow ? ramp.slow(null, properties.rampDays(), joinedFrom, joinedTo) : ramp.ramps(null, joinedFrom, joinedTo);
        model.addAttribute("cohorts", ramp.cohorts(joinedFrom, joinedTo));
        model.addAttribute("ramps", ramps);
        model.addAttribute("from", joinedFrom);
        model.addAttribute("through", joinedThrough);
        model.addAttribute("slow", slow);
        model.addAttribute("rampDays", properties.rampDays());
        model.addAttribute("format", new Format(locale, organization.currency()));
        model.addAttribute("export", "/api/v1/onboarding?joinedFrom=" + joinedFrom + "&joinedTo=" + joinedTo + (slow ? "&slow=true" : ""));
        return "onboarding";
    }

    private static LocalDate parse(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return fallback;
        }
    }
}
