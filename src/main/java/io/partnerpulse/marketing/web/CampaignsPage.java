package io.partnerpulse.marketing.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

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

/** The campaigns work page: campaigns by channel with their cost, spend recorded against them, and a form to add one. */
@Controller
class CampaignsPage {

    private final MarketingManagement marketing;
    private final OrganizationSettings organization;
    private final MessageSource messages;

    CampaignsPage(MarketingManagement marketing, OrganizationSettings organization, MessageSource messages) {
        this.marketing = marketing;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/campaigns")
    String list(@RequestParam(required = false) Long channelId, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        return show(model, locale, channelId, q, page, blank(channelId), Map.of());
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
        return show(model, locale, null, null, 0, form, FormErrors.byField(errors));
    }

    /** The list with the form filled in with a campaign, to change it. */
    @GetMapping("/campaigns/{id}/edit")
    String editForm(@PathVariable long id, Model model, Locale locale) {
        CampaignView c = marketing.campaign(id);
        model.addAttribute("editing", id);
        return show(model, locale, c.channelId(), null, 0, new CampaignForm(c.externalId(), c.name(), c.channelId(), c.partnerId(),
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
        return show(model, locale, null, null, 0, form, FormErrors.byField(errors));
    }

    private String show(Model model, Locale locale, Long channelId, String q, int page, CampaignForm draft, Map<String, String> fieldErrors) {
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
            redirect.addFlashAttribute("flashError", messages.getMessage("action.failed", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/campaigns";
    }
}
