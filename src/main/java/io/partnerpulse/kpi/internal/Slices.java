package io.partnerpulse.kpi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Work split in slices over every core, on the read model's own threads ({@code kpi-totals}) rather
 * than the JVM's shared common pool: the passes over the snapshot, the leaderboard's groups and
 * quality scores, the channel table.
 */
final class Slices {

    /** As many slices as there are cores (at most four), one thread each. */
    private static final int CORES = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private static final ExecutorService POOL = Executors.newFixedThreadPool(Math.max(1, CORES - 1), runnable -> {
        Thread thread = new Thread(runnable, "kpi-totals");
        thread.setDaemon(true);
        return thread;
    });

    private Slices() {
    }

    /** How many slices make use of every core (at most four). */
    static int cores() {
        return CORES;
    }

    /**
     * Runs {@code work} for slices 0 to {@code slices} − 1, the first in the calling thread and the
     * others on the pool; the results in slice order. A slice's exception is thrown as it was when it
     * is unchecked.
     */
    static <T> List<T> run(int slices, IntFunction<T> work) {
        List<Future<T>> others = new ArrayList<>();
        for (int slice = 1; slice < slices; slice++) {
            int part = slice;
            others.add(POOL.submit(() -> work.apply(part)));
        }
        List<T> results = new ArrayList<>(slices);
        results.add(work.apply(0));
        for (Future<T> other : others) {
            try {
                results.add(other.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException unchecked) {
                    throw unchecked;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }
}
