package io.partnerpulse.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what happens after a commit: an event listener, a KPI reload, a webhook delivery. */
public final class Eventually {

    private Eventually() {
    }

    /** Polls the condition every 25 ms until it holds, or fails after {@code limit}. */
    public static void until(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit.toSeconds() + " seconds");
            }
            Thread.sleep(25);
        }
    }

    /** {@link #until(BooleanSupplier, Duration)} with 10 seconds. */
    public static void until(BooleanSupplier condition) throws InterruptedException {
        until(condition, Duration.ofSeconds(10));
    }
}
