package io.partnerpulse.security.web;

import java.util.Locale;
import java.util.Map;

import io.partnerpulse.security.Role;
import io.partnerpulse.security.UserManagement;
import io.partnerpulse.security.UserManagement.UserForm;
import io.partnerpulse.security.UserManagement.UserView;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import jakarta.validation.Valid;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrators' users pages: everyone who can sign in, searchable by name or email and by role,
 * with a form to add someone (a partner user belongs to one partner; a channel manager or analyst can be
 * kept to one unit or department), and a page per user to change all of that, deactivate them or set a
 * new password.
 */
@Controller
class UsersPage {

    /** At most this many partners are offered by name; any other is still reachable by its id. */
    static final int MAX_PARTNERS = 2000;

    private final UserManagement users;
    private final References references;
    private final MessageSource messages;
    private final io.partnerpulse.shared.FormValidation forms;
    private final io.partnerpulse.shared.OrganizationSettings organization;

    UsersPage(UserManagement users, References references, MessageSource messages, io.partnerpulse.shared.FormValidation forms,
              io.partnerpulse.shared.OrganizationSettings organization) {
        this.forms = forms;
        this.organization = organization;
        this.users = users;
        this.references = references;
        this.messages = messages;
    }

    /** An empty field of the form is no value (a password left empty keeps the current one); nothing is trimmed. */
    @InitBinder("form")
    void emptyIsNoValue(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text);
            }
        });
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return showList(model, q, role, page, new UserForm("", "", Role.CHANNEL_MANAGER, null, null, null, null, true, null, true), Map.of());
    }

    @PostMapping("/users")
    String create(@Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model, RedirectAttributes flash, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                UserView created = users.create(form);
                flash.addFlashAttribute("flash", messages.getMessage("users.created", new Object[] {created.email()}, locale));
                return "redirect:/users/" + created.id();
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        return showList(model, null, null, 0, form, FormErrors.byField(forms.completed(errors, UserForm.class), messages, locale));
    }

    @GetMapping("/users/{id}")
    String view(@PathVariable long id, Model model) {
        UserView user = users.get(id);
        return showOne(model, user, new UserForm(user.email(), user.displayName(), user.role(), user.partnerId(), user.businessUnitId(),
                user.departmentId(), null, user.active(), user.version(), null), Map.of());
    }

    @PostMapping("/users/{id}")
    String edit(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult errors, Model model,
                RedirectAttributes flash, Locale locale) {
        UserView user = users.get(id);
        if (!errors.hasErrors()) {
            try {
                if (form.version() == null) {
                    throw ApiError.versionRequired();
                }
                UserView changed = users.edit(id, form, form.version());
                flash.addFlashAttribute("flash", messages.getMessage("users.changed", new Object[] {changed.email()}, locale));
                return "redirect:/users/" + id;
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        return showOne(model, user, form, FormErrors.byField(forms.completed(errors, UserForm.class), messages, locale));
    }

    private String showList(Model model, String q, Role role, int page, UserForm draft, Map<String, String> fieldErrors) {
        model.addAttribute("users", users.list(role, null, q, null, Math.max(0, page), 50));
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        choices(model, draft, fieldErrors);
        return "user/list";
    }

    private String showOne(Model model, UserView user, UserForm draft, Map<String, String> fieldErrors) {
        model.addAttribute("user", user);
        choices(model, draft, fieldErrors);
        return "user/view";
    }

    /** The form's choices: roles, and the partners, units and departments a user can belong or be kept to, by name. */
    private void choices(Model model, UserForm draft, Map<String, String> fieldErrors) {
        // sign-in times in the organization's zone
        model.addAttribute("zone", organization.timeZone());
        model.addAttribute("draft", draft);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("partners", references.choices(Kind.PARTNER, MAX_PARTNERS));
        model.addAttribute("units", references.choices(Kind.UNIT, 10_000));
        model.addAttribute("departments", references.choices(Kind.DEPARTMENT, 10_000));
    }
}
