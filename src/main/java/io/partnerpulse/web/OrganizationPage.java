package io.partnerpulse.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.organization.OrganizationManagement;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The organization and the KPI view of any business unit, department or employee. */
@Controller
class OrganizationPage {

    private final OrganizationManagement organization;
    private final KpiCards cards;
    private final OrganizationSettings settings;

    private final PlanView plan;

    OrganizationPage(OrganizationManagement organization, KpiCards cards, OrganizationSettings settings, PlanView plan) {
        this.plan = plan;
        this.organization = organization;
        this.cards = cards;
        this.settings = settings;
    }

    @GetMapping("/organization")
    String index(Model model) {
        model.addAttribute("units", organization.units(null, "name", 0, 500).items());
        model.addAttribute("mayChange", organization.seesWholeOrganization());
        model.addAttribute("departments", organization.departments(null, null, "name", 0, 500).items());
        model.addAttribute("employees", organization.employees(null, null, true, null, "fullName", 0, 500).items());
        return "organization/index";
    }

    @GetMapping("/organization/{scope}/{id}")
    String view(@PathVariable String scope, @PathVariable long id, @RequestParam Map<String, String> params, Model model, Locale locale) {
        Dimension dimension = switch (scope) {
            case "unit" -> Dimension.UNIT;
            case "department" -> Dimension.DEPARTMENT;
            case "employee" -> Dimension.EMPLOYEE;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
        String name = switch (dimension) {
            case UNIT -> organization.unit(id).name();
            case DEPARTMENT -> organization.department(id).name();
            default -> organization.employee(id).fullName();
        };
        Selection asked = Selection.parse(params, LocalDate.now(settings.timeZone()));
        Selection selection = new Selection(asked.period(), asked.from(), asked.to(), null,
                dimension == Dimension.UNIT ? id : null, dimension == Dimension.DEPARTMENT ? id : null, null, null, null,
                dimension == Dimension.EMPLOYEE ? id : null);
        KpiQuery query = new KpiQuery(selection.from(), selection.to(), null, selection.filters(),
                Set.of(KpiQuery.Comparison.PREVIOUS, KpiQuery.Comparison.LAST_YEAR), KpiQuery.CloseRateVariant.COHORT,
                KpiQuery.AverageDealSizeVariant.PER_DEAL);
        KpiCards.Result result = cards.cards(query, locale);
        model.addAttribute("scope", scope);
        model.addAttribute("mayChange", organization.seesWholeOrganization());
        model.addAttribute("id", id);
        model.addAttribute("name", name);
        model.addAttribute("selection", selection);
        model.addAttribute("periods", Selection.PERIODS);
        model.addAttribute("cards", result.cards());
        model.addAttribute("empty", result.empty());
        model.addAttribute("recommendations", plan.forSelection(selection, locale));
        return "organization/view";
    }

}
