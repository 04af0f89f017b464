package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The two binary searches over a scope's targets leave out only targets that cannot overlap the period. */
class ScopeTargetsTests {

    @Property(tries = 2000)
    void findsEveryTargetThatOverlapsAPeriod(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 400) Integer> starts,
                                             @ForAll @Size(max = 30) List<@IntRange(min = 1, max = 120) Integer> lengths,
                                             @ForAll @IntRange(min = -20, max = 500) int from, @ForAll @IntRange(min = 0, max = 200) int length) {
        LocalDate origin = LocalDate.of(2024, 1, 1);
        List<KpiSnapshot.Target> targets = new ArrayList<>();
        for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
            LocalDate start = origin.plusDays(starts.get(i));
            targets.add(new KpiSnapshot.Target("PARTNER", 1, "REVENUE", start, start.plusDays(lengths.get(i)), 100L * i));
        }
        KpiSnapshot.ScopeTargets index = new KpiSnapshot.ScopeTargets(targets);
        long fromDay = origin.plusDays(from).toEpochDay();
        long toDay = fromDay + length;

        List<KpiSnapshot.Target> overlapping = targets.stream()
                .filter(t -> Math.min(toDay, t.endDay()) - Math.max(fromDay, t.startDay()) > 0).toList();
        List<KpiSnapshot.Target> searched = new ArrayList<>();
        for (int i = index.first(fromDay), end = index.end(toDay); i < end; i++) {
            searched.add(index.byStart[i]);
        }
        assertThat(searched).containsAll(overlapping);
        assertThat(index.byStart).containsExactlyInAnyOrderElementsOf(targets);
    }
}
