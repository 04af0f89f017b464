package io.partnerpulse.kpi.internal;

/**
 * The earliest and latest times in each block of {@value #SIZE} leads and deals of a snapshot: when
 * a creation or a close was made, per block. A report of one quarter skips every block that has none
 * in it, which, as rows arrive roughly in time order, is most of five years (a "zone map"). Correct in
 * any order: a block is skipped only when none of its rows can be in the period. Built once per
 * snapshot, on first use, in one pass (a few milliseconds for three million rows).
 */
final class TimeBlocks {

    static final int SHIFT = 10;
    static final int SIZE = 1 << SHIFT;

    private final long[] leadCreatedMin, leadCreatedMax;
    private final long[] dealCreatedMin, dealCreatedMax;
    /** Over the closed deals of the block only (an open deal's close is {@link KpiSnapshot#OPEN}); empty: min > max. */
    private final long[] dealClosedMin, dealClosedMax;

    private TimeBlocks(KpiSnapshot s) {
        int leadBlocks = blocks(s.leads);
        leadCreatedMin = new long[leadBlocks];
        leadCreatedMax = new long[leadBlocks];
        minMax(s.leadCreated, s.leads, leadCreatedMin, leadCreatedMax, false);
        int dealBlocks = blocks(s.deals);
        dealCreatedMin = new long[dealBlocks];
        dealCreatedMax = new long[dealBlocks];
        minMax(s.dealCreated, s.deals, dealCreatedMin, dealCreatedMax, false);
        dealClosedMin = new long[dealBlocks];
        dealClosedMax = new long[dealBlocks];
        minMax(s.dealClosed, s.deals, dealClosedMin, dealClosedMax, true);
    }

    static TimeBlocks of(KpiSnapshot s) {
        return new TimeBlocks(s);
    }

    private static int blocks(int rows) {
        return (rows + SIZE - 1) >>> SHIFT;
    }

    private static void minMax(long[] times, int rows, long[] min, long[] max, boolean skipOpen) {
        for (int b = 0; b < min.length; b++) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            int end = Math.min(rows, (b + 1) << SHIFT);
            for (int i = b << SHIFT; i < end; i++) {
                long t = times[i];
                if (skipOpen && t == KpiSnapshot.OPEN) {
                    continue;
                }
                lo = Math.min(lo, t);
                hi = Math.max(hi, t);
            }
            min[b] = lo;
            max[b] = hi;
        }
    }

    /**
     * Whether lead {@code l} starts a block with no lead created in [from, to): a pass over the leads
     * then goes on {@link #SIZE} rows further.
     */
    boolean skipsLeads(int l, long from, long to) {
        return (l & (SIZE - 1)) == 0 && !leadsCreatedIn(l >>> SHIFT, from, to);
    }

    /** Whether deal {@code d} starts a block with no deal created nor closed in [from, to). */
    boolean skipsDeals(int d, long from, long to) {
        return (d & (SIZE - 1)) == 0 && !dealsCreatedIn(d >>> SHIFT, from, to) && !dealsClosedIn(d >>> SHIFT, from, to);
    }

    /** Whether block {@code b} of the leads may hold a lead created in [from, to). */
    boolean leadsCreatedIn(int b, long from, long to) {
        return leadCreatedMin[b] < to && leadCreatedMax[b] >= from;
    }

    /** Whether block {@code b} of the deals may hold a deal created in [from, to). */
    boolean dealsCreatedIn(int b, long from, long to) {
        return dealCreatedMin[b] < to && dealCreatedMax[b] >= from;
    }

    /** Whether block {@code b} of the deals may hold a deal closed in [from, to). */
    boolean dealsClosedIn(int b, long from, long to) {
        return dealClosedMin[b] < to && dealClosedMax[b] >= from;
    }
}
