package io.partnerpulse.kpi.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiProperties;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiQuery.AverageDealSizeVariant;
import io.partnerpulse.kpi.KpiQuery.CloseRateVariant;
import io.partnerpulse.kpi.KpiQuery.Comparison;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.KpiReport.Group;
import io.partnerpulse.kpi.KpiReport.Kpis;
import io.partnerpulse.kpi.internal.PeriodTotals.Totals;

/**
 * Turns the sums of {@link PeriodTotals} into the eight KPIs of docs/kpis.md, with their
 * comparisons, targets and quality score ranks. Works on one snapshot; holds no state of its own
 * beyond indexes of that snapshot.
 */
final class KpiCalculator {

    static final int MONEY = 2;
    static final int RATIO = 4;
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final KpiSnapshot s;
    private final Keys keys;
    private final StageProbabilities probabilities;
    private final KpiProperties.QualityScoreWeights weights;

    KpiCalculator(KpiSnapshot s, KpiProperties properties) {
        this.s = s;
        this.keys = new Keys(s);
        this.probabilities = new StageProbabilities(properties);
        this.weights = properties.qualityScore();
    }

    Keys keys() {
        return keys;
    }

    KpiSnapshot snapshot() {
        return s;
    }

    StageProbabilities probabilities() {
        return probabilities;
    }

    /**
     * The totals of a period and of the comparisons the query asks for, in one pass: [current,
     * previous or null, last year or null]. With {@code alwaysPrevious} the previous period is
     * computed even when not asked (the quality score shows the previous period's).
     */
    private List<Map<Integer, Totals>> totalsWithComparisons(KpiQuery q, Filters filters, Dimension groupBy, Period p,
                                                             boolean alwaysPrevious) {
        boolean previous = alwaysPrevious || q.compare().contains(Comparison.PREVIOUS);
        boolean lastYear = q.compare().contains(Comparison.LAST_YEAR);
        List<Period> periods = new ArrayList<>(List.of(p));
        if (previous) {
            periods.add(p.previous(s.zone));
        }
        if (lastYear) {
            periods.add(p.lastYear(s.zone));
        }
        List<Map<Integer, Totals>> totals = PeriodTotals.compute(s, keys, probabilities, filters, groupBy, periods.toArray(Period[]::new),
                q.averageDealSize() == AverageDealSizeVariant.PER_CUSTOMER);
        List<Map<Integer, Totals>> result = new ArrayList<>();
        result.add(totals.get(0));
        result.add(previous ? totals.get(1) : null);
        result.add(lastYear ? totals.get(previous ? 2 : 1) : null);
        return result;
    }

