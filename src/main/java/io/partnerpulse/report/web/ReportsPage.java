package io.partnerpulse.report.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.report.ReportFrequency;
import io.partnerpulse.report.ReportProperties;
import io.partnerpulse.report.ReportSubscriptions;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.References;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scheduled reports pages: the subscriptions with their next date and how the last one went, a
 * form to subscribe addresses to a scorecard; a subscription's page to change, switch off, delete or
 * send it now, and its delivery log with each PDF that was sent.
 */
@Controller
class ReportsPage {

    /** The most records of one kind the form offers to choose from (by name). */
    private static final int CHOICES = 1000;

    private final ReportSubscriptions reports;
    private final References references;
    private final CurrentActor actor;
    private final MessageSource messages;
    private final OrganizationSettings settings;
    private final ReportProperties properties;
    private final io.partnerpulse.partner.PartnerManagement partners;

    ReportsPage(ReportSubscriptions reports, References references, CurrentActor actor, MessageSource messages,
                OrganizationSettings settings, ReportProperties properties, io.partnerpulse.partner.PartnerManagement partners) {
        this.partners = partners;
        this.reports = reports;
        this.references = references;
        this.actor = actor;
        this.messages = messages;
        this.settings = settings;
        this.properties = properties;
    }

    /** What the form holds, as typed; {@code subject} is "scope" or "scope:id". */
    record Draft(String name, String subject, String frequency, String recipients, boolean active, Long version) {
    }

    /** A group of the subject choice: its label and its "scope:id" values with names. */
    record ChoiceGroup(String label, Map<String, String> options) {
    }

    /** The list, and the form ready for a new one; {@code subject} ("partner:3") chooses its scorecard, as the partner page's link does. */
    @GetMapping("/reports")
    String list(@RequestParam(required = false) String subject, Model model, Locale locale) {
        Long own = actor.partner().orElse(null);
        String chosen = own != null ? "partner:" + own : subject != null && subject.matches("(partner|distributor|employee|department|unit):\\d{1,18}") ? subject : "program";
        return showList(model, new Draft("", chosen, "MONTHLY", "", true, null), Map.of(), locale);
    }

