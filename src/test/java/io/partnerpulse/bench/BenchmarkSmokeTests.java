package io.partnerpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import io.partnerpulse.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The benchmark at a small size (10,000 asked opportunities, its own database): the data goes in
 * through the import API, it runs end to end, every KPI number of (a) to (d) is identical to
 * DuckDB's over the same rows, and a second app instance on the same database gives the same
 * answers after writes on the first. It times, but
 * asserts nothing about time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "partnerpulse.test.own-database=benchmark")
@ActiveProfiles("test")
@org.springframework.test.annotation.DirtiesContext
class BenchmarkSmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("migrationDataSource")
    DataSource owner;

    @Test
    void runsEndToEndAndEveryNumberMatchesDuckDb(@TempDir Path work) throws Exception {
        Api api = new Api(port);
        BenchData.Loaded loaded = new BenchData(dataSource, owner, api).load(10_000, LocalDate.now(java.time.ZoneOffset.UTC), work.resolve("data"),
                io.partnerpulse.shared.ProgressListener.NONE);
        BenchRun run = new BenchRun(api, dataSource, 1, 3);
        run.awaitReadModel();
        run.load(loaded);
        run.reads(LocalDate.now(java.time.ZoneOffset.UTC), "USD", work);
        run.writes(4, 5);
        run.freshness(LocalDate.now(java.time.ZoneOffset.UTC), 3);
        try (SecondInstance second = new SecondInstance((com.zaxxer.hikari.HikariDataSource) dataSource)) {
            run.twoInstances(new Api(second.port()), LocalDate.now(java.time.ZoneOffset.UTC), 3);
        }
        System.out.println(run.table());

        assertThat(run.compared).as("numbers compared").isGreaterThan(1_000);
        assertThat(run.differences).isEmpty();
        assertThat(run.instancesAgree).as("two instances on one database answer the same").isTrue();
        assertThat(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource)
                .sql("select count(*) from opportunity where external_id like 'OPP-%'").query(Long.class).single())
                .as("every generated opportunity imported").isEqualTo(loaded.opportunities());
        assertThat(run.results).extracting(BenchRun.Result::name).hasSize(13);
    }
}
