package io.partnerpulse.imports;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.partnerpulse.deal.StageMoveAnnouncer;
import io.partnerpulse.imports.internal.CsvSource;
import io.partnerpulse.imports.internal.FileProblem;
import io.partnerpulse.imports.internal.ImportJob;
import io.partnerpulse.imports.internal.RowConverter;
import io.partnerpulse.lead.LeadConversionAnnouncer;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV imports: preview a file with a guessed mapping, check it (a dry run), import it, keep the
 * mappings people save and the log of every import with its report and live progress.
 */
@Service
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final StageMoveAnnouncer announcer;
    private final LeadConversionAnnouncer leads;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OrganizationSettings organization;
    private final Map<Long, Progress> running = new ConcurrentHashMap<>();
    private final Map<Long, ImportJob> jobs = new ConcurrentHashMap<>();
    private final Map<Long, String> cancelledBy = new ConcurrentHashMap<>();
    /** From which file size a first import of deals is loaded directly (docs/imports.md, "The direct load"). */
    private final long directLoadFrom;

    Imports(DataSource dataSource, PlatformTransactionManager transactions, StageMoveAnnouncer announcer,
            LeadConversionAnnouncer leads, JdbcClient jdbc, JsonMapper json, OrganizationSettings organization,
            @org.springframework.beans.factory.annotation.Value("${partnerpulse.imports.direct-load-from:" + ImportJob.DIRECT_LOAD_FROM + "}")
            long directLoadFrom) {
        this.directLoadFrom = directLoadFrom;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.announcer = announcer;
        this.leads = leads;
        this.jdbc = jdbc;
        this.json = json;
        this.organization = organization;
    }

    /** How far a running import has come. */
    public record Progress(String step, long done, long total) {
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, 100 * done / total);
        }
    }

    /**
     * An import in the log. {@code report} is there once it finished; {@code error} says why one
     * failed, in English, and a page says it in its reader's language by the message
     * {@code errorKey} with {@code errorArgs} when it has them (runs logged before they had keys do not).
     */
    public record Run(long id, String entity, String fileName, String mode, String status, long rowsRead, long inserted,
                      long updated, long unchanged, long rejected, String startedBy, Instant startedAt, Instant finishedAt,
                      Progress progress, ImportReport report, String error,
                      @com.fasterxml.jackson.annotation.JsonIgnore String errorKey,
                      @com.fasterxml.jackson.annotation.JsonIgnore List<String> errorArgs) {

        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    /** Imports change the whole program: administrators and unscoped channel managers only (403 otherwise). */
    public static void requireImporter(io.partnerpulse.shared.CurrentActor actor) {
        actor.requireStaff();
        if (actor.orgScope().isPresent()) {
            throw new ApiError(HttpStatus.FORBIDDEN, "import.forbidden", "Forbidden",
                    "Imports change the whole program; a manager scoped to a unit or department cannot run them.", Map.of());
        }
    }

    /** The first rows of a file with the mapping most likely meant. */
    public record Preview(List<String> header, List<List<String>> rows, String delimiter, Map<String, String> guessedColumns,
                          List<ImportField> fields) {
    }

    public Preview preview(ImportEntity entity, InputStream in, String delimiter, int rows) throws IOException {
        try (CsvSource source = CsvSource.open(in, delimiter)) {
            List<List<String>> first = new java.util.ArrayList<>();
            var iterator = source.rows();
            while (first.size() < rows && iterator.hasNext()) {
                first.add(iterator.next().cells());
            }
            String d = source.delimiter() == '\t' ? "tab" : String.valueOf(source.delimiter());
            return new Preview(source.header(), first, d, RowConverter.guess(entity, source.header()), entity.fields());
        } catch (FileProblem e) {
            throw invalid(e);
        }
    }

    private static ApiError invalid(FileProblem e) {
        return ApiError.invalid(e.field(), e.getMessage(), e.key(), e.args().toArray());
    }

    /** Checks that a mapping fits the file's header (columns exist, required fields mapped) before anything runs. */
    public void checkMapping(ImportEntity entity, InputStream in, ImportSettings settings) throws IOException {
        try (CsvSource source = CsvSource.open(in, settings.withDefaults().delimiter())) {
            new RowConverter(entity, settings.withDefaults(), source.header(), Map.of(), organization.timeZone(), organization.currency());
        } catch (FileProblem e) {
            throw invalid(e);
        }
    }

    /** Starts a log entry for an import about to run; its id follows the progress. */
    public long begin(ImportEntity entity, String fileName, ImportSettings settings, String actor) {
        long id = jdbc.sql("insert into import_run (entity, file_name, mode, status, started_by, settings)"
                        + " values (?, ?, ?, 'RUNNING', ?, ?::jsonb) returning id")
                .params(entity.path(), fileName, settings.withDefaults().mode().name(), actor, json.writeValueAsString(settings))
                .query(Long.class).single();
        running.put(id, new Progress("starting", 0, 0));
        return id;
    }

    /**
     * Imports (or, with {@code dryRun}, checks) the file under the run {@link #begin} started. Bad
     * input is a report, never an exception; a mapping that does not fit the file is a 422 naming the field.
     */
    public ImportReport run(long runId, ImportEntity entity, InputStream in, long size, ImportSettings settings,
                            String actor, boolean dryRun, ProgressListener listener) {
        ProgressListener progress = (step, done, total) -> {
            running.put(runId, new Progress(step, done, total));
            listener.progress(step, done, total);
        };
        ImportJob job = new ImportJob(dataSource, transactions, announcer, leads, entity, settings, actor,
                organization.timeZone(), organization.currency(), progress).directLoadFrom(directLoadFrom);
        jobs.put(runId, job);
        if (cancelledBy.containsKey(runId)) {
            job.cancel();   // cancelled while it waited for its turn
        }
        try {
            ImportReport report = job.run(in, size, runId, dryRun);
            finish(runId, report);
            return report;
        } catch (ImportJob.Cancelled e) {
            throw cancelled(runId);
        } catch (FileProblem e) {
            if (job.cancelled()) {
                throw cancelled(runId);
            }
            fail(runId, e.getMessage(), e.code(), e.args().toArray(String[]::new));
            throw invalid(e);
        } catch (SQLException e) {
            if (job.cancelled() || QUERY_CANCELED.equals(e.getSQLState())) {
                throw cancelled(runId);
            }
            log.warn("Import {} failed: {}", runId, e.getMessage());
            throw databaseFailure(runId, e);
        } catch (java.nio.charset.CharacterCodingException e) {
            FileProblem problem = new FileProblem("file", "file.notUtf8");
            fail(runId, problem.getMessage(), problem.code());
            throw invalid(problem);
        } catch (IOException e) {
            SQLException database = databaseCause(e);
            if (job.cancelled() || database != null && QUERY_CANCELED.equals(database.getSQLState())) {
                throw cancelled(runId);
            }
            if (database != null) {
                // the database ended the COPY of the file (not the file unreadable)
                log.warn("Import {} failed: {}", runId, database.getMessage());
                throw databaseFailure(runId, database);
            }
            String unreadable = FileProblem.english("run.unreadable", String.valueOf(e.getMessage()));
            fail(runId, unreadable, "run.unreadable", String.valueOf(e.getMessage()));
            throw new ApiError(HttpStatus.BAD_REQUEST, "import.unreadable", "Unreadable file", unreadable, Map.of("runId", runId))
                    .saying(FileProblem.key("run.unreadable"), String.valueOf(e.getMessage()));
        } catch (ApiError e) {
            fail(runId, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            log.warn("Import {} failed", runId, e);
            fail(runId, FileProblem.english("run.failed", e.toString()), "run.failed", e.toString());
            throw e;
        } finally {
            cancelledBy.remove(runId);
            jobs.remove(runId);
            running.remove(runId);
        }
    }

    private static final String QUERY_CANCELED = "57014";

    private static SQLException databaseCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private ApiError cancelled(long runId) {
        String by = cancelledBy.remove(runId);
        String code = by == null ? "run.cancelled" : SHUTDOWN.equals(by) ? STOPPED : "run.cancelledBy";
        String[] args = by == null || SHUTDOWN.equals(by) ? new String[0] : new String[] {by};
        String message = FileProblem.english(code, args);
        fail(runId, message, code, args);
        return new ApiError(HttpStatus.CONFLICT, "import.cancelled", "Import cancelled", message, Map.of("runId", runId))
                .saying(FileProblem.key(code), (Object[]) args);
    }

    /** The database refused the import: the run fails, and the answer says what PostgreSQL said. */
    private ApiError databaseFailure(long runId, SQLException e) {
        String said = databaseMessage(e);
        String message = FileProblem.english("run.database", said);
        fail(runId, message, "run.database", said);
        return new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "import.failed", "Import failed", message, Map.of("runId", runId))
                .saying(FileProblem.key("run.database"), said);
    }

    /**
     * Cancels a running import: one of this instance at once (its statement, or else its next step;
     * one still waiting for its turn as it would begin), one of another instance or of the command
     * line through PostgreSQL (the backend holding the run's lock is sent a cancel request; it fails,
     * and its process records the run as cancelled). Nothing of a cancelled import is written; a run
     * that has begun to commit finishes.
     *
     * @return whether the run was running
     */
    public boolean cancel(long runId, String actor) {
        if (running.containsKey(runId)) {
            // begun here: running, or waiting for its turn (run() then cancels it before it starts)
            cancelledBy.put(runId, actor);
            ImportJob job = jobs.get(runId);
            if (job != null) {
                job.cancel();
            }
            return true;
        }
        // running elsewhere exactly when a backend holds its lock
        return runId <= Integer.MAX_VALUE
                && Boolean.TRUE.equals(jdbc.sql("select coalesce(bool_or(pg_cancel_backend(l.pid)), false) from pg_locks l"
                        + " where l.locktype = 'advisory' and l.granted and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 2")
                .params(ImportJob.RUN_LOCK, runId).query(Boolean.class).single());
    }

    /** Who cancelled the runs of an application that stopped while they ran (not a person's name). */
    private static final String SHUTDOWN = "\u0000the application stopping";

    /**
     * When the application stops while imports run (Ctrl-C on the command line, a shutdown of the web
     * app), cancels them and waits up to {@link #SHUTDOWN_WAIT} for each to record that it stopped,
     * before the database connections close: the log says so at once, instead of a run that stays
     * RUNNING until a reader finds its lock gone ({@link #STOP_GRACE} later). Nothing of them is written.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void cancelOnShutdown() {
        List<Long> runs = List.copyOf(running.keySet());
        if (runs.isEmpty()) {
            return;
        }
        runs.forEach(id -> cancel(id, SHUTDOWN));
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        while (runs.stream().anyMatch(running::containsKey) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static final java.time.Duration SHUTDOWN_WAIT = java.time.Duration.ofSeconds(10);

    /** Begins and runs in one go. */
    public ImportReport importFile(ImportEntity entity, InputStream in, long size, String fileName, ImportSettings settings,
                                   String actor, boolean dryRun, ProgressListener listener) {
        return run(begin(entity, fileName, settings, actor), entity, in, size, settings, actor, dryRun, listener);
    }

    private static String databaseMessage(SQLException e) {
        String message = e.getMessage() == null ? "database error" : e.getMessage();
        int where = message.indexOf("\n  Where:");
        return where > 0 ? message.substring(0, where) : message;
    }

    private void finish(long runId, ImportReport report) {
        jdbc.sql("update import_run set status = ?, rows_read = ?, inserted = ?, updated = ?, unchanged = ?, rejected = ?,"
                        + " finished_at = now(), report = ?::jsonb where id = ?")
                .params(report.status(),
                        report.rowsRead(), report.inserted(), report.updated(), report.unchanged(), report.rejected(),
                        json.writeValueAsString(report), runId)
                .update();
    }

    private void fail(long runId, String message) {
        jdbc.sql("update import_run set status = 'FAILED', finished_at = now(), report = jsonb_build_object('error', ?::text) where id = ?")
                .params(message, runId).update();
    }

    /** Fails the run with {@code message}, which the message {@code imports.<code>} with {@code args} says in any language. */
    private void fail(long runId, String message, String code, String... args) {
        jdbc.sql("update import_run set status = 'FAILED', finished_at = now(),"
                        + " report = jsonb_build_object('error', ?::text, 'errorKey', ?::text, 'errorArgs', ?::jsonb) where id = ?")
                .params(message, FileProblem.key(code), json.writeValueAsString(List.of(args)), runId).update();
    }

    public List<Run> runs(int limit) {
        List<Run> runs = jdbc.sql("select * from import_run order by id desc limit ?").param(limit).query((rs, n) -> run(rs)).list();
        return runs.stream().anyMatch(this::runningElsewhere) && markStopped() > 0 ? runs(limit) : runs;
    }

    public Optional<Run> runById(long id) {
        Optional<Run> run = jdbc.sql("select * from import_run where id = ?").param(id).query((rs, n) -> run(rs)).optional();
        return run.filter(this::runningElsewhere).isPresent() && markStopped() > 0 ? runById(id) : run;
    }

    /** Marked as running, and not by this instance: perhaps by another, perhaps by a process that stopped. */
    private boolean runningElsewhere(Run run) {
        return run.running() && !running.containsKey(run.id());
    }

    /**
     * A run still RUNNING whose import transaction no longer holds its lock (taken as the import
     * begins, {@link ImportJob#RUN_LOCK}) stopped with its process — a restart, a killed command
     * line — and its transaction rolled back: it becomes FAILED, instead of a progress bar that never
     * ends. Runs of this process, and runs younger than {@link #STOP_GRACE} (begun, their
     * transaction not yet open), are left alone; a run of another live process holds its lock.
     */
    private int markStopped() {
        List<Long> ours = List.copyOf(running.keySet());
        return jdbc.sql("update import_run set status = 'FAILED', finished_at = now(),"
                        + " report = jsonb_build_object('error', ?::text, 'errorKey', ?::text, 'errorArgs', '[]'::jsonb)"
                        + " where status = 'RUNNING' and started_at < now() - ?::interval and not (id = any(?))"
                        + " and case when id <= 2147483647 then pg_try_advisory_xact_lock(" + ImportJob.RUN_LOCK + ", id::int) else false end")
                .params(FileProblem.english(STOPPED), FileProblem.key(STOPPED), STOP_GRACE, ours.toArray(Long[]::new)).update();
    }

    static final String STOP_GRACE = "30 seconds";
    /** The message of a run whose process stopped before it finished. */
    static final String STOPPED = "run.stopped";

    private Run run(java.sql.ResultSet rs) throws SQLException {
        String report = rs.getString("report");
        ImportReport parsed = report == null || !report.contains("\"status\"") ? null : json.readValue(report, ImportReport.class);
        tools.jackson.databind.JsonNode failure = report != null && parsed == null ? json.readTree(report) : null;
        var finished = rs.getTimestamp("finished_at");
        return new Run(rs.getLong("id"), rs.getString("entity"), rs.getString("file_name"), rs.getString("mode"),
                rs.getString("status"), rs.getLong("rows_read"), rs.getLong("inserted"), rs.getLong("updated"),
                rs.getLong("unchanged"), rs.getLong("rejected"), rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(), running.get(rs.getLong("id")), parsed,
                failure == null ? null : failure.path("error").asString(null),
                failure == null ? null : failure.path("errorKey").asString(null),
                failure == null ? List.of() : failure.path("errorArgs").valueStream().map(a -> a.asString()).toList());
    }

    /** The settings a run used. */
    public Optional<ImportSettings> runSettings(long id) {
        return jdbc.sql("select settings from import_run where id = ? and settings is not null").param(id).query(String.class)
                .optional().map(text -> json.readValue(text, ImportSettings.class).withDefaults());
    }

    /** A saved mapping by name. */
    public record SavedMapping(String entity, String name, ImportSettings settings, String savedBy, Instant savedAt) {
    }

    public SavedMapping saveMapping(ImportEntity entity, String name, ImportSettings settings, String actor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiError.invalid("name", FileProblem.english("mapping.name"), FileProblem.key("mapping.name"));
        }
        jdbc.sql("insert into import_mapping (entity, name, settings, saved_by) values (?, ?, ?::jsonb, ?)"
                        + " on conflict (entity, name) do update set settings = excluded.settings, saved_by = excluded.saved_by, saved_at = now()")
                .params(entity.path(), name.trim(), json.writeValueAsString(settings), actor).update();
        return mapping(entity, name.trim()).orElseThrow();
    }

    public Optional<SavedMapping> mapping(ImportEntity entity, String name) {
        return jdbc.sql("select * from import_mapping where entity = ? and name = ?").params(entity.path(), name)
                .query((rs, n) -> mapping(rs)).optional();
    }

    public List<SavedMapping> mappings(ImportEntity entity) {
        return jdbc.sql("select * from import_mapping where entity = ? order by name").param(entity.path())
                .query((rs, n) -> mapping(rs)).list();
    }

    private SavedMapping mapping(java.sql.ResultSet rs) throws SQLException {
        return new SavedMapping(rs.getString("entity"), rs.getString("name"),
                json.readValue(rs.getString("settings"), ImportSettings.class), rs.getString("saved_by"),
                rs.getTimestamp("saved_at").toInstant());
    }

    /** The settings for an import: a saved mapping by name, with what the request says on top. */
    public ImportSettings settings(ImportEntity entity, String savedMapping, ImportSettings given) {
        ImportSettings base = savedMapping == null || savedMapping.isBlank() ? null
                : mapping(entity, savedMapping.trim()).map(SavedMapping::settings)
                .orElseThrow(() -> ApiError.invalid("mapping", FileProblem.english("mapping.unknown", entity.path(), savedMapping),
                        FileProblem.key("mapping.unknown"), entity.path(), savedMapping));
        if (base == null) {
            return given == null ? ImportSettings.defaults() : given.withDefaults();
        }
        if (given == null) {
            return base.withDefaults();
        }
        return new ImportSettings(given.columns() != null ? given.columns() : base.columns(),
                given.constants() != null ? given.constants() : base.constants(),
                given.values() != null ? given.values() : base.values(),
                given.delimiter() != null ? given.delimiter() : base.delimiter(),
                given.dateFormat() != null ? given.dateFormat() : base.dateFormat(),
                given.decimalComma() != null ? given.decimalComma() : base.decimalComma(),
                given.createMissing() != null ? given.createMissing() : base.createMissing(),
                given.foldVariants() != null ? given.foldVariants() : base.foldVariants(),
                given.mode() != null ? given.mode() : base.mode(),
                given.currency() != null ? given.currency() : base.currency(),
                given.announce() != null ? given.announce() : base.announce()).withDefaults();
    }
}
