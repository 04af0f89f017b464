package io.partnerpulse.lead.web;

import java.util.List;
import java.util.Locale;

import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.lead.LeadRequests;
import io.partnerpulse.lead.LeadStatus;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.lead.internal.LeadRepository;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leads work page: open leads to qualify, disqualify, or route to partners by the distribution rules. */
@Controller
class LeadsPage {

    private final LeadManagement leads;
    private final PartnerDirectory partners;
    private final MessageSource messages;
    private final OrganizationSettings organization;

    LeadsPage(LeadManagement leads, PartnerDirectory partners, OrganizationSettings organization, MessageSource messages) {
        this.leads = leads;
        this.organization = organization;
        this.partners = partners;
        this.messages = messages;
    }

    @GetMapping("/leads")
    String list(@RequestParam(required = false) LeadStatus status, @RequestParam(required = false) Boolean unassigned,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        List<LeadStatus> statuses = status != null ? List.of(status) : List.of(LeadStatus.NEW, LeadStatus.QUALIFIED);
        Page<LeadView> found = leads.list(new LeadRepository.Filter(null, null, statuses, null, null, null, unassigned, null, null, q),
                null, Math.max(0, page), 50);
        model.addAttribute("leads", found);
        model.addAttribute("partnerNames", partners.names(found.items().stream().map(LeadView::partnerId).filter(id -> id != null).toList()));
        model.addAttribute("status", status);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("unassigned", unassigned);
        model.addAttribute("q", q);
        model.addAttribute("currency", organization.currency());
        return "lead/list";
    }

    @PostMapping("/leads/{id}/qualify")
    String qualify(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect, Locale locale) {
        return run(() -> leads.qualify(id, version), "leads.qualified", id, redirect, locale);
    }

    @PostMapping("/leads/{id}/disqualify")
    String disqualify(@PathVariable long id, @RequestParam long version, @RequestParam String reason, RedirectAttributes redirect,
                      Locale locale) {
        return run(() -> {
            if (reason.isBlank()) {
                throw ApiError.invalid("reason", messages.getMessage("leads.reason", null, locale));
            }
            leads.disqualify(id, new LeadRequests.Disqualify(reason.trim(), version), version);
        }, "leads.disqualified", id, redirect, locale);
    }

    /** Turns a qualified lead into a deal worth {@code amount}, named after the company, keeping its partner, channel and place. */
    @PostMapping("/leads/{id}/convert")
    String convert(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String amount,
                   @RequestParam(required = false) String currency, RedirectAttributes redirect, Locale locale) {
        try {
            java.math.BigDecimal value = Amounts.parse(amount, java.math.BigDecimal.ZERO).orElseThrow(() ->
                    ApiError.invalid("amount", messages.getMessage("leads.amount.invalid", null, locale)));
            String code = currency == null || currency.isBlank() ? organization.currency() : currency.trim().toUpperCase(Locale.ROOT);
            LeadView lead = leads.get(id);
            LeadView converted = leads.convert(id, new LeadRequests.Convert(lead.companyName(), value, code, null, null, null, null, version),
                    version);
            redirect.addFlashAttribute("flash", messages.getMessage("leads.converted", new Object[] {String.valueOf(id), String.valueOf(converted.opportunityId())}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/leads";
    }

    @PostMapping("/leads/distribute")
    String distribute(RedirectAttributes redirect, Locale locale) {
        try {
            int routed = leads.distribute(new LeadRequests.Distribute(null, 500)).size();
            redirect.addFlashAttribute("flash", messages.getMessage("leads.routed", new Object[] {routed}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/leads";
    }

    private String run(Runnable action, String done, long id, RedirectAttributes redirect, Locale locale) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(done, new Object[] {String.valueOf(id)}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/leads";
    }
}
