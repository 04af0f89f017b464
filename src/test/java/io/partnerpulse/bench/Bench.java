package io.partnerpulse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import io.partnerpulse.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The performance benchmark, first part: the demo generator's benchmark shape at the asked size
 * (`-Dbench.opportunities`, default 1,000,000) in a temporary embedded database, then the read and
 * write paths timed through the real HTTP API after warm-up: median and p95 of 20 runs each. Not
 * part of the test suite (it runs only with {@code -Dbench=true}); it asserts nothing and writes
 * its table to target/bench-results.md. Command: see docs/performance.md.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"partnerpulse.demo.enabled=true", "partnerpulse.demo.opportunities=${bench.opportunities:1000000}"})
@ActiveProfiles("test")
class Bench {

    static final int WARMUP = 5;
    static final int RUNS = 20;

    @LocalServerPort
    int port;

    record Result(String name, double median, double p95, String note) {
    }

    final List<Result> results = new ArrayList<>();

    Result time(String name, Supplier<Api.Response> call) {
        for (int i = 0; i < WARMUP; i++) {
            check(name, call.get());
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            check(name, call.get());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        Result result = new Result(name, millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1), "");
        results.add(result);
        return result;
    }

    /** For the heavier answers: one warm-up and five timed calls. */
    void timeOnce(String name, Supplier<Api.Response> call) {
        check(name, call.get());
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            check(name, call.get());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        results.add(new Result(name, millis.get(2), millis.get(4), "median and worst of 5"));
    }

    static void check(String name, Api.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(name + " answered " + response.status() + ": " + response.body());
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void measure() throws Exception {
        Api api = new Api(port);
        // the KPI read model reloads in the background after the demo data is loaded: wait until it holds every deal
        long deals = jdbc.sql("select count(*) from opportunity").query(Long.class).single();
        long waited = System.nanoTime();
        while (api.get("/api/v1/kpis?from=2001-01-01&to=2050-01-01").json().at("/groups/0/kpis/dealCount/createdCount").asLong() < deals) {
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "KPI read model holds all %,d deals after %.1f s%n", deals, (System.nanoTime() - waited) / 1e9);
        LocalDate today = LocalDate.now();
        LocalDate quarter = LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1).minusMonths(3);
        String period = "from=" + quarter + "&to=" + quarter.plusMonths(3);
        time("(a) program dashboard: 8 KPIs, previous and last year", () -> api.get("/api/v1/kpis?" + period + "&compare=previous,lastYear"));
        time("(b) leaderboard: every partner, same comparisons", () -> api.get("/api/v1/kpis?" + period + "&compare=previous,lastYear&groupBy=partner"));
        time("(c) KPIs by department", () -> api.get("/api/v1/kpis?" + period + "&groupBy=department"));
        time("(c) KPIs by channel type", () -> api.get("/api/v1/kpis?" + period + "&groupBy=channelType"));
        time("(d) marketing channel table", () -> api.get("/api/v1/kpis/channels?" + period));
        time("(e) drill-through, first page", () -> api.get("/api/v1/kpis/dealCount/records?" + period + "&page=0&size=50"));
        time("(f) pipeline as of an instant", () -> api.get("/api/v1/kpis/pipeline?at=" + quarter.plusMonths(3) + "T00:00:00Z"));
        timeOnce("recommendations of the program", () -> api.get("/api/v1/recommendations?scope=program&" + period));
        timeOnce("forecast of the program, 3 months", () -> api.get("/api/v1/forecast?months=3"));
        timeOnce("seasonal index, 3 years", () -> api.get("/api/v1/seasonality?years=3"));

        // (h) writes: 16 clients each opening deals and moving them
        int clients = 16;
        int perClient = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    Api.Response opened = api.post("/api/v1/opportunities",
                            "{\"name\": \"bench " + client + "-" + i + "\", \"amount\": 1000.00, \"currency\": \"USD\"}");
                    latencies.add((System.nanoTime() - t) / 1e6);
                    check("open", opened);
                    t = System.nanoTime();
                    check("move", api.post("/api/v1/opportunities/" + opened.id() + "/move", "{\"stage\": \"PROPOSAL\"}", opened.etag()));
                    latencies.add((System.nanoTime() - t) / 1e6);
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : futures) {
            all.addAll(f.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Collections.sort(all);
        results.add(new Result("(h) REST writes, 16 clients", all.get(all.size() / 2), all.get((int) Math.ceil(all.size() * 0.99) - 1),
                String.format(Locale.ROOT, "%.0f requests/s; the p95 column is p99", all.size() / seconds)));

        // (i) freshness: a deal won now, until today's deal count shows it
        String todayPeriod = "from=" + today + "&to=" + today.plusDays(1);
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long before = api.get("/api/v1/kpis?" + todayPeriod).json().at("/groups/0/kpis/dealCount/value").asLong();
            Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"fresh " + i + "\", \"amount\": 10.00, \"currency\": \"USD\"}");
            long t = System.nanoTime();
            check("win", api.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag()));
            while (api.get("/api/v1/kpis?" + todayPeriod).json().at("/groups/0/kpis/dealCount/value").asLong() <= before) {
                Thread.sleep(10);
            }
            fresh.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(fresh);
        results.add(new Result("(i) from a write to the KPIs showing it", fresh.get(2), fresh.get(4), "median and worst of 5"));

        StringBuilder table = new StringBuilder("| Measure | Median ms | p95 ms | Note |\n|---|---|---|---|\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", r.name(), r.median(), r.p95(), r.note()));
        }
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-results.md"), table);
    }
}
