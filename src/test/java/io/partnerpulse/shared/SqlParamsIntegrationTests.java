package io.partnerpulse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import javax.sql.DataSource;

import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Values bound through {@link SqlParams} keep a statement prepared on the server whether they are
 * null or not; bound plainly, a null between values makes the driver prepare it again.
 */
@PartnerPulseIntegrationTest
class SqlParamsIntegrationTests {

    private static final String INSERT = "insert into sql_params_probe (t, i, n, d, ts) values (:t, :i, :n, :d, :ts)";
    private static final String PLAIN_INSERT = INSERT.replace("sql_params_probe", "sql_params_probe as plain");
    private static final Instant AT = Instant.parse("2026-03-29T01:30:00.123456Z");

    @Autowired
    DataSource dataSource;

    @Test
    void aStatementGivenNullsAndValuesInTurnThroughSqlParamsIsPreparedOnce() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            JdbcClient jdbc = probe(c);
            for (int n = 0; n < 12; n++) {
                boolean none = n % 2 == 0;
                jdbc.sql(INSERT).params(Map.of("t", SqlParams.text(none ? null : "text"), "i", SqlParams.id(none ? null : 42L),
                        "n", SqlParams.number(none ? null : new BigDecimal("12.50")), "d", SqlParams.date(none ? null : LocalDate.of(2026, 3, 29)),
                        "ts", SqlParams.instant(none ? null : AT))).update();
            }
            // the driver prepares on the server from the fifth run on: the same statement ran all the others
            assertThat(mostRunsOf(jdbc, INSERT)).isGreaterThanOrEqualTo(7);
            assertThat(jdbc.sql("select count(*) from sql_params_probe where t = 'text' and i = 42 and n = 12.50"
                    + " and d = date '2026-03-29' and ts = timestamptz '2026-03-29 01:30:00.123456+00'").query(Long.class).single())
                    .isEqualTo(6);
            assertThat(jdbc.sql("select count(*) from sql_params_probe where t is null and i is null and n is null and d is null and ts is null")
                    .query(Long.class).single()).isEqualTo(6);
        }
    }

    @Test
    void theSameStatementGivenPlainNullsAndValuesInTurnIsPreparedAgainEachTime() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            JdbcClient jdbc = probe(c);
            for (int n = 0; n < 12; n++) {
                boolean none = n % 2 == 0;
                java.util.Map<String, Object> values = new java.util.HashMap<>();
                values.put("t", none ? null : "text");
                values.put("i", none ? null : 42L);
                values.put("n", none ? null : new BigDecimal("12.50"));
                values.put("d", none ? null : LocalDate.of(2026, 3, 29));
                values.put("ts", none ? null : java.time.OffsetDateTime.parse("2026-03-29T01:30:00Z"));
                jdbc.sql(PLAIN_INSERT).params(values).update();
            }
            assertThat(mostRunsOf(jdbc, PLAIN_INSERT)).isLessThanOrEqualTo(1);
        }
    }

    /** A client on one pooled connection, with an empty temporary table of its own. */
    private static JdbcClient probe(Connection c) {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
        jdbc.sql("create temp table if not exists sql_params_probe (t text, i bigint, n numeric, d date, ts timestamptz)").update();
        jdbc.sql("truncate sql_params_probe").update();
        return jdbc;
    }

    /** The most runs any statement prepared on the server with this text has had on this connection. */
    private static long mostRunsOf(JdbcClient jdbc, String sql) {
        String text = sql.substring(0, sql.indexOf('('));
        return jdbc.sql("select coalesce(max(generic_plans + custom_plans), 0) from pg_prepared_statements where statement like :text")
                .param("text", text + "%").query(Long.class).single();
    }
}
