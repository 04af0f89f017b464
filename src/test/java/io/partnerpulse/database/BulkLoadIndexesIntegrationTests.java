package io.partnerpulse.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * V11's {@code bulk_load_begin} and {@code bulk_load_end} (and V31's {@code bulk_load_skip_capture}),
 * called as the application's role (which may not drop or create indexes or triggers itself): what a
 * large import into a small table does.
 */
@PartnerPulseIntegrationTest
class BulkLoadIndexesIntegrationTests {

    @Autowired
    DataSource dataSource;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("migrationDataSource")
    DataSource ownerDataSource;

    @Test
    void aBulkLoadDropsTheSecondaryIndexesAndBuildsThemAgainBeforeItsCommit() throws SQLException {
        List<String> before = indexes("campaign");
        try (Connection c = transaction()) {
            assertThat(value(c, "select bulk_load_begin('campaign', '3 seconds')")).isEqualTo("t");
            // the primary key stays (foreign keys refer to it); the unique external id goes, checked again when built
            assertThat(indexesIn(c, "campaign")).containsExactly("CREATE UNIQUE INDEX campaign_pkey ON public.campaign USING btree (id)");
            int dropped = before.size() - 1;
            assertThat(before).contains("CREATE UNIQUE INDEX campaign_external_id_key ON public.campaign USING btree (external_id)");
            assertThat(value(c, "select count(*) from bulk_load_index")).isEqualTo(String.valueOf(dropped));
            assertThat(value(c, "select bulk_load_end('campaign')")).isEqualTo(String.valueOf(dropped));
            c.commit();
        }
        assertThat(indexes("campaign")).isEqualTo(before);
        assertThat(count("bulk_load_index")).isZero();
        assertThat(constraints("campaign")).contains("campaign_external_id_key u");
    }

    @Test
    void aPrimaryKeyNoForeignKeyRefersToIsDroppedAndBuiltAgainToo() throws SQLException {
        List<String> before = indexes("stage_change");
        try (Connection c = transaction()) {
            assertThat(value(c, "select bulk_load_begin('stage_change', '3 seconds')")).isEqualTo("t");
            assertThat(indexesIn(c, "stage_change")).isEmpty();
            assertThat(value(c, "select bulk_load_end('stage_change')")).isEqualTo(String.valueOf(before.size()));
            c.commit();
        }
        assertThat(indexes("stage_change")).isEqualTo(before)
                .contains("CREATE UNIQUE INDEX stage_change_pkey ON public.stage_change USING btree (id)");
        assertThat(constraints("stage_change")).contains("stage_change_pkey p");
    }

