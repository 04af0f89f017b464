package io.partnerpulse.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.partnerpulse.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One run of the benchmark against a started app: the read model caught up, (a) to (f) timed
 * through the HTTP API (request to the last byte of the JSON answer, which is read but not parsed) and (a) to (d) by DuckDB over the same rows with every number compared,
 * then writes (h) and freshness (i). Used by {@link Bench} at full size and by
 * {@code BenchmarkSmokeTests} at a small one; it measures and reports, it asserts nothing.
 */
final class BenchRun {

    record Result(String name, double median, double p95, String note) {
    }

    private final Api api;
    private final DataSource dataSource;
    private final int warmup;
    /** The least time the warm-up of each measure takes: 3 s at full size, none in the suite's small run. */
    long warmupNanos;
    /** The most time a measure is warmed up while the compilers are still at work: 30 s at full size, none in the suite. */
    long warmupLimitNanos;
    private final int runs;
    final List<Result> results = new ArrayList<>();
    /** Every number where our API and DuckDB differ, as "query: path: ours x, DuckDB y". */
    final List<String> differences = new ArrayList<>();
    /** How many numbers were compared. */
    int compared;

    /** The timed reads' connection (see {@link BenchHttp}). */
    private final BenchHttp http;

    BenchRun(Api api, DataSource dataSource, int warmup, int runs) {
        this.api = api;
        this.http = new BenchHttp(api.port(), api.authorization());
        this.dataSource = dataSource;
        this.warmup = warmup;
        this.runs = runs;
    }

