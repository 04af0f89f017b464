package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the source tables' triggers notify the read model of when a transaction commits (V9, made
 * in one query by V12): the changed rows' ids up to 200, the bare table name for more, nothing for a
 * statement that changed no row or a transaction that rolled back.
 */
@PartnerPulseIntegrationTest
class KpiChangeNoticesIntegrationTests {

    @Autowired
    DataSource dataSource;

    Connection listening;
    Connection writing;
    final List<Long> made = new ArrayList<>();

    @BeforeEach
    void listen() throws SQLException {
        listening = dataSource.getConnection();
        try (Statement s = listening.createStatement()) {
            s.execute("listen " + KpiEngine.CHANNEL);
            // the pool hands out a connection another test listened on: what it was told then is read and dropped
            // (a round trip brings in whatever is still on its way)
            s.execute("select 1");
        }
        listening.unwrap(PGConnection.class).getNotifications();
        writing = dataSource.getConnection();
        writing.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        try (Statement s = listening.createStatement()) {
            s.execute("unlisten *");
        }
        listening.close();
        writing.rollback();
        if (!made.isEmpty()) {   // other tests share the database: the deals made here go again
            String ids = made.toString().replace("[", "(").replace("]", ")");
            query("delete from stage_change where opportunity_id in " + ids);
            query("delete from opportunity where id in " + ids);
            writing.commit();
        }
        writing.setAutoCommit(true);
        writing.close();
    }

    @Test
    void aDealOpenedWithItsFirstStageNotifiesItsIdOnce() throws SQLException {
        long id = deals(1).get(0);
        query("insert into stage_change (opportunity_id, to_stage, changed_at, changed_by) values (" + id + ", 'PROSPECTING', now(), 'test')");
        writing.commit();
        assertThat(notices()).containsExactly("opportunity:" + id);
    }

    @Test
    void stageChangesOfTwoDealsInOneStatementNotifyBothDeals() throws SQLException {
        List<Long> ids = deals(2);
        writing.commit();
        notices();
        query("insert into stage_change (opportunity_id, to_stage, changed_at, changed_by) select id, 'PROSPECTING', now(), 'test'"
                + " from opportunity where id in (" + ids.get(0) + ", " + ids.get(1) + ")");
        writing.commit();
        List<String> notices = notices();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0)).startsWith("opportunity:");
        assertThat(List.of(notices.get(0).substring("opportunity:".length()).split(",")))
                .containsExactlyInAnyOrder(String.valueOf(ids.get(0)), String.valueOf(ids.get(1)));
    }

    @Test
    void twoHundredRowsAreNamedAndTwoHundredAndOneAreNotifiedAsTheTable() throws SQLException {
        deals(200);
        writing.commit();
        List<String> notices = notices();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).split(",")).hasSize(200);
        deals(201);
        writing.commit();
        assertThat(notices()).containsExactly("opportunity");
    }

    @Test
    void aStatementThatChangedNoRowAndATransactionRolledBackNotifyNothing() throws SQLException {
        query("update opportunity set name = name where false");
        writing.commit();
        deals(1);
        writing.rollback();
        assertThat(notices()).isEmpty();
    }

    /** Inserts {@code n} deals in one statement; their ids. */
    private List<Long> deals(int n) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement s = writing.createStatement();
             ResultSet rs = s.executeQuery("insert into opportunity (name, amount, currency, stage, created_at)"
                     + " select 'Notice test ' || g, 10, 'USD', 'PROSPECTING', now() from generate_series(1, " + n + ") g returning id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            made.addAll(ids);
        }
        return ids;
    }

    private void query(String sql) throws SQLException {
        try (Statement s = writing.createStatement()) {
            s.execute(sql);
        }
    }

    /** The deals' notices that arrived (waiting up to half a second for the first); others' writes may notify other tables. */
    private List<String> notices() throws SQLException {
        List<String> all = new ArrayList<>();
        PGNotification[] got = listening.unwrap(PGConnection.class).getNotifications(500);
        while (got != null && got.length > 0) {
            for (PGNotification n : got) {
                if (n.getParameter().startsWith("opportunity")) {
                    all.add(n.getParameter());
                }
            }
            got = listening.unwrap(PGConnection.class).getNotifications(50);
        }
        return all;
    }
}
