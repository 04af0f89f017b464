package io.partnerpulse.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import io.partnerpulse.kpi.KpiQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model follows the database: a committed write reaches every engine on the database
 * (two here, as two app instances would have), and a rolled-back one reaches none.
 */
class KpiRefreshIntegrationTests {

    private static final KpiQuery FEBRUARY = KpiQuery.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-01"));

    KpiFixtures f;

    @BeforeEach
    void emptyDatabase() {
        KpiTestDatabase.reset();
        f = new KpiFixtures();
    }

    @Test
    void showsACommittedWriteInEveryInstanceWithoutBeingAsked() throws Exception {
        KpiEngine first = KpiTestDatabase.engine();
        KpiEngine second = KpiTestDatabase.engine();
        first.start();
        second.start();
        try {
            assertThat(dealCount(first)).isZero();
            f.deal("100").created("2026-01-05").won("2026-02-10").save();

            io.partnerpulse.support.Eventually.until(() -> dealCount(first) == 1 && dealCount(second) == 1, Duration.ofSeconds(10));
            assertThat(first.report(FEBRUARY).groups().get(0).kpis().wonRevenue().value())
                    .isEqualTo(second.report(FEBRUARY).groups().get(0).kpis().wonRevenue().value());
        } finally {
            first.stop();
            second.stop();
        }
    }

    @Test
    void anEngineToldNotToLoadAtStartStaysOutOfTheStartAndLoadsOnItsFirstQuestion() {
        // what the command line import does: no load and no listener while the application starts
        KpiEngine engine = new KpiEngine(KpiTestDatabase.dataSource(), KpiTestDatabase.properties(), KpiTestDatabase.ORGANIZATION,
                new io.partnerpulse.shared.CurrentActor());
        engine.loadAtStart(false);
        assertThat(engine.isAutoStartup()).isFalse();
        f.deal("100").created("2026-01-05").won("2026-02-10").save();

        assertThat(dealCount(engine)).isEqualTo(1);
        assertThat(engine.fullLoads).isEqualTo(1);
        assertThat(engine.isRunning()).isFalse();
    }

    @Test
    void seesAWriteCommittedTheMomentItStartedHoweverLateItsListenerThreadGetsAConnection() throws Exception {
        // the listener thread gets its connections half a second late: a write committed meanwhile
        // must not be lost (it was, until the engine listened before its first load)
        javax.sql.DataSource slowForTheListener = new org.springframework.jdbc.datasource.DelegatingDataSource(KpiTestDatabase.dataSource()) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                if (Thread.currentThread().getName().equals("kpi-refresh")) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return super.getConnection();
            }
        };
        KpiEngine engine = new KpiEngine(slowForTheListener, KpiTestDatabase.properties(), KpiTestDatabase.ORGANIZATION,
                new io.partnerpulse.shared.CurrentActor());
        engine.start();
        try {
            f.deal("100").created("2026-01-05").won("2026-02-10").save();
            io.partnerpulse.support.Eventually.until(() -> dealCount(engine) == 1, Duration.ofSeconds(5));
        } finally {
            engine.stop();
        }
    }

    @Test
    void ignoresAWriteThatWasRolledBack() throws Exception {
        KpiEngine engine = KpiTestDatabase.engine();
        engine.start();
        try (var connection = KpiTestDatabase.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("""
                        insert into opportunity (name, amount, currency, stage, created_at, closed_at)
                        values ('Rolled back', 100, 'USD', 'WON', '2026-01-05', '2026-02-10')""");
            }
            connection.rollback();
            // a committed write after it proves the engine has caught up with everything before it
            f.deal("7").created("2026-01-05").save();
            io.partnerpulse.support.Eventually.until(() -> engine.report(FEBRUARY).groups().get(0).kpis().pipeline().count() == 1, Duration.ofSeconds(10));
            assertThat(dealCount(engine)).isZero();
        } finally {
            engine.stop();
        }
    }

    private static long dealCount(KpiEngine engine) {
        return engine.report(FEBRUARY).groups().get(0).kpis().dealCount().value();
    }

}