    @PostMapping("/reports")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String subject,
                  @RequestParam(required = false) String frequency, @RequestParam(required = false) String recipients,
                  @RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes flash, Locale locale) {
        Draft draft = new Draft(name, subject, frequency, recipients, active, null);
        try {
            ReportSubscriptions.Subscription created = reports.create(form(draft), locale);
            flash.addFlashAttribute("flash", messages.getMessage("reports.created",
                    new Object[] {created.name(), when(created, locale)}, locale));
            return "redirect:/reports/" + created.id();
        } catch (ApiError e) {
            return showList(model, draft, FormErrors.fields(e, messages, locale), locale);
        }
    }

    @GetMapping("/reports/{id}")
    String view(@PathVariable long id, @RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                Model model, Locale locale) {
        ReportSubscriptions.Subscription subscription = reports.get(id);
        return showOne(model, subscription, draft(subscription), status, page, Map.of(), locale);
    }

    @PostMapping("/reports/{id}")
    String edit(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) String subject,
                @RequestParam(required = false) String frequency, @RequestParam(required = false) String recipients,
                @RequestParam(defaultValue = "false") boolean active, @RequestParam(required = false) Long version,
                Model model, RedirectAttributes flash, Locale locale) {
        ReportSubscriptions.Subscription subscription = reports.get(id);
        Draft draft = new Draft(name, subject, frequency, recipients, active, version);
        try {
            if (version == null) {
                throw ApiError.versionRequired();
            }
            ReportSubscriptions.Subscription saved = reports.edit(id, form(draft), version);
            flash.addFlashAttribute("flash", messages.getMessage("reports.changed", new Object[] {saved.name(), when(saved, locale)}, locale));
            return "redirect:/reports/" + id;
        } catch (ApiError e) {
            return showOne(model, subscription, draft, null, 0, FormErrors.fields(e, messages, locale), locale);
        }
    }

    @PostMapping("/reports/{id}/send")
    String send(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        ReportSubscriptions.Delivery delivery = reports.sendNow(id);
        flash.addFlashAttribute("flash", messages.getMessage("reports.sending", new Object[] {delivery.periodFrom().toString(),
                delivery.periodTo().minusDays(1).toString(), String.join(", ", delivery.recipients())}, locale));
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes flash, Locale locale) {
        String name = reports.get(id).name();
        reports.delete(id);
        flash.addFlashAttribute("flash", messages.getMessage("reports.deleted", new Object[] {name}, locale));
        return "redirect:/reports";
    }

    @GetMapping("/reports/{id}/deliveries/{deliveryId}/scorecard.pdf")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long deliveryId) {
        return ReportApi.pdf(reports.document(id, deliveryId));
    }

    private static ReportSubscriptions.SubscriptionForm form(Draft draft) {
        String scope = null;
        Long scopeId = null;
        if (draft.subject() != null && !draft.subject().isBlank()) {
            String[] parts = draft.subject().split(":", 2);
            scope = parts[0];
            if (parts.length == 2) {
                try {
                    scopeId = Long.valueOf(parts[1]);
                } catch (NumberFormatException e) {
                    throw ApiError.invalid("scopeId", "choose what the scorecard is of", "problem.report.scope-id");
                }
            }
        }
        ReportFrequency frequency = null;
        if (draft.frequency() != null) {
            try {
                frequency = ReportFrequency.valueOf(draft.frequency());
            } catch (IllegalArgumentException e) {
                frequency = null; // named by the check as the frequency field's problem
            }
        }
        return new ReportSubscriptions.SubscriptionForm(draft.name(), scope, scopeId, frequency,
                draft.recipients() == null ? List.of() : List.of(draft.recipients()), draft.active());
    }

    private static Draft draft(ReportSubscriptions.Subscription s) {
        return new Draft(s.name(), s.scopeId() == null ? s.scope() : s.scope() + ":" + s.scopeId(), s.frequency().name(),
                String.join(", ", s.recipients()), s.active(), s.version());
    }

    private String when(ReportSubscriptions.Subscription s, Locale locale) {
        return s.active() ? formatter(locale).format(s.nextRunAt()) : messages.getMessage("reports.off", null, locale);
    }

    private DateTimeFormatter formatter(Locale locale) {
        ZoneId zone = settings.timeZone();
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm '" + zone.getId() + "'", locale).withZone(zone);
    }

    /** The scorecards a user may subscribe to: a partner user its own partner's; the organization's people any. */
    private List<ChoiceGroup> choices(Locale locale) {
        List<ChoiceGroup> groups = new ArrayList<>();
        Long own = actor.partner().orElse(null);
        if (own != null) {
            groups.add(new ChoiceGroup(messages.getMessage("scorecard.scope.partner", null, locale),
                    prefixed("partner", references.names(References.Kind.PARTNER, List.of(own)))));
            if (partners.get(own).distributor()) {
                groups.add(new ChoiceGroup(messages.getMessage("scorecard.scope.distributor", null, locale),
                        prefixed("distributor", references.names(References.Kind.PARTNER, List.of(own)))));
            }
            return groups;
        }
        groups.add(new ChoiceGroup(messages.getMessage("scorecard.scope.program", null, locale),
                Map.of("program", messages.getMessage("scorecard.program", null, locale))));
        groups.add(new ChoiceGroup(messages.getMessage("reports.partners", null, locale),
                prefixed("partner", references.choices(References.Kind.PARTNER, CHOICES))));
        Map<Long, String> distributors = partners.distributors();
        if (!distributors.isEmpty()) {
            groups.add(new ChoiceGroup(messages.getMessage("reports.distributors", null, locale), prefixed("distributor", distributors)));
        }
        groups.add(new ChoiceGroup(messages.getMessage("reports.units", null, locale),
                prefixed("unit", references.choices(References.Kind.UNIT, CHOICES))));
        groups.add(new ChoiceGroup(messages.getMessage("reports.departments", null, locale),
                prefixed("department", references.choices(References.Kind.DEPARTMENT, CHOICES))));
        groups.add(new ChoiceGroup(messages.getMessage("reports.employees", null, locale),
                prefixed("employee", references.choices(References.Kind.EMPLOYEE, CHOICES))));
        return groups;
    }

    private static Map<String, String> prefixed(String scope, Map<Long, String> names) {
        Map<String, String> options = new LinkedHashMap<>();
        names.forEach((id, name) -> options.put(scope + ":" + id, name));
        return options;
    }

    private void common(Model model, Map<String, String> fieldErrors, Locale locale) {
        // an analyst reads the reports and is shown no form: the thousand names it would offer are not read for it
        boolean analyst = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication() != null
                && org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> "ROLE_ANALYST".equals(a.getAuthority()));
        model.addAttribute("choices", analyst ? List.of() : choices(locale));
        model.addAttribute("frequencies", List.of(ReportFrequency.values()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("when", formatter(locale));
        model.addAttribute("outbox", reports.outbox().map(Object::toString).orElse(null));
        model.addAttribute("sendAt", properties.sendAt().toString());
        model.addAttribute("zone", settings.timeZone().getId());
    }

    private String showList(Model model, Draft draft, Map<String, String> fieldErrors, Locale locale) {
        model.addAttribute("subscriptions", reports.list());
        model.addAttribute("draft", draft);
        common(model, fieldErrors, locale);
        return "report/list";
    }

    private String showOne(Model model, ReportSubscriptions.Subscription subscription, Draft draft, String status, int page,
                           Map<String, String> fieldErrors, Locale locale) {
        String shown = status != null && ReportSubscriptions.DELIVERY_STATUSES.contains(status) ? status : null;
        model.addAttribute("subscription", subscription);
        model.addAttribute("deliveries", reports.deliveries(subscription.id(), shown, Math.max(0, page), 50));
        model.addAttribute("status", shown);
        model.addAttribute("statuses", ReportSubscriptions.DELIVERY_STATUSES);
        model.addAttribute("draft", draft);
        common(model, fieldErrors, locale);
        return "report/view";
    }
}
