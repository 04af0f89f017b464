package io.partnerpulse.imports.internal;

import java.util.Arrays;

/**
 * Tells, after a file was staged, whether some value (an external id) may occur in two rows: each
 * value's 64-bit hash is appended to an array of longs (8 bytes a row: 8 MB for a million rows,
 * where the strings themselves would take several times that), which is sorted once at the end and
 * searched for neighbours that are equal. A hash seen twice means "may repeat" (two different ids of
 * a million-row file share a 64-bit hash with a chance of about 3 in 10^8), and then the exact check
 * runs in the database; no hash seen twice means no value repeats, and the database's check (a
 * million ids grouped: 0.6 s) is left out. Past {@link #MAX_KEYS} values (32 MB) it lets go of its
 * array and answers "may repeat". (A hash set instead cost the reading thread a cache miss per row.)
 */
final class KeyRepeats {

    static final int MAX_KEYS = 1 << 22;

    private final int maxKeys;
    private long[] hashes = new long[1 << 12];
    private int size;
    private boolean tooMany;
    private Boolean mayRepeat;

    KeyRepeats() {
        this(MAX_KEYS);
    }

    KeyRepeats(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Adds a value by its {@link #hash}. */
    void add(long hash) {
        if (tooMany) {
            return;
        }
        if (size == maxKeys) {
            tooMany = true;
            hashes = null;
            return;
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.min(hashes.length * 2, maxKeys));
        }
        hashes[size++] = hash;
    }

    /** Whether two of the values added may be equal (false: certainly none are). Call once all are added. */
    boolean mayRepeat() {
        if (mayRepeat == null) {
            boolean repeats = tooMany;
            if (!tooMany) {
                Arrays.sort(hashes, 0, size);
                for (int i = 1; i < size && !repeats; i++) {
                    repeats = hashes[i] == hashes[i - 1];
                }
                hashes = null;
            }
            mayRepeat = repeats;
        }
        return mayRepeat;
    }

    /** FNV-1a over the characters, then SplitMix64's finalizer. */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
