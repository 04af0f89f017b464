package io.partnerpulse.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportSettings;
import org.junit.jupiter.api.Test;

/** The staging's conversion on several threads writes what one thread would, in the file's order. */
class ConvertingPipelineTests {

    static final int ROWS = ConvertingPipeline.BATCH_ROWS * 7 + 123;
    static final ImportSettings SETTINGS = new ImportSettings(Map.of("externalId", "id", "stage", "stage", "closedAt", "closed",
            "amount", "amount", "country", "country"), null, null, ",", "ISO", false, null, null, null, null, null).withDefaults();

    /** Every 1,000th row has an amount that is no number; every 700th a country nobody knows (a note). */
    static String file() {
        StringBuilder csv = new StringBuilder("id,stage,closed,amount,country\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("D-").append(i).append(i % 2 == 0 ? ",Won,2026-03-0" + (1 + i % 9) : ",Proposal,").append(',')
                    .append(i % 1000 == 999 ? "lots" : String.valueOf(i % 500)).append(',')
                    .append(i % 700 == 1 ? "Atlantis" : "DE").append('\n');
        }
        return csv.toString();
    }

    static CsvSource source() throws IOException {
        return CsvSource.open(new ByteArrayInputStream(file().getBytes(StandardCharsets.UTF_8)), ",");
    }

    static final List<String> HEADER = List.of("id", "stage", "closed", "amount", "country");

    static RowConverter converter(List<String> header) {
        return new RowConverter(ImportEntity.OPPORTUNITIES, SETTINGS, header, Map.of("DE", "DE"), ZoneId.of("UTC"), "USD");
    }

    record Seen(String copy, List<Long> badLines, List<Long> noteLines, long rows) {
    }

    static Seen oneThread() throws IOException {
        try (CsvSource source = source()) {
            RowConverter converter = converter(source.header());
            StringBuilder copy = new StringBuilder();
            List<Long> bad = new ArrayList<>();
            List<Long> noted = new ArrayList<>();
            long rows = 0;
            for (Iterator<CsvSource.Row> it = source.rows(); it.hasNext(); rows++) {
                CsvSource.Row row = it.next();
                RowConverter.Result result = converter.convert(row);
                if (!result.notes().isEmpty()) {
                    noted.add(row.line());
                }
                if (!result.ok()) {
                    bad.add(row.line());
                    continue;
                }
                CopyText.appendRow(copy, row.line(), result.values());
            }
            return new Seen(copy.toString(), bad, noted, rows);
        }
    }

    static Seen pipeline() throws IOException {
        try (CsvSource source = source()) {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            List<Long> bad = new ArrayList<>();
            List<Long> noted = new ArrayList<>();
            long[] rows = {0};
            new ConvertingPipeline(() -> converter(source.header())).run(source.rows(), copy, (batch, outcomes) -> {
                rows[0] += batch;
                for (ConvertingPipeline.Outcome outcome : outcomes) {
                    if (!outcome.result().notes().isEmpty()) {
                        noted.add(outcome.line());
                    }
                    if (!outcome.result().ok()) {
                        bad.add(outcome.line());
                    }
                }
            });
            return new Seen(copy.toString(StandardCharsets.UTF_8), bad, noted, rows[0]);
        }
    }

    @Test
    void writesTheGoodRowsInTheFilesOrderAndReportsTheBadOnesInOrder() throws IOException {
        Seen expected = oneThread();
        Seen seen = pipeline();
        assertThat(seen.rows()).isEqualTo(ROWS);
        assertThat(seen.badLines()).hasSize(ROWS / 1000).isSorted().isEqualTo(expected.badLines());
        assertThat(seen.noteLines()).isNotEmpty().isSorted().isEqualTo(expected.noteLines());
        assertThat(seen.copy()).isEqualTo(expected.copy());
        assertThat(seen.copy().lines().count()).isEqualTo(ROWS - ROWS / 1000);
    }

