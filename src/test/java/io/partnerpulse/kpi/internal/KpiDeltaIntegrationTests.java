package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.support.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read model applies changed rows to its snapshot instead of reloading it, and the answers are
 * exactly those of a snapshot loaded whole from the same database: for every kind of change a user
 * makes (new deals, moves, wins, losses, leads converted, registrations decided, a new partner and
 * a new country), for every query shape.
 */
class KpiDeltaIntegrationTests {

    private static final LocalDate FROM = LocalDate.parse("2026-04-01");
    private static final LocalDate TO = LocalDate.parse("2026-07-01");

    KpiFixtures f;
    JdbcClient jdbc;
    long acme;
    long open;
    long toWin;
    long registration;

    @BeforeEach
    void someHistory() {
        KpiTestDatabase.reset();
        f = new KpiFixtures();
        jdbc = KpiTestDatabase.jdbc();
        acme = f.partner("Acme", "GOLD", "US");
        long lead = f.lead("2025-04-02", acme, "US");
        f.deal("1000").created("2025-04-03").lead(lead).partner(acme).won("2025-05-10").save();
        f.deal("500").created("2026-01-03").partner(acme).lost("2026-04-10").save();
        open = f.deal("700").created("2026-03-03").partner(acme).moves("QUALIFICATION@2026-03-10").save();
        toWin = f.deal("900").created("2026-02-03").moves("PROPOSAL@2026-03-01").save();
        registration = f.registration(acme, null, "PENDING", "2026-04-02", null);
        f.lead("2026-04-05", acme, "US");
    }

    @Test
    void answersAfterRowChangesAreThoseOfAFullLoad() throws Exception {
        KpiEngine engine = KpiTestDatabase.engine();
        engine.start();
        try {
            long fullLoads = engine.fullLoads;

            // a deal moves on, another is won, a new deal is opened with its history
            jdbc.sql("update opportunity set stage = 'PROPOSAL' where id = :id").param("id", open).update();
            jdbc.sql("insert into stage_change (opportunity_id, from_stage, to_stage, changed_at, changed_by) values (:id, 'QUALIFICATION', 'PROPOSAL', timestamptz '2026-04-20', 't')")
                    .param("id", open).update();
            jdbc.sql("update opportunity set stage = 'WON', closed_at = timestamptz '2026-05-02', amount = 950 where id = :id")
                    .param("id", toWin).update();
            jdbc.sql("insert into stage_change (opportunity_id, from_stage, to_stage, changed_at, changed_by) values (:id, 'PROPOSAL', 'WON', timestamptz '2026-05-02', 't')")
                    .param("id", toWin).update();
            f.deal("300").created("2026-04-11").partner(acme).moves("NEGOTIATION@2026-05-01").save();
            // a new lead converted into a deal, and the pending registration approved onto it
            long lead = f.lead("2026-04-12", acme, "US");
            long converted = f.deal("450").created("2026-04-20").lead(lead).partner(acme).won("2026-06-01").save();
            jdbc.sql("update deal_registration set outcome = 'APPROVED', decided_at = timestamptz '2026-04-21', opportunity_id = :d where id = :r")
                    .param("d", converted).param("r", registration).update();
            // a partner new to the snapshot, in a country no row had, with a lost deal and a registration
            long beta = f.partner("Beta", "SILVER", "BR");
            long lost = f.deal("250").created("2026-04-15").partner(beta).country("BR").lostTo("2026-05-15", "Rival").save();
            f.registration(beta, lost, "REJECTED", "2026-04-14", "2026-04-16");

            Eventually.until(() -> sameAnswers(engine, fresh()));
            // the same deal moves again: its history, written at the end of the history once, is written there again
            long deltas = engine.deltas;
            jdbc.sql("update opportunity set stage = 'NEGOTIATION' where id = :id").param("id", open).update();
            jdbc.sql("insert into stage_change (opportunity_id, from_stage, to_stage, changed_at, changed_by) values (:id, 'PROPOSAL', 'NEGOTIATION', timestamptz '2026-04-25', 't')")
                    .param("id", open).update();
            Eventually.until(() -> engine.deltas > deltas && sameAnswers(engine, fresh()));
            assertThat(engine.fullLoads).as("no full reload for row changes (the last: %s)", engine.lastFullLoad).isEqualTo(fullLoads);
            assertThat(engine.deltas).isPositive();
        } finally {
            engine.stop();
        }
    }

