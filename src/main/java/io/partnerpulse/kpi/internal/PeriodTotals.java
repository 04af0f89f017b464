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
        /** The totals of a group without facts; shared, never written. */
        static final Totals EMPTY = new Totals();

        long won, wonCents;
        final Longs wonAmounts = new Longs();
        /** Distinct customers of the won deals; kept only when the per-customer average is asked for. */
        Set<Long> customers;
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

        /** Every sum, for comparing two ways of computing them. */
        List<Object> sums() {
            return List.of(won, wonCents, won == 0 ? 0 : wonAmounts.twiceMedian(), customerCount(), lost, lostToCompetitor, created,
                    createdCents, cycleSeconds, won == 0 ? 0 : cycles.twiceMedian(), open, openCents, Arrays.toString(stageCount),
                    Arrays.toString(stageCents), Arrays.toString(stageWeightedCents), openAtStart, openAtStartCents, nextWonCents,
                    leadsCreated, leadsWon, registrationsWon, registrationOutcomes, registrationsApproved, registrationsRejected);
        }

        int customerCount() {
            return customers == null ? 0 : customers.size();
        }

        /** Adds the sums of another slice to these; returns these. */
        Totals add(Totals o) {
            won += o.won;
            wonCents += o.wonCents;
            wonAmounts.addAll(o.wonAmounts);
            if (o.customers != null) {
                if (customers == null) {
                    customers = new HashSet<>();
                }
                customers.addAll(o.customers);
            }
            lost += o.lost;
            lostToCompetitor += o.lostToCompetitor;
            created += o.created;
            createdCents += o.createdCents;
            cycleSeconds += o.cycleSeconds;
            cycles.addAll(o.cycles);
            open += o.open;
            openCents += o.openCents;
            for (int stage = 0; stage < 4; stage++) {
                stageCount[stage] += o.stageCount[stage];
                stageCents[stage] += o.stageCents[stage];
                stageWeightedCents[stage] += o.stageWeightedCents[stage];
            }
            openAtStart += o.openAtStart;
            openAtStartCents += o.openAtStartCents;
            nextWonCents += o.nextWonCents;
            leadsCreated += o.leadsCreated;
            leadsWon += o.leadsWon;
            registrationsWon += o.registrationsWon;
            registrationOutcomes += o.registrationOutcomes;
            registrationsApproved += o.registrationsApproved;
            registrationsRejected += o.registrationsRejected;
            return this;
        }
    }

    private PeriodTotals() {
    }

    /**
     * The totals of several periods (a period and its comparisons) in one pass: each fact is
     * filtered and keyed once, then counted in every period it falls in. Groups are kept in an
     * array indexed by key where the keys are small ints (ids, tiers), so the pass allocates nothing
     * per fact.
     */
    static List<Map<Integer, Totals>> compute(KpiSnapshot s, Keys keys, StageProbabilities probabilities, Filters filters,
                                             Dimension groupBy, Period[] periods, boolean distinctCustomers) {
        return compute(s, keys, probabilities, filters, groupBy, periods, distinctCustomers, slicesFor((long) s.deals + s.leads));
    }

    /** The same in {@code slices} slices, summed in parallel and added up. */
    static List<Map<Integer, Totals>> compute(KpiSnapshot s, Keys keys, StageProbabilities probabilities, Filters filters,
                                             Dimension groupBy, Period[] periods, boolean distinctCustomers, int slices) {
        List<Groups[]> parts = Slices.run(slices, slice -> slice(s, keys, probabilities, filters, groupBy, periods, distinctCustomers,
                slice, slices));
        if (slices == 1) {
            return Arrays.stream(parts.get(0)).map(Groups::asMap).toList();
        }
        // the slices' groups are added up period by period, the periods side by side
        int n = periods.length;
        int mergers = Math.min(n, Slices.cores());
        List<Map<Integer, Map<Integer, Totals>>> merged = Slices.run(mergers, merger -> {
            Map<Integer, Map<Integer, Totals>> mine = new HashMap<>();
            for (int k = merger; k < n; k += mergers) {
                Groups sum = parts.get(0)[k];
                for (int slice = 1; slice < slices; slice++) {
                    sum.addAll(parts.get(slice)[k]);
                }
                mine.put(k, sum.asMap());
            }
            return mine;
        });
        List<Map<Integer, Totals>> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(merged.get(k % mergers).get(k));
        }
        return result;
    }

    /** How many slices to sum {@code facts} facts in. */
    static int slicesFor(long facts) {
        return facts < PARALLEL_FROM ? 1 : Slices.cores();
    }

    /** Below this many deals and leads one thread is quick enough. */
    private static final int PARALLEL_FROM = 200_000;

    /** The totals of one slice of the deals, leads and registrations (slice {@code slice} of {@code slices}). */
    private static Groups[] slice(KpiSnapshot s, Keys keys, StageProbabilities probabilities, Filters filters, Dimension groupBy,
                                  Period[] periods, boolean distinctCustomers, int slice, int slices) {
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
        int dealsTo = (int) ((long) s.deals * (slice + 1) / slices);
        for (int d = (int) ((long) s.deals * slice / slices); d < dealsTo; d++) {
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
                        if (distinctCustomers) {
                            if (t.customers == null) {
                                t.customers = new HashSet<>();
                            }
                            t.customers.add(s.dealAccount[d] != 0 ? s.dealAccount[d] : -s.dealId[d]);
                        }
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
        int leadsTo = (int) ((long) s.leads * (slice + 1) / slices);
        TimeBlocks blocks = s.timeBlocks();
        for (int l = (int) ((long) s.leads * slice / slices); l < leadsTo; l++) {
            if (blocks.skipsLeads(l, firstFrom, lastTo)) {
                l += TimeBlocks.SIZE - 1;   // no lead of this block was created in any of the periods
                continue;
            }
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
                if (s.leadWon(l)) {
                    t.leadsWon++;
                }
            }
        }
        int registrationsTo = (int) ((long) s.registrations * (slice + 1) / slices);
        for (int r = (int) ((long) s.registrations * slice / slices); r < registrationsTo; r++) {
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
        return groups;
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

        /** Adds another slice's groups of the same period to these. */
        void addAll(Groups other) {
            for (int key = 0; key < dense.length; key++) {
                Totals theirs = other.dense[key];
                if (theirs != null) {
                    if (dense[key] == null) {
                        dense[key] = theirs;
                    } else {
                        dense[key].add(theirs);
                    }
                }
            }
            if (other.sparse != null) {
                if (sparse == null) {
                    sparse = new HashMap<>();
                }
                other.sparse.forEach((key, theirs) -> sparse.merge(key, theirs, Totals::add));
            }
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
        private static final long[] NONE = new long[0];
        // most groups of a fine grouping (10,000 partners × 3 periods) stay empty: no array until needed
        private long[] values = NONE;
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(8, size * 2));
            }
            values[size++] = value;
        }

        void addAll(Longs other) {
            if (size + other.size > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
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
