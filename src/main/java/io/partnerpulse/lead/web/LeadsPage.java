package io.partnerpulse.lead.web;

import java.util.List;
import java.util.Locale;

import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.lead.LeadRequests;
import io.partnerpulse.lead.LeadStatus;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.lead.internal.LeadRepository;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.shared.ApiError;
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

    LeadsPage(LeadManagement leads, PartnerDirectory partners, MessageSource messages) {
        this.leads = leads;
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

    @PostMapping("/leads/distribute")
    String distribute(RedirectAttributes redirect, Locale locale) {
        try {
            int routed = leads.distribute(new LeadRequests.Distribute(null, 500)).size();
            redirect.addFlashAttribute("flash", messages.getMessage("leads.routed", new Object[] {routed}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("action.failed", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/leads";
    }

    private String run(Runnable action, String done, long id, RedirectAttributes redirect, Locale locale) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", messages.getMessage(done, new Object[] {id}, locale));
        } catch (ApiError e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("action.failed", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/leads";
    }
}
