package io.partnerpulse.deal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.deal.RegistrationManagement;
import io.partnerpulse.deal.RegistrationOutcome;
import io.partnerpulse.deal.RegistrationRequests;
import io.partnerpulse.deal.RegistrationView;
import io.partnerpulse.deal.internal.RegistrationRepository;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.product.ProductLineManagement;
import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
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

/**
 * Deal registrations: staff see the queue (pending ones, oldest first, with their conflicts) and approve
 * or reject them; a partner user sees its own partner's registrations, newest first, with how each was
 * decided. Both can register a deal from the form on the page (a partner user for its own partner).
 */
@Controller
class RegistrationQueuePage {

    private final RegistrationManagement registrations;
    private final PartnerDirectory partners;
    private final ProductLineManagement productLines;
    private final OrganizationSettings organization;
    private final CurrentActor actor;
    private final MessageSource messages;

    RegistrationQueuePage(RegistrationManagement registrations, PartnerDirectory partners, ProductLineManagement productLines,
                          OrganizationSettings organization, CurrentActor actor, MessageSource messages) {
        this.registrations = registrations;
        this.partners = partners;
        this.productLines = productLines;
        this.organization = organization;
        this.actor = actor;
        this.messages = messages;
    }

    /** What the registration form holds, as typed (kept when it comes back with its problems). */
    record Draft(String partnerId, String customerName, String estimatedAmount, String currency, Long productLineId) {
    }

    /**
     * {@code outcome}: one of the outcomes, or empty for all of them; without it staff see the pending
     * ones (the queue) and a partner user all of its own.
     */
    @GetMapping("/registrations")
    String queue(@RequestParam(required = false) String outcome, @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        return show(model, locale, outcome, page, new Draft("", "", "", organization.currency(), null), Map.of());
    }

    @PostMapping("/registrations/submit")
    String submit(@RequestParam(required = false) String partnerId, @RequestParam(required = false) String customerName,
                  @RequestParam(required = false) String estimatedAmount, @RequestParam(required = false) String currency,
                  @RequestParam(required = false) Long productLineId, Model model, Locale locale, RedirectAttributes flash) {
        Draft draft = new Draft(partnerId, customerName, estimatedAmount, currency, productLineId);
        try {
            // every field the page can check is named at once, not one per submit
            List<ApiError.FieldProblem> problems = new java.util.ArrayList<>();
            Long partner = actor.partner().orElseGet(() -> partnerId(partnerId));
            if (partner == null) {
                problems.add(new ApiError.FieldProblem("partnerId", messages.getMessage("registrations.partner.required", null, locale)));
            }
            java.util.Optional<java.math.BigDecimal> parsed = estimatedAmount == null || estimatedAmount.isBlank() ? java.util.Optional.empty()
                    : Amounts.parse(estimatedAmount, java.math.BigDecimal.ZERO);
            if (estimatedAmount != null && !estimatedAmount.isBlank() && parsed.isEmpty()) {
                problems.add(new ApiError.FieldProblem("estimatedAmount", messages.getMessage("registrations.amount.invalid", null, locale)));
            }
            if (customerName == null || customerName.isBlank()) {
                problems.add(new ApiError.FieldProblem("customerName", messages.getMessage("registrations.customer.required", null, locale)));
            }
            if (!problems.isEmpty()) {
                throw ApiError.invalid(problems);
            }
            java.math.BigDecimal amount = parsed.orElse(null);
            String code = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(Locale.ROOT);
            RegistrationView saved = registrations.submit(new RegistrationRequests.Submit(null, partner, customerName.trim(), null, productLineId,
                    amount, amount == null ? null : code, null, null));
            flash.addFlashAttribute(saved.outcome() == RegistrationOutcome.REJECTED ? "flashError" : "flash",
                    saved.outcome() == RegistrationOutcome.REJECTED
                            ? messages.getMessage("registrations.submitted.rejected", new Object[] {String.valueOf(saved.id()), saved.reason()}, locale)
                            : messages.getMessage("registrations.submitted.pending", new Object[] {String.valueOf(saved.id()),
                                    new Format(locale, organization.currency()).date(saved.expiresAt(), java.time.ZoneOffset.UTC)}, locale));
            return "redirect:/registrations";
        } catch (ApiError e) {
            return show(model, locale, null, 0, draft, FormErrors.fields(e, messages, locale));
        }
    }

    /** The partner staff register a deal for, by its id; null when the field holds none. */
    private static Long partnerId(String text) {
        try {
            long value = Long.parseLong(text == null ? "" : text.trim());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String show(Model model, Locale locale, String outcome, int page, Draft draft, Map<String, String> fieldErrors) {
        boolean partnerUser = actor.partner().isPresent();
        RegistrationOutcome chosen = outcome == null ? (partnerUser ? null : RegistrationOutcome.PENDING) : parse(outcome);
        Page<RegistrationView> shown = registrations.list(new RegistrationRepository.Filter(null, chosen == null ? null : List.of(chosen),
                null, null, null, null, null), chosen == RegistrationOutcome.PENDING ? "submittedAt" : "submittedAt,desc", Math.max(0, page), 50);
        model.addAttribute("registrations", shown);
        model.addAttribute("outcome", chosen);
        model.addAttribute("outcomes", RegistrationOutcome.values());
        model.addAttribute("partnerNames", partners.names(shown.items().stream().map(RegistrationView::partnerId).toList()));
        model.addAttribute("format", new Format(locale, organization.currency()));
        // a pending registration that lapses within a week is marked: decide it before it expires
        java.time.Instant now = java.time.Instant.now();
        model.addAttribute("now", now);
        model.addAttribute("soon", now.plus(java.time.Duration.ofDays(7)));
        model.addAttribute("productLines", productLines.list(null, null, 0, 500).items());
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        return "deal/registrations";
    }

    private static RegistrationOutcome parse(String outcome) {
        for (RegistrationOutcome value : RegistrationOutcome.values()) {
            if (value.name().equals(outcome)) {
                return value;
            }
        }
        return null;
    }

    @PostMapping("/registrations/{id}/approve")
    String approve(@PathVariable long id, @RequestParam long version, RedirectAttributes redirect, Locale locale,
                   @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        String message;
        boolean ok;
        try {
            registrations.approve(id, new RegistrationRequests.Approve(null, version), version);
            message = messages.getMessage("registrations.approved", new Object[] {String.valueOf(id)}, locale);
            ok = true;
        } catch (ApiError e) {
            message = FormErrors.failed(e, messages, locale);
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
            message = messages.getMessage("registrations.rejected", new Object[] {String.valueOf(id)}, locale);
            ok = true;
        } catch (ApiError e) {
            message = FormErrors.failed(e, messages, locale);
            ok = false;
        }
        return answer(htmx, model, redirect, message, ok);
    }
}
