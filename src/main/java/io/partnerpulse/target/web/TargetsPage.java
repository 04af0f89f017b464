package io.partnerpulse.target.web;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.target.TargetManagement;
import io.partnerpulse.target.TargetManagement.TargetForm;
import io.partnerpulse.target.TargetMetric;
import io.partnerpulse.target.TargetScope;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The targets work page: the targets of a scope, and a form to set one. */
@Controller
class TargetsPage {

    private final TargetManagement targets;

    TargetsPage(TargetManagement targets) {
        this.targets = targets;
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

    private void show(Model model, TargetScope scope, int page) {
        model.addAttribute("targets", targets.list(scope, null, null, null, null, null, Math.max(0, page), 50));
        model.addAttribute("scope", scope);
        model.addAttribute("scopes", TargetScope.values());
        model.addAttribute("metrics", TargetMetric.values());
    }
}
