package io.partnerpulse.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportReport;
import io.partnerpulse.imports.ImportSettings;
import io.partnerpulse.imports.Imports;
import io.partnerpulse.shared.LoggingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 7's import speed, rerunnable: a seeded file shaped like the B2B pipeline export
 * ({@code sales_pipeline.csv}: 200 agents, 5,000 accounts, six products, one spelled {@code GTXPro},
 * a tenth of the deals without an account, CRLF; {@code -Dbench.rows}, default 1,000,000) imported
 * into an empty temporary database with the mapping of docs/imports.md, as the command line import
 * does (the JVM cold, as a command's is), then imported again (every row unchanged). The baseline,
 * in the same run: PostgreSQL's own {@code COPY} of the same file into a table of text columns
 * without indexes, which is what reading the file costs the database before anything is checked or
 * written. A second reference, the floor: the rows the first import wrote, written again by binary
 * {@code COPY} into tables of their shape and their indexes built, which no import of the file in one
 * transaction can beat on the same machine; and the set-based floor: the same rows written by
 * {@code INSERT … SELECT} from staging tables that already hold them finished, which no import the
 * way the issue names it (staging table, then set-based SQL) can beat. Not part of the test suite (only with {@code -Dbench=import}); it asserts nothing and
 * writes its table to target/import-bench-results.md. Command: see docs/imports.md. The first import of this file goes the
 * direct way ({@code imports.internal.DirectLoad}); {@code -Dbench.firstOnly=true} measures it and the baseline only.
 */
@EnabledIfSystemProperty(named = "bench", matches = "import")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {"partnerpulse.demo.enabled=false", "partnerpulse.forecast.learn-ahead=false"})
@ActiveProfiles("test")
class ImportBench {

    static final String MAPPING = "{\"columns\": {\"externalId\": \"opportunity_id\", \"owner\": \"sales_agent\","
            + " \"productLine\": \"product\", \"account\": \"account\", \"stage\": \"deal_stage\", \"createdAt\": \"engage_date\","
            + " \"closedAt\": \"close_date\", \"amount\": \"close_value\"},"
            + " \"values\": {\"stage\": {\"Engaging\": \"QUALIFICATION\"}}, \"createMissing\": true}";

    @Autowired
    Imports imports;

    @Autowired
    DataSource dataSource;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("migrationDataSource")
    DataSource ownerDataSource;

    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    void measure() throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        Path file = Path.of("target", "import-bench", "sales_pipeline.csv");
        Files.createDirectories(file.getParent());
        double copySeconds;
        Timed first;
        Floor floor;
        Floor setBased;
        Timed again;
        long size;
        boolean fileOnly = Boolean.getBoolean("bench.fileOnly");
        try {
            pipeline(file, rows, 7);
            if (fileOnly) {
                // the file and its mapping kept for the command line's own import (docs/imports.md, "Speed")
                Files.writeString(file.resolveSibling("settings.json"), MAPPING);
                System.out.println("Wrote " + file + " and " + file.resolveSibling("settings.json"));
                return;
            }
            size = Files.size(file);
            copySeconds = rawCopy(file);
            ImportSettings settings = json.readValue(MAPPING, ImportSettings.class);
            LoggingProgress progress = new LoggingProgress(org.slf4j.LoggerFactory.getLogger(ImportBench.class));
            first = importOnce(file, size, settings, progress);
            if (Boolean.getBoolean("bench.firstOnly")) {
                // a quicker look while working on the first import: the baseline and the first import only
                System.out.println(row("raw `COPY`", copySeconds, rows, copySeconds) + "\n" + row("first import", first.seconds(), rows, copySeconds));
                return;
            }
            long written = copyOut(file.getParent());
            floor = floor(file.getParent(), written, false);
            setBased = floor(file.getParent(), written, true);
            again = importOnce(file, size, settings, progress);
        } finally {
            // the file and the copied-out rows: ~300 MB for a million rows
            try (var paths = fileOnly ? java.util.stream.Stream.<Path>empty() : Files.walk(file.getParent())) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }

        List<String> lines = new ArrayList<>();
        lines.add("| Measure (" + String.format(Locale.ROOT, "%,d", rows) + " rows, " + String.format(Locale.ROOT, "%.0f", size / 1e6)
                + " MB) | Seconds | Rows/s | Against raw COPY of the file |");
        lines.add("|---|---|---|---|");
        lines.add(row("raw `COPY` of the file into a table of text columns (baseline)", copySeconds, rows, copySeconds));
        lines.add(row("import into an empty database: " + first.report().inserted() + " inserted", first.seconds(), rows, copySeconds));
        lines.add(row("floor: the first import's finished rows (" + String.format(Locale.ROOT, "%,d", floor.rows())
                + " deals and history rows) in binary `COPY` into tables of their shape, indexes built after", floor.seconds(), rows, copySeconds));
        lines.add(row("set-based floor: the same rows by `INSERT … SELECT` from staging tables holding them finished, indexes built after",
                setBased.seconds(), rows, copySeconds));
        lines.add(row("the same file again: " + again.report().unchanged() + " unchanged, " + again.report().updated() + " updated",
                again.seconds(), rows, copySeconds));
        String table = String.join("\n", lines) + "\n";
        System.out.println(table);
        Files.writeString(Path.of("target", "import-bench-results.md"), "# Import benchmark, " + LocalDate.now() + "\n\n" + table);
    }

    record Timed(double seconds, ImportReport report) {
    }

    private Timed importOnce(Path file, long size, ImportSettings settings, LoggingProgress progress) throws IOException {
        long started = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            ImportReport report = imports.importFile(ImportEntity.OPPORTUNITIES, in, size, file.getFileName().toString(), settings,
                    "benchmark", false, progress);
            if (!"IMPORTED".equals(report.status())) {
                throw new IllegalStateException("the benchmark's import did not go through: " + report);
            }
            return new Timed((System.nanoTime() - started) / 1e9, report);
        }
    }

    private static String row(String what, double seconds, int rows, double copySeconds) {
        return String.format(Locale.ROOT, "| %s | %.1f | %,.0f | %.2f× the time |", what, seconds, rows / seconds, seconds / copySeconds);
    }

    /**
     * The floor under any import of this file into one transaction: the deals and stage history the
     * first import wrote, copied out and written again into tables of the same shape without indexes,
     * whose indexes are then built, as a bulk load does. {@code setBased} false: by PostgreSQL's binary
     * {@code COPY} (its cheapest way in: no text to parse, no references to resolve, no checks beyond
     * the tables' own constraints); true: by {@code INSERT … SELECT} from staging tables already
     * holding the finished rows (loaded untimed), the set-based write the issue names without any of
     * its resolving or checking. As the schema's owner (the application's role creates no tables), in
     * a transaction rolled back; the copy out ({@link #copyOut}, once for both) is not timed.
     */
    private Floor floor(Path dir, long rows, boolean setBased) throws Exception {
        List<String> tables = FLOOR_TABLES;
        try (Connection c = ownerDataSource.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            List<String> indexes = new ArrayList<>();
            try (var statement = c.createStatement()) {
                for (String table : tables) {
                    statement.execute("create table floor_" + table + " (like " + table + " including defaults including constraints)");
                    if (setBased) {
                        statement.execute("create temp table staged_" + table + " (like " + table + ")");
                        try (InputStream in = Files.newInputStream(dir.resolve(table + ".bin"))) {
                            copy.copyIn("copy staged_" + table + " from stdin (format binary)", in, 1 << 16);
                        }
                        statement.execute("analyze staged_" + table);
                    }
                }
                try (var definitions = statement.executeQuery("select format('create %sindex on %s %s',"
                        + " case when x.indisunique then 'unique ' else '' end, 'floor_' || x.indrelid::regclass::text,"
                        + " substring(pg_get_indexdef(x.indexrelid) from ' USING .*'))"
                        + " from pg_index x where x.indrelid in ('opportunity'::regclass, 'stage_change'::regclass)")) {
                    while (definitions.next()) {
                        indexes.add(definitions.getString(1));
                    }
                }
                long started = System.nanoTime();
                for (String table : tables) {
                    if (setBased) {
                        statement.execute("insert into floor_" + table + " select * from staged_" + table);
                    } else {
                        try (InputStream in = Files.newInputStream(dir.resolve(table + ".bin"))) {
                            copy.copyIn("copy floor_" + table + " from stdin (format binary)", in, 1 << 16);
                        }
                    }
                }
                for (String index : indexes) {
                    statement.execute(index);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                c.rollback();
                return new Floor(seconds, rows);
            }
        }
    }

    private static final List<String> FLOOR_TABLES = List.of("opportunity", "stage_change");

    /** The rows the first import wrote, copied out once in binary for both floors; how many. */
    private long copyOut(Path dir) throws Exception {
        try (Connection c = ownerDataSource.getConnection()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (String table : FLOOR_TABLES) {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(table + ".bin")), 1 << 16)) {
                    rows += copy.copyOut("copy (select * from " + table + " order by id) to stdout (format binary)", out);
                }
            }
            return rows;
        }
    }

    /** How long the floor took, for how many rows written. */
    record Floor(double seconds, long rows) {
    }

    /** PostgreSQL reading the file: COPY into a table of text columns, no indexes, in a transaction rolled back. */
    private double rawCopy(Path file) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var statement = c.createStatement()) {
                statement.execute("create temp table raw_pipeline (opportunity_id text, sales_agent text, product text, account text,"
                        + " deal_stage text, engage_date text, close_date text, close_value text)");
            }
            long started = System.nanoTime();
            try (InputStream in = Files.newInputStream(file)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy raw_pipeline from stdin (format csv, header)", in, 1 << 16);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            c.rollback();
            return seconds;
        }
    }

    /** The export's shape from a seed: stages Prospecting, Engaging, Won and Lost, open deals without close day and value. */
    static void pipeline(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        String[] products = {"GTX Basic", "GTXPro", "MG Special", "MG Advanced", "GTX Plus Pro", "GTK 500"};
        String[] stages = {"Prospecting", "Engaging", "Won", "Lost"};
        LocalDate start = LocalDate.of(2023, 1, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n");
            for (int i = 0; i < rows; i++) {
                String stage = stages[random.nextInt(stages.length)];
                LocalDate engaged = start.plusDays(random.nextInt(700));
                String account = random.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "Account %05d", random.nextInt(5000));
                String dates = switch (stage) {
                    case "Prospecting" -> ",,";
                    case "Engaging" -> engaged + ",,";
                    default -> engaged + "," + engaged.plusDays(1 + random.nextInt(120)) + ","
                            + (stage.equals("Won") ? String.valueOf(100 + random.nextInt(29_900)) : "0");
                };
                out.write(String.format(Locale.ROOT, "OPP%07d,Agent %03d,%s,%s,%s,%s\r\n", i, random.nextInt(200),
                        products[random.nextInt(products.length)], account, stage, dates));
            }
        }
    }
}