    /** Whether the pipeline, watching the external ids, says two staged rows may share one. */
    static boolean mayRepeat(List<CsvSource.Row> rows) throws IOException {
        ConvertingPipeline pipeline = new ConvertingPipeline(() -> converter(HEADER), 0);
        pipeline.run(rows.iterator(), new ByteArrayOutputStream(), (b, o) -> { });
        return pipeline.keys().mayRepeat();
    }

    static List<CsvSource.Row> rows(java.util.function.LongFunction<List<String>> cells) {
        List<CsvSource.Row> rows = new ArrayList<>();
        for (long line = 2; line < ConvertingPipeline.BATCH_ROWS * 6; line++) {
            rows.add(new CsvSource.Row(line, cells.apply(line)));
        }
        return rows;
    }

    @Test
    void anExternalIdStagedTwiceIsNoticedAcrossBatchesAndDistinctOnesAreNot() throws IOException {
        long repeatedAt = ConvertingPipeline.BATCH_ROWS * 5L + 3;
        assertThat(mayRepeat(rows(line -> List.of("D-" + line, "Won", "2026-03-01", "1", "DE")))).isFalse();
        assertThat(mayRepeat(rows(line -> List.of(line == repeatedAt ? "D-7" : "D-" + line, "Won", "2026-03-01", "1", "DE")))).isTrue();
        // the second row is rejected (its amount is no number): it is not staged, so nothing repeats in the staging
        assertThat(mayRepeat(rows(line -> List.of(line == repeatedAt ? "D-7" : "D-" + line, "Won", "2026-03-01",
                line == repeatedAt ? "lots" : "1", "DE")))).isFalse();
    }

    @Test
    void aKeyWatcherPastItsSizeAnswersThatValuesMayRepeat() {
        KeyRepeats full = new KeyRepeats(10_000);
        KeyRepeats past = new KeyRepeats(10_000);
        for (int i = 0; i < 10_000; i++) {
            full.add(KeyRepeats.hash("OPP" + i));
            past.add(KeyRepeats.hash("OPP" + i));
        }
        past.add(KeyRepeats.hash("OPP-one-more"));
        assertThat(full.mayRepeat()).isFalse();
        assertThat(past.mayRepeat()).isTrue();
    }

    @Test
    void aFailureWhileReadingStopsTheStagingWithThatFailure() {
        Iterator<CsvSource.Row> broken = new Iterator<>() {
            long line = 1;

            @Override
            public boolean hasNext() {
                if (line > ConvertingPipeline.BATCH_ROWS * 3) {
                    throw new IllegalArgumentException("Line " + line + " is not UTF-8 text");
                }
                return true;
            }

            @Override
            public CsvSource.Row next() {
                line++;
                return new CsvSource.Row(line, List.of("D-" + line, "Won", "2026-03-01", "1", "DE"));
            }
        };
        assertThatThrownBy(() -> new ConvertingPipeline(() -> converter(HEADER)).run(broken, new ByteArrayOutputStream(), (b, o) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not UTF-8 text");
    }

    @Test
    void aFailureWhileConvertingStopsTheStagingWithThatFailure() {
        List<CsvSource.Row> rows = new ArrayList<>();
        for (int line = 2; line < ConvertingPipeline.BATCH_ROWS * 5; line++) {
            // a row without cells: the converter fails on it (on one of the converting threads)
            rows.add(new CsvSource.Row(line, line == ConvertingPipeline.BATCH_ROWS * 2 + 17 ? null
                    : List.of("D-" + line, "Won", "2026-03-01", "1", "DE")));
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        assertThatThrownBy(() -> new ConvertingPipeline(() -> converter(HEADER)).run(rows.iterator(), copy, (b, o) -> { }))
                .isInstanceOf(NullPointerException.class);
        assertThat(copy.toString(StandardCharsets.UTF_8).lines().count()).as("the batches before the failing one")
                .isEqualTo(ConvertingPipeline.BATCH_ROWS * 2L);
    }
}
