package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiProperties;
import org.junit.jupiter.api.Test;

/**
 * A big snapshot is summed in slices on several threads: the sums added up are exactly those of
 * one pass, for every grouping, every period and its comparisons, and for the channel table.
 */
class PeriodTotalsSlicesTests {

    @Test
    void slicedSumsEqualOnePass() {
        KpiTestDatabase.reset();
        KpiFixtures f = new KpiFixtures();
        long acme = f.partner("Acme", "GOLD", "US");
        long beta = f.partner("Beta", "SILVER", "BR");
        long account = f.account("Customer");
        for (int i = 0; i < 60; i++) {
            String created = "2026-0" + (1 + i % 6) + "-" + (10 + i % 15);
            Long partner = i % 3 == 0 ? null : i % 3 == 1 ? acme : beta;
            long lead = f.lead(created, partner, i % 2 == 0 ? "US" : "BR");
            var deal = f.deal(String.valueOf(100 + i * 7)).created(created).partner(partner).lead(i % 4 == 0 ? lead : null)
                    .account(i % 5 == 0 ? null : account).country(i % 2 == 0 ? "US" : "BR");
            long id = (i % 3 == 0 ? deal.won("2026-0" + (1 + (i + 2) % 6) + "-27") : i % 3 == 1
                    ? deal.lostTo("2026-06-2" + i % 8, "Rival") : deal.moves("PROPOSAL@2026-06-01")).save();
            if (partner != null && i % 2 == 0) {
                f.registration(partner, id, i % 4 == 0 ? "APPROVED" : "REJECTED", created, "2026-06-02");
            }
        }
        KpiEngine engine = KpiTestDatabase.engine();
        KpiCalculator calculator = new KpiCalculator(engine.snapshotForTests(), new KpiProperties(Map.of(), KpiTestDatabase.defaultWeights(), java.time.Duration.ofMillis(50), java.time.Duration.ofMinutes(10)));
        KpiSnapshot s = calculator.snapshot();
        Period quarter = Period.of(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-07-01"), ZoneOffset.UTC);
        Period[] periods = {quarter, quarter.previous(ZoneOffset.UTC), quarter.lastYear(ZoneOffset.UTC)};
        Filters none = new Filters(s, calculator.keys(), Map.of());
        for (Dimension groupBy : new Dimension[] {null, Dimension.PARTNER, Dimension.COUNTRY, Dimension.MONTH, Dimension.CHANNEL_TYPE}) {
            List<Map<Integer, PeriodTotals.Totals>> one = PeriodTotals.compute(s, calculator.keys(), calculator.probabilities(), none,
                    groupBy, periods, true, 1);
            List<Map<Integer, PeriodTotals.Totals>> three = PeriodTotals.compute(s, calculator.keys(), calculator.probabilities(), none,
                    groupBy, periods, true, 3);
            assertThat(sums(three)).as("grouped by %s", groupBy).isEqualTo(sums(one));
        }
        assertThat(sums(PeriodTotals.compute(s, calculator.keys(), calculator.probabilities(), none, null, periods, true, 1)).get(0))
                .as("something was summed").isNotEmpty();
        io.partnerpulse.kpi.KpiQuery q = io.partnerpulse.kpi.KpiQuery.of(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-07-01"));
        Breakdowns breakdowns = new Breakdowns(calculator);
        assertThat(breakdowns.channels(q, 3)).as("the channel table").isEqualTo(breakdowns.channels(q, 1));
        assertThat(breakdowns.channels(q, 1).total().leads()).isPositive();
    }

    private static List<Map<Integer, List<Object>>> sums(List<Map<Integer, PeriodTotals.Totals>> totals) {
        return totals.stream().map(m -> {
            Map<Integer, List<Object>> out = new HashMap<>();
            m.forEach((k, t) -> out.put(k, t.sums()));
            return out;
        }).toList();
    }
}
