package io.partnerpulse.deal.web;

import java.util.List;
import java.util.Locale;

import io.partnerpulse.deal.RegistrationManagement;
import io.partnerpulse.deal.RegistrationOutcome;
import io.partnerpulse.deal.RegistrationRequests;
import io.partnerpulse.deal.RegistrationView;
import io.partnerpulse.deal.internal.RegistrationRepository;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.Format;
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

/** The registration queue: pending registrations with their conflicts, approved or rejected with a reason. */
@Controller
class RegistrationQueuePage {

    private final RegistrationManagement registrations;
    private final PartnerDirectory partners;
    private final OrganizationSettings organization;
    private final MessageSource messages;

    RegistrationQueuePage(RegistrationManagement registrations, PartnerDirectory partners, OrganizationSettings organization,
                          MessageSource messages) {
        this.registrations = registrations;
        this.partners = partners;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/registrations")
    String queue(@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        Page<RegistrationView> pending = registrations.list(new RegistrationRepository.Filter(null, List.of(RegistrationOutcome.PENDING),
                null, null, null, null, null), "submittedAt", Math.max(0, page), 50);
        model.addAttribute("registrations", pending);
        model.addAttribute("partnerNames", partners.names(pending.items().stream().map(RegistrationView::partnerId).toList()));
        model.addAttribute("format", new Format(locale, organization.currency()));
        return "deal/registrations";
    }

    @PostMapping("/registrations/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect, Locale locale,
                   @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String message;
        boolean ok;
        try {
            registrations.approve(id, new RegistrationRequests.Approve(null, version), version);
            message = messages.getMessage("registrations.approved", new Object[] {id}, locale);
            ok = true;
        } catch (ApiError e) {
            message = messages.getMessage("action.failed", new Object[] {e.getMessage()}, locale);
            ok = false;
        }
        return answer(htmx, model, redirect, message, ok);
    }

    /** htmx swaps the row for the outcome in place; a plain form post goes back to the queue. */
    private static String answer(String htmx, Model model, RedirectAttributes redirect, String message, boolean ok) {
        if (htmx != null) {
            model.addAttribute("message", message);
            model.addAttribute("ok", ok);
            return "deal/registrations :: outcome";
        }
        redirect.addFlashAttribute(ok ? "flash" : "flashError", message);
        return "redirect:/registrations";
    }

    @PostMapping("/registrations/{id}/reject")
    String reject(@PathVariable long id, @RequestParam long version, @RequestParam String reason, RedirectAttributes redirect,
                  Locale locale, @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        String message;
        boolean ok;
        try {
            if (reason.isBlank()) {
                throw ApiError.invalid("reason", messages.getMessage("registrations.reason", null, locale));
            }
            registrations.reject(id, new RegistrationRequests.Reject(reason.trim(), version), version);
            message = messages.getMessage("registrations.rejected", new Object[] {id}, locale);
            ok = true;
        } catch (ApiError e) {
            message = messages.getMessage("action.failed", new Object[] {e.getMessage()}, locale);
            ok = false;
        }
        return answer(htmx, model, redirect, message, ok);
    }
}
