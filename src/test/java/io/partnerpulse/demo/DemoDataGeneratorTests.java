package io.partnerpulse.demo;

import io.partnerpulse.shared.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataGeneratorTests {

    private static final LocalDate ANCHOR = LocalDate.of(2026, 6, 15);

    @TempDir
    Path temp;

    @Test
    void sameSeedAndDayGiveTheSameRowsByteForByte() throws IOException {
        DemoDataset first = generate(DemoShape.demo(), 7, temp.resolve("a"));
        DemoDataset second = generate(DemoShape.demo(), 7, temp.resolve("b"));

        assertThat(first.tables()).hasSameSizeAs(second.tables());
        for (int i = 0; i < first.tables().size(); i++) {
            Path a = first.tables().get(i).file();
            Path b = second.tables().get(i).file();
            assertThat(Files.mismatch(a, b)).as(a.getFileName().toString()).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesOtherRows() throws IOException {
        DemoDataset first = generate(DemoShape.demo(), 7, temp.resolve("a"));
        DemoDataset other = generate(DemoShape.demo(), 8, temp.resolve("b"));

        Path a = first.dir().resolve("opportunity.csv");
        Path b = other.dir().resolve("opportunity.csv");
        assertThat(Files.mismatch(a, b)).isNotEqualTo(-1L);
    }

    @Test
    void makesTheDemoShapeANewUserSees() throws IOException {
        DemoDataset data = generate(DemoShape.demo(), 42, temp);

        assertThat(data.rows("business_unit")).isEqualTo(3);
        assertThat(data.rows("department")).isEqualTo(12);
        assertThat(data.rows("employee")).isEqualTo(60);
        assertThat(data.rows("partner")).isEqualTo(150);
        assertThat(data.rows("marketing_channel")).isEqualTo(12);
        assertThat(data.rows("lead")).isEqualTo(30_000);
        assertThat(data.rows("opportunity")).isBetween(7_000L, 9_000L);
        assertThat(data.rows("deal_registration")).isGreaterThan(3_000);
        assertThat(data.rows("target")).isGreaterThan(500);
    }

    @Test
    void scalesTheBenchmarkShapeWithItsProportions() throws IOException {
        DemoShape shape = DemoShape.benchmark(10_000);
        assertThat(shape.partners()).isEqualTo(100);
        assertThat(shape.leads()).isEqualTo(20_000);
        assertThat(shape.channels()).isEqualTo(30);
        assertThat(DemoShape.benchmark(1_000_000).partners()).isEqualTo(10_000);
        assertThat(DemoShape.benchmark(1_000_000).employees()).isEqualTo(200);

        DemoDataset data = generate(shape, 1, temp);
        Map<String, Integer> stages = countColumn(data.dir().resolve("opportunity.csv"), 15);
        int total = stages.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isBetween(8_500, 11_500);
        double won = stages.get("WON") / (double) total;
        double lost = stages.get("LOST") / (double) total;
        assertThat(won).as("won share").isBetween(0.24, 0.36);
        assertThat(lost).as("lost share").isBetween(0.19, 0.31);
    }

    @Test
    void endsTheLastCampaignOnTheDayBeforeAnAnchorOnTheFirstOfAMonth() throws IOException {
        DemoDataset data = new DemoDataGenerator().generate(DemoShape.demo(), 3, LocalDate.of(2026, 6, 1), ZoneOffset.UTC,
                "USD", temp, ProgressListener.NONE);
        try (Reader reader = Files.newBufferedReader(data.dir().resolve("campaign.csv"))) {
            for (CSVRecord campaign : CSVFormat.POSTGRESQL_CSV.parse(reader)) {
                assertThat(LocalDate.parse(campaign.get(6))).as(campaign.get(2))
                        .isAfterOrEqualTo(LocalDate.parse(campaign.get(5))).isBefore(LocalDate.of(2026, 6, 1));
            }
        }
    }

    @Test
    void reportsProgressUpToTheEnd() throws IOException {
        long[] last = {-1, -1};
        new DemoDataGenerator().generate(DemoShape.demo(), 1, ANCHOR, ZoneOffset.UTC, "USD", temp,
                (step, done, total) -> {
                    last[0] = done;
                    last[1] = total;
                });
        assertThat(last[0]).isEqualTo(last[1]).isEqualTo(30_000);
    }

    @Test
    void refusesABaseCurrencyItHasNoRatesFor() {
        assertThatThrownBy(() -> new DemoDataGenerator().generate(DemoShape.demo(), 1, ANCHOR, ZoneOffset.UTC, "CHF",
                temp, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHF")
                .hasMessageContaining("partnerpulse.demo.enabled=false");
    }

    private DemoDataset generate(DemoShape shape, long seed, Path dir) throws IOException {
        return new DemoDataGenerator().generate(shape, seed, ANCHOR, ZoneOffset.UTC, "USD", dir, ProgressListener.NONE);
    }

    private static Map<String, Integer> countColumn(Path csv, int column) throws IOException {
        Map<String, Integer> counts = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(csv)) {
            for (CSVRecord record : CSVFormat.POSTGRESQL_CSV.parse(reader)) {
                counts.merge(record.get(column), 1, Integer::sum);
            }
        }
        return counts;
    }
}
