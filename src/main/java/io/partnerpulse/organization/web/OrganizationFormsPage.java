package io.partnerpulse.organization.web;

import static io.partnerpulse.shared.FormText.orEmpty;
import static io.partnerpulse.shared.FormText.strip;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.organization.OrganizationManagement;
import io.partnerpulse.organization.OrganizationRecords.DepartmentForm;
import io.partnerpulse.organization.OrganizationRecords.DepartmentView;
import io.partnerpulse.organization.OrganizationRecords.EmployeeForm;
import io.partnerpulse.organization.OrganizationRecords.EmployeeView;
import io.partnerpulse.organization.OrganizationRecords.UnitForm;
import io.partnerpulse.organization.OrganizationRecords.UnitView;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import io.partnerpulse.shared.TypedNames;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding and changing the organization from its pages: business units, departments (in a unit) and
 * employees (in a department, under a manager typed by name, active or not). Each kind has one form,
 * for a new record ({@code /organization/{kind}/new}) and for changing one
 * ({@code /organization/{kind}/{id}/edit}); a saved record's KPI page is shown next. Staff who see the
 * whole organization only (see {@link OrganizationManagement}).
 */
@Controller
class OrganizationFormsPage {

    /** Units and departments offered in the forms' selects (an organization has tens, at most hundreds). */
    static final int CHOICES = 1_000;

    private final OrganizationManagement organization;
    private final References references;
    private final TypedNames names;
    private final MessageSource messages;
    private final jakarta.validation.Validator validator;

    OrganizationFormsPage(OrganizationManagement organization, References references, TypedNames names, MessageSource messages,
                          jakarta.validation.Validator validator) {
        this.organization = organization;
        this.references = references;
        this.names = names;
        this.messages = messages;
        this.validator = validator;
    }

    /** The three parts of the organization a form makes, as the addresses name them. */
    enum Part {
        unit, department, employee
    }

    /**
     * What any of the three forms holds, as typed: a unit uses the name; a department the name and its
     * unit; an employee all but the unit (its manager by name, its hire date as text).
     */
    record Draft(String name, String externalId, Long businessUnitId, Long departmentId, String email, String title, String manager,
                 String hireDate, Boolean active, Long version) {

        static Draft blank() {
            return new Draft("", "", null, null, "", "", "", LocalDate.now().toString(), Boolean.TRUE, null);
        }

        Draft stripped() {
            return new Draft(strip(name), strip(externalId), businessUnitId, departmentId, strip(email), strip(title), strip(manager),
                    strip(hireDate), Boolean.TRUE.equals(active), version);
        }
    }

    @GetMapping("/organization/{kind}/new")
    String newForm(@PathVariable Part kind, Model model) {
        organization.requireWholeOrganization();
        return form(model, kind, null, Draft.blank(), Map.of());
    }

    @PostMapping("/organization/{kind}/new")
    String create(@PathVariable Part kind, @ModelAttribute("draft") Draft typed, Model model, RedirectAttributes redirect, Locale locale) {
        return save(kind, null, typed, model, redirect, locale);
    }

    @GetMapping("/organization/{kind}/{id}/edit")
    String editForm(@PathVariable Part kind, @PathVariable long id, Model model) {
        organization.requireWholeOrganization();
        Draft draft = switch (kind) {
            case unit -> {
                UnitView u = organization.unit(id);
                yield new Draft(u.name(), orEmpty(u.externalId()), null, null, "", "", "", "", null, u.version());
            }
            case department -> {
                DepartmentView d = organization.department(id);
                yield new Draft(d.name(), orEmpty(d.externalId()), d.businessUnitId(), null, "", "", "", "", null, d.version());
            }
            case employee -> {
                EmployeeView e = organization.employee(id);
                String manager = e.managerId() == null ? "" : references.names(Kind.EMPLOYEE, List.of(e.managerId())).getOrDefault(e.managerId(), "");
                yield new Draft(e.fullName(), orEmpty(e.externalId()), null, e.departmentId(), orEmpty(e.email()), orEmpty(e.title()), manager,
                        e.hireDate().toString(), e.active(), e.version());
            }
        };
        return form(model, kind, id, draft, Map.of());
    }

    @PostMapping("/organization/{kind}/{id}/edit")
    String edit(@PathVariable Part kind, @PathVariable long id, @ModelAttribute("draft") Draft typed, Model model,
                RedirectAttributes redirect, Locale locale) {
        return save(kind, id, typed, model, redirect, locale);
    }

