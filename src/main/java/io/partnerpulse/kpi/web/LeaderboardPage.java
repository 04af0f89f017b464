package io.partnerpulse.kpi.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.shared.Format;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The partner leaderboard: quality score rank with its components and the trend against the previous period. */
@Controller
class LeaderboardPage {

    static final List<String> SORTS = List.of("rank", "name", "revenue", "deals", "winRate", "dealSuccess");

    private final Kpis kpis;
    private final OrganizationSettings organization;

    LeaderboardPage(Kpis kpis, OrganizationSettings organization) {
        this.kpis = kpis;
        this.organization = organization;
    }

    /** One row of the board. */
    public record Row(String key, String name, Integer rank, BigDecimal score, BigDecimal previous, String trend, BigDecimal revenue,
                      long deals, BigDecimal winRate, BigDecimal dealSuccess) {
    }

    @GetMapping("/leaderboard")
    String leaderboard(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(defaultValue = "rank") String sort, Model model, Locale locale) {
        LocalDate today = LocalDate.now(organization.timeZone());
        LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
        LocalDate start = from != null ? from : quarter.minusMonths(3);
        LocalDate end = to != null && to.isAfter(start) ? to : start.plusMonths(3);
        KpiReport report = kpis.report(KpiQuery.of(start, end).withGroupBy(Dimension.PARTNER).withCompare(Set.of()));
        List<Row> rows = report.groups().stream()
                .filter(g -> g.kpis().qualityScore() != null && g.kpis().qualityScore().value() != null)
                .map(g -> {
                    KpiReport.QualityScore q = g.kpis().qualityScore();
                    BigDecimal before = q.previous() == null ? null : q.previous().orElse(null);
                    String trend = before == null ? "flat" : q.value().compareTo(before) > 0 ? "up" : q.value().compareTo(before) < 0 ? "down" : "flat";
                    return new Row(g.key(), g.label(), q.rank(), q.value(), before, trend, g.kpis().wonRevenue().value(),
                            g.kpis().dealCount().value(), g.kpis().winRate().value(), g.kpis().dealSuccess().value());
                })
                .sorted(comparator(SORTS.contains(sort) ? sort : "rank"))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("sort", sort);
        model.addAttribute("format", new Format(locale, organization.currency()));
        return "kpi/leaderboard";
    }

    private static Comparator<Row> comparator(String sort) {
        Comparator<BigDecimal> nullsLast = Comparator.nullsFirst(Comparator.<BigDecimal>naturalOrder());
        return switch (sort) {
            case "name" -> Comparator.comparing(Row::name, String.CASE_INSENSITIVE_ORDER);
            case "revenue" -> Comparator.comparing(Row::revenue, nullsLast).reversed();
            case "deals" -> Comparator.comparingLong(Row::deals).reversed();
            case "winRate" -> Comparator.comparing(Row::winRate, nullsLast).reversed();
            case "dealSuccess" -> Comparator.comparing(Row::dealSuccess, nullsLast).reversed();
            default -> Comparator.comparing(Row::rank).thenComparing(Row::name);
        };
    }
}
