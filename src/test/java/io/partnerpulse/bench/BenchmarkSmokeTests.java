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
 * The benchmark at a small size (10,000 asked opportunities, its own database): it runs end to end
 * and every KPI number of (a) to (d) is identical to DuckDB's over the same rows. It times, but
 * asserts nothing about time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"partnerpulse.demo.enabled=true", "partnerpulse.demo.opportunities=10000"})
@ActiveProfiles("test")
class BenchmarkSmokeTests {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void runsEndToEndAndEveryNumberMatchesDuckDb(@TempDir Path work) throws Exception {
        BenchRun run = new BenchRun(new Api(port), dataSource, 1, 3);
        run.awaitReadModel();
        run.reads(LocalDate.now(java.time.ZoneOffset.UTC), "USD", work);
        run.writes(4, 5);
        run.freshness(LocalDate.now(java.time.ZoneOffset.UTC), 3);
        System.out.println(run.table());

        assertThat(run.compared).as("numbers compared").isGreaterThan(1_000);
        assertThat(run.differences).isEmpty();
        assertThat(run.results).extracting(BenchRun.Result::name).hasSize(9);
    }
}
