package io.partnerpulse.kpi.internal;

import io.partnerpulse.shared.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.partnerpulse.demo.DemoDataGenerator;
import io.partnerpulse.demo.DemoDataLoader;
import io.partnerpulse.demo.DemoDataset;
import io.partnerpulse.demo.DemoShape;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties over generated data sets: grouping never loses or doubles anything (the groups add up
 * to the program), and filtering on one group gives exactly that group's row.
 */
class KpiSlicingIntegrationTests {

    private static final LocalDate ANCHOR = LocalDate.of(2026, 6, 1);
    private static long loadedSeed = -1;
    private static KpiEngine engine;

    @Property(tries = 40)
    void groupsAddUpToTheProgram(@ForAll @LongRange(min = 1, max = 3) long seed, @ForAll("dimensions") Dimension dimension,
                                 @ForAll @IntRange(min = 0, max = 56) int startMonth, @ForAll @IntRange(min = 1, max = 4) int months) {
        KpiEngine engine = dataSet(seed);
        KpiQuery query = period(startMonth, months);
        KpiReport.Kpis program = engine.report(query).groups().get(0).kpis();
        List<KpiReport.Group> groups = engine.report(query.withGroupBy(dimension)).groups();

        assertSum(groups, k -> BigDecimal.valueOf(k.dealCount().value()), BigDecimal.valueOf(program.dealCount().value()), "won deals");
        assertSum(groups, k -> k.wonRevenue().value(), program.wonRevenue().value(), "won revenue");
        assertSum(groups, k -> BigDecimal.valueOf(k.dealCount().createdCount()), BigDecimal.valueOf(program.dealCount().createdCount()), "created");
        assertSum(groups, k -> BigDecimal.valueOf(k.dealCount().lostCount()), BigDecimal.valueOf(program.dealCount().lostCount()), "lost");
        assertSum(groups, k -> k.closeRate().numerator(), program.closeRate().numerator(), "won leads");
        assertSum(groups, k -> k.closeRate().denominator(), program.closeRate().denominator(), "leads");
        assertSum(groups, k -> k.dealSuccess().numerator(), program.dealSuccess().numerator(), "registrations won");
        assertSum(groups, k -> k.dealSuccess().denominator(), program.dealSuccess().denominator(), "registration outcomes");
        assertSum(groups, k -> k.salesCycleDays().denominator(), program.salesCycleDays().denominator(), "cycles");
        if (!dimension.isTime()) {
            assertSum(groups, k -> BigDecimal.valueOf(k.pipeline().count()), BigDecimal.valueOf(program.pipeline().count()), "open deals");
            assertSum(groups, k -> k.pipeline().amount(), program.pipeline().amount(), "open amount");
            assertSum(groups, k -> k.pipeline().weightedAmount(), program.pipeline().weightedAmount(), "weighted amount");
        }
    }

    @Property(tries = 40)
    void filteringOnAGroupGivesThatGroupsRow(@ForAll @LongRange(min = 1, max = 3) long seed,
                                             @ForAll("filterable") Dimension dimension,
                                             @ForAll @IntRange(min = 0, max = 56) int startMonth,
                                             @ForAll @IntRange(min = 0, max = 1000) int pick) {
        KpiEngine engine = dataSet(seed);
        KpiQuery query = period(startMonth, 3);
        List<KpiReport.Group> groups = engine.report(query.withGroupBy(dimension)).groups().stream()
                .filter(g -> !g.key().equals("none")).toList();
        if (groups.isEmpty()) {
            return;
        }
        KpiReport.Group group = groups.get(pick % groups.size());
        KpiReport.Kpis filtered = engine.report(query.withFilters(Map.of(dimension, List.of(group.key())))).groups().get(0).kpis();
        KpiReport.Kpis row = group.kpis();

        assertThat(filtered.dealCount().value()).isEqualTo(row.dealCount().value());
        assertThat(filtered.wonRevenue().value()).isEqualByComparingTo(row.wonRevenue().value());
        assertThat(filtered.averageDealSize().value()).isEqualTo(row.averageDealSize().value());
        assertThat(filtered.pipeline().count()).isEqualTo(row.pipeline().count());
        assertThat(filtered.pipeline().amount()).isEqualByComparingTo(row.pipeline().amount());
        assertThat(filtered.closeRate().numerator()).isEqualByComparingTo(row.closeRate().numerator());
        assertThat(filtered.closeRate().denominator()).isEqualByComparingTo(row.closeRate().denominator());
        assertThat(filtered.winRate().value()).isEqualTo(row.winRate().value());
        assertThat(filtered.dealSuccess().denominator()).isEqualByComparingTo(row.dealSuccess().denominator());
        assertThat(filtered.salesVelocity().value()).isEqualTo(row.salesVelocity().value());
    }

