package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.shared.ProgressListener;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A running import: it tells its listeners every step it takes, in order, so that the progress bar
 * and the command line's lines move through the whole import and not only while the file is read;
 * it can be cancelled, here or in another process, without writing anything; and one whose process
 * stopped is not shown as running forever.
 */
@PartnerPulseIntegrationTest
class RunningImportsIntegrationTests {

    @Autowired
    Imports imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @LocalServerPort
    int port;

    record Heard(String step, long done, long total) {
    }

    static final class Recorder implements ProgressListener {
        final List<Heard> heard = new ArrayList<>();

        @Override
        public synchronized void progress(String step, long done, long total) {
            heard.add(new Heard(step, done, total));
        }

        /** The steps in the order they began. */
        List<String> steps() {
            List<String> steps = new ArrayList<>();
            for (Heard h : heard) {
                if (steps.isEmpty() || !steps.get(steps.size() - 1).equals(h.step())) {
                    steps.add(h.step());
                }
            }
            return steps;
        }
    }

    /** An import running on another thread, held at the first report of a step until it is released. */
    final class Held implements AutoCloseable {
        final java.util.concurrent.CompletableFuture<ImportReport> outcome;
        final long id;
        private final java.util.concurrent.CountDownLatch release;

        Held(String step, String fileName, String csv, ImportSettings settings) throws InterruptedException {
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            var reached = new java.util.concurrent.CountDownLatch(1);
            release = new java.util.concurrent.CountDownLatch(1);
            ProgressListener holding = (heard, done, total) -> {
                if (heard.equals(step) && reached.getCount() > 0) {
                    reached.countDown();
                    try {
                        release.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            outcome = java.util.concurrent.CompletableFuture.supplyAsync(() -> imports.importFile(ImportEntity.OPPORTUNITIES,
                    new ByteArrayInputStream(bytes), bytes.length, fileName, settings, "progress test", false, holding));
            assertThat(reached.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the import reaches " + step).isTrue();
            id = jdbc.sql("select id from import_run where file_name = ?").param(fileName).query(Long.class).single();
        }

        @Override
        public void close() {
            release.countDown();
        }
    }

    static final ImportSettings DEALS = new ImportSettings(Map.of("externalId", "id", "stage", "stage", "createdAt", "created",
            "closedAt", "closed", "amount", "amount"), null, null, null, null, null, null, null, null, null, null);

    /** With the account, created when missing. */
    static final ImportSettings DEALS_WITH_ACCOUNTS = new ImportSettings(Map.of("externalId", "id", "stage", "stage",
            "createdAt", "created", "closedAt", "closed", "amount", "amount", "account", "account"), null, null, null, null, null, true,
            null, null, null, null);

    Recorder importDeals(String csv) {
        Recorder recorder = new Recorder();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        ImportReport report = imports.importFile(ImportEntity.OPPORTUNITIES, new ByteArrayInputStream(bytes), bytes.length, "deals.csv",
                DEALS_WITH_ACCOUNTS, "progress test", false, recorder);
        assertThat(report.status()).isEqualTo("IMPORTED");
        return recorder;
    }

    @Test
    void aFirstImportIsHeardReadingCheckingMatchingWritingItsNewRecordsAndSaving() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String csv = "id,stage,created,closed,amount,account\n"
                + u + "-1,Won,2026-02-01,2026-02-10,200,Progress " + u + "\n"
                + u + "-2,Won,2026-02-01,2026-02-16,400,Progress " + u + "\n"
                + u + "-3,Prospecting,2026-02-03,,,\n";

        Recorder first = importDeals(csv);

        assertThat(first.steps()).containsExactly("reading", "checking", "matching", "inserting", "saving");
        assertThat(first.heard).contains(new Heard("inserting", 3, 0), new Heard("saving", 1, 1));
        List<Heard> reading = first.heard.stream().filter(h -> h.step().equals("reading")).toList();
        assertThat(reading.get(reading.size() - 1)).isEqualTo(new Heard("reading", 1, 1));
        assertThat(reading.subList(0, reading.size() - 1)).as("not finished before the last row is staged")
                .allMatch(h -> h.done() < h.total());
        List<Heard> checking = first.heard.stream().filter(h -> h.step().equals("checking")).toList();
        assertThat(checking).extracting(Heard::done).isSorted();
        assertThat(checking.get(checking.size() - 1).done()).isEqualTo(checking.get(0).total()).isPositive();

        Recorder again = importDeals(csv.replace(",400,", ",450,"));

        assertThat(again.steps()).containsExactly("reading", "checking", "matching", "updating", "saving");
        assertThat(again.heard).contains(new Heard("updating", 3, 0));
    }

    @Test
    void aRunningImportsPageNamesItsStepInTheReadersLanguageWithABarThatClaimsNoShareOfOneStatement() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String csv = "id,stage,created,closed,amount\n" + u + "-1,Won,2026-02-01,2026-02-10,200\n" + u + "-2,Prospecting,2026-02-03,,\n";
        try (Held held = new Held("inserting", u + ".csv", csv, DEALS)) {
            Api api = Api.admin(port);

            String english = api.get("/imports/runs/" + held.id + "/status?lang=en").body();
            String urdu = api.get("/imports/runs/" + held.id + "/status?lang=ur").body();

            assertThat(english).contains("Writing 2 new records …").containsPattern("<progress aria-label=\"Progress\">")
                    .doesNotContainPattern("<progress[^>]*value=").contains("Cancel the import");
            assertThat(urdu).contains("2 نئے ریکارڈ لکھے جا رہے ہیں …");
            held.close();
            assertThat(held.outcome.get(30, java.util.concurrent.TimeUnit.SECONDS).inserted()).isEqualTo(2);
        }
    }

    @Test
    void aRunWhoseProcessStoppedIsShownFailedWhileOneThatHoldsItsLockInAnotherProcessIsStillRunning() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        ImportSettings settings = ImportSettings.defaults();
        // two runs begun by "another process" a minute ago: their ids are not this instance's
        long stopped = jdbc.sql("insert into import_run (entity, file_name, mode, status, started_by, started_at)"
                + " values ('opportunities', ?, 'ALL_OR_NOTHING', 'RUNNING', 'elsewhere', now() - interval '1 minute') returning id")
                .param(u + "-stopped.csv").query(Long.class).single();
        long alive = jdbc.sql("insert into import_run (entity, file_name, mode, status, started_by, started_at)"
                + " values ('opportunities', ?, 'ALL_OR_NOTHING', 'RUNNING', 'elsewhere', now() - interval '1 minute') returning id")
                .param(u + "-alive.csv").query(Long.class).single();
        long young = imports.begin(ImportEntity.OPPORTUNITIES, u + "-young.csv", settings, "elsewhere");
        try (var other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var statement = other.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + io.partnerpulse.imports.internal.ImportJob.RUN_LOCK + ", " + alive + ")");
            }

