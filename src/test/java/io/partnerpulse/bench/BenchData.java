package io.partnerpulse.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.partnerpulse.demo.DemoDataGenerator;
import io.partnerpulse.demo.DemoDataset;
import io.partnerpulse.demo.DemoShape;
import io.partnerpulse.shared.ProgressListener;
import io.partnerpulse.support.Api;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.postgresql.PGConnection;

/**
 * The benchmark's data: the demo generator's benchmark shape from a seed, loaded the way a user's
 * data arrives. Leads and opportunities are written as CSV files shaped like a CRM export (external
 * ids, references by external id, ISO times) and go through the product's import API; the tables
 * the import does not take (organization, partners and their history, accounts, channels,
 * campaigns, rates, targets, registrations) are loaded with COPY, registrations joined to the
 * imported deals by external id. The opportunity import is measure (g); its baseline is a raw
 * {@code COPY} of the same rows into a table shaped like {@code opportunity} (same columns, checks
 * and indexes, no foreign keys), in the same run.
 */
final class BenchData {

    /** Loaded by COPY as generated (ids kept). */
    private static final Set<String> COPIED = Set.of("exchange_rate", "business_unit", "department", "employee", "product_line",
            "partner", "partner_status_change", "partner_tier_change", "customer_account", "marketing_channel", "campaign", "target");

    record Loaded(long leads, double leadSeconds, long opportunities, double importSeconds, double copySeconds) {
        double importRowsPerSecond() {
            return opportunities / importSeconds;
        }

        double copyRowsPerSecond() {
            return opportunities / copySeconds;
        }
    }

    private final DataSource dataSource;
    private final DataSource owner;
    private final Api api;

    /** @param owner a connection as the schema's owner, who may create the raw COPY's table */
    BenchData(DataSource dataSource, DataSource owner, Api api) {
        this.dataSource = dataSource;
        this.owner = owner;
        this.api = api;
    }

