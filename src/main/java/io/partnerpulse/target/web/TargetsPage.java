package io.partnerpulse.target.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;

import io.partnerpulse.shared.Amounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.FormErrors;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
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
    private final io.partnerpulse.shared.FormValidation forms;
    private final Kpis kpis;
    private final References references;
    private final OrganizationSettings organization;

    TargetsPage(TargetManagement targets, MessageSource messages, References references, OrganizationSettings organization,
                io.partnerpulse.shared.FormValidation forms, Kpis kpis) {
        this.kpis = kpis;
        this.forms = forms;
        this.targets = targets;
        this.references = references;
        this.organization = organization;
        this.messages = messages;
    }

    @GetMapping("/targets")
    String list(@RequestParam(required = false) TargetScope scope, @RequestParam(defaultValue = "current") String when,
                @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        show(model, scope, !"all".equals(when), page, locale);
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("draft", new TargetForm(TargetScope.PROGRAM, null, TargetMetric.REVENUE, null, null, null, null));
        return "target/list";
    }

    @PostMapping("/targets")
    String create(@Valid @ModelAttribute("form") TargetForm form, BindingResult errors, Model model, Locale locale) {
        if (!errors.hasErrors()) {
            try {
                targets.create(form);
                return "redirect:/targets?when=all&scope=" + form.scope();
            } catch (ApiError e) {
                FormErrors.copy(e, errors);
            }
        }
        show(model, null, false, 0, locale);
        model.addAttribute("fieldErrors", FormErrors.byField(forms.completed(errors, TargetForm.class), messages, locale));
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
            flash.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
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
            flash.addFlashAttribute("flashError", FormErrors.failed(e, messages, locale));
        }
        return "redirect:/targets?scope=" + target.scope();
    }

    /** The targets of a scope, those of the periods running today only when {@code current}, each with what it has reached. */
    private void show(Model model, TargetScope scope, boolean current, int page, Locale locale) {
        LocalDate today = LocalDate.now(organization.timeZone());
        io.partnerpulse.shared.Page<TargetManagement.TargetView> shown = targets.list(scope, null, null, current ? today : null,
                current ? today.plusDays(1) : null, null, Math.max(0, page), 50);
        Format format = new Format(locale, organization.currency());
        model.addAttribute("targets", shown);
        model.addAttribute("names", names(shown.items()));
        model.addAttribute("reached", reached(shown.items(), today, format));
        model.addAttribute("current", current);
        model.addAttribute("format", format);
        model.addAttribute("scope", scope);
        model.addAttribute("scopes", TargetScope.values());
        model.addAttribute("metrics", TargetMetric.values());
    }

    /**
     * What each started target has reached, by target id: the KPI engine's actual value for its scope
     * and period and its attainment ("$12,000 · 48%"), as the dashboard's cards say it. One report per
     * scope and period on the page (the targets of one quarter's partners: one report grouped by partner).
     */
    private Map<Long, String> reached(List<TargetManagement.TargetView> shown, LocalDate today, Format format) {
        Map<Long, String> reached = new HashMap<>();
        Map<List<Object>, Map<String, KpiReport.Kpis>> reports = new HashMap<>();
        for (TargetManagement.TargetView t : shown) {
            if (t.periodStart().isAfter(today)) {
                continue;
            }
            Dimension by = switch (t.scope()) {
                case PROGRAM -> null;
                case PARTNER -> Dimension.PARTNER;
                case EMPLOYEE -> Dimension.EMPLOYEE;
                case DEPARTMENT -> Dimension.DEPARTMENT;
                case UNIT -> Dimension.UNIT;
            };
            Map<String, KpiReport.Kpis> byKey = reports.computeIfAbsent(List.of(t.scope(), t.periodStart(), t.periodEnd()), k -> {
                KpiQuery query = KpiQuery.of(t.periodStart(), t.periodEnd()).withCompare(Set.of());
                Map<String, KpiReport.Kpis> kpisOf = new HashMap<>();
                kpis.report(by == null ? query : query.withGroupBy(by)).groups().forEach(g -> kpisOf.put(by == null ? "" : g.key(), g.kpis()));
                return kpisOf;
            });
            KpiReport.Kpis k = byKey.get(by == null ? "" : String.valueOf(t.scopeId()));
            BigDecimal actual = k == null ? BigDecimal.ZERO : switch (t.metric()) {
                case REVENUE -> k.wonRevenue().value();
                case DEAL_COUNT -> BigDecimal.valueOf(k.dealCount().value());
                case PIPELINE -> k.pipeline().value();
            };
            String said = t.metric() == TargetMetric.DEAL_COUNT ? format.decimal(actual) : format.money(actual);
            if (t.value().signum() > 0) {
                said += " · " + format.percent(actual.divide(t.value(), 4, RoundingMode.HALF_UP));
            }
            reached.put(t.id(), said);
        }
        return reached;
    }

    /** Whom each target on the page is for, by name ("PARTNER:12" → "Apex Systems"). */
    private Map<String, String> names(List<TargetManagement.TargetView> shown) {
        Map<String, String> names = new HashMap<>();
        for (TargetScope scope : List.of(TargetScope.PARTNER, TargetScope.EMPLOYEE, TargetScope.DEPARTMENT, TargetScope.UNIT)) {
            List<Long> ids = shown.stream().filter(t -> t.scope() == scope && t.scopeId() != null).map(TargetManagement.TargetView::scopeId).toList();
            references.names(Kind.valueOf(scope.name()), ids).forEach((id, name) -> names.put(scope.name() + ":" + id, name));
        }
        return names;
    }
}
