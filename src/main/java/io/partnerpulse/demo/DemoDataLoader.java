package io.partnerpulse.demo;

import io.partnerpulse.shared.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a {@link DemoDataset} with PostgreSQL {@code COPY}, all tables in one transaction: either the
 * whole data set is there afterwards or none of it. Constraints and foreign keys stay on, so the
 * database checks every generated row.
 */
public final class DemoDataLoader {

    /** Tables whose identity sequence must continue after the ids the generator chose. */
    private static final List<String> IDENTITY_TABLES = List.of("business_unit", "department", "employee", "product_line",
            "partner", "partner_status_change", "partner_tier_change", "customer_account", "marketing_channel", "campaign",
            "lead", "lead_assignment", "opportunity", "stage_change", "deal_registration", "target", "audit_log",
            "fund_allocation", "fund_request", "fund_claim");

    /** Session-wide lock key, so that two instances starting on one empty database load it once. */
    static final long LOCK_KEY = 0x5041_5254_4E45_5250L;

    private final DataSource dataSource;

    public DemoDataLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Loads the data set unless the database already holds data; returns whether it loaded.
     */
    public boolean loadIntoEmptyDatabase(DemoDataset dataset, ProgressListener progress) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + LOCK_KEY + ")");
                if (!DemoDataInitializer.isEmpty(statement)) {
                    connection.rollback();
                    return false;
                }
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                long total = dataset.bytes();
                long[] done = {0};
                for (CsvTable.Written table : dataset.tables()) {
                    String sql = "copy " + table.table() + " (" + String.join(", ", table.columns()) + ") from stdin (format csv)";
                    try (InputStream in = new CountingInput(Files.newInputStream(table.file()), n -> {
                        done[0] += n;
                        progress.progress("Loading demo data with COPY (bytes)", done[0], total);
                    })) {
                        copy.copyIn(sql, in, 1 << 16);
                    }
                }
                for (String table : IDENTITY_TABLES) {
                    statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "coalesce((select max(id) from " + table + "), 0) + 1, false)");
                }
                connection.commit();
                progress.progress("Loading demo data with COPY (bytes)", total, total);
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("analyze");
            }
            return true;
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInput extends FilterInputStream {
        private final java.util.function.LongConsumer onRead;

        CountingInput(InputStream in, java.util.function.LongConsumer onRead) {
            super(in);
            this.onRead = onRead;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                onRead.accept(n);
            }
            return n;
        }
    }
}
