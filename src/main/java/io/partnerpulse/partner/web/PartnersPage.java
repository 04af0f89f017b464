package io.partnerpulse.partner.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.partner.PartnerForm;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.partner.PartnerRequests;
import io.partnerpulse.partner.PartnerStatus;
import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.PartnerView;
import io.partnerpulse.partner.internal.PartnerRepository;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import io.partnerpulse.shared.TypedNames;
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

/**
 * The partners work pages: search and filter the list, add a partner, and edit one (its fields, its
 * tier with a reason, its status with a note), each field checked next to it.
 */
@Controller
class PartnersPage {

    private final PartnerManagement partners;
    private final CurrentActor actor;
    private final MessageSource messages;
    private final io.partnerpulse.shared.FormValidation forms;
    private final References references;
    private final TypedNames names;

    PartnersPage(PartnerManagement partners, CurrentActor actor, MessageSource messages, References references, TypedNames names,
                 io.partnerpulse.shared.FormValidation forms) {
        this.forms = forms;
        this.partners = partners;
        this.actor = actor;
        this.messages = messages;
        this.references = references;
        this.names = names;
    }

    @GetMapping("/partners")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) PartnerTier tier,
                @RequestParam(defaultValue = "0") int page, Model model) {
        show(model, q, tier, page);
        model.addAttribute("fieldErrors", java.util.Map.of());
        model.addAttribute("draft", new PartnerForm(null, "", PartnerTier.REGISTERED, "", null, null, null, null, null, null));
        model.addAttribute("managerName", "");
        return "partner/list";
    }

    @PostMapping("/partners")
    String create(@Valid @ModelAttribute("form") PartnerForm form, BindingResult errors,
                  @RequestParam(name = "partnerManager", required = false) String manager, Model model, Locale locale) {
        Map<String, String> typed = new java.util.HashMap<>();
        Long managerId = manager(manager, null, typed, locale);
        PartnerForm named = withManager(form, managerId);
        if (!errors.hasErrors() && typed.isEmpty()) {
            try {
                PartnerView created = partners.create(named);
                return "redirect:/partners/" + created.id();
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        show(model, null, null, 0);
        model.addAttribute("fieldErrors", merged(FormErrors.byField(forms.completed(errors, PartnerForm.class), messages, locale), typed));
        model.addAttribute("draft", named);
        model.addAttribute("managerName", manager == null ? "" : manager.strip());
        return "partner/list";
    }

    @GetMapping("/partners/{id}/edit")
    String editing(@PathVariable long id, Model model) {
        actor.requireStaff();
        PartnerView partner = partners.get(id);
        return editPage(model, partner, formOf(partner), managerName(partner.partnerManagerId()), Map.of(), null);
    }

    @PostMapping("/partners/{id}/edit")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") PartnerForm form, BindingResult errors,
                @RequestParam(name = "partnerManager", required = false) String manager, Model model,
                RedirectAttributes flash, Locale locale) {
        if (form.version() == null) {
            errors.reject("problem.version-missing", "The form lost its version; open the partner again.");
        }
        PartnerView current = partners.get(id);
        Map<String, String> typed = new java.util.HashMap<>();
        Long managerId = manager(manager, current.partnerManagerId(), typed, locale);
        if (!errors.hasErrors() && typed.isEmpty()) {
            try {
                partners.edit(id, new PartnerForm(form.externalId(), form.name(), null, form.country(), form.region(), form.city(),
                        form.commissionRate(), managerId, form.joinedOn(), form.version()), form.version());
                flash.addFlashAttribute("saved", true);
                return "redirect:/partners/" + id + "/edit";
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        return editPage(model, current, withManager(form, managerId), manager == null ? "" : manager.strip(),
                merged(FormErrors.byField(forms.completed(errors, PartnerForm.class), messages, locale), typed), null);
    }

    /**
     * Two-tier distribution from the edit page: whether the partner is a distributor, and the
     * distributor it buys through, typed by name (blank: none).
     */
    @PostMapping("/partners/{id}/distribution")
    String distribution(@PathVariable long id, @RequestParam(defaultValue = "false") boolean distributor,
                        @RequestParam(name = "buysThrough", required = false) String buysThrough,
                        @RequestParam(required = false) Long version, Model model, RedirectAttributes flash, Locale locale) {
        PartnerView current = partners.get(id);
        Map<String, String> typed = new java.util.HashMap<>();
        Long by = names.id(Kind.PARTNER, buysThrough, current.distributorId(), id, "buysThrough", "leads.assign.noPartner",
                "leads.assign.severalPartners", typed, locale);
        if (!typed.isEmpty()) {
            return editPage(model, current, formOf(current), managerName(current.partnerManagerId()), typed, null);
        }
        return change(id, model, flash, locale, () -> partners.setDistribution(id,
                new PartnerRequests.Distribution(distributor, by, version), required(version, "version")));
    }

    /** The employee a form's "partner manager" names (the current one while its name is unchanged), or null when blank or unknown. */
    private Long manager(String typed, Long current, Map<String, String> problems, Locale locale) {
        return names.id(Kind.EMPLOYEE, typed, current, null, "partnerManager", "deals.noOwner", "deals.severalOwners", problems, locale);
    }

    private String managerName(Long employeeId) {
        return employeeId == null ? "" : references.names(Kind.EMPLOYEE, List.of(employeeId)).getOrDefault(employeeId, "");
    }

    private static PartnerForm withManager(PartnerForm f, Long managerId) {
        return new PartnerForm(f.externalId(), f.name(), f.tier(), f.country(), f.region(), f.city(), f.commissionRate(), managerId,
                f.joinedOn(), f.version());
    }

    private static Map<String, String> merged(Map<String, String> checked, Map<String, String> typed) {
        Map<String, String> all = new java.util.HashMap<>(checked);
        all.putAll(typed);
        return all;
    }

    @PostMapping("/partners/{id}/tier")
    String changeTier(@PathVariable long id, @RequestParam(required = false) PartnerTier tier, @RequestParam(required = false) String reason,
                      @RequestParam(required = false) Long version, Model model, RedirectAttributes flash, Locale locale) {
        return change(id, model, flash, locale, () -> partners.changeTier(id, new PartnerRequests.ChangeTier(
                required(tier, "tier"), limited(reason, "reason"), version), required(version, "version")));
    }

    @PostMapping("/partners/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) PartnerStatus status,
                        @RequestParam(required = false) String note, @RequestParam(required = false) Long version, Model model, RedirectAttributes flash,
                        Locale locale) {
        return change(id, model, flash, locale, () -> partners.changeStatus(id, new PartnerRequests.ChangeStatus(
                required(status, "status"), limited(note, "note"), version), required(version, "version")));
    }

    private String change(long id, Model model, RedirectAttributes flash, Locale locale, Runnable operation) {
        try {
            operation.run();
            flash.addFlashAttribute("saved", true);
            return "redirect:/partners/" + id + "/edit";
        } catch (ApiError e) {
            PartnerView partner = partners.get(id);
            return editPage(model, partner, formOf(partner), managerName(partner.partnerManagerId()), Map.of(), FormErrors.text(e, messages, locale));
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiError.invalid(field, "must be chosen", "problem.field.choose");
        }
        return value;
    }

    private static String limited(String text, String field) {
        if (text != null && text.length() > 500) {
            throw ApiError.invalid(field, "must be at most 500 characters", "problem.field.too-long");
        }
        return text == null || text.isBlank() ? null : text.trim();
    }

    private String editPage(Model model, PartnerView partner, PartnerForm form, String managerName, Map<String, String> fieldErrors,
                            String problem) {
        model.addAttribute("partner", partner);
        model.addAttribute("managerName", managerName);
        model.addAttribute("draft", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("problem", problem);
        model.addAttribute("tiers", PartnerTier.values());
        model.addAttribute("statuses", partners.nextStatuses(partner.status()));
        model.addAttribute("distributors", partners.distributors());
        model.addAttribute("distributorName", partner.distributorId() == null ? ""
                : references.names(Kind.PARTNER, List.of(partner.distributorId())).getOrDefault(partner.distributorId(), ""));
        return "partner/edit";
    }

    private static PartnerForm formOf(PartnerView p) {
        return new PartnerForm(p.externalId(), p.name(), p.tier(), p.country(), p.region(), p.city(), p.commissionRate(),
                p.partnerManagerId(), p.joinedOn(), p.version());
    }

    private void show(Model model, String q, PartnerTier tier, int page) {
        Page<PartnerView> found = partners.list(new PartnerRepository.Filter(tier == null ? null : List.of(tier), null, null, null, null, q),
                "name", Math.max(0, page), 50);
        model.addAttribute("partners", found);
        model.addAttribute("q", q);
        model.addAttribute("tier", tier);
        model.addAttribute("tiers", PartnerTier.values());
    }
}
