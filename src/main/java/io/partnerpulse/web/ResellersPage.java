package io.partnerpulse.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.partner.PartnerView;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two-tier distribution: a distributor's resellers side by side over a period (won revenue, deals,
 * win rate, average deal size, open pipeline, quality score), with the distributor's own deals and
 * the whole of its channel above them. Staff see any distributor's; a distributor's own users see
 * theirs (and only their own resellers' numbers: a reseller sees no such page).
 */
@Controller
class ResellersPage {

    /** How many resellers the chart compares: the period's best by won revenue (on the page shown). */
    static final int CHARTED = 15;

    /** Resellers per page, by name; their numbers are worked out for all of them at once. */
    static final int PAGE_SIZE = 200;

    private final PartnerManagement partners;
    private final Kpis kpis;
    private final OrganizationSettings organization;
    private final MessageSource messages;
    private final JsonMapper json;

    ResellersPage(PartnerManagement partners, Kpis kpis, OrganizationSettings organization, MessageSource messages, JsonMapper json) {
        this.partners = partners;
        this.kpis = kpis;
        this.organization = organization;
        this.messages = messages;
        this.json = json;
    }

    /** One partner's row: its KPIs in the period, formatted. */
    public record Row(PartnerView partner, String wonRevenue, long dealsWon, String winRate, String averageDealSize, String pipeline,
                      long openDeals, String qualityScore, BigDecimal revenue) {

        /** The table's number cells, in its columns' order. */
        public List<String> cells() {
            return List.of(wonRevenue, Long.toString(dealsWon), winRate, averageDealSize, pipeline, qualityScore);
        }
    }

    @GetMapping("/partners/{id}/resellers")
    String resellers(@PathVariable long id, @RequestParam Map<String, String> params,
                     @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        PartnerView distributor = partners.get(id);
        io.partnerpulse.shared.Page<PartnerView> listed = partners.resellers(id, Math.max(0, page), PAGE_SIZE);
        List<PartnerView> resellers = listed.items();
        model.addAttribute("listed", listed);
        Selection asked = Selection.parse(params, LocalDate.now(organization.timeZone()));
        Selection selection = new Selection(asked.period(), asked.from(), asked.to(), null, null, null, null, null, null, null);
        Format format = new Format(locale, organization.currency());
        model.addAttribute("distributor", distributor);
        model.addAttribute("selection", selection);
        model.addAttribute("periods", Selection.PERIODS);
        model.addAttribute("format", format);
        if (!distributor.distributor()) {
            model.addAttribute("rows", List.of());
            return "resellers";
        }
        KpiQuery period = KpiQuery.of(selection.from(), selection.to()).withCompare(java.util.Set.of());
        // the distributor's channel: its own deals and its resellers', as one
        Map<Dimension, List<String>> channel = Map.of(Dimension.DISTRIBUTOR, List.of(Long.toString(id)));
        KpiReport whole = kpis.report(period.withGroupBy(Dimension.DISTRIBUTOR).withFilters(channel));
        KpiReport byPartner = kpis.report(period.withGroupBy(Dimension.PARTNER).withFilters(channel));
        Map<String, KpiReport.Kpis> byKey = new HashMap<>();
        byPartner.groups().forEach(g -> byKey.put(g.key(), g.kpis()));
        List<Row> rows = resellers.stream().map(r -> row(r, byKey.get(Long.toString(r.id())), format))
                .sorted(Comparator.comparing(Row::revenue).reversed().thenComparing(r -> r.partner().name()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("own", row(distributor, byKey.get(Long.toString(id)), format));
        model.addAttribute("whole", whole.groups().stream().filter(g -> g.key().equals(Long.toString(id))).findFirst()
                .map(g -> row(distributor, g.kpis(), format)).orElse(row(distributor, null, format)));
        List<Row> charted = rows.stream().filter(r -> r.revenue().signum() > 0 || r.openDeals() > 0).limit(CHARTED).toList();
        model.addAttribute("chart", charted.isEmpty() ? null : json.writeValueAsString(Map.of(
                "currency", byPartner.currency(),
                "names", charted.stream().map(r -> r.partner().name()).toList(),
                "revenue", charted.stream().map(Row::revenue).toList(),
                "spend", charted.stream().map(r -> pipelineOf(byKey.get(Long.toString(r.partner().id())))).toList(),
                "series", List.of(messages.getMessage("resellers.wonRevenue", null, locale),
                        messages.getMessage("resellers.pipeline", null, locale)))));
        model.addAttribute("exportUrl", "/api/v1/kpis?groupBy=partner&distributorId=" + id + "&from=" + selection.from() + "&to=" + selection.to());
        return "resellers";
    }

    private static BigDecimal pipelineOf(KpiReport.Kpis k) {
        return k == null || k.pipeline() == null || k.pipeline().amount() == null ? BigDecimal.ZERO : k.pipeline().amount();
    }

    private static Row row(PartnerView partner, KpiReport.Kpis k, Format format) {
        if (k == null) {
            return new Row(partner, format.money(BigDecimal.ZERO), 0, "—", "—", format.money(BigDecimal.ZERO), 0, "—", BigDecimal.ZERO);
        }
        BigDecimal revenue = k.wonRevenue() == null || k.wonRevenue().value() == null ? BigDecimal.ZERO : k.wonRevenue().value();
        return new Row(partner, format.money(revenue), k.dealCount() == null ? 0 : k.dealCount().value(),
                k.winRate() == null || k.winRate().value() == null ? "—" : format.percent(k.winRate().value()),
                k.averageDealSize() == null || k.averageDealSize().value() == null ? "—" : format.money(k.averageDealSize().value()),
                format.money(pipelineOf(k)), k.pipeline() == null ? 0 : k.pipeline().count(),
                k.qualityScore() == null || k.qualityScore().value() == null ? "—" : format.decimal(k.qualityScore().value()), revenue);
    }
}
