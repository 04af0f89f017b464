package io.partnerpulse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.partnerpulse.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The performance benchmark: the demo generator's benchmark shape at the asked size
 * ({@code -Dbench.opportunities}, default 1,000,000) in a temporary embedded database, then
 * {@link BenchRun}: the read paths through the real HTTP API after warm-up (median and p95 of 20
 * runs), the same numbers by DuckDB with the ratios and the identical-numbers check, writes with 16
 * clients and the time until the KPIs show a write. Not part of the test suite (it runs only with
 * {@code -Dbench=true}); it asserts nothing and writes its table to target/bench-results.md.
 * Command: see docs/performance.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"partnerpulse.demo.enabled=true", "partnerpulse.demo.opportunities=${bench.opportunities:1000000}"})
@ActiveProfiles("test")
class Bench {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void measure() throws Exception {
        Api api = new Api(port);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        BenchRun run = new BenchRun(api, dataSource, 5, 20);
        run.awaitReadModel();
        run.reads(today, "USD", Path.of("target", "bench-duckdb"));
        String period = "from=" + BenchRun.lastQuarter(today) + "&to=" + BenchRun.lastQuarter(today).plusMonths(3);
        run.timeOnce("recommendations of the program", () -> api.get("/api/v1/recommendations?scope=program&" + period));
        run.timeOnce("forecast of the program, 3 months", () -> api.get("/api/v1/forecast?months=3"));
        run.timeOnce("seasonal index, 3 years", () -> api.get("/api/v1/seasonality?years=3"));
        run.writes(16, 50);
        run.freshness(today, 5);
        String table = run.table();
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-results.md"), table);
    }
}
