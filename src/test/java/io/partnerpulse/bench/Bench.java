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
 * ({@code -Dbench.opportunities}, default 1,000,000) loaded into a temporary embedded database
 * through the import API ({@link BenchData}; the import speed against raw COPY is (g)), then
 * {@link BenchRun}: the read paths through the real HTTP API after warm-up (median and p95 of 20
 * runs), the same numbers by DuckDB with the ratios and the identical-numbers check, writes with 16
 * clients and the time until the KPIs show a write. Not part of the test suite (it runs only with
 * {@code -Dbench=true}); it asserts nothing and writes its table to target/bench-results.md.
 * Command: see docs/performance.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"partnerpulse.demo.enabled=false", "partnerpulse.forecast.learn-ahead=false"})
@ActiveProfiles("test")
class Bench {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("migrationDataSource")
    DataSource owner;

    /** With -Dbench.profile=true, a Java Flight Recording of the reads and one of the writes go to target/. */
    private static jdk.jfr.Recording profile() throws Exception {
        if (!Boolean.getBoolean("bench.profile")) {
            return null;
        }
        jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static void dump(jdk.jfr.Recording recording, String file) throws Exception {
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of("target", file));
            recording.close();
        }
    }

    @Test
    void measure() throws Exception {
        Api api = new Api(port);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int opportunities = Integer.getInteger("bench.opportunities", 1_000_000);
        BenchData.Loaded loaded = new BenchData(dataSource, owner, api).load(opportunities, today, Path.of("target", "bench-data"),
                new io.partnerpulse.shared.LoggingProgress(org.slf4j.LoggerFactory.getLogger(Bench.class)));
        System.out.println(BenchData.describe(loaded));
        BenchRun run = new BenchRun(api, dataSource, 5, 20);
        run.warmupNanos = 3_000_000_000L;
        run.warmupLimitNanos = 30_000_000_000L;
        run.writeWarmupNanos = 60_000_000_000L;
        run.writeCompileWindowNanos = 20_000_000_000L;
        run.writeWarmupLimitNanos = 300_000_000_000L;
        run.awaitReadModel();
        run.load(loaded);
        if ("import".equals(System.getProperty("bench.only"))) {
            // -Dbench.only=import: the data and (g) only, three minutes instead of ten
            Files.writeString(Path.of("target", "bench-results.md"), run.table());
            System.out.println(run.table());
            return;
        }
        jdk.jfr.Recording reads = profile();
        run.reads(today, "USD", Path.of("target", "bench-duckdb"));
        dump(reads, "bench-reads.jfr");
        String period = "from=" + BenchRun.lastQuarter(today) + "&to=" + BenchRun.lastQuarter(today).plusMonths(3);
        run.timeOnce("recommendations of the program", () -> api.get("/api/v1/recommendations?scope=program&" + period));
        run.timeOnce("forecast of the program, 3 months", () -> api.get("/api/v1/forecast?months=3"));
        run.timeOnce("seasonal index, 3 years", () -> api.get("/api/v1/seasonality?years=3"));
        jdk.jfr.Recording writes = profile();
        run.writes(16, 200);
        dump(writes, "bench-writes.jfr");
        run.freshness(today, 5);
        long starting = System.nanoTime();
        try (SecondInstance second = new SecondInstance((com.zaxxer.hikari.HikariDataSource) dataSource)) {
            double started = (System.nanoTime() - starting) / 1e6;
            run.results.add(new BenchRun.Result("start of a second instance, the data in the database (its read model loaded)",
                    started, started, "once"));
            run.twoInstances(new Api(second.port()), today, 5);
        }
        // what a restart costs: the KPI read model loads everything once before the app serves
        io.partnerpulse.kpi.internal.KpiEngine engine = context.getBean(io.partnerpulse.kpi.internal.KpiEngine.class);
        run.timeOnce("KPI read model: full load (on start and after a bulk import)", () -> {
            engine.refresh();
            return new Api.Response(200, null, "", null, null);
        });
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        long heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(java.util.Locale.ROOT, "Heap used after GC, with the read model (and the benchmark's own data): %,d MB of %,d MB%n",
                heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        String table = run.table() + String.format(java.util.Locale.ROOT, "%nHeap used after GC: %,d MB of %,d MB%n",
                heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-results.md"), table);
    }
}
