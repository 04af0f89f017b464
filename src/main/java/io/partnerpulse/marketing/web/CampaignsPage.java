package io.partnerpulse.marketing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.marketing.MarketingManagement;
import io.partnerpulse.marketing.MarketingRecords;
import io.partnerpulse.marketing.MarketingRecords.CampaignForm;
import io.partnerpulse.marketing.MarketingRecords.CampaignView;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.OrganizationSettings;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaigns work page: campaigns by channel with their cost and what each brought in over a period
 * (leads, won deals and revenue against its spend in the period: the marketing channels KPI per
 * campaign), spend recorded against them, and a form to add one.
 */
@Controller
class CampaignsPage {

    /** How many campaigns the chart compares: the period's best by won revenue. */
    static final int CHART_CAMPAIGNS = 10;

    private final MarketingManagement marketing;
    private final Kpis kpis;
    private final OrganizationSettings organization;
    private final MessageSource messages;
    private final io.partnerpulse.shared.FormValidation forms;
    private final JsonMapper json;

    CampaignsPage(MarketingManagement marketing, Kpis kpis, OrganizationSettings organization, MessageSource messages, JsonMapper json,
                  io.partnerpulse.shared.FormValidation forms) {
        this.forms = forms;
        this.marketing = marketing;
        this.kpis = kpis;
        this.organization = organization;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) Long channelId, @RequestParam(required = false) String q,
                @RequestParam(required = false) String from, @RequestParam(required = false) String through,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        return show(model, locale, channelId, q, page, from, through, blank(channelId), Map.of());
    }

    /**
     * What each campaign brought in from {@code from} through {@code through} (both days included), by
     * default the last twelve months with this one: {@code results} by campaign id, the period, and
     * the chart's data (the period's campaigns with the most won revenue among those the search
     * {@code q} names, as the list below it, their revenue beside their spend), which the page's script draws.
     */
    private void results(Model model, Locale locale, Long channelId, String q, String from, String through) {
        YearMonth month = YearMonth.now(organization.timeZone());
        LocalDate start = day(from, month.minusMonths(11).atDay(1));
        LocalDate end = day(through, month.atEndOfMonth()).plusDays(1);
        if (!start.isBefore(end)) {
            end = start.plusDays(1);
        }
        KpiQuery query = KpiQuery.of(start, end);
        if (channelId != null) {
            query = query.withFilters(Map.of(Dimension.CHANNEL, List.of(channelId.toString())));
        }
        ChannelReport report = kpis.channels(query);
        List<ChannelReport.Row> campaigns = report.campaigns().stream().filter(row -> !"none".equals(row.key())).toList();
        Map<Long, ChannelReport.Row> byCampaign = new HashMap<>();
        campaigns.forEach(row -> byCampaign.put(Long.valueOf(row.key()), row));
        model.addAttribute("results", byCampaign);
        // the list's search: a name holding the text, any case
        String searched = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
        List<ChannelReport.Row> best = campaigns.stream().filter(row -> row.wonRevenue().signum() > 0)
                .filter(row -> searched == null || row.label().toLowerCase(Locale.ROOT).contains(searched))
                .sorted(Comparator.comparing(ChannelReport.Row::wonRevenue).reversed()).limit(CHART_CAMPAIGNS).toList();
        model.addAttribute("chart", best.isEmpty() ? null : json.writeValueAsString(Map.of(
                "currency", report.currency(),
                "names", best.stream().map(ChannelReport.Row::label).toList(),
                "revenue", best.stream().map(ChannelReport.Row::wonRevenue).toList(),
                "spend", best.stream().map(ChannelReport.Row::spend).toList(),
                "series", List.of(messages.getMessage("campaigns.results.revenue", null, locale),
                        messages.getMessage("campaigns.results.spend", null, locale)))));
        model.addAttribute("from", start);
        model.addAttribute("through", end.minusDays(1));
        model.addAttribute("to", end);
    }

    /** A date typed into the period's fields; what is not one is the default (the page never fails on it). */
    private static LocalDate day(String value, LocalDate fallback) {
        try {
            LocalDate day = value == null || value.isBlank() ? fallback : LocalDate.parse(value.strip());
            return day.getYear() >= 1900 && day.getYear() <= 2200 ? day : fallback;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    @PostMapping("/campaigns")
    String create(@Valid @ModelAttribute("form") CampaignForm form, BindingResult errors, Model model, Locale locale,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                CampaignView created = marketing.createCampaign(form);
                redirect.addFlashAttribute("flash", messages.getMessage("campaigns.created", new Object[] {created.name()}, locale));
                return "redirect:/campaigns?channelId=" + created.channelId();
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        return show(model, locale, null, null, 0, null, null, form, FormErrors.byField(forms.completed(errors, CampaignForm.class), messages, locale));
    }

    /** The list with the form filled in with a campaign, to change it. */
    @GetMapping("/campaigns/{id}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale) {
        CampaignView c = marketing.campaign(id);
        model.addAttribute("editing", id);
        return show(model, locale, c.channelId(), null, 0, null, null, new CampaignForm(c.externalId(), c.name(), c.channelId(), c.partnerId(),
                c.startsOn(), c.endsOn(), c.cost(), c.currency(), c.version()), Map.of());
    }

    /** Saves a changed campaign at the version the form showed; bad fields are named beside them, a stale version writes nothing. */
    @PostMapping("/campaigns/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForm form, BindingResult errors, Model model, Locale locale,
                RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                if (form.version() == null) {
                    throw ApiError.versionRequired();
                }
                CampaignView saved = marketing.editCampaign(id, form, form.version());
                redirect.addFlashAttribute("flash", messages.getMessage("campaigns.saved", new Object[] {saved.name()}, locale));
                return "redirect:/campaigns?channelId=" + saved.channelId();
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        model.addAttribute("editing", id);
        return show(model, locale, null, null, 0, null, null, form, FormErrors.byField(forms.completed(errors, CampaignForm.class), messages, locale));
    }

    /** The page: the campaigns asked for, what they brought in over the period asked for (the default when null), the form. */
    private String show(Model model, Locale locale, Long channelId, String q, int page, String from, String through, CampaignForm draft,
                        Map<String, String> fieldErrors) {
        results(model, locale, channelId, q, from, through);
        model.addAttribute("campaigns", marketing.campaigns(channelId, null, null, q, null, Math.max(0, page), 50));
        model.addAttribute("channels", marketing.channels(null, null, "name", 0, 500).items());
        model.addAttribute("channelId", channelId);
        model.addAttribute("q", q);
        model.addAttribute("format", new Format(locale, organization.currency()));
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        return "marketing/campaigns";
    }

    private CampaignForm blank(Long channelId) {
        return new CampaignForm(null, "", channelId, null, null, null, null, organization.currency(), null);
    }

    @PostMapping("/campaigns/{id}/spend")
    String spend(@PathVariable long id, @RequestParam long version, @RequestParam String amount, @RequestParam(required = false) String note,
                 RedirectAttributes redirect, Locale locale) {
        try {
            BigDecimal value = Amounts.parse(amount, new BigDecimal("0.01")).orElseThrow(() ->
                    ApiError.invalid("amount", messages.getMessage("campaigns.amount.invalid", null, locale)));
            marketing.recordSpend(id, new MarketingRecords.Spend(value, note, version), version);
            redirect.addFlashAttribute("flash", messages.getMessage("campaigns.recorded", new Object[] {String.valueOf(id)}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/campaigns";
    }
}