    Loaded load(int opportunities, LocalDate today, Path work, ProgressListener progress) throws IOException, SQLException {
        Files.createDirectories(work);
        DemoDataset dataset = new DemoDataGenerator().generate(DemoShape.benchmark(opportunities), 42, today, ZoneOffset.UTC, "USD",
                work, progress);
        Map<String, DemoDataset.TableFile> files = new java.util.HashMap<>();
        dataset.files().forEach(f -> files.put(f.table(), f));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (DemoDataset.TableFile file : dataset.files()) {
                if (COPIED.contains(file.table())) {
                    copy(c, file.table(), file);
                }
            }
            try (Statement statement = c.createStatement()) {
                for (String table : COPIED) {
                    if (!table.equals("exchange_rate")) {
                        statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
                                + "coalesce((select max(id) from " + table + "), 0) + 1, false)");
                    }
                }
            }
            c.commit();
        }

        Path leads = work.resolve("leads-export.csv");
        long leadRows = convert(files.get("lead"), leads, List.of("externalId", "createdAt", "contactName", "companyName", "email",
                "channel", "campaign", "partner", "owner", "country", "region", "city", "status"), r -> new Object[] {
                r.get("external_id"), r.get("created_at"), r.get("contact_name"), r.get("company_name"), r.get("email"),
                ref("CH-", r.get("channel_id")), ref("CMP-", r.get("campaign_id")), ref("PRT-", r.get("partner_id")),
                ref("EMP-", r.get("owner_id")), r.get("country"), r.get("region"), r.get("city"),
                "CONVERTED".equals(r.get("status")) ? "QUALIFIED" : r.get("status")});
        long started = System.nanoTime();
        importFile("leads", leads);
        double leadSeconds = (System.nanoTime() - started) / 1e9;

        Path deals = work.resolve("opportunities-export.csv");
        long dealRows = convert(files.get("opportunity"), deals, List.of("externalId", "name", "stage", "amount", "currency", "createdAt",
                "closedAt", "account", "partner", "owner", "productLine", "channel", "campaign", "lead", "country", "region", "city",
                "lostReason", "competitor"), r -> new Object[] {
                r.get("external_id"), r.get("name"), r.get("stage"), r.get("amount"), r.get("currency"), r.get("created_at"),
                r.get("closed_at") == null ? r.get("expected_close_on") : r.get("closed_at"), ref("ACC-", r.get("account_id")),
                ref("PRT-", r.get("partner_id")), ref("EMP-", r.get("owner_id")), ref("PL-", r.get("product_line_id")),
                ref("CH-", r.get("channel_id")), ref("CMP-", r.get("campaign_id")), ref("LEAD-", r.get("lead_id")),
                r.get("country"), r.get("region"), r.get("city"), r.get("lost_reason"), r.get("competitor")});
        started = System.nanoTime();
        importFile("opportunities", deals);
        double importSeconds = (System.nanoTime() - started) / 1e9;

        double copySeconds = rawCopy(files.get("opportunity"));
        registrations(files.get("deal_registration"));
        return new Loaded(leadRows, leadSeconds, dealRows, importSeconds, copySeconds);
    }

    private static String ref(String prefix, String id) {
        return id == null || id.isEmpty() ? null : prefix + id;
    }

    private static void copy(Connection c, String table, DemoDataset.TableFile file) throws SQLException, IOException {
        try (InputStream in = Files.newInputStream(file.file())) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + String.join(", ", file.columns())
                    + ") from stdin (format csv)", in, 1 << 16);
        }
    }

    private interface Row {
        Object[] values(CSVRecord record);
    }

    /** Rewrites a generated table as an export with a header row; returns its rows. */
    private static long convert(DemoDataset.TableFile from, Path to, List<String> header, Row row) throws IOException {
        long rows = 0;
        CSVFormat in = CSVFormat.POSTGRESQL_CSV.builder().setHeader(from.columns().toArray(String[]::new)).get();
        try (Reader reader = Files.newBufferedReader(from.file(), StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (CSVRecord record : in.parse(reader)) {
                out.printRecord(row.values(record));
                rows++;
            }
        }
        return rows;
    }

    /** Imports a file through the HTTP API, every column mapped to the field of its header's name. */
    private void importFile(String entity, Path file) throws IOException {
        List<String> header;
        try (var lines = Files.lines(file)) {
            header = List.of(lines.findFirst().orElseThrow().split(","));
        }
        StringBuilder columns = new StringBuilder();
        for (String field : header) {
            columns.append(columns.isEmpty() ? "" : ", ").append('"').append(field).append("\": \"").append(field).append('"');
        }
        String settings = "{\"columns\": {" + columns + "}, \"dateFormat\": \"ISO\", \"createMissing\": false}";
        Api.Response report = api.upload("/api/v1/imports/" + entity, file.getFileName().toString(), () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Map.of("settings", settings));
        if (report.status() != 200) {
            throw new IllegalStateException("Import of " + entity + " answered " + report.status() + ": "
                    + report.body().substring(0, Math.min(2_000, report.body().length())));
        }
    }

    /** Raw COPY of the same opportunity rows into an empty table of the same shape; seconds. */
    private double rawCopy(DemoDataset.TableFile file) throws SQLException, IOException {
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute("create table bench_raw_copy (like opportunity including all)");
            }
            c.commit();
            long started = System.nanoTime();
            copy(c, "bench_raw_copy", file);
            c.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement statement = c.createStatement()) {
                statement.execute("drop table bench_raw_copy");
            }
            c.commit();
            return seconds;
        }
    }

    /** The generated registrations, their deals found by the external id the import kept. */
    private void registrations(DemoDataset.TableFile file) throws SQLException, IOException {
        String columns = String.join(", ", file.columns());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement()) {
                statement.execute("create temp table generated_registration (like deal_registration including defaults) on commit drop");
                statement.execute("alter table generated_registration alter column id drop not null");
            }
            copy(c, "generated_registration", file);
            String mapped = file.columns().stream().map(col -> col.equals("opportunity_id") ? "o.id" : "g." + col)
                    .reduce((a, b) -> a + ", " + b).orElseThrow();
            try (Statement statement = c.createStatement()) {
                statement.execute("insert into deal_registration (" + columns + ") select " + mapped
                        + " from generated_registration g left join opportunity o on o.external_id = 'OPP-' || g.opportunity_id"
                        + " order by g.id");
                statement.execute("select setval(pg_get_serial_sequence('deal_registration', 'id'), "
                        + "coalesce((select max(id) from deal_registration), 0) + 1, false)");
            }
            c.commit();
        }
    }

    static String describe(Loaded loaded) {
        return String.format(Locale.ROOT, "%,d leads imported in %.1f s; %,d opportunities imported in %.1f s", loaded.leads(),
                loaded.leadSeconds(), loaded.opportunities(), loaded.importSeconds());
    }
}
