package io.partnerpulse.partner.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.partner.Certification;
import io.partnerpulse.partner.Certifications;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.FormText;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References.Kind;
import io.partnerpulse.shared.TypedNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The certifications page: partners' certified people, those expiring or expired first found by a
 * status, one partner's (linked from its page and the tiers), and for staff a form to record one
 * (partner typed by name) and a button to remove one recorded by mistake.
 */
@Controller
class CertificationsPage {

    private final Certifications certifications;
    private final PartnerManagement partners;
    private final CurrentActor actor;
    private final TypedNames names;
    private final MessageSource messages;
    private final jakarta.validation.Validator validator;

    CertificationsPage(Certifications certifications, PartnerManagement partners, CurrentActor actor, TypedNames names,
                       MessageSource messages, jakarta.validation.Validator validator) {
        this.certifications = certifications;
        this.partners = partners;
        this.actor = actor;
        this.names = names;
        this.messages = messages;
        this.validator = validator;
    }

    /** What the form holds, as typed (kept when it is shown again with its problems). */
    record Draft(String partner, String personName, String email, String name, String earnedOn, String expiresOn) {

        Draft stripped() {
            return new Draft(FormText.strip(partner), FormText.strip(personName), FormText.strip(email), FormText.strip(name),
                    FormText.strip(earnedOn), FormText.strip(expiresOn));
        }
    }

    @GetMapping("/certifications")
    String list(@RequestParam(required = false) Long partnerId, @RequestParam(required = false) Certification.Status status,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        String partnerName = partnerId == null ? null : partners.get(partnerId).name();
        return show(model, partnerId, partnerName, status, q, page, new Draft(partnerName == null ? "" : partnerName, "", "", "", "", ""),
                Map.of());
    }

    @PostMapping("/certifications")
    String add(@ModelAttribute Draft typed, @RequestParam(required = false) Long partnerId, Model model, RedirectAttributes redirect,
               Locale locale) {
        Draft draft = typed.stripped();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        Long partner = names.id(Kind.PARTNER, draft.partner(), null, "partner", "leads.assign.noPartner", "leads.assign.severalPartners",
                fieldErrors, locale);
        if (partner == null && !fieldErrors.containsKey("partner")) {
            fieldErrors.put("partner", messages.getMessage("certifications.partnerMissing", null, locale));
        }
        LocalDate earned = day(draft.earnedOn(), "earnedOn", true, fieldErrors, locale);
        LocalDate expires = day(draft.expiresOn(), "expiresOn", false, fieldErrors, locale);
        Certification.Form form = new Certification.Form(partner, FormText.blankToNull(draft.personName()), FormText.blankToNull(draft.email()),
                FormText.blankToNull(draft.name()), earned, expires);
        validator.validate(form).forEach(problem -> {
            String field = problem.getPropertyPath().toString();
            fieldErrors.putIfAbsent(field.equals("partnerId") ? "partner" : field, problem.getMessage());
        });
        Certification added = FormErrors.submit(fieldErrors, messages, locale, () -> certifications.add(form));
        if (added == null) {
            return show(model, partnerId, partnerId == null ? null : partners.get(partnerId).name(), null, null, 0, draft, fieldErrors);
        }
        redirect.addFlashAttribute("flash", messages.getMessage("certifications.added", new Object[] {added.personName(), added.name()}, locale));
        return "redirect:/certifications" + (partnerId == null ? "" : "?partnerId=" + partnerId);
    }

    @PostMapping("/certifications/{id}/remove")
    String remove(@PathVariable long id, @RequestParam(required = false) Long version, @RequestParam(required = false) Long partnerId,
                  RedirectAttributes redirect, Locale locale) {
        try {
            Certification gone = certifications.get(id);
            certifications.remove(id, version == null ? -1 : version);
            redirect.addFlashAttribute("flash", messages.getMessage("certifications.removed", new Object[] {gone.personName(), gone.name()}, locale));
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.NOT_FOUND || e.status() == org.springframework.http.HttpStatus.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/certifications" + (partnerId == null ? "" : "?partnerId=" + partnerId);
    }

    private LocalDate day(String text, String field, boolean required, Map<String, String> fieldErrors, Locale locale) {
        if (text.isEmpty()) {
            if (required) {
                fieldErrors.put(field, messages.getMessage("certifications.dateMissing", null, locale));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            fieldErrors.put(field, messages.getMessage("deals.date.invalid", null, locale));
            return null;
        }
    }

    private String show(Model model, Long partnerId, String partnerName, Certification.Status status, String q, int page, Draft draft,
                        Map<String, String> fieldErrors) {
        Page<Certification> found = certifications.list(partnerId, status, q, null, Math.max(0, page), 50);
        LocalDate today = certifications.today();
        Map<Long, Certification.Status> statuses = new LinkedHashMap<>();
        found.items().forEach(c -> statuses.put(c.id(), c.statusOn(today, Certifications.EXPIRING_WITHIN_DAYS)));
        model.addAttribute("certifications", found);
        model.addAttribute("certificationStatus", statuses);
        model.addAttribute("partnerId", partnerId);
        model.addAttribute("partnerName", partnerName);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Certification.Status.values());
        model.addAttribute("q", q);
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("today", today);
        model.addAttribute("warningDays", Certifications.EXPIRING_WITHIN_DAYS);
        model.addAttribute("partnerUser", actor.partner().isPresent());
        // the certifications' names already in use, offered while typing one (so that one name is spelled one way)
        model.addAttribute("certificationNames", actor.partner().isPresent() ? List.of() : certifications.names());
        return "partner/certifications";
    }
}
