package io.partnerpulse.kpi.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;

/**
 * Copy-on-write for the column arrays of a {@link KpiSnapshot} that readers may still be using.
 * Rows below {@code shared} belong to the previous snapshot: writing one first copies the whole
 * column, once per change set, and only when the value really changes. Rows from {@code shared}
 * on are past the previous snapshot's end, which none of its readers look at, so they are written
 * in place while the array has room, and the array grows (by an eighth) when it has not.
 *
 * <p>Every setter returns the array to keep, the same or a new one: {@code s.dealStage =
 * columns.set(s.dealStage, d, stage)}.
 */
final class Columns {

    private final int shared;
    private final Set<Object> own = Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param shared how many rows readers of the previous snapshot see; 0 for fresh arrays */
    Columns(int shared) {
        this.shared = shared;
    }

    int[] set(int[] a, int i, int v) {
        if (i < a.length && a[i] == v) {
            return a;
        }
        int[] w = writable(a, i, a.length);
        w[i] = v;
        return w;
    }

    long[] set(long[] a, int i, long v) {
        if (i < a.length && a[i] == v) {
            return a;
        }
        long[] w = writable(a, i, a.length);
        w[i] = v;
        return w;
    }

    byte[] set(byte[] a, int i, byte v) {
        if (i < a.length && a[i] == v) {
            return a;
        }
        byte[] w = writable(a, i, a.length);
        w[i] = v;
        return w;
    }

    boolean[] set(boolean[] a, int i, boolean v) {
        if (i < a.length && a[i] == v) {
            return a;
        }
        boolean[] w = writable(a, i, a.length);
        w[i] = v;
        return w;
    }

    String[] set(String[] a, int i, String v) {
        if (i < a.length && Objects.equals(a[i], v)) {
            return a;
        }
        String[] w = writable(a, i, a.length);
        w[i] = v;
        return w;
    }

    private <T> T writable(T a, int i, int length) {
        if (i >= length) {
            T grown = copy(a, Math.max(i + 1, length + (length >> 3) + 1024));
            own.add(grown);
            return grown;
        }
        if (i >= shared || own.contains(a)) {
            return a;
        }
        T copy = copy(a, length);
        own.add(copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T a, int length) {
        Object copy;
        if (a instanceof int[] x) {
            copy = Arrays.copyOf(x, length);
        } else if (a instanceof long[] x) {
            copy = Arrays.copyOf(x, length);
        } else if (a instanceof byte[] x) {
            copy = Arrays.copyOf(x, length);
        } else if (a instanceof boolean[] x) {
            copy = Arrays.copyOf(x, length);
        } else if (a instanceof String[] x) {
            copy = Arrays.copyOf(x, length);
        } else {
            throw new IllegalArgumentException(a.getClass().getName());
        }
        return (T) copy;
    }
}
