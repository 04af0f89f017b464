package io.partnerpulse.kpi.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

/** The partner leaderboard: quality score rank with its components, the trend against the previous period and over the last six. */
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
                      long deals, BigDecimal winRate, BigDecimal dealSuccess, Sparkline sparkline) {

        Row with(Sparkline line) {
            return new Row(key, name, rank, score, previous, trend, revenue, deals, winRate, dealSuccess, line);
        }
    }

    /** Partners per page: thousands of partners are read a page at a time, their trend lines made for that page only. */
    static final int PAGE_SIZE = 50;

    /** How many periods of the same length, ending with the one shown, the trend line spans. */
    static final int TREND_PERIODS = 6;

    /**
     * A partner's quality score over the last {@link #TREND_PERIODS} periods, drawn as an SVG
     * polyline on a fixed 0 to 100 scale so that rows compare; periods without a score are left out.
     */
    public record Sparkline(List<BigDecimal> scores, String points, String values) {

        static final int WIDTH = 90;
        static final int HEIGHT = 24;

        static Sparkline of(List<BigDecimal> scores, Format format) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < scores.size(); i++) {
                BigDecimal score = scores.get(i);
                if (score == null) {
                    continue;
                }
                double x = scores.size() == 1 ? 0 : i * (double) WIDTH / (scores.size() - 1);
                double y = HEIGHT - 2 - score.doubleValue() / 100 * (HEIGHT - 4);
                points.append(points.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            String values = String.join(", ", scores.stream().map(format::decimal).toList());
            return new Sparkline(scores, points.toString(), values);
        }
    }

    @GetMapping("/leaderboard")
    String leaderboard(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                       @RequestParam(required = false) LocalDate through, @RequestParam(defaultValue = "rank") String sort, @RequestParam(required = false) String q,
                       @RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
        LocalDate today = LocalDate.now(organization.timeZone());
        LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1);
        LocalDate start = from != null ? from : quarter.minusMonths(3);
        // the form's last day is included ("through"); links carry the day after it ("to"), as the API does
        LocalDate asked = through != null && through.isBefore(LocalDate.MAX) ? through.plusDays(1) : to;
        LocalDate end = asked != null && asked.isAfter(start) ? asked : start.plusMonths(3);
        KpiReport report = kpis.report(KpiQuery.of(start, end).withGroupBy(Dimension.PARTNER).withCompare(Set.of()));
        Format format = new Format(locale, organization.currency());
        String search = q == null || q.isBlank() ? null : q.strip().toLowerCase(locale);
        List<Row> ranked = report.groups().stream()
                .filter(g -> g.kpis().qualityScore() != null && g.kpis().qualityScore().value() != null)
                // a search narrows the board; the ranks stay those among all active partners
                .filter(g -> search == null || g.label().toLowerCase(locale).contains(search))
                .map(g -> {
                    KpiReport.QualityScore score = g.kpis().qualityScore();
                    BigDecimal before = score.previous() == null ? null : score.previous().orElse(null);
                    String trend = before == null ? "flat"
                            : score.value().compareTo(before) > 0 ? "up" : score.value().compareTo(before) < 0 ? "down" : "flat";
                    return new Row(g.key(), g.label(), score.rank(), score.value(), before, trend, g.kpis().wonRevenue().value(),
                            g.kpis().dealCount().value(), g.kpis().winRate().value(), g.kpis().dealSuccess().value(), null);
                })
                .sorted(comparator(SORTS.contains(sort) ? sort : "rank"))
                .toList();
        int pages = Math.max(1, (ranked.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(0, page), pages - 1);
        List<Row> onPage = ranked.subList(Math.min(ranked.size(), shown * PAGE_SIZE), Math.min(ranked.size(), (shown + 1) * PAGE_SIZE));
        Map<String, List<BigDecimal>> history = history(start, end, onPage.stream().map(Row::key).toList());
        List<Row> rows = onPage.stream().map(r -> r.with(Sparkline.of(history.get(r.key()), format))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("board", new io.partnerpulse.shared.Page<>(rows, shown, PAGE_SIZE, ranked.size()));
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("sort", sort);
        model.addAttribute("q", q);
        model.addAttribute("format", format);
        return "kpi/leaderboard";
    }

    /**
     * The quality score of the partners {@code shown} in the {@link #TREND_PERIODS} periods ending
     * with the one shown, all in one pass: whole months are stepped back by months (quarters stay
     * quarters), other ranges by days. Ranks stay among all active partners.
     */
    private Map<String, List<BigDecimal>> history(LocalDate start, LocalDate end, List<String> shown) {
        boolean months = start.getDayOfMonth() == 1 && end.getDayOfMonth() == 1;
        long length = months ? ChronoUnit.MONTHS.between(start, end) : ChronoUnit.DAYS.between(start, end);
        List<Kpis.Span> periods = new ArrayList<>();
        for (int back = TREND_PERIODS - 1; back >= 0; back--) {
            periods.add(new Kpis.Span(shift(start, months, length * back), shift(end, months, length * back)));
        }
        return shown.isEmpty() ? Map.of() : kpis.qualityScores(shown, periods);
    }

    private static LocalDate shift(LocalDate date, boolean months, long back) {
        return months ? date.minusMonths(back) : date.minusDays(back);
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
