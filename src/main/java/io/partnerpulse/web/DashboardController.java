package io.partnerpulse.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiQuery.Comparison;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.kpi.RecordsPage;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.References;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The program dashboard: the eight KPI cards with their comparisons for a chosen period and
 * filters, the data of its charts, and the records behind any card. Numbers come from the KPI
 * module, which narrows them to what the signed-in user may see.
 */
@Controller
class DashboardController {

    /** Follow-ups due the dashboard names (the rest on /tasks). */
    static final int DUE_SHOWN = 5;

    private final Kpis kpis;
    private final KpiCards cards;
    private final OrganizationSettings organization;
    private final MessageSource messages;
    private final FilterChoices filterChoices;

    private final PlanView plan;
    private final io.partnerpulse.task.Tasks tasks;
    private final io.partnerpulse.shared.CurrentActor actor;
    private final References references;
    private final DashboardLayouts layouts;

    DashboardController(Kpis kpis, KpiCards cards, OrganizationSettings organization, MessageSource messages, FilterChoices filterChoices,
                        PlanView plan, io.partnerpulse.shared.CurrentActor actor, References references, io.partnerpulse.task.Tasks tasks,
                        DashboardLayouts layouts) {
        this.layouts = layouts;
        this.tasks = tasks;
        this.plan = plan;
        this.references = references;
        this.actor = actor;
        this.kpis = kpis;
        this.cards = cards;
        this.organization = organization;
        this.messages = messages;
        this.filterChoices = filterChoices;
    }



    @GetMapping("/")
    String dashboard(@RequestParam Map<String, String> params, Model model, Locale locale) {
        Selection selection = selection(params);
        KpiQuery query = new KpiQuery(selection.from(), selection.to(), null, selection.filters(),
                Set.of(Comparison.PREVIOUS, Comparison.LAST_YEAR), KpiQuery.CloseRateVariant.COHORT, KpiQuery.AverageDealSizeVariant.PER_DEAL);
        KpiCards.Result result = cards.cards(query, locale);
        filterChoices.addTo(model, selection, locale);
        // the reader's arrangement: its cards and charts in its order, the follow-ups and the plan if it keeps them
        DashboardLayouts.Layout layout = layouts.mine();
        Map<String, Card> byKey = new LinkedHashMap<>();
        result.cards().forEach(card -> byKey.put(card.key(), card));
        model.addAttribute("cards", layout.cards().stream().map(byKey::get).filter(java.util.Objects::nonNull).toList());
        model.addAttribute("charts", layout.charts());
        model.addAttribute("layout", layout);
        model.addAttribute("empty", result.empty());
        model.addAttribute("recommendations", layout.plan() ? plan.forSelection(selection, locale) : List.of());
        // the records behind a channel's numbers name its resellers' customers: not for a distributor's own users
        model.addAttribute("drillQuery", selection.distributorId() != null && actor.partner().isPresent() ? null : selection.query());
        // a partner user's dashboard is its own partner's: named so, without the program's tier and organization filters
        model.addAttribute("partnerName", actor.partner().map(id -> references.names(References.Kind.PARTNER, List.of(id)).get(id)).orElse(null));
        // what the reader must do today: its follow-ups due or overdue, a few (the rest on /tasks)
        model.addAttribute("dueFollowUps", layout.followUps() ? tasks.dueMine(DUE_SHOWN) : List.of());
        model.addAttribute("today", tasks.today());
        model.addAttribute("scorecard", scorecard(selection));
        // scheduled reports have no distributor's channel: no schedule link for one
        model.addAttribute("scorecardSubject", selection.distributorId() != null ? null
                : selection.partnerId() != null ? "partner:" + selection.partnerId()
                : selection.employeeId() != null ? "employee:" + selection.employeeId() : "program");
        return "dashboard";
    }

    /**
     * The scorecard of what the dashboard shows: a partner's or an employee's when a link narrowed it
     * to one, a distributor's channel's, the program's otherwise; none for a campaign (a scorecard is of a partner, a person or a
     * part of the organization, and the program's would not be the numbers shown).
     */
    private String scorecard(Selection selection) {
        String query = selection.withoutRecordFilters().query();
        if (selection.campaignId() != null) {
            return null;
        }
        if (selection.distributorId() != null) {
            return "/partners/" + selection.distributorId() + "/channel-scorecard.pdf?" + query;
        }
        if (selection.partnerId() != null) {
            return "/partners/" + selection.partnerId() + "/scorecard.pdf?" + query;
        }
        return selection.employeeId() != null ? "/organization/employee/" + selection.employeeId() + "/scorecard.pdf?" + query
                : "/scorecard.pdf?" + query;
    }

