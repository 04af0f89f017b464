package io.partnerpulse.kpi.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import io.partnerpulse.kpi.KpiProperties;
import io.partnerpulse.shared.OrganizationSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded PostgreSQL with the real migrations for the KPI tests of this JVM, emptied before
 * each test: the KPIs see exactly the rows a test made, nothing else.
 */
final class KpiTestDatabase {

    private static EmbeddedPostgres server;
    private static DataSource dataSource;

    static final OrganizationSettings ORGANIZATION = new OrganizationSettings("USD", ZoneOffset.UTC);

    private KpiTestDatabase() {
    }

    static synchronized DataSource dataSource() {
        if (dataSource == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("partnerpulse-kpi-test"))
                        .setCleanDataDirectory(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dataSource = server.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").placeholders(Map.of("appRole", ""))
                    .load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return dataSource;
    }

    static JdbcClient jdbc() {
        return JdbcClient.create(dataSource());
    }

    /** Removes every row but the reference data of the migrations. */
    static void reset() {
        jdbc().sql("""
                truncate audit_log, exchange_rate, target, deal_registration, stage_change, opportunity, lead_assignment,
                         lead, campaign, marketing_channel, customer_account, partner_tier_change, partner_status_change,
                         partner, employee, department, business_unit, product_line restart identity cascade""").update();
    }

    static KpiEngine engine() {
        return engine(properties());
    }

    /** The read model's settings in these tests: changes applied after 50 ms of quiet, a full load every 10 minutes. */
    static KpiProperties properties() {
        return new KpiProperties(Map.of(), defaultWeights(), java.time.Duration.ofMillis(50), java.time.Duration.ofMinutes(10));
    }

    static KpiEngine engine(KpiProperties properties) {
        KpiEngine engine = new KpiEngine(dataSource(), properties, ORGANIZATION, new io.partnerpulse.shared.CurrentActor());
        engine.refresh();
        return engine;
    }

    static KpiProperties.QualityScoreWeights defaultWeights() {
        return new KpiProperties.QualityScoreWeights(new BigDecimal("0.5"), new BigDecimal("0.5"), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