            Imports.Run shownStopped = imports.runById(stopped).orElseThrow();
            Imports.Run shownAlive = imports.runById(alive).orElseThrow();

            assertThat(shownStopped.status()).isEqualTo("FAILED");
            assertThat(shownStopped.error()).contains("stopped before it finished", "nothing was imported");
            assertThat(shownStopped.finishedAt()).isNotNull();
            assertThat(shownAlive.status()).isEqualTo("RUNNING");
            assertThat(imports.runById(young).orElseThrow().status()).as("begun by this instance").isEqualTo("RUNNING");
            other.rollback();
        }
        assertThat(imports.runs(500)).filteredOn(r -> r.id() == alive).singleElement()
                .satisfies(r -> assertThat(r.status()).as("its process ended too").isEqualTo("FAILED"));
        jdbc.sql("update import_run set status = 'FAILED', finished_at = now() where id = ?").param(young).update();
    }

    @Test
    void aCancelledImportWritesNothingAndSaysWhoCancelledIt() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        String csv = "id,stage,created,closed,amount,account\n" + u + "-1,Won,2026-02-01,2026-02-10,200,Cancelled " + u + "\n";
        Held held = new Held("inserting", u + ".csv", csv, DEALS_WITH_ACCOUNTS);
        long id = held.id;
        var running = held.outcome;

        assertThat(imports.cancel(id, "Ayesha Khan")).isTrue();
        held.close();

        assertThat(running).failsWithin(java.time.Duration.ofSeconds(30)).withThrowableThat()
                .havingRootCause().isInstanceOf(io.partnerpulse.shared.ApiError.class).withMessageContaining("cancelled by Ayesha Khan");
        Imports.Run run = imports.runById(id).orElseThrow();
        assertThat(run.status()).isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("The import was cancelled by Ayesha Khan; nothing was imported.");
        assertThat(jdbc.sql("select count(*) from opportunity where external_id like ?").param(u + "-%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from customer_account where name = ?").param("Cancelled " + u).query(Long.class).single())
                .as("nor the records it would have created").isZero();

        Api api = Api.admin(port);
        assertThat(api.get("/imports/runs/" + id + "?lang=ur").body()).as("its page in Urdu")
                .contains("درآمد Ayesha Khan نے منسوخ کر دی؛ کچھ بھی درآمد نہیں ہوا۔").doesNotContain("was cancelled");
        assertThat(api.get("/imports/runs/" + id + "?lang=en").body()).contains("The import was cancelled by Ayesha Khan; nothing was imported.");
        assertThat(api.get("/api/v1/imports/runs/" + id).json().propertyNames()).as("the API's run: its English error, no message key")
                .contains("error").doesNotContain("errorKey", "errorArgs");
        assertThat(api.post("/api/v1/imports/runs/" + id + "/cancel", "").status()).as("no longer running").isEqualTo(409);
        assertThat(api.post("/api/v1/imports/runs/987654321/cancel", "").status()).isEqualTo(404);
    }

    @Test
    void aLeadTheFileNamesThatIsDeletedWhileTheImportRunsFailsTheWholeImport() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        for (String lead : List.of(u + "-kept", u + "-deleted")) {
            jdbc.sql("insert into lead (external_id, created_at, country, status, status_changed_at) values (?, now(), 'PE', 'NEW', now())")
                    .param(lead).update();
        }
        String csv = "id,stage,created,closed,amount,lead\n" + u + "-1,Won,2026-02-01,2026-02-10,200," + u + "-kept\n"
                + u + "-2,Prospecting,2026-02-01,,," + u + "-deleted\n";
        ImportSettings withLeads = new ImportSettings(Map.of("externalId", "id", "stage", "stage", "createdAt", "created",
                "closedAt", "closed", "amount", "amount", "lead", "lead"), null, null, null, null, null, null, null, null, null, null);
        Held held = new Held("matching", u + ".csv", csv, withLeads);

        // resolved to its id already, not yet written: what only the import's last check can see
        assertThat(jdbc.sql("delete from lead where external_id = ?").param(u + "-deleted").update()).isEqualTo(1);
        held.close();

        assertThat(held.outcome).failsWithin(java.time.Duration.ofSeconds(30)).withThrowableThat()
                .havingRootCause().withMessageContaining("Nothing was imported: 1 referenced lead records were deleted during the import");
        assertThat(jdbc.sql("select count(*) from opportunity where external_id like ?").param(u + "-%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select status from lead where external_id = ?").param(u + "-kept").query(String.class).single())
                .as("the lead the other deal converted, as it was").isEqualTo("NEW");
    }

    @Test
    void anImportRunningWhenTheApplicationStopsIsRecordedAsStoppedAtOnceAndWritesNothing() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Held held = new Held("inserting", u + ".csv", "id,stage,created,closed,amount\n" + u + "-1,Won,2026-02-01,2026-02-10,200\n", DEALS);

        // what closing the application's context does (Ctrl-C on the command line, a shutdown): the
        // listener cancels the run and waits for it to say so; here the hold is let go meanwhile
        var stopping = java.util.concurrent.CompletableFuture.runAsync(imports::cancelOnShutdown);
        Thread.sleep(200);
        held.close();
        stopping.get(30, java.util.concurrent.TimeUnit.SECONDS);

        Imports.Run run = imports.runById(held.id).orElseThrow();
        assertThat(run.status()).as("recorded before the listener returned").isEqualTo("FAILED");
        assertThat(run.error()).isEqualTo("The import stopped before it finished (the application or the command ended); nothing was imported.");
        assertThat(held.outcome).failsWithin(java.time.Duration.ofSeconds(30));
        assertThat(jdbc.sql("select count(*) from opportunity where external_id like ?").param(u + "-%").query(Long.class).single()).isZero();
    }

    @Test
    void anImportCancelledWhileItWaitsForItsTurnStopsBeforeItReadsARow() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        byte[] bytes = ("id,stage,created,closed,amount\n" + u + "-1,Won,2026-02-01,2026-02-10,200\n").getBytes(StandardCharsets.UTF_8);
        ImportSettings settings = DEALS;
        long id = imports.begin(ImportEntity.OPPORTUNITIES, u + ".csv", settings, "progress test");

        assertThat(imports.cancel(id, "Ayesha Khan")).isTrue();
        Recorder recorder = new Recorder();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.run(id, ImportEntity.OPPORTUNITIES, new ByteArrayInputStream(bytes),
                        bytes.length, settings, "progress test", false, recorder))
                .hasMessage("The import was cancelled by Ayesha Khan; nothing was imported.");

        assertThat(recorder.heard).isEmpty();
        assertThat(imports.runById(id).orElseThrow().status()).isEqualTo("FAILED");
        assertThat(jdbc.sql("select count(*) from opportunity where external_id like ?").param(u + "-%").query(Long.class).single()).isZero();
    }

    @Test
    void anImportWhoseCopyIsCancelledByAnotherProcessSaysItWasCancelledNotThatTheFileIsUnreadable() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Held held = new Held("reading", u + ".csv", "id,stage,created,closed,amount\n" + u + "-1,Won,2026-02-01,2026-02-10,200\n", DEALS);
        long id = held.id;
        var running = held.outcome;

        // what Imports.cancel of another instance does: the backend holding the run's lock, its COPY still open
        assertThat(jdbc.sql("select bool_or(pg_cancel_backend(l.pid)) from pg_locks l where l.locktype = 'advisory'"
                + " and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 2")
                .params(io.partnerpulse.imports.internal.ImportJob.RUN_LOCK, id).query(Boolean.class).single()).isTrue();
        held.close();

        assertThat(running).failsWithin(java.time.Duration.ofSeconds(30)).withThrowableThat()
                .havingRootCause().withMessage("The import was cancelled; nothing was imported.");
        assertThat(imports.runById(id).orElseThrow().error()).isEqualTo("The import was cancelled; nothing was imported.");
    }

    @Test
    void anImportRunningInAnotherProcessIsCancelledThroughPostgresql() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("insert into import_run (entity, file_name, mode, status, started_by)"
                + " values ('opportunities', ?, 'ALL_OR_NOTHING', 'RUNNING', 'command line') returning id")
                .param(u + "-elsewhere.csv").query(Long.class).single();
        var started = new java.util.concurrent.CountDownLatch(1);
        var elsewhere = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (var other = dataSource.getConnection(); var statement = other.createStatement()) {
                other.setAutoCommit(false);
                statement.execute("select pg_advisory_xact_lock(" + io.partnerpulse.imports.internal.ImportJob.RUN_LOCK + ", " + id + ")");
                started.countDown();
                statement.execute("select pg_sleep(60)");
                return "not cancelled";
            } catch (java.sql.SQLException e) {
                return e.getSQLState();
            }
        });
        assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        // its statement running (a cancel request between statements is ignored, as it would be by the import's next one)
        io.partnerpulse.support.Eventually.until(() -> jdbc.sql("select count(*) from pg_stat_activity where state = 'active'"
                + " and query = 'select pg_sleep(60)'").query(Long.class).single() == 1, java.time.Duration.ofSeconds(20));

        assertThat(imports.cancel(id, "Ayesha Khan")).isTrue();

        assertThat(elsewhere.get(20, java.util.concurrent.TimeUnit.SECONDS)).as("PostgreSQL's query_canceled").isEqualTo("57014");
        jdbc.sql("update import_run set status = 'FAILED', finished_at = now() where id = ?").param(id).update();
    }

    @Test
    void theCommandLinePrintsAStepThatIsOneStatementOnceAndThenEveryFiveSecondsAndAFinishedStepOnce() {
        var out = new java.io.ByteArrayOutputStream();
        var printed = new ImportCommand.PrintedProgress(new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                (step, records) -> step.equals("inserting") ? "Writing " + records + " new records" : step);

        printed.progress("reading", 50, 100);
        printed.progress("reading", 1, 1);
        printed.progress("inserting", 1000, 0);
        printed.progress("inserting", 1000, 0);
        printed.beat(System.nanoTime());
        printed.beat(System.nanoTime() + ImportCommand.PrintedProgress.QUIET_NANOS);
        printed.progress("saving", 0, 0);
        printed.progress("saving", 1, 1);
        printed.beat(System.nanoTime() + 2 * ImportCommand.PrintedProgress.QUIET_NANOS);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines()
                .map(l -> l.substring(l.indexOf(" s  ") + 4).strip().replaceAll("\\s+", " ")).toList();
        assertThat(lines).as("a quiet statement gets a line every five seconds, a finished one none").containsExactly("reading 50%",
                "reading 100%", "Writing 1000 new records …", "Writing 1000 new records … still running", "saving …", "saving 100%");
    }
}
