package io.partnerpulse.kpi.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiProperties;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.internal.PeriodTotals.Totals;

/**
 * KPI 7: each active partner's weighted mean of percent ranks among the partners active in the
 * period, 0 to 100. PERCENT_RANK semantics: (rank − 1) ÷ (N − 1), ties share the lowest rank, a
 * lone partner ranks 1. An undefined component (a win rate without closed deals) ranks lowest.
 */
final class QualityScores {

    record Score(BigDecimal value, int rank, int peers, List<KpiReport.Component> components) {
    }

    private static final String[] NAMES = {"wonRevenue", "wonDeals", "winRate", "dealSuccess", "salesCycle"};

    private final KpiSnapshot s;
    private final Keys keys;
    private final BigDecimal[] weight;

    QualityScores(KpiCalculator calculator, KpiProperties.QualityScoreWeights weights) {
        this.s = calculator.snapshot();
        this.keys = calculator.keys();
        this.weight = new BigDecimal[] {weights.wonRevenue(), weights.wonDeals(), weights.winRate(), weights.dealSuccess(),
                weights.salesCycle()};
    }

    /**
     * Scores of the partners active in the period that pass the filters on a partner's own keys (its
     * tier, its distributor: a distributor's channel ranks among itself), from the partners' totals
     * of the period computed with these filters.
     */
    Map<Integer, Score> compute(Period p, Filters filters, Map<Integer, Totals> totals) {
        List<Integer> peers = new ArrayList<>();
        for (int partner = 1; partner < s.partnerName.length; partner++) {
            if (s.partnerName[partner] == null || s.partnerJoined[partner] >= p.to()
                    || s.terminatedDuring(partner, p.from(), p.to())) {
                continue;
            }
            if (!filters.allows(Dimension.TIER, keys.tier(partner)) || !filters.allows(Dimension.DISTRIBUTOR, keys.distributor(partner))) {
                continue;
            }
            peers.add(partner);
        }
        int n = peers.size();
        // component values; null = undefined; the sales cycle is negated so that shorter ranks higher
        BigDecimal[][] values = new BigDecimal[NAMES.length][n];
        for (int i = 0; i < n; i++) {
            Totals t = totals.getOrDefault(peers.get(i), Totals.EMPTY);
            values[0][i] = KpiCalculator.money(t.wonCents);
            values[1][i] = BigDecimal.valueOf(t.won);
            values[2][i] = KpiCalculator.ratio(t.won, t.won + t.lost);
            values[3][i] = KpiCalculator.ratio(t.registrationsWon, t.registrationOutcomes);
            BigDecimal cycle = KpiCalculator.meanCycleDays(t);
            values[4][i] = cycle;
        }
        int[][] ranks = new int[NAMES.length][];
        for (int c = 0; c < NAMES.length; c++) {
            ranks[c] = ranks(values[c], c == 4);
        }
        BigDecimal totalWeight = Arrays.stream(weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        // score = 100 × Σ weight × (rank − 1) ÷ ((N − 1) × Σ weight): one exact numerator, one division
        BigDecimal divisor = n == 1 ? totalWeight : totalWeight.multiply(BigDecimal.valueOf(n - 1));
        BigDecimal[] score = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int c = 0; c < NAMES.length; c++) {
                if (weight[c].signum() != 0) {
                    sum = sum.add(weight[c].multiply(BigDecimal.valueOf(n == 1 ? 1 : ranks[c][i] - 1)));
                }
            }
            score[i] = sum.multiply(BigDecimal.valueOf(100)).divide(divisor, KpiCalculator.MONEY, RoundingMode.HALF_EVEN);
        }
        // rank 1 is the best; ties share: 1 + the number of partners scoring strictly higher
        BigDecimal[] sorted = score.clone();
        Arrays.sort(sorted, java.util.Comparator.reverseOrder());
        // the percent ranks shown, 4 places: (rank − 1) ÷ (N − 1) for each possible rank, computed once
        BigDecimal[] shownRank = new BigDecimal[n + 1];
        Map<Integer, Score> result = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int rank = 1 + firstAtOrBelow(sorted, score[i]);
            List<KpiReport.Component> components = new ArrayList<>(NAMES.length);
            for (int c = 0; c < NAMES.length; c++) {
                int r = ranks[c][i];
                if (shownRank[r] == null) {
                    shownRank[r] = n == 1 ? BigDecimal.ONE.setScale(KpiCalculator.RATIO)
                            : BigDecimal.valueOf(r - 1).divide(BigDecimal.valueOf(n - 1), KpiCalculator.RATIO, RoundingMode.HALF_EVEN);
                }
                components.add(new KpiReport.Component(NAMES[c], weight[c], values[c][i], shownRank[r]));
            }
            result.put(peers.get(i), new Score(score[i], rank, n, components));
        }
        return result;
    }

    /** The index of the first value in descending {@code sorted} that is not above {@code value}. */
    private static int firstAtOrBelow(BigDecimal[] sorted, BigDecimal value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid].compareTo(value) > 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * 1-based ranks in ascending order (higher value, higher rank); ties share the lowest rank;
     * undefined values rank lowest. With {@code lowerIsBetter} the order is reversed for defined values.
     */
    static int[] ranks(BigDecimal[] values, boolean lowerIsBetter) {
        // every component has at most 4 decimal places: as longs (× 10^4) the ranks come from one primitive sort
        int n = values.length;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            BigDecimal v = values[i];
            long key = v == null ? Long.MIN_VALUE : v.movePointRight(4).longValueExact();
            keys[i] = v == null || !lowerIsBetter ? key : -key;
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            // 1 + how many rank below: the first position of this key in ascending order
            int low = 0;
            int high = n;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] < keys[i]) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            rank[i] = low + 1;
        }
        return rank;
    }
}
