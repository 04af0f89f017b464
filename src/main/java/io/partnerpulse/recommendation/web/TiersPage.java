package io.partnerpulse.recommendation.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.TierRequirements;
import io.partnerpulse.partner.TierRequirements.RequirementForm;
import io.partnerpulse.recommendation.TierStandings;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tiers page: what each tier requires (staff change it, a tier at a time) and where every active
 * partner stands against it — qualifying for a better tier, meeting its own, or below it and by how much.
 */
@Controller
class TiersPage {

    private final TierRequirements requirements;
    private final TierStandings standings;
    private final OrganizationSettings organization;
    private final MessageSource messages;

    TiersPage(TierRequirements requirements, TierStandings standings, OrganizationSettings organization, MessageSource messages) {
        this.requirements = requirements;
        this.standings = standings;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/tiers")
    String show(@RequestParam(required = false) String status, Model model, Locale locale) {
        TierStandings.Status chosen = null;
        for (TierStandings.Status s : TierStandings.Status.values()) {
            if (s.name().equals(status)) {
                chosen = s;
            }
        }
        List<TierStandings.Standing> all = standings.standings(null, null);
        Map<TierStandings.Status, Long> counts = new LinkedHashMap<>();
        for (TierStandings.Status s : TierStandings.Status.values()) {
            counts.put(s, all.stream().filter(t -> t.status() == s).count());
        }
        TierStandings.Status filter = chosen;
        List<TierStandings.Standing> shown = all.stream().filter(t -> filter == null || t.status() == filter).toList();
        Format format = new Format(locale, organization.currency());
        Map<Long, String> said = new java.util.HashMap<>();
        shown.forEach(t -> said.put(t.partnerId(), TierStandings.said(t, messages, format, locale)));
        model.addAttribute("standings", shown);
        model.addAttribute("said", said);
        model.addAttribute("counts", counts);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", TierStandings.Status.values());
        model.addAttribute("requirements", requirements.list());
        model.addAttribute("format", format);
        model.addAttribute("currency", organization.currency());
        return "tiers";
    }

    /** Changes a tier's requirements at the version the page showed; what is wrong is said in the flash, nothing changes. */
    @PostMapping("/tiers/{tier}")
    String edit(@PathVariable PartnerTier tier, @RequestParam(defaultValue = "") String minWonRevenue,
                @RequestParam(defaultValue = "") String minWonDeals, @RequestParam(defaultValue = "") String months,
                @RequestParam(defaultValue = "") String minCertifiedPeople, @RequestParam long version, RedirectAttributes redirect, Locale locale) {
        try {
            BigDecimal revenue = Amounts.parse(minWonRevenue, BigDecimal.ZERO).orElseThrow(() -> ApiError.invalid("minWonRevenue",
                    messages.getMessage("funds.amount.invalid", new Object[] {minWonRevenue}, locale)));
            long deals = whole(minWonDeals, 0, 1_000_000, locale);
            int window = (int) whole(months, 1, 36, locale);
            // a form without the field (one from before it existed) keeps the certified people as they are
            Long people = minCertifiedPeople.isBlank() ? null : whole(minCertifiedPeople, 0, 10_000, locale);
            requirements.edit(tier, new RequirementForm(revenue, deals, window, people, version), version);
            redirect.addFlashAttribute("flash", messages.getMessage("tiers.saved",
                    new Object[] {messages.getMessage("tier." + tier.name(), null, locale)}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("action.failed",
                    new Object[] {String.join(" ", FormErrors.fields(e, messages, locale).values())}, locale));
        }
        return "redirect:/tiers";
    }

    private long whole(String text, long min, long max, Locale locale) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw ApiError.invalid("number", messages.getMessage("tiers.number", new Object[] {text, min, max}, locale));
    }
}