    // =============================================================================================
    KpiReport report(KpiQuery q) {
        Filters filters = new Filters(s, keys, q.filters());
        List<Group> groups = new ArrayList<>();
        if (q.groupBy() == Dimension.MONTH) {
            for (YearMonth m = YearMonth.from(q.from()); m.atDay(1).isBefore(q.to()); m = m.plusMonths(1)) {
                LocalDate from = max(q.from(), m.atDay(1));
                LocalDate to = min(q.to(), m.plusMonths(1).atDay(1));
                Period p = Period.of(from, to, s.zone);
                List<Map<Integer, Totals>> totals = totalsWithComparisons(q, filters, null, p, false);
                int key = m.getYear() * 12 + m.getMonthValue() - 1;
                groups.add(new Group(keys.name(Dimension.MONTH, key), keys.label(Dimension.MONTH, key),
                        kpis(q, filters, p, 0, totals.get(0), totals.get(1), totals.get(2), null)));
            }
        } else {
            Period p = Period.of(q.from(), q.to(), s.zone);
            boolean byPartner = q.groupBy() == Dimension.PARTNER;
            List<Map<Integer, Totals>> all = totalsWithComparisons(q, filters, q.groupBy(), p, byPartner);
            Map<Integer, Totals> totals = all.get(0);
            Map<Integer, Totals> previous = q.compare().contains(Comparison.PREVIOUS) ? all.get(1) : null;
            Map<Integer, Totals> lastYear = all.get(2);
            Map<Integer, QualityScores.Score> quality = null;
            Set<Integer> groupKeys = new TreeSet<>(Comparator.comparingInt((Integer k) -> k == 0 ? Integer.MAX_VALUE : k));
            groupKeys.addAll(totals.keySet());
            if (q.groupBy() == null) {
                groupKeys.add(0);
            }
            QualityContext qc = null;
            if (q.groupBy() == Dimension.PARTNER) {
                QualityScores scores = new QualityScores(this, weights);
                Filters peersFilter = filters.without(Dimension.PARTNER);
                // the peers' totals are the report's unless the report is narrowed to some partners
                List<Map<Integer, Totals>> peerTotals = q.filters().containsKey(Dimension.PARTNER)
                        ? totalsWithComparisons(q, peersFilter, Dimension.PARTNER, p, true) : all;
                // the periods' scores are independent: worked out side by side on the read model's threads
                Period[] scored = q.compare().contains(Comparison.LAST_YEAR)
                        ? new Period[] {p, p.previous(s.zone), p.lastYear(s.zone)} : new Period[] {p, p.previous(s.zone)};
                List<Map<Integer, QualityScores.Score>> byPeriod = Slices.run(scored.length,
                        k -> scores.compute(scored[k], peersFilter, peerTotals.get(k)));
                quality = byPeriod.get(0);
                qc = new QualityContext(quality, byPeriod.get(1), scored.length > 2 ? byPeriod.get(2) : null);
                List<String> wanted = q.filters().get(Dimension.PARTNER);
                for (Integer peer : quality.keySet()) {
                    if (wanted == null || wanted.contains(Integer.toString(peer))) {
                        groupKeys.add(peer);
                    }
                }
            }
            Dimension g = q.groupBy();
            QualityContext scores = qc;
            // each group reads only its own totals: thousands of partners are worked out in slices on all cores, in order
            List<Integer> ordered = List.copyOf(groupKeys);
            int slices = ordered.size() > 500 ? Slices.cores() : 1;
            for (List<Group> part : Slices.run(slices, slice -> {
                List<Group> made = new ArrayList<>();
                for (int key : ordered.subList(ordered.size() * slice / slices, ordered.size() * (slice + 1) / slices)) {
                    made.add(new Group(g == null ? "all" : keys.name(g, key), g == null ? "All" : keys.label(g, key),
                            kpis(q, filters, p, key, totals, previous, lastYear, scores)));
                }
                return made;
            })) {
                groups.addAll(part);
            }
        }
        return new KpiReport(q.from(), q.to(), s.currency, s.zone.getId(),
                q.groupBy() == null ? null : q.groupBy().apiName(), groups, warnings());
    }

    /**
     * The quality scores of the partners the filters name, in each period: one pass over the facts
     * for all the periods, then each period's ranks among the peers (the partners passing the other
     * filters), as {@link #report} computes them for one period grouped by partner.
     */
    Map<String, List<BigDecimal>> qualityScores(Map<Dimension, List<String>> filterValues, List<io.partnerpulse.kpi.Kpis.Span> spans) {
        Filters peers = new Filters(s, keys, filterValues).without(Dimension.PARTNER);
        Period[] periods = spans.stream().map(span -> Period.of(span.from(), span.to(), s.zone)).toArray(Period[]::new);
        List<Map<Integer, Totals>> totals = PeriodTotals.compute(s, keys, probabilities, peers, Dimension.PARTNER, periods, false);
        QualityScores scores = new QualityScores(this, weights);
        Map<String, List<BigDecimal>> result = new java.util.LinkedHashMap<>();
        List<String> wanted = filterValues.getOrDefault(Dimension.PARTNER, List.of());
        for (String partner : wanted) {
            result.put(partner, new ArrayList<>(java.util.Collections.nCopies(periods.length, null)));
        }
        for (int k = 0; k < periods.length; k++) {
            Map<Integer, QualityScores.Score> scored = scores.compute(periods[k], peers, totals.get(k));
            for (String partner : wanted) {
                int key = keys.parse(Dimension.PARTNER, partner);
                QualityScores.Score score = key < 0 ? null : scored.get(key);
                result.get(partner).set(k, score == null ? null : score.value());
            }
        }
        return result;
    }

    private record QualityContext(Map<Integer, QualityScores.Score> current, Map<Integer, QualityScores.Score> previous,
                                  Map<Integer, QualityScores.Score> lastYear) {
    }

