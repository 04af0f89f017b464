package io.partnerpulse.target.web;

import java.math.BigDecimal;
import java.util.Locale;

import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.target.TargetManagement;
import io.partnerpulse.target.TargetManagement.TargetForm;
import io.partnerpulse.target.TargetMetric;
import io.partnerpulse.target.TargetScope;
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

/** The targets work page: the targets of a scope, each value changeable from its row, and a form to set a new one. */
@Controller
class TargetsPage {

    private final TargetManagement targets;
    private final MessageSource messages;

    TargetsPage(TargetManagement targets, MessageSource messages) {
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping("/targets")
    String list(@RequestParam(required = false) TargetScope scope, @RequestParam(defaultValue = "0") int page, Model model) {
        show(model, scope, page);
        model.addAttribute("fieldErrors", java.util.Map.of());
        model.addAttribute("draft", new TargetForm(TargetScope.PROGRAM, null, TargetMetric.REVENUE, null, null, null, null));
        return "target/list";
    }

    @PostMapping("/targets")
    String create(@Valid @ModelAttribute("form") TargetForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                targets.create(form);
                return "redirect:/targets?scope=" + form.scope();
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        show(model, null, 0);
        model.addAttribute("fieldErrors", FormErrors.byField(errors));
        model.addAttribute("draft", form != null ? form : new TargetForm(TargetScope.PROGRAM, null, TargetMetric.REVENUE, null, null, null, null));
        return "target/list";
    }

    /** Removes a target from its row, at the version the page showed. */
    @PostMapping("/targets/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash, Locale locale) {
        TargetManagement.TargetView target = targets.get(id);
        try {
            if (version == null) {
                throw ApiError.versionRequired();
            }
            targets.delete(id, version);
            flash.addFlashAttribute("flash", messages.getMessage("targets.deleted", new Object[] {String.valueOf(id)}, locale));
        } catch (ApiError e) {
            flash.addFlashAttribute("flashError", messages.getMessage("action.failed", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/targets?scope=" + target.scope();
    }

    /** Changes a target's value from its row; everything else about the target stays as it was. */
    @PostMapping("/targets/{id}/value")
    String changeValue(@PathVariable long id, @RequestParam(required = false) String value, @RequestParam(required = false) Long version,
                       RedirectAttributes flash, Locale locale) {
        TargetManagement.TargetView target = targets.get(id);
        try {
            BigDecimal amount = Amounts.parse(value, BigDecimal.ZERO).orElseThrow(() ->
                    ApiError.invalid("value", messages.getMessage("targets.value.invalid", null, locale)));
            if (version == null) {
                throw ApiError.versionRequired();
            }
            targets.edit(id, new TargetForm(target.scope(), target.scopeId(), target.metric(), target.periodStart(), target.periodEnd(),
                    amount, version), version);
            flash.addFlashAttribute("flash", messages.getMessage("targets.changed", new Object[] {String.valueOf(id), amount.toPlainString()}, locale));
        } catch (ApiError e) {
            flash.addFlashAttribute("flashError", messages.getMessage("action.failed", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/targets?scope=" + target.scope();
    }

    private void show(Model model, TargetScope scope, int page) {
        model.addAttribute("targets", targets.list(scope, null, null, null, null, null, Math.max(0, page), 50));
        model.addAttribute("scope", scope);
        model.addAttribute("scopes", TargetScope.values());
        model.addAttribute("metrics", TargetMetric.values());
    }
}
