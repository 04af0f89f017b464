package io.partnerpulse.imports.internal;

/**
 * Tells, while a file is being staged, whether some value (an external id) may occur in two rows:
 * each value's 64-bit hash goes into an open-addressing set of longs (at most half full: 16 MB for a
 * million rows, where the strings themselves would take several times that). A hash seen before
 * means "may repeat" (two different ids of a million-row file share a 64-bit hash with a chance of
 * about 3 in 10^8), and then the exact check runs in the database; no hash seen twice means no
 * value repeats, and the database's check (a million ids grouped: 0.6 s) is left out. Past
 * {@link #MAX_KEYS} values (32 MB) it lets go of its set and answers "may repeat".
 */
final class KeyRepeats {

    static final int MAX_KEYS = 1 << 21;

    private final int maxKeys;
    private long[] table = new long[1 << 12];
    private int size;
    private boolean mayRepeat;

    KeyRepeats() {
        this(MAX_KEYS);
    }

    KeyRepeats(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Adds a value by its {@link #hash}. */
    void add(long hash) {
        if (mayRepeat) {
            return;
        }
        if (size == maxKeys) {
            mayRepeat = true;
            table = null;
            return;
        }
        if (!insert(table, hash)) {
            mayRepeat = true;
            table = null;
            return;
        }
        if (++size * 2 > table.length) {
            long[] bigger = new long[table.length * 2];
            for (long h : table) {
                if (h != 0) {
                    insert(bigger, h);
                }
            }
            table = bigger;
        }
    }

    /** Whether two of the values added may be equal (false: certainly none are). */
    boolean mayRepeat() {
        return mayRepeat;
    }

    /** @return false when the hash was there already */
    private static boolean insert(long[] table, long hash) {
        int mask = table.length - 1;
        int at = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[at] != 0) {
            if (table[at] == hash) {
                return false;
            }
            at = (at + 1) & mask;
        }
        table[at] = hash;
        return true;
    }

    /** FNV-1a over the characters, then SplitMix64's finalizer; never 0 (the empty slot). */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h = (h ^ value.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }
}
