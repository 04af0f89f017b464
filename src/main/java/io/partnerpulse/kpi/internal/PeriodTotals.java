package io.partnerpulse.kpi.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
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
        Map<Integer, Totals> groups = new HashMap<>();
        for (int d = 0; d < s.deals; d++) {
            if (!filters.deal(d)) {
                continue;
            }
            long created = s.dealCreated[d];
            long closed = s.dealClosed[d];
            long cents = s.dealCents[d];
            if (created >= p.from() && created < p.to()) {
                Totals t = group(groups, groupBy == null ? 0 : keys.deal(groupBy, d, created));
                t.created++;
                t.createdCents += cents;
            }
            if (closed >= p.from() && closed < p.to()) {
                Totals t = group(groups, groupBy == null ? 0 : keys.deal(groupBy, d, closed));
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
            } else if (closed >= p.to() && closed < p.nextTo() && s.dealStage[d] == KpiSnapshot.WON) {
                group(groups, groupBy == null ? 0 : keys.deal(groupBy, d, closed)).nextWonCents += cents;
            }
            if (created < p.to() && closed >= p.to()) {
                byte stage = s.stageBefore(d, p.to());
                if (stage >= 0 && stage < KpiSnapshot.WON) {
                    Totals t = group(groups, groupBy == null ? 0 : keys.deal(groupBy, d, p.to() - 1));
                    t.open++;
                    t.openCents += cents;
                    t.stageCount[stage]++;
                    t.stageCents[stage] += cents;
                    t.stageWeightedCents[stage] += probabilities.weightedCents(cents, stage);
                }
            }
            if (created < p.from() && closed >= p.from()) {
                Totals t = group(groups, groupBy == null ? 0 : keys.deal(groupBy, d, p.from() - 1));
                t.openAtStart++;
                t.openAtStartCents += cents;
            }
        }
        for (int l = 0; l < s.leads; l++) {
            long created = s.leadCreated[l];
            if (created < p.from() || created >= p.to() || !filters.lead(l)) {
                continue;
            }
            Totals t = group(groups, groupBy == null ? 0 : keys.lead(groupBy, l, created));
            t.leadsCreated++;
            int d = s.leadDeal[l];
            if (d >= 0 && s.dealStage[d] == KpiSnapshot.WON) {
                t.leadsWon++;
            }
        }
        for (int r = 0; r < s.registrations; r++) {
            byte outcome = s.registrationOutcome[r];
            int d = s.registrationDeal[r];
            long decided = s.registrationDecided[r];
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
            if ((!outcomeInPeriod && !approvalInPeriod) || !filters.registration(r)) {
                continue;
            }
            if (outcomeInPeriod) {
                Totals t = group(groups, groupBy == null ? 0 : keys.registration(groupBy, r, at));
                t.registrationOutcomes++;
                if (outcome == KpiSnapshot.APPROVED && s.dealStage[d] == KpiSnapshot.WON) {
                    t.registrationsWon++;
                }
            }
            if (approvalInPeriod) {
                Totals t = group(groups, groupBy == null ? 0 : keys.registration(groupBy, r, decided));
                if (outcome == KpiSnapshot.APPROVED) {
                    t.registrationsApproved++;
                } else {
                    t.registrationsRejected++;
                }
            }
        }
        return groups;
    }

    private static Totals group(Map<Integer, Totals> groups, int key) {
        return groups.computeIfAbsent(key, k -> new Totals());
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