    /** The data of the dashboard's charts, for the same period and filters. */
    @GetMapping("/dashboard/series")
    @ResponseBody
    Map<String, Object> series(@RequestParam Map<String, String> params, Locale locale) {
        Selection selection = selection(params);
        Map<String, Object> series = new LinkedHashMap<>();
        LocalDate monthsFrom = YearMonth.from(selection.to().minusDays(1)).minusMonths(11).atDay(1);
        KpiQuery months = KpiQuery.of(monthsFrom, selection.to()).withFilters(selection.filters()).withGroupBy(Dimension.MONTH);
        List<KpiReport.Group> byMonth = kpis.report(months).groups();
        Format format = new Format(locale, organization.currency());
        series.put("months", byMonth.stream().map(g -> format.month(g.key())).toList());
        series.put("revenue", byMonth.stream().map(g -> g.kpis().wonRevenue().value()).toList());
        series.put("deals", byMonth.stream().map(g -> g.kpis().dealCount().value()).toList());
        series.put("cycleDays", byMonth.stream().map(g -> g.kpis().salesCycleDays().value()).toList());
        series.put("velocity", byMonth.stream().map(g -> g.kpis().salesVelocity().value()).toList());
        List<KpiReport.Group> byRegion = kpis.report(KpiQuery.of(selection.from(), selection.to()).withFilters(selection.filters())
                .withGroupBy(Dimension.REGION)).groups().stream().filter(g -> !g.key().equals("none")).toList();
        series.put("regions", byRegion.stream().map(KpiReport.Group::label).toList());
        series.put("regionCloseRates", byRegion.stream().map(g -> g.kpis().closeRate().value()).toList());
        KpiReport.Pipeline pipeline = kpis.report(KpiQuery.of(selection.from(), selection.to()).withFilters(selection.filters()))
                .groups().get(0).kpis().pipeline();
        series.put("stages", pipeline.byStage().stream().map(s -> msg("stage." + s.stage(), locale)).toList());
        series.put("stageAmounts", pipeline.byStage().stream().map(KpiReport.StageSlice::amount).toList());
        series.put("stageWeighted", pipeline.byStage().stream().map(KpiReport.StageSlice::weightedAmount).toList());
        ChannelReport channels = kpis.channels(KpiQuery.of(selection.from(), selection.to()).withFilters(selection.filters()));
        series.put("channelTypes", channels.channelTypes().stream().map(ChannelReport.Row::label).toList());
        series.put("spend", channels.channelTypes().stream().map(ChannelReport.Row::spend).toList());
        series.put("channelRevenue", channels.channelTypes().stream().map(ChannelReport.Row::wonRevenue).toList());
        KpiQuery seasons = KpiQuery.of(selection.to().minusYears(2), selection.to()).withFilters(selection.filters())
                .withGroupBy(Dimension.MONTH_OF_YEAR);
        Map<String, BigDecimal> closeRates = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            closeRates.put(Integer.toString(m), null);
        }
        kpis.report(seasons).groups().forEach(g -> closeRates.put(g.key(), g.kpis().closeRate().value()));
        series.put("monthsOfYear", closeRates.keySet().stream()
                .map(m -> java.time.Month.of(Integer.parseInt(m)).getDisplayName(java.time.format.TextStyle.SHORT, locale)).toList());
        series.put("closeRates", new ArrayList<>(closeRates.values()));
        series.put("labels", Map.of("revenue", msg("chart.revenue.series", locale), "deals", msg("chart.deals.series", locale),
                "spend", msg("chart.spend", locale), "weighted", msg("kpi.pipeline", locale), "closeRate", msg("kpi.closeRate", locale),
                "cycle", msg("chart.cycle.series", locale), "velocity", msg("kpi.velocity", locale)));
        series.put("currency", organization.currency());
        return series;
    }

    /** The records behind a card's number. */
    @GetMapping("/dashboard/records")
    String records(@RequestParam Map<String, String> params, @RequestParam String kpi, @RequestParam(defaultValue = "0") int page,
                   Model model, Locale locale) {
        Selection selection = selection(params);
        if (!List.of("averageDealSize", "dealCount", "pipeline", "closeRate", "salesCycleDays", "dealSuccess").contains(kpi)) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        RecordsPage records = kpis.records(kpi, KpiQuery.of(selection.from(), selection.to()).withFilters(selection.filters()),
                null, Math.max(0, page), 50);
        model.addAttribute("selection", selection);
        model.addAttribute("kpi", kpi);
        model.addAttribute("kpiTitle", msg(switch (kpi) {
            case "salesCycleDays" -> "kpi.velocity";
            default -> "kpi." + kpi;
        }, locale));
        model.addAttribute("records", records);
        model.addAttribute("narrowedTo", filterChoices.narrowedTo(selection, locale));
        model.addAttribute("format", new Format(locale, organization.currency()));
        return "records";
    }

    // ---------------------------------------------------------------------------------------------
    private Selection selection(Map<String, String> params) {
        return Selection.parse(params, LocalDate.now(organization.timeZone()));
    }




    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

}