    @Provide
    Arbitrary<Dimension> dimensions() {
        return Arbitraries.of(Dimension.class);
    }

    @Property(tries = 10)
    void qualityScoresOfSeveralPeriodsInOnePassAreThoseOfEachPeriodsReport(@ForAll @LongRange(min = 1, max = 3) long seed,
                                                                          @ForAll @IntRange(min = 0, max = 50) int startMonth,
                                                                          @ForAll @IntRange(min = 1, max = 3) int months) {
        KpiEngine engine = dataSet(seed);
        List<io.partnerpulse.kpi.Kpis.Span> spans = new java.util.ArrayList<>();
        List<List<KpiReport.Group>> reports = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            KpiQuery query = period(startMonth + k * months, months);
            spans.add(new io.partnerpulse.kpi.Kpis.Span(query.from(), query.to()));
            reports.add(engine.report(query.withGroupBy(Dimension.PARTNER)).groups());
        }
        List<String> keys = reports.get(2).stream().map(KpiReport.Group::key).limit(60).toList();
        List<String> partners = keys.stream().filter(k -> !k.equals("none")).toList();

        java.util.Map<String, List<BigDecimal>> history = engine.qualityScores(keys, spans);

        assertThat(history.keySet()).as("every partner asked, not the group of deals without one").containsExactlyElementsOf(partners);
        assertThat(history.values().stream().flatMap(List::stream).filter(java.util.Objects::nonNull)).as("scores were compared").isNotEmpty();
        for (int k = 0; k < 3; k++) {
            for (KpiReport.Group group : reports.get(k)) {
                if (history.containsKey(group.key())) {
                    KpiReport.QualityScore score = group.kpis().qualityScore();
                    assertThat(history.get(group.key()).get(k)).as("partner %s, period %d", group.key(), k)
                            .isEqualTo(score == null ? null : score.value());
                }
            }
        }
    }

    @Provide
    Arbitrary<Dimension> filterable() {
        return Arbitraries.of(Dimension.class).filter(d -> d.filterName().isPresent());
    }

    private static KpiQuery period(int startMonth, int months) {
        LocalDate from = ANCHOR.minusYears(5).withDayOfMonth(1).plusMonths(startMonth);
        return KpiQuery.of(from, from.plusMonths(months));
    }

    private static void assertSum(List<KpiReport.Group> groups, Function<KpiReport.Kpis, BigDecimal> value, BigDecimal expected,
                                  String what) {
        BigDecimal sum = groups.stream().map(g -> value.apply(g.kpis())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).as(what).isEqualByComparingTo(expected);
    }

    /** Generates and loads the data set of a seed, once while it is the current one. */
    private static synchronized KpiEngine dataSet(long seed) {
        if (seed != loadedSeed) {
            try {
                KpiTestDatabase.reset();
                Path dir = Files.createTempDirectory("kpi-property-data");
                try {
                    DemoDataset data = new DemoDataGenerator().generate(DemoShape.benchmark(2_000), seed, ANCHOR, ZoneOffset.UTC,
                            "USD", dir, ProgressListener.NONE);
                    new DemoDataLoader(KpiTestDatabase.dataSource()).loadIntoEmptyDatabase(data, ProgressListener.NONE);
                } finally {
                    org.springframework.util.FileSystemUtils.deleteRecursively(dir);
                }
                engine = KpiTestDatabase.engine();
                loadedSeed = seed;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return engine;
    }
}