    private Kpis kpis(KpiQuery q, Filters filters, Period p, int key, Map<Integer, Totals> current,
                      Map<Integer, Totals> previous, Map<Integer, Totals> lastYear, QualityContext quality) {
        Totals t = current.getOrDefault(key, Totals.EMPTY);
        Totals prev = previous == null ? null : previous.getOrDefault(key, Totals.EMPTY);
        Totals ly = lastYear == null ? null : lastYear.getOrDefault(key, Totals.EMPTY);
        Dimension g = q.groupBy() == Dimension.MONTH ? null : q.groupBy();
        TargetScope scope = targetScope(g, key, filters);
        boolean timeBuckets = g == Dimension.MONTH_OF_YEAR || g == Dimension.SEASON;

        Function<Totals, BigDecimal> averageValue = x -> averageDealSize(x, q.averageDealSize());
        KpiReport.AverageDealSize average = new KpiReport.AverageDealSize(averageValue.apply(t), money(t.wonCents),
                BigDecimal.valueOf(q.averageDealSize() == AverageDealSizeVariant.PER_DEAL ? t.won : t.customerCount()),
                t.won == 0 ? null : BigDecimal.valueOf(t.wonAmounts.twiceMedian()).divide(BigDecimal.valueOf(200), MONEY, RoundingMode.HALF_EVEN),
                q.averageDealSize().apiName(), cmp(prev, averageValue), cmp(ly, averageValue));

        BigDecimal dealTarget = target(scope, "DEAL_COUNT", p.fromDate(), p.toDate());
        Function<Totals, BigDecimal> dealValue = x -> BigDecimal.valueOf(x.won);
        KpiReport.DealCount dealCount = new KpiReport.DealCount(t.won, t.created, t.lost, cmp(prev, dealValue),
                cmp(ly, dealValue), count(dealTarget), attainment(BigDecimal.valueOf(t.won), dealTarget));

        BigDecimal revenueTarget = target(scope, "REVENUE", p.fromDate(), p.toDate());
        Function<Totals, BigDecimal> revenueValue = x -> money(x.wonCents);
        KpiReport.WonRevenue revenue = new KpiReport.WonRevenue(money(t.wonCents), cmp(prev, revenueValue),
                cmp(ly, revenueValue), revenueTarget, attainment(money(t.wonCents), revenueTarget));

        KpiReport.Pipeline pipeline = timeBuckets ? null : pipeline(t, prev, ly, scope, p);

        Function<Totals, BigDecimal> closeValue = x -> q.closeRate() == CloseRateVariant.COHORT
                ? ratio(x.leadsCreated == 0 ? 0 : x.leadsWon, x.leadsCreated) : ratio(x.won, x.won + x.lost);
        KpiReport.Ratio closeRate = q.closeRate() == CloseRateVariant.COHORT
                ? new KpiReport.Ratio(closeValue.apply(t), BigDecimal.valueOf(t.leadsWon), BigDecimal.valueOf(t.leadsCreated),
                q.closeRate().apiName(), cmp(prev, closeValue), cmp(ly, closeValue))
                : new KpiReport.Ratio(closeValue.apply(t), BigDecimal.valueOf(t.won), BigDecimal.valueOf(t.won + t.lost),
                q.closeRate().apiName(), cmp(prev, closeValue), cmp(ly, closeValue));
        Function<Totals, BigDecimal> winValue = x -> ratio(x.won, x.won + x.lost);
        KpiReport.Ratio winRate = new KpiReport.Ratio(winValue.apply(t), BigDecimal.valueOf(t.won),
                BigDecimal.valueOf(t.won + t.lost), null, cmp(prev, winValue), cmp(ly, winValue));

        Function<Totals, BigDecimal> cycleValue = KpiCalculator::meanCycleDays;
        KpiReport.SalesCycle cycle = new KpiReport.SalesCycle(cycleValue.apply(t),
                t.won == 0 ? null : BigDecimal.valueOf(t.cycles.twiceMedian()).divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(2)), MONEY, RoundingMode.HALF_EVEN),
                BigDecimal.valueOf(t.cycleSeconds).divide(SECONDS_PER_DAY, MONEY, RoundingMode.HALF_EVEN),
                BigDecimal.valueOf(t.won), cmp(prev, cycleValue), cmp(ly, cycleValue));

        KpiReport.SalesVelocity velocity = timeBuckets ? null : new KpiReport.SalesVelocity(velocity(t), t.open,
                averageDealSize(t, AverageDealSizeVariant.PER_DEAL), winValue.apply(t), meanCycleDays(t),
                cmp(prev, KpiCalculator::velocity), cmp(ly, KpiCalculator::velocity));

        KpiReport.QualityScore qualityScore = null;
        if (quality != null && key != 0) {
            QualityScores.Score score = quality.current().get(key);
            QualityScores.Score before = quality.previous().get(key);
            QualityScores.Score yearBefore = quality.lastYear() == null ? null : quality.lastYear().get(key);
            qualityScore = new KpiReport.QualityScore(score == null ? null : score.value(), score == null ? null : score.rank(),
                    score == null ? quality.current().size() : score.peers(),
                    score == null ? List.of() : score.components(),
                    Optional.ofNullable(before == null ? null : before.value()), before == null ? null : before.rank(),
                    quality.lastYear() == null ? null : Optional.ofNullable(yearBefore == null ? null : yearBefore.value()));
        }

        Function<Totals, BigDecimal> successValue = x -> ratio(x.registrationsWon, x.registrationOutcomes);
        KpiReport.DealSuccess dealSuccess = new KpiReport.DealSuccess(successValue.apply(t),
                BigDecimal.valueOf(t.registrationsWon), BigDecimal.valueOf(t.registrationOutcomes),
                new KpiReport.Ratio(ratio(t.registrationsApproved, t.registrationsApproved + t.registrationsRejected),
                        BigDecimal.valueOf(t.registrationsApproved),
                        BigDecimal.valueOf(t.registrationsApproved + t.registrationsRejected), null, null, null),
                cmp(prev, successValue), cmp(ly, successValue));

        return new Kpis(average, dealCount, revenue, pipeline, closeRate, winRate, cycle, velocity, qualityScore, dealSuccess);
    }

    private KpiReport.Pipeline pipeline(Totals t, Totals prev, Totals ly, TargetScope scope, Period p) {
        List<KpiReport.StageSlice> byStage = new ArrayList<>();
        BigDecimal weighted = BigDecimal.ZERO;
        for (int stage = 0; stage < 4; stage++) {
            BigDecimal stageWeighted = money(t.stageWeightedCents[stage]);
            weighted = weighted.add(stageWeighted);
            byStage.add(new KpiReport.StageSlice(KpiSnapshot.STAGES[stage], probabilities.of(stage), t.stageCount[stage],
                    money(t.stageCents[stage]), stageWeighted));
        }
        KpiReport.Change change = new KpiReport.Change(t.open - t.openAtStart, money(t.openCents - t.openAtStartCents),
                t.openAtStartCents == 0 ? null : BigDecimal.valueOf(t.openCents - t.openAtStartCents)
                        .divide(BigDecimal.valueOf(t.openAtStartCents), RATIO, RoundingMode.HALF_EVEN));
        BigDecimal nextTarget = target(scope, "REVENUE", p.toDate(), p.nextToDate());
        BigDecimal coverage = null;
        if (nextTarget != null) {
            BigDecimal remaining = nextTarget.subtract(money(t.nextWonCents));
            if (remaining.signum() > 0) {
                coverage = money(t.openCents).divide(remaining, RATIO, RoundingMode.HALF_EVEN);
            }
        }
        BigDecimal pipelineTarget = target(scope, "PIPELINE", p.fromDate(), p.toDate());
        Function<Totals, BigDecimal> openValue = x -> money(x.openCents);
        return new KpiReport.Pipeline(money(t.openCents), t.open, money(t.openCents), weighted.setScale(MONEY, RoundingMode.HALF_EVEN),
                byStage, t.created, money(t.createdCents), t.lost, t.lostToCompetitor, change, coverage,
                cmp(prev, openValue), cmp(ly, openValue), pipelineTarget, attainment(money(t.openCents), pipelineTarget));
    }

    /** What the numbers leave out, said in words. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        s.unconverted.forEach((currency, count) -> warnings.add(count + " record(s) in " + currency
                + " count as 0 in money totals: there is no exchange rate from " + currency + " to " + s.currency + "."));
        return warnings;
    }

    // =============================================================================================
    static BigDecimal averageDealSize(Totals t, AverageDealSizeVariant variant) {
        long denominator = variant == AverageDealSizeVariant.PER_DEAL ? t.won : t.customerCount();
        return denominator == 0 ? null
                : BigDecimal.valueOf(t.wonCents).divide(BigDecimal.valueOf(denominator * 100), MONEY, RoundingMode.HALF_EVEN);
    }

    static BigDecimal meanCycleDays(Totals t) {
        return t.won == 0 ? null
                : BigDecimal.valueOf(t.cycleSeconds).divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(t.won)), MONEY, RoundingMode.HALF_EVEN);
    }

    /**
     * open × (Σ won ÷ won) × (won ÷ (won + lost)) ÷ (Σ cycle ÷ won), computed as one exact fraction:
     * open × Σwon × won × 86400 ÷ ((won + lost) × Σ cycle seconds), in cents, then rounded once.
     */
    static BigDecimal velocity(Totals t) {
        if (t.won == 0 || t.cycleSeconds == 0) {
            return null;
        }
        BigDecimal numerator = BigDecimal.valueOf(t.open).multiply(BigDecimal.valueOf(t.wonCents))
                .multiply(BigDecimal.valueOf(t.won)).multiply(SECONDS_PER_DAY);
        BigDecimal denominator = BigDecimal.valueOf(t.won + t.lost).multiply(BigDecimal.valueOf(t.cycleSeconds)).multiply(HUNDRED);
        return numerator.divide(denominator, MONEY, RoundingMode.HALF_EVEN);
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, MONEY);
    }

    static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), RATIO, RoundingMode.HALF_EVEN);
    }

    private static Optional<BigDecimal> cmp(Totals other, Function<Totals, BigDecimal> value) {
        return other == null ? null : Optional.ofNullable(value.apply(other));
    }

    private static Optional<BigDecimal> attainment(BigDecimal actual, BigDecimal target) {
        if (target == null) {
            return null;
        }
        return target.signum() == 0 ? Optional.empty() : Optional.of(actual.divide(target, RATIO, RoundingMode.HALF_EVEN));
    }

    private static BigDecimal count(BigDecimal target) {
        if (target == null) {
            return null;
        }
        BigDecimal stripped = target.stripTrailingZeros();
        return stripped.scale() <= 0 ? stripped.setScale(0) : target;
    }

    // =============================================================================================
    record TargetScope(String scope, long id) {
    }

    static TargetScope targetScope(Dimension groupBy, int key, Filters filters) {
        if (groupBy != null) {
            return switch (groupBy) {
                case PARTNER -> key == 0 ? null : new TargetScope("PARTNER", key);
                case EMPLOYEE -> key == 0 ? null : new TargetScope("EMPLOYEE", key);
                case DEPARTMENT -> key == 0 ? null : new TargetScope("DEPARTMENT", key);
                case UNIT -> key == 0 ? null : new TargetScope("UNIT", key);
                default -> null;
            };
        }
        if (filters.isEmpty()) {
            return new TargetScope("PROGRAM", 0);
        }
        for (Dimension d : List.of(Dimension.PARTNER, Dimension.EMPLOYEE, Dimension.DEPARTMENT, Dimension.UNIT)) {
            Integer only = filters.only(d);
            if (only != null) {
                return new TargetScope(d == Dimension.UNIT ? "UNIT" : d.name(), only);
            }
        }
        return null;
    }

    /**
     * The target of a scope for [from, to): every target of that scope and metric contributes its
     * value in proportion to the days it shares with the period. Null when none overlaps.
     */
    BigDecimal target(TargetScope scope, String metric, LocalDate from, LocalDate to) {
        if (scope == null) {
            return null;
        }
        KpiSnapshot.ScopeTargets candidates = s.targetsByScope().get(new KpiSnapshot.TargetKey(scope.scope(), scope.id(), metric));
        if (candidates == null) {
            return null;
        }
        boolean any = false;
        long wholeCents = 0;        // targets inside the period count whole, exactly
        BigDecimal parts = null;    // those that straddle its start or end count pro rata
        long fromDay = from.toEpochDay();
        long toDay = to.toEpochDay();
        // the targets before first() end by the period's start and those from end() start after it: none overlaps
        for (int i = candidates.first(fromDay), end = candidates.end(toDay); i < end; i++) {
            KpiSnapshot.Target t = candidates.byStart[i];
            long overlap = Math.min(toDay, t.endDay()) - Math.max(fromDay, t.startDay());
            if (overlap <= 0) {
                continue;
            }
            any = true;
            long days = t.endDay() - t.startDay();
            if (overlap == days) {
                wholeCents += t.cents();
                continue;
            }
            BigDecimal part = BigDecimal.valueOf(t.cents()).multiply(BigDecimal.valueOf(overlap))
                    .divide(BigDecimal.valueOf(days * 100), MathContext.DECIMAL128);
            parts = parts == null ? part : parts.add(part);
        }
        if (!any) {
            return null;
        }
        BigDecimal sum = BigDecimal.valueOf(wholeCents, 2);
        return (parts == null ? sum : sum.add(parts)).setScale(MONEY, RoundingMode.HALF_EVEN);
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
