package io.partnerpulse.recommendation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The forecast of won revenue and deals for the coming months from the open pipeline, learned from
 * what happened to the pipeline before: at six monthly snapshots ending one horizon before the
 * as-of day, every open deal is classed by its stage and how long it had been in it, and what share
 * of such deals was won in the first, second, … month after the snapshot is counted (per partner
 * tier where at least {@value #MIN_HISTORY} deals give a share, else over all deals). Each deal open
 * on the as-of day then counts with those shares, month by month. Deals that never close pull the
 * shares down, as they should: a deal idle for a year in prospecting is not as good as a fresh one.
 * The range is the 90% interval of the sum of independent chances. A backtest makes the same
 * forecast at a past day, from what was known then, and sets it against what the pipeline of that
 * day went on to win.
 */
@Service
public class Forecasts {

    static final int MIN_HISTORY = 30;
    static final int SNAPSHOTS = 6;
    /** The horizon of the plan page's forecast, in months. */
    public static final int PLAN_MONTHS = 3;
    private static final BigDecimal Z90 = new BigDecimal("1.645");
    /** Days in the stage that start each class: under 30, 30 to 90, 90 to 180, 180 to 365, a year and more. */
    static final int[] AGE_CLASSES = {0, 30, 90, 180, 365};

    private final JdbcClient jdbc;
    private final Kpis kpis;
    private final OrganizationSettings organization;
    private final Clock clock;
    private final Map<String, List<Rate>> learned = new java.util.concurrent.ConcurrentHashMap<>();

    private final boolean learnAhead;

    Forecasts(JdbcClient jdbc, Kpis kpis, OrganizationSettings organization, Clock clock,
              @org.springframework.beans.factory.annotation.Value("${partnerpulse.forecast.learn-ahead:true}") boolean learnAhead) {
        this.learnAhead = learnAhead;
        this.jdbc = jdbc;
        this.kpis = kpis;
        this.organization = organization;
        this.clock = clock;
    }

    /** One month of the forecast, [from, to). {@code actual…} only in a backtest: what the pipeline of the as-of day won in it. */
    public record Month(LocalDate from, LocalDate to, BigDecimal expectedRevenue, BigDecimal low, BigDecimal high,
                       BigDecimal expectedDeals, BigDecimal target, BigDecimal actualRevenue, Long actualDeals) {
    }

    /**
     * What the past says of deals in a stage, in the stage for at least {@code daysInStage} days:
     * how many there were at the snapshots and the share of them won in each month after.
     */
    public record Rate(String stage, int daysInStage, String tier, long deals, List<BigDecimal> wonShareByMonth) {
    }

    /**
     * @param asOf      the day the forecast is made at (its start, in the organization's time zone)
     * @param openDeals the open deals it counts
     * @param error     in a backtest: (expected − actual) ÷ actual over the whole horizon
     */
    public record Forecast(LocalDate asOf, String currency, String scope, Long scopeId, long openDeals, List<Month> months,
                           BigDecimal expectedRevenue, BigDecimal low, BigDecimal high, BigDecimal actualRevenue, BigDecimal error,
                           List<Rate> rates) {
    }

    private record Deal(BigDecimal amount, String stage, int ageClass, String tier, boolean wonLater, OffsetDateTime closedAt) {
    }

    static int ageClass(long days) {
        int c = 0;
        for (int i = 0; i < AGE_CLASSES.length; i++) {
            if (days >= AGE_CLASSES[i]) {
                c = i;
            }
        }
        return c;
    }

    /** The deals open at {@code :at} (within the scope), in base currency at the day's rate, with their stage at that instant. */
    private static String openAt(String where) {
        return """
                select o.amount * coalesce(fx.rate, case when o.currency = :base then 1 end) as amount, h.to_stage,
                       floor(extract(epoch from :at - h.changed_at) / 86400)::bigint as days, coalesce(p.tier, 'DIRECT') as tier,
                       o.stage = 'WON' as won, o.closed_at
                from opportunity o
                join lateral (select c.to_stage, c.changed_at from stage_change c where c.opportunity_id = o.id and c.changed_at <= :at
                              order by c.changed_at desc, c.id desc limit 1) h on true
                left join partner p on p.id = o.partner_id
                left join lateral (select r.rate_to_base as rate from exchange_rate r where r.currency = o.currency
                                   and r.rate_date <= cast(:at as date) order by r.rate_date desc limit 1) fx on true
                where o.created_at <= :at and (o.closed_at is null or o.closed_at > :at)
                  and h.to_stage in ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION')""" + where;
    }

    private List<Deal> open(OffsetDateTime at, String where, Long id) {
        return jdbc.sql(openAt(where)).param("at", at).param("base", organization.currency()).param("id", id == null ? 0L : id)
                .query((rs, n) -> new Deal(rs.getBigDecimal(1) == null ? BigDecimal.ZERO : rs.getBigDecimal(1), rs.getString(2),
                        ageClass(rs.getLong(3)), rs.getString(4), rs.getBoolean(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }

    public Forecast forecast(Recommendations.Scope scope, Long id, LocalDate asOf, int months, boolean backtest) {
        if (months < 1 || months > 12) {
            throw ApiError.invalidParameter("months", "months is 1 to 12", null);
        }
        if (scope != Recommendations.Scope.PROGRAM && id == null) {
            throw ApiError.invalidParameter("id", "the id of the " + scope.name().toLowerCase(Locale.ROOT) + " is required", null);
        }
        ZoneId zone = organization.timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate day = asOf == null ? today : asOf;
        if (day.isAfter(today)) {
            throw ApiError.invalidParameter("asOf", "a forecast is made today or, for a backtest, at a past day", null);
        }
        List<Rate> rates = learned.computeIfAbsent(day + "/" + months, key -> learn(day, months));
        if (learned.size() > 64) {
            learned.clear();
        }

        // apply them to the deals open on the day
        return apply(scope, id, day, months, backtest, rates);
    }

    /**
     * Learns today's rates for the plan page's horizon before anyone asks: soon after the start and
     * then every few minutes (nothing to do while today's are kept), so that the first plan of a day
     * does not wait for six past pipelines to be read (1.7 s on the demo data, ~3 s at a million deals).
     * Off ({@code partnerpulse.forecast.learn-ahead=false}) for the command line's import and the
     * benchmarks, where nobody opens a plan and the reads would share the CPU with what is measured.
     */
    @org.springframework.scheduling.annotation.Scheduled(initialDelayString = "${partnerpulse.forecast.learn-after:20s}",
            fixedDelayString = "${partnerpulse.forecast.learn-every:10m}")
    void learnToday() {
        if (!learnAhead) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(organization.timeZone()));
        learned.computeIfAbsent(today + "/" + PLAN_MONTHS, key -> learn(today, PLAN_MONTHS));
    }

    /** Whether the rates of this day and horizon are kept (for tests). */
    boolean hasLearned(LocalDate day, int months) {
        return learned.containsKey(day + "/" + months);
    }

    /** Forgets every learned rate (for tests). */
    void forgetLearned() {
        learned.clear();
    }

    /**
     * What became of the deals open at each snapshot, month by month (program-wide, for enough
     * history). It reads six past pipelines, the expensive part of a forecast, and depends only on
     * the day and the horizon: it is kept per day.
     */
    private List<Rate> learn(LocalDate day, int months) {
        ZoneId zone = organization.timeZone();
        Map<String, long[]> counts = new HashMap<>();
        for (int k = 0; k < SNAPSHOTS; k++) {
            LocalDate snapshotDay = day.minusMonths(months + k);
            OffsetDateTime snapshot = snapshotDay.atStartOfDay(zone).toOffsetDateTime();
            for (Deal deal : open(snapshot, "", null)) {
                int wonMonth = -1;
                if (deal.wonLater() && deal.closedAt() != null) {
                    for (int m = 0; m < months; m++) {
                        if (deal.closedAt().isBefore(snapshotDay.plusMonths(m + 1).atStartOfDay(zone).toOffsetDateTime())) {
                            wonMonth = m;
                            break;
                        }
                    }
                }
                for (String key : List.of(deal.stage() + "/" + deal.ageClass() + "/" + deal.tier(), deal.stage() + "/" + deal.ageClass() + "/")) {
                    long[] c = counts.computeIfAbsent(key, x -> new long[months + 1]);
                    c[0]++;
                    if (wonMonth >= 0) {
                        c[wonMonth + 1]++;
                    }
                }
            }
        }
        List<Rate> rates = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String[] key = e.getKey().split("/", -1);
            List<BigDecimal> shares = new ArrayList<>();
            for (int m = 1; m <= months; m++) {
                shares.add(BigDecimal.valueOf(e.getValue()[m]).divide(BigDecimal.valueOf(e.getValue()[0]), 4, RoundingMode.HALF_EVEN));
            }
            rates.add(new Rate(key[0], AGE_CLASSES[Integer.parseInt(key[1])], key[2].isEmpty() ? null : key[2], e.getValue()[0], shares));
        });
        return List.copyOf(rates);
    }

    private Forecast apply(Recommendations.Scope scope, Long id, LocalDate day, int months, boolean backtest, List<Rate> rates) {
        ZoneId zone = organization.timeZone();
        OffsetDateTime at = day.atStartOfDay(zone).toOffsetDateTime();
        List<Deal> deals = open(at, scopeCondition(scope), id);
        BigDecimal[] expected = zeros(months);
        BigDecimal[] variance = zeros(months);
        BigDecimal[] dealsExpected = zeros(months);
        BigDecimal[] actual = zeros(months);
        long[] actualDeals = new long[months];
        for (Deal deal : deals) {
            Rate rate = rate(rates, deal.stage(), AGE_CLASSES[deal.ageClass()], deal.tier());
            for (int m = 0; m < months && rate != null; m++) {
                BigDecimal p = rate.wonShareByMonth().get(m);
                expected[m] = expected[m].add(p.multiply(deal.amount()));
                variance[m] = variance[m].add(p.multiply(BigDecimal.ONE.subtract(p)).multiply(deal.amount()).multiply(deal.amount()));
                dealsExpected[m] = dealsExpected[m].add(p);
            }
            if (backtest && deal.wonLater() && deal.closedAt() != null) {
                for (int m = 0; m < months; m++) {
                    if (deal.closedAt().isBefore(day.plusMonths(m + 1).atStartOfDay(zone).toOffsetDateTime())) {
                        actual[m] = actual[m].add(deal.amount());
                        actualDeals[m]++;
                        break;
                    }
                }
            }
        }
        List<Month> result = new ArrayList<>();
        BigDecimal totalExpected = BigDecimal.ZERO;
        BigDecimal totalVariance = BigDecimal.ZERO;
        BigDecimal totalActual = BigDecimal.ZERO;
        Map<Dimension, List<String>> filters = scope.filters(id);
        for (int m = 0; m < months; m++) {
            LocalDate from = day.plusMonths(m);
            LocalDate to = day.plusMonths(m + 1);
            BigDecimal sigma = variance[m].sqrt(MathContext.DECIMAL64);
            KpiReport.WonRevenue revenue = kpis.report(KpiQuery.of(from, to).withFilters(filters)).groups().get(0).kpis().wonRevenue();
            result.add(new Month(from, to, money(expected[m]), money(expected[m].subtract(Z90.multiply(sigma)).max(BigDecimal.ZERO)),
                    money(expected[m].add(Z90.multiply(sigma))), dealsExpected[m].setScale(1, RoundingMode.HALF_EVEN), revenue.target(),
                    backtest ? money(actual[m]) : null, backtest ? actualDeals[m] : null));
            totalExpected = totalExpected.add(expected[m]);
            totalVariance = totalVariance.add(variance[m]);
            totalActual = totalActual.add(actual[m]);
        }
        BigDecimal sigma = totalVariance.sqrt(MathContext.DECIMAL64);
        BigDecimal error = backtest && totalActual.signum() > 0
                ? totalExpected.subtract(totalActual).divide(totalActual, 4, RoundingMode.HALF_EVEN) : null;
        return new Forecast(day, organization.currency(), scope.name().toLowerCase(Locale.ROOT), id, deals.size(), result,
                money(totalExpected), money(totalExpected.subtract(Z90.multiply(sigma)).max(BigDecimal.ZERO)),
                money(totalExpected.add(Z90.multiply(sigma))), backtest ? money(totalActual) : null, error, rates);
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] values = new BigDecimal[n];
        java.util.Arrays.fill(values, BigDecimal.ZERO);
        return values;
    }

    /** The tier's shares where its history is long enough, else those of all deals in the same stage and class. */
    static Rate rate(List<Rate> rates, String stage, int daysInStage, String tier) {
        Rate all = null;
        for (Rate r : rates) {
            if (r.stage().equals(stage) && r.daysInStage() == daysInStage) {
                if (tier.equals(r.tier()) && r.deals() >= MIN_HISTORY) {
                    return r;
                }
                if (r.tier() == null) {
                    all = r;
                }
            }
        }
        return all;
    }

    private static String scopeCondition(Recommendations.Scope scope) {
        return switch (scope) {
            case PROGRAM -> "";
            case PARTNER -> " and o.partner_id = :id";
            case EMPLOYEE -> " and o.owner_id = :id";
            case DEPARTMENT -> " and o.owner_id in (select e.id from employee e where e.department_id = :id)";
            case UNIT -> " and o.owner_id in (select e.id from employee e join department d on d.id = e.department_id"
                    + " where d.business_unit_id = :id)";
        };
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }
}