    /** Creates ({@code id} null) or changes the record; its KPI page next, or the form again with every problem beside its field. */
    private String save(Part kind, Long id, Draft typed, Model model, RedirectAttributes redirect, Locale locale) {
        Draft draft = typed.stripped();
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        if (draft.name().isEmpty()) {
            fieldErrors.put(kind == Part.employee ? "fullName" : "name", messages.getMessage("organization.form.name.missing", null, locale));
        }
        String externalId = draft.externalId().isEmpty() ? null : draft.externalId();
        try {
            long saved;
            String name;
            switch (kind) {
                case unit -> {
                    UnitForm form = valid(new UnitForm(externalId, draft.name(), draft.version()), fieldErrors);
                    if (!fieldErrors.isEmpty()) {
                        return form(model, kind, id, draft, fieldErrors);
                    }
                    requireVersion(id, draft);
                    UnitView v = id == null ? organization.createUnit(form) : organization.editUnit(id, form, draft.version());
                    saved = v.id();
                    name = v.name();
                }
                case department -> {
                    if (draft.businessUnitId() == null) {
                        fieldErrors.put("businessUnitId", messages.getMessage("organization.form.unit.missing", null, locale));
                    }
                    DepartmentForm form = valid(new DepartmentForm(externalId, draft.name(), draft.businessUnitId(), draft.version()), fieldErrors);
                    if (!fieldErrors.isEmpty()) {
                        return form(model, kind, id, draft, fieldErrors);
                    }
                    requireVersion(id, draft);
                    DepartmentView v = id == null ? organization.createDepartment(form) : organization.editDepartment(id, form, draft.version());
                    saved = v.id();
                    name = v.name();
                }
                default -> {
                    if (draft.departmentId() == null) {
                        fieldErrors.put("departmentId", messages.getMessage("organization.form.department.missing", null, locale));
                    }
                    LocalDate hired = null;
                    try {
                        hired = LocalDate.parse(draft.hireDate());
                    } catch (DateTimeParseException e) {
                        fieldErrors.put("hireDate", messages.getMessage("deals.date.invalid", null, locale));
                    }
                    Long manager = names.id(Kind.EMPLOYEE, draft.manager(), id == null ? null : organization.employee(id).managerId(), id, "manager",
                            "deals.noOwner", "deals.severalOwners", fieldErrors, locale);
                    EmployeeForm form = valid(new EmployeeForm(externalId, draft.name(), draft.email().isEmpty() ? null : draft.email(),
                            draft.title().isEmpty() ? null : draft.title(), draft.departmentId(), manager, hired, draft.active(),
                            draft.version()), fieldErrors);
                    if (!fieldErrors.isEmpty()) {
                        return form(model, kind, id, draft, fieldErrors);
                    }
                    requireVersion(id, draft);
                    EmployeeView v = id == null ? organization.createEmployee(form) : organization.editEmployee(id, form, draft.version());
                    saved = v.id();
                    name = v.fullName();
                }
            }
            redirect.addFlashAttribute("flash", messages.getMessage(id == null ? "organization.form.created" : "organization.form.saved",
                    new Object[] {name}, locale));
            return "redirect:/organization/" + kind + "/" + saved;
        } catch (ApiError e) {
            if (e.status() == org.springframework.http.HttpStatus.FORBIDDEN || e.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
                throw e;
            }
            FormErrors.fields(e, messages, locale).forEach(fieldErrors::putIfAbsent);
        }
        return form(model, kind, id, draft, fieldErrors);
    }

    /** A change must say the version it was made on. */
    private static void requireVersion(Long id, Draft draft) {
        if (id != null && draft.version() == null) {
            throw ApiError.versionRequired();
        }
    }

    /** The form's own rules (lengths, the e-mail's shape, a hire date not in the future), in the page's language. */
    private <T> T valid(T form, Map<String, String> fieldErrors) {
        validator.validate(form).forEach(problem -> fieldErrors.putIfAbsent(problem.getPropertyPath().toString(), problem.getMessage()));
        return form;
    }

    private String form(Model model, Part kind, Long id, Draft draft, Map<String, String> fieldErrors) {
        model.addAttribute("kind", kind.name());
        model.addAttribute("id", id);
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("units", kind == Part.department ? references.choices(Kind.UNIT, CHOICES) : Map.of());
        model.addAttribute("departments", kind == Part.employee ? references.choices(Kind.DEPARTMENT, CHOICES) : Map.of());
        return "organization/form";
    }
}