    @Test
    void aUniqueKeyBuiltAgainRefusesTheDuplicatesWrittenWithoutIt() throws SQLException {
        try (Connection c = transaction()) {
            value(c, "select bulk_load_begin('campaign', '3 seconds')");
            String channel = value(c, "insert into marketing_channel (name, type) values ('Bulk load test ' || gen_random_uuid(), 'PAID')"
                    + " returning id");
            value(c, "insert into campaign (external_id, name, channel_id, starts_on, ends_on, currency) select 'CMP-TWICE', 'Twice ' || n, "
                    + channel + ", current_date, current_date, 'USD' from generate_series(1, 2) n");
            assertThatThrownBy(() -> value(c, "select bulk_load_end('campaign')")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("campaign_external_id_key");
        }
        assertThat(count("campaign where external_id = 'CMP-TWICE'")).isZero();
    }

    @Test
    void aTransactionThatDroppedIndexesCannotCommitWithoutBuildingThemAgain() throws SQLException {
        List<String> before = indexes("campaign");
        try (Connection c = transaction()) {
            value(c, "select bulk_load_begin('campaign', '3 seconds')");
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("was set aside for a bulk load and not made again");
        }
        assertThat(indexes("campaign")).isEqualTo(before);
        assertThat(count("bulk_load_index")).isZero();
    }

    @Test
    void theCommitsCheckHoldsWhileTheImportHasTheForeignKeyTriggersOff() throws SQLException {
        List<String> before = indexes("campaign");
        try (Connection c = transaction()) {
            // a bulk import switches the per-row trigger checks off before it drops indexes (EntitySql.startBulk)
            value(c, "set local session_replication_role = replica");
            value(c, "select bulk_load_begin('campaign', '3 seconds')");
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("was set aside for a bulk load and not made again");
        }
        assertThat(indexes("campaign")).isEqualTo(before);
        assertThat(count("bulk_load_index")).isZero();
    }

    @Test
    void whileTriggersAreOffTheTriggersThatKeepATransitionTableAreSetAsideAndMadeAgainAtTheEnd() throws SQLException {
        List<String> before = triggers("opportunity");
        assertThat(before).anyMatch(t -> t.startsWith("opportunity_kpi_insert") && t.contains("REFERENCING NEW TABLE"));
        try (Connection c = transaction()) {
            value(c, "set local session_replication_role = replica");
            assertThat(value(c, "select bulk_load_begin('opportunity', '3 seconds')")).isEqualTo("t");
            // the insert and the update triggers keep every row they are told of; the one for deletes keeps none
            assertThat(value(c, "select bulk_load_skip_capture('opportunity')")).isEqualTo("2");
            assertThat(triggersIn(c, "opportunity")).singleElement().asString().startsWith("opportunity_kpi_change");
            value(c, "select bulk_load_end('opportunity')");
            assertThat(triggersIn(c, "opportunity")).isEqualTo(before);
            c.commit();
        }
        assertThat(triggers("opportunity")).isEqualTo(before);
        assertThat(count("bulk_load_index")).isZero();
    }

    @Test
    void aTriggerThatFiresEvenWhileTriggersAreOffKeepsItsRows() throws SQLException {
        // as an administrator might set one of them (the app's own are enabled the usual way)
        try (Connection owner = ownerDataSource.getConnection()) {
            value(owner, "alter table opportunity enable always trigger opportunity_kpi_update");
            try (Connection c = transaction()) {
                value(c, "set local session_replication_role = replica");
                value(c, "select bulk_load_begin('opportunity', '3 seconds')");
                assertThat(value(c, "select bulk_load_skip_capture('opportunity')")).isEqualTo("1");
                assertThat(triggersIn(c, "opportunity")).anyMatch(t -> t.startsWith("opportunity_kpi_update"))
                        .noneMatch(t -> t.startsWith("opportunity_kpi_insert"));
                c.rollback();
            } finally {
                value(owner, "alter table opportunity enable trigger opportunity_kpi_update");
            }
        }
        assertThat(triggers("opportunity")).anyMatch(t -> t.startsWith("opportunity_kpi_insert"));
    }

    @Test
    void triggersAreSetAsideOnlyWhileTheyAreOffAndTheTableIsTheLoadsAlone() throws SQLException {
        try (Connection c = transaction()) {
            value(c, "select bulk_load_begin('opportunity', '3 seconds')");
            assertThatThrownBy(() -> value(c, "select bulk_load_skip_capture('opportunity')"))
                    .hasMessageContaining("set aside only while triggers are off");
        }
        try (Connection c = transaction()) {
            value(c, "set local session_replication_role = replica");
            assertThatThrownBy(() -> value(c, "select bulk_load_skip_capture('lead')"))
                    .hasMessageContaining("holds the table's exclusive lock first");
        }
        try (Connection c = transaction()) {
            value(c, "set local session_replication_role = replica");
            assertThatThrownBy(() -> value(c, "select bulk_load_skip_capture('audit_log')"))
                    .hasMessageContaining("bulk loads are not made into audit_log");
        }
        List<String> before = triggers("lead");
        try (Connection c = transaction()) {
            value(c, "set local session_replication_role = replica");
            value(c, "select bulk_load_begin('lead', '3 seconds')");
            assertThat(value(c, "select bulk_load_skip_capture('lead')")).isEqualTo("2");
            assertThatThrownBy(c::commit).isInstanceOf(SQLException.class)
                    .hasMessageContaining("was set aside for a bulk load and not made again");
        }
        assertThat(triggers("lead")).isEqualTo(before);
    }

    @Test
    void aRollbackKeepsTheIndexes() throws SQLException {
        List<String> before = indexes("campaign");
        try (Connection c = transaction()) {
            value(c, "select bulk_load_begin('campaign', '3 seconds')");
            c.rollback();
        }
        assertThat(indexes("campaign")).isEqualTo(before);
    }

    @Test
    void aTableOtherTransactionsAreUsingKeepsItsIndexesAndTheLoadGoesOn() throws SQLException {
        List<String> before = indexes("campaign");
        try (Connection reader = transaction(); Connection loader = transaction()) {
            value(reader, "select count(*) from campaign");
            value(loader, "set local lock_timeout = '7s'");
            assertThat(value(loader, "select bulk_load_begin('campaign', '200 milliseconds')")).isEqualTo("f");
            // the transaction goes on as it was, with its own lock wait back
            assertThat(value(loader, "show lock_timeout")).isEqualTo("7s");
            assertThat(indexesIn(loader, "campaign")).isEqualTo(before);
            loader.commit();
            reader.commit();
        }
        assertThat(indexes("campaign")).isEqualTo(before);
    }

    @Test
    void theApplicationCannotWriteTheDefinitionsTheOwnerBuildsNorDropTheIndexesOfOtherTables() throws SQLException {
        try (Connection c = transaction()) {
            assertThatThrownBy(() -> value(c, "insert into bulk_load_index values ('x', 'campaign', 'create table intruder (id int)')"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = transaction()) {
            assertThatThrownBy(() -> value(c, "select bulk_load_begin('audit_log', '1 second')"))
                    .hasMessageContaining("bulk loads are not made into audit_log");
        }
    }

    @Test
    void emptyTablesLoadedInBulkGetNewStorageSoThatTheirRowsAreNotLoggedOneByOne() throws SQLException {
        long history = count("stage_change");
        try (Connection c = transaction()) {
            // nothing refers to the stage history: emptied here, it is a load target on its own
            value(c, "delete from stage_change");
            value(c, "select bulk_load_begin('stage_change', '3 seconds')");
            String storage = value(c, "select pg_relation_filenode('stage_change')");
            assertThat(value(c, "select bulk_load_fresh(array['stage_change'::regclass], '3 seconds')")).isEqualTo("t");
            assertThat(value(c, "select pg_relation_filenode('stage_change')")).isNotEqualTo(storage);
            assertThat(value(c, "show wal_level")).isEqualTo("minimal");
            c.rollback();
        }
        assertThat(count("stage_change")).isEqualTo(history);
    }

    @Test
    void aTableReferringToTheTargetsThatHoldsARowKeepsItAndTheLocksTakenOnTheWayAreLetGo() throws SQLException {
        try (Connection c = transaction()) {
            // a deal refers to its campaign: with a deal in the table, no campaign may be truncated
            value(c, "insert into opportunity (name, amount, currency, stage, created_at) values ('Kept', 10, 'USD', 'PROSPECTING', now())");
            long campaigns = Long.parseLong(value(c, "select count(*) from campaign"));
            value(c, "select bulk_load_begin('campaign', '3 seconds')");
            String storage = value(c, "select pg_relation_filenode('campaign')");
            assertThat(value(c, "select bulk_load_fresh(array['campaign'::regclass], '3 seconds')")).isEqualTo("f");
            assertThat(value(c, "select pg_relation_filenode('campaign')")).isEqualTo(storage);
            assertThat(value(c, "select count(*) from opportunity where name = 'Kept'")).isEqualTo("1");
            assertThat(value(c, "select count(*) from campaign")).isEqualTo(String.valueOf(campaigns));
            // the deals' table is not left locked against every reader for the rest of the import
            assertThat(value(c, "select count(*) from pg_locks where pid = pg_backend_pid() and relation = 'opportunity'::regclass"
                    + " and mode = 'AccessExclusiveLock'")).isEqualTo("0");
            value(c, "select bulk_load_end('campaign')");
            c.rollback();
        }
        try (Connection c = transaction()) {
            assertThatThrownBy(() -> value(c, "select bulk_load_fresh(array['audit_log'::regclass], '1 second')"))
                    .hasMessageContaining("bulk loads are not made into");
        }
    }

    private Connection transaction() throws SQLException {
        // the pool rolls back what is left open when the connection is closed: a failed test leaves no lock
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    private List<String> indexes(String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return indexesIn(c, table);
        }
    }

    private static List<String> indexesIn(Connection c, String table) throws SQLException {
        return strings(c, "select pg_get_indexdef(indexrelid) from pg_index where indrelid = '" + table + "'::regclass order by 1");
    }

    private List<String> triggers(String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return triggersIn(c, table);
        }
    }

    private static List<String> triggersIn(Connection c, String table) throws SQLException {
        return strings(c, "select tgname || ': ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal and tgrelid = '"
                + table + "'::regclass order by 1");
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private List<String> constraints(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select conname || ' ' || contype::text from pg_constraint where conrelid = '" + table + "'::regclass")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Long.parseLong(value(c, "select count(*) from " + table));
        }
    }

    private static String value(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return null;
            }
            try (ResultSet rs = s.getResultSet()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
