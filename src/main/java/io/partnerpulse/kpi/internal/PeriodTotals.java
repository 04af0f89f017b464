package io.partnerpulse.kpi.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;

/**
 * One pass over the snapshot's deals, leads and registrations that sums, per group, everything the
 * eight KPIs of one period need. Each fact lands in the group of its key at the time of the event
 * that counts (closed time for outcomes, created time for cohorts, decision for registrations).
 */
final class PeriodTotals {

    /** The sums of one group in one period. Money in cents of the base currency. */
    static final class Totals {
        long won, wonCents;
        final Longs wonAmounts = new Longs();
        final Set<Long> customers = new HashSet<>();
        long lost, lostToCompetitor;
        long created, createdCents;
        long cycleSeconds;
        final Longs cycles = new Longs();
        long open, openCents;
        final long[] stageCount = new long[4];
        final long[] stageCents = new long[4];
        final long[] stageWeightedCents = new long[4];
        long openAtStart, openAtStartCents;
        long nextWonCents;
        long leadsCreated, leadsWon;
        long registrationsWon, registrationOutcomes, registrationsApproved, registrationsRejected;
    }

    private PeriodTotals() {
    }

    static Map<Integer, Totals> compute(KpiSnapshot s, Keys keys, StageProbabilities probabilities, Filters filters,
                                       Dimension groupBy, Period p) {
        return compute(s, keys, probabilities, filters, groupBy, new Period[] {p}).get(0);
    }

