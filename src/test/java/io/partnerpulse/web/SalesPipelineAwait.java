package io.partnerpulse.web;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something that happens after a commit (an event listener, a KPI reload). */
final class SalesPipelineAwait {

    private SalesPipelineAwait() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 seconds");
            }
            Thread.sleep(25);
        }
    }
}
