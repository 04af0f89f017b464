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
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    static final List<String> PERIODS = List.of("this-month", "last-month", "this-quarter", "last-quarter", "this-year", "last-year", "custom");

    private final Kpis kpis;
    private final OrganizationSettings organization;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    DashboardController(Kpis kpis, OrganizationSettings organization, MessageSource messages, JdbcClient jdbc) {
        this.kpis = kpis;
        this.organization = organization;
        this.messages = messages;
        this.jdbc = jdbc;
    }



    @GetMapping("/")
    String dashboard(@RequestParam Map<String, String> params, Model model, Locale locale) {
        Selection selection = selection(params);
        KpiQuery query = new KpiQuery(selection.from(), selection.to(), null, selection.filters(),
                Set.of(Comparison.PREVIOUS, Comparison.LAST_YEAR), KpiQuery.CloseRateVariant.COHORT, KpiQuery.AverageDealSizeVariant.PER_DEAL);
        KpiReport.Kpis k = kpis.report(query).groups().get(0).kpis();
        ChannelReport channels = kpis.channels(query);
        ChannelReport channelsBefore = kpis.channels(query.withPeriod(previousFrom(selection), selection.from()));
        ChannelReport channelsYearBefore = kpis.channels(query.withPeriod(selection.from().minusYears(1), selection.to().minusYears(1)));
        List<KpiReport.Group> partners = kpis.report(query.withGroupBy(Dimension.PARTNER)).groups();
        Format f = new Format(locale, organization.currency());

        List<Card> cards = new ArrayList<>();
        cards.add(new Card("averageDealSize", msg("kpi.averageDealSize", locale), f.money(k.averageDealSize().value()),
                msg("kpi.averageDealSize.note", locale, f.money(k.averageDealSize().median())),
                change(k.averageDealSize().value(), k.averageDealSize().previous(), f), change(k.averageDealSize().value(), k.averageDealSize().lastYear(), f),
                null, "averageDealSize"));
        cards.add(new Card("dealCount", msg("kpi.dealCount", locale), f.count(k.dealCount().value()),
                msg("kpi.dealCount.note", locale, f.money(k.wonRevenue().value())),
                change(BigDecimal.valueOf(k.dealCount().value()), k.dealCount().previous(), f),
                change(BigDecimal.valueOf(k.dealCount().value()), k.dealCount().lastYear(), f),
                f.attainment(k.wonRevenue().attainment()), "dealCount"));
        cards.add(new Card("pipeline", msg("kpi.pipeline", locale), f.money(k.pipeline().amount()),
                msg("kpi.pipeline.note", locale, f.money(k.pipeline().weightedAmount()), f.ratio(k.pipeline().coverage())),
                change(k.pipeline().amount(), k.pipeline().previous(), f), change(k.pipeline().amount(), k.pipeline().lastYear(), f),
                f.attainment(k.pipeline().attainment()), "pipeline"));
        cards.add(new Card("channels", msg("kpi.channels", locale), f.percent(channels.total().roi()),
                msg("kpi.channels.note", locale, f.money(channels.total().spend()), f.money(channels.total().wonRevenue())),
                change(channels.total().roi(), Optional.ofNullable(channelsBefore.total().roi()), f),
                change(channels.total().roi(), Optional.ofNullable(channelsYearBefore.total().roi()), f), null, null));
        cards.add(new Card("closeRate", msg("kpi.closeRate", locale), f.percent(k.closeRate().value()),
                msg("kpi.closeRate.note", locale, f.percent(k.winRate().value())),
                change(k.closeRate().value(), k.closeRate().previous(), f), change(k.closeRate().value(), k.closeRate().lastYear(), f),
                null, "closeRate"));
        cards.add(new Card("velocity", msg("kpi.velocity", locale), f.money(k.salesVelocity().value()),
                msg("kpi.velocity.note", locale, f.decimal(k.salesCycleDays().value())),
                change(k.salesVelocity().value(), k.salesVelocity().previous(), f), change(k.salesVelocity().value(), k.salesVelocity().lastYear(), f),
                null, "salesCycleDays"));
        List<BigDecimal> scores = partners.stream().map(g -> g.kpis().qualityScore()).filter(s -> s != null && s.value() != null)
                .map(KpiReport.QualityScore::value).toList();
        List<BigDecimal> before = partners.stream().map(g -> g.kpis().qualityScore())
                .filter(s -> s != null && s.previous() != null && s.previous().isPresent()).map(s -> s.previous().get()).toList();
        BigDecimal median = median(scores);
        cards.add(new Card("qualityScore", msg("kpi.qualityScore", locale), f.decimal(median),
                msg("kpi.qualityScore.note", locale, f.count(scores.size())), change(median, Optional.ofNullable(median(before)), f), null,
                null, null));
        cards.add(new Card("dealSuccess", msg("kpi.dealSuccess", locale), f.percent(k.dealSuccess().value()),
                msg("kpi.dealSuccess.note", locale, f.percent(k.dealSuccess().approvalRate().value())),
                change(k.dealSuccess().value(), k.dealSuccess().previous(), f), change(k.dealSuccess().value(), k.dealSuccess().lastYear(), f),
                null, "dealSuccess"));

        boolean empty = k.dealCount().createdCount() == 0 && k.dealCount().value() == 0 && k.pipeline().count() == 0
                && k.closeRate().denominator().signum() == 0;
        model.addAttribute("selection", selection);
        model.addAttribute("cards", cards);
        model.addAttribute("empty", empty);
        model.addAttribute("periods", PERIODS);
        model.addAttribute("tiers", List.of("PLATINUM", "GOLD", "SILVER", "REGISTERED"));
        model.addAttribute("channelTypes", List.of("PAID", "EARNED", "OWNED"));
        model.addAttribute("units", jdbc.sql("select id, name from business_unit order by name").query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        model.addAttribute("departments", jdbc.sql("select id, name from department order by name").query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        model.addAttribute("regions", jdbc.sql("select distinct default_region from country order by 1").query(String.class).list());
        return "dashboard";
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
        series.put("months", byMonth.stream().map(KpiReport.Group::key).toList());
        series.put("revenue", byMonth.stream().map(g -> g.kpis().wonRevenue().value()).toList());
        series.put("deals", byMonth.stream().map(g -> g.kpis().dealCount().value()).toList());
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
                "spend", msg("chart.spend", locale), "weighted", msg("kpi.pipeline", locale), "closeRate", msg("kpi.closeRate", locale)));
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
        model.addAttribute("format", new Format(locale, organization.currency()));
        return "records";
    }

    // ---------------------------------------------------------------------------------------------
    private Selection selection(Map<String, String> params) {
        LocalDate today = LocalDate.now(organization.timeZone());
        String asked = params.get("period");
        String period = asked != null && PERIODS.contains(asked) ? asked : "this-quarter";
        YearMonth month = YearMonth.from(today);
        LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
        LocalDate from;
        LocalDate to;
        switch (period) {
            case "this-month" -> { from = month.atDay(1); to = month.plusMonths(1).atDay(1); }
            case "last-month" -> { from = month.minusMonths(1).atDay(1); to = month.atDay(1); }
            case "last-quarter" -> { from = quarter.minusMonths(3); to = quarter; }
            case "this-year" -> { from = LocalDate.of(today.getYear(), 1, 1); to = from.plusYears(1); }
            case "last-year" -> { from = LocalDate.of(today.getYear() - 1, 1, 1); to = from.plusYears(1); }
            case "custom" -> {
                from = date(params.get("from"), quarter);
                to = date(params.get("to"), quarter.plusMonths(3));
                if (!from.isBefore(to)) {
                    to = from.plusDays(1);
                }
            }
            default -> { from = quarter; to = quarter.plusMonths(3); }
        }
        return new Selection(period, from, to, choice(params.get("tier"), List.of("PLATINUM", "GOLD", "SILVER", "REGISTERED")),
                id(params.get("unitId")), id(params.get("departmentId")), choice(params.get("channelType"), List.of("PAID", "EARNED", "OWNED")),
                blankToNull(params.get("region")));
    }

    private static LocalDate previousFrom(Selection s) {
        if (s.from().getDayOfMonth() == 1 && s.to().getDayOfMonth() == 1) {
            return s.from().minusMonths(java.time.temporal.ChronoUnit.MONTHS.between(s.from(), s.to()));
        }
        return s.from().minusDays(java.time.temporal.ChronoUnit.DAYS.between(s.from(), s.to()));
    }

    private static LocalDate date(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String choice(String value, List<String> allowed) {
        return value != null && !value.isBlank() && allowed.contains(value) ? value : null;
    }

    private static Long id(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() || value.length() > 100 ? null : value;
    }

    private static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid)
                : sorted.get(mid - 1).add(sorted.get(mid)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN);
    }

    private static Card.Change change(BigDecimal now, Optional<BigDecimal> before, Format f) {
        if (now == null || before == null || before.isEmpty() || before.get().signum() == 0) {
            return null;
        }
        BigDecimal change = now.subtract(before.get()).divide(before.get().abs(), 4, RoundingMode.HALF_EVEN);
        return new Card.Change((change.signum() > 0 ? "+" : "") + f.percent(change), change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat");
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

}