    /**
     * The totals of several periods (a period and its comparisons) in one pass: each fact is
     * filtered and keyed once, then counted in every period it falls in. Groups are kept in an
     * array indexed by key where the keys are small ints (ids, tiers), so the pass allocates nothing
     * per fact.
     */
    static List<Map<Integer, Totals>> compute(KpiSnapshot s, Keys keys, StageProbabilities probabilities, Filters filters,
                                             Dimension groupBy, Period[] periods) {
        int n = periods.length;
        Groups[] groups = new Groups[n];
        long earliest = Long.MAX_VALUE;
        long latest = Long.MIN_VALUE;
        for (int k = 0; k < n; k++) {
            groups[k] = new Groups(groupBy == null ? 1 : keys.bound(groupBy));
            earliest = Math.min(earliest, periods[k].from());
            latest = Math.max(latest, periods[k].nextTo());
        }
        boolean timeKey = groupBy != null && groupBy.isTime();
        boolean filtered = !filters.isEmpty();
        for (int d = 0; d < s.deals; d++) {
            long created = s.dealCreated[d];
            long closed = s.dealClosed[d];
            // a deal counts in a period only if created before its next period ends and not closed before it starts
            if (created >= latest || closed < earliest || filtered && !filters.deal(d)) {
                continue;
            }
            long cents = s.dealCents[d];
            int key = groupBy == null ? 0 : timeKey ? -1 : keys.deal(groupBy, d, created);
            for (int k = 0; k < n; k++) {
                Period p = periods[k];
                if (created >= p.nextTo() || closed < p.from()) {
                    continue;
                }
                Groups g = groups[k];
                if (created >= p.from() && created < p.to()) {
                    Totals t = g.at(timeKey ? keys.deal(groupBy, d, created) : key);
                    t.created++;
                    t.createdCents += cents;
                }
                if (closed < p.to()) {
                    Totals t = g.at(timeKey ? keys.deal(groupBy, d, closed) : key);
                    if (s.dealStage[d] == KpiSnapshot.WON) {
                        t.won++;
                        t.wonCents += cents;
                        t.wonAmounts.add(cents);
                        t.customers.add(s.dealAccount[d] != 0 ? s.dealAccount[d] : -s.dealId[d]);
                        t.cycleSeconds += closed - created;
                        t.cycles.add(closed - created);
                    } else {
                        t.lost++;
                        if (s.dealLostToCompetitor[d]) {
                            t.lostToCompetitor++;
                        }
                    }
                } else if (closed < p.nextTo() && s.dealStage[d] == KpiSnapshot.WON) {
                    g.at(timeKey ? keys.deal(groupBy, d, closed) : key).nextWonCents += cents;
                }
                if (created < p.to() && closed >= p.to()) {
                    byte stage = s.stageBefore(d, p.to());
                    if (stage >= 0 && stage < KpiSnapshot.WON) {
                        Totals t = g.at(timeKey ? keys.deal(groupBy, d, p.to() - 1) : key);
                        t.open++;
                        t.openCents += cents;
                        t.stageCount[stage]++;
                        t.stageCents[stage] += cents;
                        t.stageWeightedCents[stage] += probabilities.weightedCents(cents, stage);
                    }
                }
                if (created < p.from()) {
                    Totals t = g.at(timeKey ? keys.deal(groupBy, d, p.from() - 1) : key);
                    t.openAtStart++;
                    t.openAtStartCents += cents;
                }
            }
        }
        long firstFrom = Long.MAX_VALUE;
        long lastTo = Long.MIN_VALUE;
        for (Period p : periods) {
            firstFrom = Math.min(firstFrom, p.from());
            lastTo = Math.max(lastTo, p.to());
        }
        for (int l = 0; l < s.leads; l++) {
            long created = s.leadCreated[l];
            if (created < firstFrom || created >= lastTo || filtered && !filters.lead(l)) {
                continue;
            }
            for (int k = 0; k < n; k++) {
                if (created < periods[k].from() || created >= periods[k].to()) {
                    continue;
                }
                Totals t = groups[k].at(groupBy == null ? 0 : keys.lead(groupBy, l, created));
                t.leadsCreated++;
                int d = s.leadDeal[l];
                if (d >= 0 && s.dealStage[d] == KpiSnapshot.WON) {
                    t.leadsWon++;
                }
            }
        }
        for (int r = 0; r < s.registrations; r++) {
            byte outcome = s.registrationOutcome[r];
            int d = s.registrationDeal[r];
            long decided = s.registrationDecided[r];
            boolean passes = false;
            boolean checked = false;
            for (int k = 0; k < n; k++) {
                Period p = periods[k];
                boolean decidedInPeriod = decided >= p.from() && decided < p.to();
                boolean outcomeInPeriod;
                long at;
                if (outcome == KpiSnapshot.APPROVED && d >= 0) {
                    at = s.dealClosed[d];
                    outcomeInPeriod = at >= p.from() && at < p.to();
                } else {
                    at = decided;
                    outcomeInPeriod = (outcome == KpiSnapshot.REJECTED || outcome == KpiSnapshot.EXPIRED) && decidedInPeriod;
                }
                boolean approvalInPeriod = decidedInPeriod && (outcome == KpiSnapshot.APPROVED || outcome == KpiSnapshot.REJECTED);
                if (!outcomeInPeriod && !approvalInPeriod) {
                    continue;
                }
                if (!checked) {
                    passes = !filtered || filters.registration(r);
                    checked = true;
                }
                if (!passes) {
                    break;
                }
                if (outcomeInPeriod) {
                    Totals t = groups[k].at(groupBy == null ? 0 : keys.registration(groupBy, r, at));
                    t.registrationOutcomes++;
                    if (outcome == KpiSnapshot.APPROVED && s.dealStage[d] == KpiSnapshot.WON) {
                        t.registrationsWon++;
                    }
                }
                if (approvalInPeriod) {
                    Totals t = groups[k].at(groupBy == null ? 0 : keys.registration(groupBy, r, decided));
                    if (outcome == KpiSnapshot.APPROVED) {
                        t.registrationsApproved++;
                    } else {
                        t.registrationsRejected++;
                    }
                }
            }
        }
        List<Map<Integer, Totals>> result = new ArrayList<>(n);
        for (Groups g : groups) {
            result.add(g.asMap());
        }
        return result;
    }

    /** The groups of one period: an array by key for keys below the bound, a map for the rest. */
    private static final class Groups {
        private final Totals[] dense;
        private Map<Integer, Totals> sparse;

        Groups(int bound) {
            dense = new Totals[Math.max(1, bound)];
        }

        Totals at(int key) {
            if (key >= 0 && key < dense.length) {
                Totals t = dense[key];
                if (t == null) {
                    t = new Totals();
                    dense[key] = t;
                }
                return t;
            }
            if (sparse == null) {
                sparse = new HashMap<>();
            }
            return sparse.computeIfAbsent(key, k -> new Totals());
        }

        Map<Integer, Totals> asMap() {
            Map<Integer, Totals> map = new HashMap<>();
            for (int key = 0; key < dense.length; key++) {
                if (dense[key] != null) {
                    map.put(key, dense[key]);
                }
            }
            if (sparse != null) {
                map.putAll(sparse);
            }
            return map;
        }
    }

    /** A growable list of longs, sortable for medians. */
    static final class Longs {
        private long[] values = new long[8];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        /** Twice the median (the sum of the two middle values, or twice the middle one); needs size > 0. */
        long twiceMedian() {
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int mid = size / 2;
            return size % 2 == 1 ? 2 * sorted[mid] : sorted[mid - 1] + sorted[mid];
        }
    }
}
