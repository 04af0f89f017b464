package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A block of rows is skipped only when none of its rows can fall in the period, whatever the order
 * of the rows; and rows in time order let a quarter skip most blocks.
 */
class TimeBlocksTests {

    private static final long YEAR = 365L * 86_400;

    @Test
    void aBlockIsSkippedOnlyWhenNoneOfItsRowsIsInThePeriodInAnyOrder() {
        Random random = new Random(7);
        KpiSnapshot s = snapshot(5_000, 3_000, i -> 1_600_000_000L + (long) (random.nextDouble() * 5 * YEAR), random);
        TimeBlocks blocks = TimeBlocks.of(s);
        for (int trial = 0; trial < 200; trial++) {
            long from = 1_600_000_000L + (long) (random.nextDouble() * 5 * YEAR);
            long to = from + (long) (random.nextDouble() * YEAR / 4);
            for (int l = 0; l < s.leads; l++) {
                if (s.leadCreated[l] >= from && s.leadCreated[l] < to) {
                    assertThat(blocks.leadsCreatedIn(l >>> TimeBlocks.SHIFT, from, to)).isTrue();
                    assertThat(blocks.skipsLeads(l & -TimeBlocks.SIZE, from, to)).isFalse();
                }
            }
            for (int d = 0; d < s.deals; d++) {
                int b = d >>> TimeBlocks.SHIFT;
                boolean createdOrClosed = s.dealCreated[d] >= from && s.dealCreated[d] < to || s.dealClosed[d] >= from && s.dealClosed[d] < to;
                assertThat(createdOrClosed && blocks.skipsDeals(b << TimeBlocks.SHIFT, from, to)).isFalse();
                assertThat(blocks.skipsDeals(d, from, to) && d % TimeBlocks.SIZE != 0).as("only a block's first row jumps").isFalse();
                if (s.dealCreated[d] >= from && s.dealCreated[d] < to) {
                    assertThat(blocks.dealsCreatedIn(b, from, to)).isTrue();
                }
                if (s.dealClosed[d] >= from && s.dealClosed[d] < to) {
                    assertThat(blocks.dealsClosedIn(b, from, to)).isTrue();
                }
            }
        }
    }

    @Test
    void rowsInTimeOrderLetAQuarterSkipMostBlocksAndOpenDealsDoNotWidenTheCloseRange() {
        Random random = new Random(11);
        long start = 1_600_000_000L;
        KpiSnapshot s = snapshot(100_000, 50_000, i -> start + i * (5 * YEAR / 100_000), random);
        TimeBlocks blocks = TimeBlocks.of(s);
        long from = start + 2 * YEAR;
        long to = from + YEAR / 4;
        int leadBlocks = (s.leads + TimeBlocks.SIZE - 1) >>> TimeBlocks.SHIFT;
        int read = 0;
        for (int b = 0; b < leadBlocks; b++) {
            read += blocks.leadsCreatedIn(b, from, to) ? 1 : 0;
        }
        assertThat(read).isBetween(1, leadBlocks / 10);
        int dealBlocks = (s.deals + TimeBlocks.SIZE - 1) >>> TimeBlocks.SHIFT;
        int closedRead = 0;
        for (int b = 0; b < dealBlocks; b++) {
            closedRead += blocks.dealsClosedIn(b, from, to) ? 1 : 0;
        }
        assertThat(closedRead).as("a third of the deals are open, closed at OPEN").isBetween(1, dealBlocks / 5);
    }

    private interface Times {
        long at(int i);
    }

    /** Leads created at {@code times}; deals created at the same times, a third open, the rest closed within 90 days. */
    private static KpiSnapshot snapshot(int leads, int deals, Times times, Random random) {
        KpiSnapshot s = new KpiSnapshot(Instant.EPOCH, LocalDate.of(2026, 1, 1), ZoneOffset.UTC, "USD");
        s.leads = leads;
        s.leadCreated = new long[leads];
        for (int i = 0; i < leads; i++) {
            s.leadCreated[i] = times.at(i);
        }
        s.deals = deals;
        s.dealCreated = new long[deals];
        s.dealClosed = new long[deals];
        for (int i = 0; i < deals; i++) {
            s.dealCreated[i] = times.at(i * 2);
            s.dealClosed[i] = i % 3 == 0 ? KpiSnapshot.OPEN : s.dealCreated[i] + random.nextInt(90 * 86_400);
        }
        return s;
    }
}
