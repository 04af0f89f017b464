package io.partnerpulse.kpi.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a row of a {@link KpiSnapshot} table by its database id: by binary search among the rows
 * a full load read (in id order), else in a map of the rows appended since, which arrive in commit
 * order, not id order (two transactions may commit in the opposite order of their ids). The
 * snapshots that follow one full load share one index; a snapshot ignores rows past its own end.
 */
final class IdIndex {

    private final int sorted;
    private final Map<Long, Integer> appended = new ConcurrentHashMap<>();

    /** @param sorted how many rows, from the first, are in id order */
    IdIndex(int sorted) {
        this.sorted = sorted;
    }

    /** The index of the row with this id among the first {@code count} rows of {@code ids}, or -1. */
    int indexOf(long[] ids, int count, long id) {
        int i = Arrays.binarySearch(ids, 0, Math.min(sorted, count), id);
        if (i >= 0) {
            return i;
        }
        Integer index = appended.get(id);
        return index != null && index < count ? index : -1;
    }

    void appended(long id, int index) {
        appended.put(id, index);
    }
}
