package io.partnerpulse.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.commission.CommissionStatements;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.deal.RegistrationManagement;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.partner.PartnerView;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A partner's page: its scorecard (the eight KPIs with comparisons), side by side with another
 * partner's when asked, its last twelve months, its deals, registrations and commission. A partner
 * user sees only its own partner's page.
 */
@Controller
class PartnerPage {

    /** At most this many peers are offered in the comparison list, to keep the page light with thousands of partners. */
    static final int MAX_PEERS = 500;

    private final PartnerManagement partners;
    private final OpportunityManagement opportunities;
    private final RegistrationManagement registrations;
    private final CommissionStatements commissions;
    private final Kpis kpis;
    private final KpiCards cards;
    private final OrganizationSettings organization;
    private final PartnerDirectory directory;
    private final LeadManagement leads;
    private final CurrentActor actor;

    private final PlanView plan;
    private final io.partnerpulse.shared.References references;

    private final io.partnerpulse.fund.FundManagement funds;
    private final io.partnerpulse.recommendation.TierStandings tiers;
    private final org.springframework.context.MessageSource messages;

    PartnerPage(PlanView plan, PartnerDirectory directory, CurrentActor actor, PartnerManagement partners, OpportunityManagement opportunities, RegistrationManagement registrations,
                CommissionStatements commissions, Kpis kpis, KpiCards cards, OrganizationSettings organization,
                io.partnerpulse.shared.References references, LeadManagement leads, io.partnerpulse.fund.FundManagement funds,
                io.partnerpulse.recommendation.TierStandings tiers, org.springframework.context.MessageSource messages,
                io.partnerpulse.partner.Certifications certifications, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.certifications = certifications;
        this.messages = messages;
        this.funds = funds;
        this.tiers = tiers;
        this.references = references;
        this.leads = leads;
        this.plan = plan;
        this.directory = directory;
        this.actor = actor;
        this.partners = partners;
        this.opportunities = opportunities;
        this.registrations = registrations;
        this.commissions = commissions;
        this.kpis = kpis;
        this.cards = cards;
        this.organization = organization;
    }

    private final io.partnerpulse.partner.Certifications certifications;
    private final tools.jackson.databind.json.JsonMapper json;

    /** One month of the partner's history. */
    public record Month(String month, String revenue, long deals, String winRate) {
    }

    @GetMapping("/partners/{id}")
    String partner(@PathVariable long id, @RequestParam Map<String, String> params,
                   @RequestParam(name = "compare", required = false) Long otherId,
                   @RequestParam(name = "compareWith", required = false) String otherName, Model model, Locale locale) {
        PartnerView partner = partners.get(id);
        Selection asked = Selection.parse(params, LocalDate.now(organization.timeZone()));
        Selection selection = new Selection(asked.period(), asked.from(), asked.to(), null, null, null, null, null, id, null);
        Format format = new Format(locale, organization.currency());
        model.addAttribute("partner", partner);
        model.addAttribute("certifiedPeople", certifications.certifiedPeople(List.of(id), certifications.today()).getOrDefault(id, 0L));
        model.addAttribute("managerName", partner.partnerManagerId() == null ? null
                : references.names(io.partnerpulse.shared.References.Kind.EMPLOYEE, List.of(partner.partnerManagerId())).get(partner.partnerManagerId()));
        model.addAttribute("distributorName", partner.distributorId() == null ? null
                : references.names(io.partnerpulse.shared.References.Kind.PARTNER, List.of(partner.distributorId())).get(partner.distributorId()));
        model.addAttribute("resellerCount", partner.distributor() ? partners.resellerCount(id) : 0L);
        model.addAttribute("selection", selection);
        model.addAttribute("periods", Selection.PERIODS);
        model.addAttribute("cards", cards.cards(query(selection, id), locale).cards());
        model.addAttribute("recommendations", plan.forSelection(selection, locale));
        if (otherName != null && !otherName.isBlank() && actor.partner().isEmpty()) {
            // the form names the partner to compare with; several matches are offered
            io.partnerpulse.shared.References.Named named = references.named(io.partnerpulse.shared.References.Kind.PARTNER, otherName, 20, id);
            otherId = named.id();
            if (otherId == null) {
                model.addAttribute("compareAsked", otherName.strip());
                model.addAttribute("compareCandidates", named.candidates());
            }
        }
        if (otherId != null && otherId != id) {
            PartnerView other = partners.get(otherId);
            model.addAttribute("other", other);
            model.addAttribute("otherCards", cards.cards(query(selection, otherId), locale).cards());
        }
        LocalDate historyFrom = YearMonth.from(selection.to().minusDays(1)).minusMonths(11).atDay(1);
        List<KpiReport.Group> historyGroups = kpis.report(KpiQuery.of(historyFrom, selection.to())
                .withGroupBy(Dimension.MONTH).withFilters(Map.of(Dimension.PARTNER, List.of(Long.toString(id))))).groups();
        List<Month> history = historyGroups.stream()
                .map(g -> new Month(format.month(g.key()), format.money(g.kpis().wonRevenue().value()), g.kpis().dealCount().value(),
                        format.percent(g.kpis().winRate().value())))
                .toList();
        model.addAttribute("history", history);
        // the same months charted: won revenue as bars, the win rate as a line (null: no deal closed that month)
        Map<String, Object> chart = new java.util.LinkedHashMap<>();
        chart.put("months", historyGroups.stream().map(g -> format.month(g.key())).toList());
        chart.put("revenue", historyGroups.stream().map(g -> g.kpis().wonRevenue().value()).toList());
        chart.put("winRate", historyGroups.stream().map(g -> g.kpis().winRate().value()).toList());
        chart.put("currency", organization.currency());
        chart.put("series", List.of(messages.getMessage("leaderboard.revenue", null, locale), messages.getMessage("leaderboard.winRate", null, locale)));
        model.addAttribute("historyChart", json.writeValueAsString(chart));
        model.addAttribute("deals", opportunities.forPartner(id, 0, 20));
        model.addAttribute("registrations", registrations.forPartner(id, 0, 20));
        model.addAttribute("openLeads", leads.openLeads(id));
        model.addAttribute("funds", funds.totals(id, null));
        model.addAttribute("tierStanding", tiers.standings(id, null).stream().findFirst()
                .map(t -> messages.getMessage("partner.tierStanding", new Object[] {t.months(), io.partnerpulse.recommendation.TierStandings.said(t,
                        messages, format, locale)}, locale)).orElse(null));
        model.addAttribute("commission", commissions.statement(id, selection.from(), selection.to()));
        model.addAttribute("format", format);
        // peers of the same tier, offered by name; any other partner is still reachable by its id
        model.addAttribute("peers", actor.partner().isPresent() ? List.of() : directory.peers(partner.tier(), id, MAX_PEERS));
        return "partner";
    }

    private static KpiQuery query(Selection selection, long partnerId) {
        return new KpiQuery(selection.from(), selection.to(), null, Map.of(Dimension.PARTNER, List.of(Long.toString(partnerId))),
                Set.of(KpiQuery.Comparison.PREVIOUS, KpiQuery.Comparison.LAST_YEAR), KpiQuery.CloseRateVariant.COHORT,
                KpiQuery.AverageDealSizeVariant.PER_DEAL);
    }

}