    /**
     * Median and p95 of {@code runs} calls after a warm-up of at least {@code warmup} calls and, at
     * full size, at least {@link #warmupNanos} (on two cores the JIT compilers share the CPU with the
     * calls; a few calls of a 10,000-partner answer do not give them the time to finish), then on
     * until the compilers worked less than 5% of a second of calls, or {@link #warmupLimitNanos}.
     */
    private double[] time(Supplier<?> call) {
        long warmStart = System.nanoTime();
        for (int i = 0; i < warmup || System.nanoTime() - warmStart < warmupNanos; i++) {
            call.get();
        }
        while (System.nanoTime() - warmStart < warmupLimitNanos) {
            JitWatch second = JitWatch.start();
            do {
                call.get();
            } while (System.nanoTime() - second.nanos() < 1_000_000_000L);
            if (second.compilersDone()) {
                break;
            }
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.get();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        return new double[] {millis.get(runs / 2), millis.get((int) Math.ceil(runs * 0.95) - 1)};
    }

    /** The JIT compilers' time since a start: done when they worked less than 5% of the time since. */
    private record JitWatch(long compiledMillis, long nanos) {
        private static final java.lang.management.CompilationMXBean JIT = java.lang.management.ManagementFactory.getCompilationMXBean();

        static JitWatch start() {
            return new JitWatch(JIT.getTotalCompilationTime(), System.nanoTime());
        }

        boolean compilersDone() {
            return JIT.getTotalCompilationTime() - compiledMillis < 0.05 * (System.nanoTime() - nanos) / 1e6;
        }

        /** Whether the compilers worked less than 2% of the time from this mark to {@code later}. */
        boolean compilersQuietUntil(JitWatch later) {
            return later.compiledMillis - compiledMillis < 0.02 * (later.nanos - nanos) / 1e6;
        }
    }

    private Api.Response ok(String name, Api.Response response) {
        if (response.status() / 100 != 2) {
            throw new IllegalStateException(name + " answered " + response.status() + ": " + response.body());
        }
        return response;
    }

    private void add(String name, double[] ours, String note) {
        results.add(new Result(name, ours[0], ours[1], note));
    }

    /**
     * Waits until the KPI read model holds every deal and every decided registration in the
     * database, so that no reload after the load runs while the reads are timed.
     */
    void awaitReadModel() throws InterruptedException {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long deals = jdbc.sql("select count(*) from opportunity").query(Long.class).single();
        long outcomes = jdbc.sql("""
                select count(*) from deal_registration r left join opportunity o on o.id = r.opportunity_id
                where (r.outcome = 'APPROVED' and o.closed_at is not null) or (r.outcome in ('REJECTED', 'EXPIRED') and r.decided_at is not null)""")
                .query(Long.class).single();
        long waited = System.nanoTime();
        while (true) {
            var kpis = api.get("/api/v1/kpis?from=2001-01-01&to=2050-01-01").json().at("/groups/0/kpis");
            if (kpis.at("/dealCount/createdCount").asLong() >= deals && kpis.at("/dealSuccess/denominator").asLong() >= outcomes) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf(Locale.ROOT, "KPI read model holds all %,d deals after %.1f s%n", deals, (System.nanoTime() - waited) / 1e9);
    }

    /** (g): the opportunity import against raw COPY of the same rows. */
    void load(BenchData.Loaded loaded) {
        results.add(new Result("(g) import of " + String.format(Locale.ROOT, "%,d", loaded.opportunities()) + " opportunities (s, rows/s in the note)",
                loaded.importSeconds() * 1000, loaded.importSeconds() * 1000, String.format(Locale.ROOT,
                "%,.0f rows/s; raw COPY %,.0f rows/s (%.1f s); ours/COPY %.2f", loaded.importRowsPerSecond(),
                loaded.copyRowsPerSecond(), loaded.copySeconds(), loaded.importRowsPerSecond() / loaded.copyRowsPerSecond())));
    }

    /** The last full quarter before today. */
    static LocalDate lastQuarter(LocalDate today) {
        return LocalDate.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1, 1).minusMonths(3);
    }

    /** (a) to (f) through the API, (a) to (d) also by DuckDB with every number compared. */
    void reads(LocalDate today, String currency, Path work) throws Exception {
        LocalDate from = lastQuarter(today);
        LocalDate to = from.plusMonths(3);
        String period = "from=" + from + "&to=" + to;
        try (DuckDbBaseline duck = new DuckDbBaseline(dataSource, currency, today, work)) {
            report("(a) program dashboard: 8 KPIs, previous and last year", "/api/v1/kpis?" + period + "&compare=previous,lastYear",
                    duck, () -> duck.report(from, to, null));
            report("(b) leaderboard: every partner, same comparisons", "/api/v1/kpis?" + period + "&compare=previous,lastYear&groupBy=partner",
                    duck, () -> duck.report(from, to, "partner"));
            report("(c) KPIs by department, same comparisons", "/api/v1/kpis?" + period + "&compare=previous,lastYear&groupBy=department",
                    duck, () -> duck.report(from, to, "department"));
            report("(c) KPIs by channel type, same comparisons", "/api/v1/kpis?" + period + "&compare=previous,lastYear&groupBy=channelType",
                    duck, () -> duck.report(from, to, "channelType"));
            String channels = "/api/v1/kpis/channels?" + period;
            double[] ours = time(() -> http.getAndDrop(channels));
            double[] theirs = time(() -> unchecked(() -> duck.channels(from, to)));
            compare("(d)", ApiNumbers.channels(api.get(channels).json()), unchecked(() -> duck.channels(from, to)));
            add("(d) marketing channel table", ours, ratio(ours, theirs));
        }
        add("(e) drill-through, first page", time(() -> http.getAndDrop("/api/v1/kpis/dealCount/records?" + period + "&page=0&size=50")), "");
        add("(f) pipeline as of an instant", time(() -> http.getAndDrop("/api/v1/kpis/pipeline?at=" + to + "T00:00:00Z")), "");
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void report(String name, String path, DuckDbBaseline duck, Call<DuckDbBaseline.Report> baseline) {
        double[] ours = time(() -> http.getAndDrop(path));
        double[] theirs = time(() -> unchecked(baseline));
        var json = api.get(path).json();
        DuckDbBaseline.Report report = unchecked(baseline);
        List<String> groups = ApiNumbers.groups(json);
        differences.addAll(ApiNumbers.missingGroups(groups, report.active()).stream().map(d -> name.substring(0, 3) + " " + d).toList());
        compare(name.substring(0, 3), ApiNumbers.report(json), report.numbers(groups));
        add(name, ours, ratio(ours, theirs) + String.format(Locale.ROOT, "; answer %,d bytes", api.getBytes(path)));
        if (name.startsWith("(b)")) {
            // what the client used until stop 14 costs: the same answer read by the JDK's HttpClient
            double[] jdk = time(() -> api.getBytes(path));
            add("(b) the same, read by the JDK HttpClient (the benchmark's client until stop 14)", jdk, ratio(jdk, theirs));
        }
    }

    private void compare(String name, java.util.Map<String, String> ours, java.util.Map<String, String> baseline) {
        compared += baseline.size();
        ApiNumbers.differences(ours, baseline).forEach(d -> differences.add(name + " " + d));
    }

    private static String ratio(double[] ours, double[] theirs) {
        return String.format(Locale.ROOT, "DuckDB %.1f ms; ours/DuckDB %.2f", theirs[0], ours[0] / theirs[0]);
    }

    /**
     * (h): {@code clients} clients each opening {@code perClient} deals and moving each once, after
     * warm-up rounds of a fifth of that (not measured) for at least {@link #writeWarmupNanos} and
     * until the JIT compilers are done: the write path runs through many more methods than a read,
     * and on two cores the compilers share the CPU with it for minutes (measured on a standalone app,
     * stop 15: the C2 compiler thread at a fifth of a core for three minutes of writes, the app going
     * from 880 to 1,130 requests/s meanwhile). Done means: the compilers worked less than 2% of the
     * last {@link #writeCompileWindowNanos} of rounds (less than 5% of one round until stop 19), or
     * {@link #writeWarmupLimitNanos} has passed. Then {@link #WRITE_ROUNDS} measured rounds from
     * {@link BenchHttp} connections and, for comparison, one from the JDK's HttpClient.
     */
    void writes(int clients, int perClient) throws Exception {
        long warmStart = System.nanoTime();
        int rounds = 0;
        List<JitWatch> marks = new ArrayList<>(List.of(JitWatch.start()));
        while (true) {
            writeRound(clients, Math.max(1, perClient / 5), false);
            rounds++;
            JitWatch now = JitWatch.start();
            marks.add(now);
            JitWatch windowStart = null; // the last earlier mark at least the window before now
            for (JitWatch mark : marks.subList(0, marks.size() - 1)) {
                if (now.nanos() - mark.nanos() >= writeCompileWindowNanos) {
                    windowStart = mark;
                }
            }
            long warmed = now.nanos() - warmStart;
            boolean compilersDone = windowStart != null && windowStart.compilersQuietUntil(now);
            if (warmed >= writeWarmupNanos && (compilersDone || warmed >= writeWarmupLimitNanos)) {
                writeWarmup = String.format(Locale.ROOT, "warm-up %d rounds, %.0f s (%s)", rounds, warmed / 1e9,
                        compilersDone ? "compilers done" : "stopped at the limit, compilers still at work");
                break;
            }
        }
        List<Double> latencies = new ArrayList<>();
        double[] rates = new double[WRITE_ROUNDS];
        for (int r = 0; r < WRITE_ROUNDS; r++) {
            long start = System.nanoTime();
            List<Double> round = writeRound(clients, perClient, false);
            rates[r] = round.size() / ((System.nanoTime() - start) / 1e9);
            latencies.addAll(round);
        }
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        StringBuilder each = new StringBuilder();
        for (double rate : rates) {
            each.append(each.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", rate));
        }
        writeResult("(h) REST writes, " + clients + " clients (p99 in the p95 column)", latencies, String.format(Locale.ROOT,
                "%.0f requests/s (median of %d rounds of %d: %s); %s", sorted[WRITE_ROUNDS / 2], WRITE_ROUNDS, latencies.size() / WRITE_ROUNDS,
                each, writeWarmup));
        long start = System.nanoTime();
        List<Double> jdk = writeRound(clients, perClient, true);
        writeResult("(h) the same, sent by the JDK HttpClient (the benchmark's client until stop 14)", jdk,
                String.format(Locale.ROOT, "%.0f requests/s (one round)", jdk.size() / ((System.nanoTime() - start) / 1e9)));
    }

    /**
     * Measured rounds of (h), each {@code clients × perClient × 2} requests (about 4 s at full size):
     * the rate is the median round's, as one short round moved by a third with what else the two
     * cores were doing (stop 17); the latencies are all rounds' requests.
     */
    static final int WRITE_ROUNDS = 5;

    private void writeResult(String name, List<Double> latencies, String note) {
        Collections.sort(latencies);
        results.add(new Result(name, latencies.get(latencies.size() / 2), latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), note));
    }

    /** The least time the writes are warmed up before they are measured. */
    long writeWarmupNanos;
    /**
     * The time over which the compilers must have been quiet before the writes are measured: the
     * write path's compilations come in bursts, and one warm-up round (about a second) without
     * any said nothing (stop 19: the benchmark measured after 42 s, when a standalone app still went
     * from 1,200 to 2,200 requests/s over the next two minutes). Zero: each round on its own.
     */
    long writeCompileWindowNanos;
    /** The most time the writes are warmed up while the compilers are still at work (none in the suite's small run). */
    long writeWarmupLimitNanos;
    private String writeWarmup = "";

    /** One round: each request's latency in ms; by the JDK's HttpClient when {@code jdkClient}. */
    private List<Double> writeRound(int clients, int perClient, boolean jdkClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Double>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Double> latencies = new ArrayList<>();
                try (BenchHttp connection = new BenchHttp(api.port(), api.authorization())) {
                    for (int i = 0; i < perClient; i++) {
                        String open = "{\"name\": \"bench " + client + "-" + i + "\", \"amount\": 1000.00, \"currency\": \"USD\"}";
                        long t = System.nanoTime();
                        long id;
                        String etag;
                        if (jdkClient) {
                            Api.Response opened = ok("open", api.post("/api/v1/opportunities", open));
                            id = opened.id();
                            etag = opened.etag();
                        } else {
                            BenchHttp.Response opened = connection.send("POST", "/api/v1/opportunities", open, null);
                            id = opened.id();
                            etag = opened.etag();
                        }
                        latencies.add((System.nanoTime() - t) / 1e6);
                        t = System.nanoTime();
                        String move = "/api/v1/opportunities/" + id + "/move";
                        if (jdkClient) {
                            ok("move", api.post(move, "{\"stage\": \"PROPOSAL\"}", etag));
                        } else {
                            connection.send("POST", move, "{\"stage\": \"PROPOSAL\"}", etag);
                        }
                        latencies.add((System.nanoTime() - t) / 1e6);
                    }
                }
                return latencies;
            }));
        }
        List<Double> all = new ArrayList<>();
        for (Future<List<Double>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    /** (i): a deal won now, until today's deal count shows it; {@code times} times. */
    void freshness(LocalDate today, int times) throws Exception {
        String todayPeriod = "from=" + today + "&to=" + today.plusDays(1);
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long before = api.get("/api/v1/kpis?" + todayPeriod).json().at("/groups/0/kpis/dealCount/value").asLong();
            Api.Response deal = ok("open", api.post("/api/v1/opportunities", "{\"name\": \"fresh " + i + "\", \"amount\": 10.00, \"currency\": \"USD\"}"));
            long t = System.nanoTime();
            ok("win", api.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag()));
            while (api.get("/api/v1/kpis?" + todayPeriod).json().at("/groups/0/kpis/dealCount/value").asLong() <= before) {
                Thread.sleep(5);
            }
            fresh.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(fresh);
        results.add(new Result("(i) from a write to the KPIs showing it", fresh.get(times / 2), fresh.get(times - 1),
                "median and worst of " + times));
    }

    /** Whether the two instances gave identical numbers for (a) after the writes; null when not measured. */
    Boolean instancesAgree;

    /**
     * Two instances on one database: a deal won through {@code other} until this instance shows it,
     * {@code times} times; then the program dashboard of both, number by number.
     */
    void twoInstances(Api other, LocalDate today, int times) throws Exception {
        String todayPeriod = "/api/v1/kpis?from=" + today + "&to=" + today.plusDays(1);
        List<Double> fresh = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            long before = api.get(todayPeriod).json().at("/groups/0/kpis/dealCount/value").asLong();
            Api.Response deal = ok("open", other.post("/api/v1/opportunities", "{\"name\": \"other " + i + "\", \"amount\": 10.00, \"currency\": \"USD\"}"));
            long t = System.nanoTime();
            ok("win", other.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag()));
            while (api.get(todayPeriod).json().at("/groups/0/kpis/dealCount/value").asLong() <= before) {
                Thread.sleep(5);
            }
            fresh.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(fresh);
        LocalDate from = lastQuarter(today);
        String dashboard = "/api/v1/kpis?from=" + from + "&to=" + from.plusMonths(3) + "&compare=previous,lastYear";
        long deadline = System.nanoTime() + 10_000_000_000L;
        do {
            instancesAgree = ApiNumbers.report(api.get(dashboard).json()).equals(ApiNumbers.report(other.get(dashboard).json()))
                    && api.get(todayPeriod).body().equals(other.get(todayPeriod).body());
        } while (!instancesAgree && System.nanoTime() < deadline);
        results.add(new Result("two instances: a write on one until the other shows it", fresh.get(times / 2), fresh.get(times - 1),
                "median and worst of " + times + "; both answer the same: " + (instancesAgree ? "yes" : "NO")));
    }

    void timeOnce(String name, Supplier<Api.Response> call) {
        ok(name, call.get());
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            ok(name, call.get());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        results.add(new Result(name, millis.get(2), millis.get(4), "median and worst of 5"));
    }

    String table() {
        StringBuilder table = new StringBuilder("| Measure | Median ms | p95 ms | Note |\n|---|---|---|---|\n");
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", r.name(), r.median(), r.p95(), r.note()));
        }
        table.append(String.format(Locale.ROOT, "%nNumbers compared with DuckDB: %,d; different: %,d%n", compared, differences.size()));
        differences.stream().limit(20).forEach(d -> table.append("- ").append(d).append('\n'));
        return table.toString();
    }
}