    @Test
    void takesDealsThatCommitInTheOppositeOrderOfTheirIdsWithoutAFullLoad() throws Exception {
        KpiEngine engine = KpiTestDatabase.engine();
        engine.start();
        try (var first = KpiTestDatabase.dataSource().getConnection(); var second = KpiTestDatabase.dataSource().getConnection()) {
            long fullLoads = engine.fullLoads;
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            String insert = "insert into opportunity (name, amount, currency, stage, created_at, closed_at, owner_id, channel_id, country)"
                    + " values ('Concurrent', %s, 'USD', 'WON', timestamptz '2026-04-05', timestamptz '2026-05-05', %d, %d, 'US')";
            try (var statement = first.createStatement()) {
                statement.execute(insert.formatted("111", f.defaultEmployee(), f.defaultChannel())); // the lower id
            }
            try (var statement = second.createStatement()) {
                statement.execute(insert.formatted("222", f.defaultEmployee(), f.defaultChannel()));
            }
            second.commit();
            Eventually.until(() -> engine.deltas > 0 && sameAnswers(engine, fresh()));
            first.commit();

            Eventually.until(() -> sameAnswers(engine, fresh()));
            assertThat(engine.fullLoads).as("no full reload (the last: %s)", engine.lastFullLoad).isEqualTo(fullLoads);
        } finally {
            engine.stop();
        }
    }

    @Test
    void reloadsEverythingWhenARowIsDeletedAndStillAnswersTheSame() throws Exception {
        KpiEngine engine = KpiTestDatabase.engine();
        engine.start();
        try {
            long fullLoads = engine.fullLoads;
            jdbc.sql("delete from stage_change where opportunity_id = :id").param("id", open).update();
            jdbc.sql("delete from opportunity where id = :id").param("id", open).update();

            Eventually.until(() -> engine.fullLoads > fullLoads && sameAnswers(engine, fresh()));
        } finally {
            engine.stop();
        }
    }

    private static KpiEngine fresh() {
        return KpiTestDatabase.engine();
    }

    private static boolean sameAnswers(KpiEngine engine, KpiEngine fresh) {
        KpiQuery quarter = KpiQuery.of(FROM, TO).withCompare(Set.of(KpiQuery.Comparison.values()));
        List<KpiQuery> queries = List.of(quarter, quarter.withGroupBy(Dimension.PARTNER), quarter.withGroupBy(Dimension.MONTH),
                quarter.withGroupBy(Dimension.COUNTRY), quarter.withGroupBy(Dimension.CHANNEL_TYPE),
                KpiQuery.of(LocalDate.parse("2025-01-01"), TO).withGroupBy(Dimension.PRODUCT_LINE));
        for (KpiQuery q : queries) {
            if (!engine.report(q).equals(fresh.report(q))) {
                return false;
            }
        }
        Instant at = Instant.parse("2026-05-01T00:00:00Z");
        return engine.channels(quarter).equals(fresh.channels(quarter))
                && engine.pipeline(at, Map.of(), Dimension.PARTNER).equals(fresh.pipeline(at, Map.of(), Dimension.PARTNER))
                && engine.records("wonRevenue", quarter, null, 0, 50).equals(fresh.records("wonRevenue", quarter, null, 0, 50))
                && engine.records("dealSuccess", quarter, null, 0, 50).equals(fresh.records("dealSuccess", quarter, null, 0, 50));
    }
}
