package io.partnerpulse.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.partnerpulse.deal.StageMoveAnnouncer;
import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportField;
import io.partnerpulse.imports.ImportReport;
import io.partnerpulse.imports.ImportReport.RowProblem;
import io.partnerpulse.imports.ImportSettings;
import io.partnerpulse.imports.ImportSettings.Mode;
import io.partnerpulse.lead.LeadConversionAnnouncer;
import io.partnerpulse.shared.ProgressListener;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * One import, start to end, on one connection and in one transaction: stream the file through the
 * {@link RowConverter} into a temporary staging table with {@code COPY}, resolve references and run
 * the checks that need the database with set-based SQL, then update the records whose external id
 * is known and insert the rest, and announce the deals it won, lost or reopened (and the leads they
 * converted) as the settings say. Nothing is written or announced unless it all succeeds (in skip
 * mode: unless the good rows all succeed). A first import of deals into an empty table goes the direct
 * way instead, when it may ({@link DirectLoad}): the rows straight into the table, checked on the way
 * and after.
 */
public final class ImportJob {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportJob.class);
    static final int MAX_LISTED_PROBLEMS = 1000;
    private static final String STAGE = "import_stage";
    /** The first key of the advisory lock an import's transaction holds on its run (the second is the run's id). */
    public static final int RUN_LOCK = 0x1_3507;

    private static final String IMPORT_WORK_MEM = "256MB";

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;
    private final StageMoveAnnouncer announcer;
    private final LeadConversionAnnouncer leads;
    private final ImportEntity entity;
    private ImportSettings settings;
    private final String actor;
    private final ZoneId zone;
    private final String baseCurrency;
    private final ProgressListener progress;

    /** Files of at least this many bytes may be loaded directly ({@link DirectLoad}). */
    public static final long DIRECT_LOAD_FROM = 1 << 20;
    private long directLoadFrom = DIRECT_LOAD_FROM;

    private final List<RowProblem> problems = new ArrayList<>();
    private final Map<Reason.Note, long[]> notes = new LinkedHashMap<>();
    private final List<Reason.Note> created = new ArrayList<>();
    private long badRowsInFile;
    private long badRowsInDatabase;
    private long rowsRead;
    private long stagedRows;
    private long lastLine;
    private boolean externalIdsMayRepeat;

    /**
     * @param transactions the transaction manager of {@code dataSource}
     * @param announcer    announces the deals an import of opportunities won, lost or reopened
     * @param leads        announces the leads its deals converted
     */
    public ImportJob(DataSource dataSource, PlatformTransactionManager transactions, StageMoveAnnouncer announcer,
                     LeadConversionAnnouncer leads, ImportEntity entity, ImportSettings settings, String actor, ZoneId zone,
                     String baseCurrency, ProgressListener progress) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.announcer = announcer;
        this.leads = leads;
        this.entity = entity;
        this.settings = settings.withDefaults();
        this.actor = actor;
        this.zone = zone;
        this.baseCurrency = baseCurrency;
        // a cancelled import stops at its next step (and its statement at once, see cancel())
        this.progress = (step, done, total) -> {
            stopIfCancelled();
            progress.progress(step, done, total);
            stopIfCancelled();
        };
    }

    /**
     * From which file size a first import of deals may go the direct way ({@link DirectLoad}; 0: any
     * size, {@code Long.MAX_VALUE}: never); {@link #DIRECT_LOAD_FROM} unless set.
     */
    public ImportJob directLoadFrom(long bytes) {
        this.directLoadFrom = bytes;
        return this;
    }

    /** The direct load, when this import took that way; the id of its line 0. */
    private DirectLoad direct;
    private long base;
    private boolean fresh;

    /** Whether {@link #run} went the direct way ({@link DirectLoad}). */
    public boolean loadedDirectly() {
        return direct != null;
    }

    private volatile Connection working;
    private volatile boolean cancelled;

    /** Thrown inside an import that was cancelled; its transaction is rolled back. */
    public static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("the import was cancelled");
        }
    }

    /**
     * Cancels the import from another thread: the statement it runs (PostgreSQL's cancel request),
     * or else its next step, fails, and nothing is written. Too late once the commit has begun.
     */
    public void cancel() {
        cancelled = true;
        Connection connection = working;
        if (connection != null) {
            try {
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                // the connection is gone: so is the transaction
            }
        }
    }

    public boolean cancelled() {
        return cancelled;
    }

    private void stopIfCancelled() {
        if (cancelled) {
            throw new Cancelled();
        }
    }

    /**
     * Runs the import. {@code totalBytes} (may be 0 when unknown) drives the progress; the stream
     * is read once and never held in memory.
     */
    public ImportReport run(InputStream in, long totalBytes, Long runId, boolean dryRun) throws SQLException, IOException {
        long started = System.nanoTime();
        CountingInputStream counted = new CountingInputStream(in);
        TransactionStatus transaction = begin();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        working = connection;
        try {
            // for this transaction only: a million staged deals sort into file order in memory
            // (145 MB; they spilled 115 MB to disk with the server's 32 MB) and the new deals the
            // history is written from stay in memory too
            exec(connection, "set local work_mem = '" + IMPORT_WORK_MEM + "'");
            if (runId != null) {
                // held until this transaction ends: whoever reads the log can tell a run that is
                // still going from one whose process stopped (Imports.runs)
                exec(connection, "select pg_advisory_xact_lock(" + RUN_LOCK + ", " + Math.toIntExact(runId) + ")");
            }
            Map<String, String> labels = new HashMap<>();
            stageFile(connection, counted, totalBytes, labels);
            EntitySql sql = new EntitySql(connection, entity, settings, actor, zone, baseCurrency, labels, progress,
                    new EntitySql.Staged(stagedRows, lastLine, externalIdsMayRepeat));
            long staged = System.nanoTime();
            EntitySql.Checked checked = direct != null ? sql.checkDirect(direct, base, externalIdsMayRepeat) : sql.check();
            long checkedAt = System.nanoTime();
            checked.listed().forEach(this::list);
            badRowsInDatabase = checked.badRows();
            if ((badRowsInFile > 0 || badRowsInDatabase > 0) && settings.mode() == Mode.ALL_OR_NOTHING) {
                transactions.rollback(transaction);
                return report(runId, "REJECTED", 0, 0, 0, started);
            }
            if (badRowsInDatabase > 0 && direct == null) {
                sql.dropBadRows();
            }
            EntitySql.Counts counts = direct != null ? sql.writeDirect(base, stagedRows) : sql.write();
            log.info("Import of {} {}{}: staged in {} ms, checked in {} ms, written in {} ms", rowsRead, entity.path(),
                    direct != null ? " (direct load)" : "",
                    (staged - started) / 1_000_000, (checkedAt - staged) / 1_000_000, (System.nanoTime() - checkedAt) / 1_000_000);
            created.addAll(sql.created());
            if (dryRun) {
                remarkAnnounced("remark.wouldAnnounce", sql.pending());
                transactions.rollback(transaction);
                return report(runId, "CHECKED", counts.inserted(), counts.updated(), counts.unchanged(), started);
            }
            // deals the file won, lost or reopened, announced as the app announces its own (webhooks, commission)
            Instant now = Instant.now();
            EntitySql.Announced announced = sql.announce(move -> announcer.announce(move, now, actor),
                    c -> leads.announce(c.leadId(), c.opportunityId(), c.partnerId(), c.at()));
            remarkAnnounced("remark.announced", announced);
            progress.progress(ImportStep.SAVING.key(), 0, 0);
            sql.audit(runId, rowsRead, counts, badRowsInFile + badRowsInDatabase);
            stopIfCancelled();
            commit(transaction);
            progress.progress(ImportStep.SAVING.key(), 1, 1);
            return report(runId, "IMPORTED", counts.inserted(), counts.updated(), counts.unchanged(), started);
        } catch (SQLException | IOException | RuntimeException e) {
            if (!transaction.isCompleted()) {
                try {
                    transactions.rollback(transaction);
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
            }
            throw e;
        } finally {
            working = null;
            if (direct != null) {
                direct.close();
            }
        }
    }

    /**
     * Reads the file's header (guessing the mapping when none was given), fills {@code labels} (each
     * field's column) and writes every row: straight into the deals' table when this import may take
     * the direct way ({@link DirectLoad}, then {@link #direct} is set), else into the staging table.
     */
    private void stageFile(Connection connection, CountingInputStream counted, long totalBytes, Map<String, String> labels)
            throws SQLException, IOException {
        Map<String, String> countries = countries(connection);
        List<ImportField> fields = entity.fields();
        try (CsvSource source = openSource(counted)) {
            if (settings.columns().isEmpty()) {
                Map<String, String> guessed = RowConverter.guess(entity, source.header());
                settings = settings.withColumns(guessed).withDefaults();
                notes.put(Reason.Note.of("remark.columnsGuessed", String.valueOf(guessed)), new long[] {0, 1});
            }
            RowConverter converter = new RowConverter(entity, settings, source.header(), countries, zone, baseCurrency);
            for (ImportField field : fields) {
                String column = settings.columns().get(field.name());
                labels.put(field.name(), column == null || column.isBlank() ? field.name() : column);
            }
            // the converter above checked the mapping; each converting thread gets one of its own (with its cache)
            ImportSettings used = settings;
            Supplier<RowConverter> converters = () -> new RowConverter(entity, used, source.header(), countries, zone, baseCurrency);
            if (DirectLoad.applies(entity, settings, totalBytes, directLoadFrom)) {
                EntitySql preparing = new EntitySql(connection, entity, settings, actor, zone, baseCurrency, labels, progress,
                        new EntitySql.Staged(0, 0, false));
                EntitySql.DirectStart start = preparing.beginDirect();
                if (start != null) {
                    base = start.base();
                    fresh = start.fresh();
                    direct = new DirectLoad(connection, dataSource, preparing, settings, converter.fields(), labels, baseCurrency, base);
                }
            }
            if (direct != null) {
                stage(connection, source, converters, direct::encoder, DirectLoad.copySql(fresh), BinaryCopy.HEADER, BinaryCopy.TRAILER,
                        converter.fields(), counted, totalBytes);
            } else {
                exec(connection, "create temp table " + STAGE + " (line bigint not null, "
                        + fields.stream().map(f -> f.column() + " " + RowConverter.stagedType(f)).collect(Collectors.joining(", "))
                        + ", target_id bigint) on commit drop");
                stage(connection, source, converters, c -> new ConvertingPipeline.Text(), "copy " + STAGE + " (line, "
                                + converter.fields().stream().map(ImportField::column).collect(Collectors.joining(", ")) + ") from stdin",
                        new byte[0], new byte[0], converter.fields(), counted, totalBytes);
                exec(connection, "analyze " + STAGE);
            }
        }
    }

    /** A remark of the whole file ({@code code}: done or would be) with how many deals and leads are announced, if any. */
    private void remarkAnnounced(String code, EntitySql.Announced announced) {
        if (announced.moves() > 0 || announced.conversions() > 0) {
            log.info("Import of {} ({}): {} deals won, lost or reopened and {} leads converted", entity.path(), code,
                    announced.moves(), announced.conversions());
            notes.put(Reason.Note.of(code, String.valueOf(announced.moves()), String.valueOf(announced.conversions())), new long[] {0, 0});
        }
    }

    /**
     * A new transaction of Spring's on {@code dataSource} (not the caller's, if it has one), so that
     * what the import announces ({@link StageMoveAnnouncer}) is written in it and the listeners that
     * run after a commit run after this one. The database's own failures come out as they were.
     */
    private TransactionStatus begin() throws SQLException {
        try {
            return transactions.getTransaction(new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW));
        } catch (RuntimeException e) {
            throw databaseCause(e);
        }
    }

    private void commit(TransactionStatus transaction) throws SQLException {
        try {
            transactions.commit(transaction);
        } catch (RuntimeException e) {
            throw databaseCause(e);
        }
    }

    /** The database's exception inside Spring's, thrown as it was; else Spring's. */
    private static SQLException databaseCause(RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        throw e;
    }

    private CsvSource openSource(InputStream in) throws IOException {
        try {
            return CsvSource.open(in, settings.delimiter());
        } catch (java.io.UncheckedIOException e) {
            throw new FileProblem("file", "file.unreadable", String.valueOf(e.getCause().getMessage()));
        }
    }

    /**
     * Reads, converts and writes every row through {@code copySql}: the staging table's text, or a
     * direct load's binary rows ({@code header} and {@code trailer} around them; the step is then
     * {@link ImportStep#LOADING}, the deals being written as the file is read).
     */
    private void stage(Connection connection, CsvSource source, Supplier<RowConverter> converters,
                       java.util.function.Function<RowConverter, ConvertingPipeline.Encoder> encoders, String copySql, byte[] header, byte[] trailer,
                       List<ImportField> staged, CountingInputStream counted, long totalBytes) throws SQLException, IOException {
        ImportStep step = direct != null ? ImportStep.LOADING : ImportStep.READING;
        try (PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copySql, 1 << 16)) {
            copy.write(header);
            Iterator<CsvSource.Row> rows = source.rows();
            Iterator<CsvSource.Row> read = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public CsvSource.Row next() {
                    CsvSource.Row row = rows.next();
                    lastLine = row.line();
                    return row;
                }
            };
            ConvertingPipeline pipeline = new ConvertingPipeline(converters, encoders, staged.indexOf(entity.field("externalId").orElseThrow()));
            pipeline.run(read, copy, (batch, outcomes) -> {
                for (ConvertingPipeline.Outcome outcome : outcomes) {
                    for (Reason.Note note : outcome.result().notes()) {
                        notes.computeIfAbsent(note, n -> new long[] {0, outcome.line()})[0]++;
                    }
                    if (!outcome.result().ok()) {
                        badRowsInFile++;
                        outcome.result().problems().forEach(this::list);
                    }
                }
                rowsRead += batch;
                // the reader runs ahead of the converting threads: the last bytes are counted before the last rows are written
                progress.progress(step.key(), totalBytes > 0 ? Math.min(counted.count(), totalBytes - 1) : rowsRead,
                        totalBytes > 0 ? totalBytes : rowsRead + 1);
            });
            copy.write(trailer);
            stagedRows = copy.endCopy();
            externalIdsMayRepeat = pipeline.keys().mayRepeat();
        }
        progress.progress(step.key(), 1, 1);
    }

    private void list(RowProblem problem) {
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(problem);
        }
    }

    private ImportReport report(Long runId, String status, long inserted, long updated, long unchanged, long started) {
        // a remark said of one row names its line, of several how many and the first (0 rows: of the whole file)
        List<ImportReport.Remark> remarks = notes.entrySet().stream()
                .map(e -> new ImportReport.Remark(e.getKey().code(), e.getKey().args(), e.getValue()[0], e.getValue()[1])).toList();
        List<String> warnings = remarks.stream().map(ImportJob::english).toList();
        List<Reason.Note> made = "REJECTED".equals(status) ? List.of() : created;
        long rejectedRows = badRowsInFile + badRowsInDatabase;
        List<RowProblem> sorted = problems.stream().sorted(java.util.Comparator.comparingLong(RowProblem::line)).toList();
        return new ImportReport(runId, entity.path(), settings.mode().name(), status, rowsRead, inserted, updated, unchanged,
                rejectedRows, sorted, warnings, made.stream().map(Reason.Note::english).toList(), (System.nanoTime() - started) / 1_000_000,
                remarks, made.stream().map(n -> new ImportReport.Remark(n.code(), n.args(), 0, 0)).toList());
    }

    /** A remark in English, with the line it was said of or how many rows and the first. */
    static String english(ImportReport.Remark remark) {
        return remark.text((key, args) -> Reason.text(key, java.util.Arrays.stream(args).map(String::valueOf).toArray(String[]::new)));
    }

    private static Map<String, String> countries(Connection connection) throws SQLException {
        Map<String, String> countries = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select code, name from country");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                countries.put(rs.getString(1), rs.getString(1));
                countries.put(Values.fold(rs.getString(2)), rs.getString(1));
                countries.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(1));
            }
        }
        return countries;
    }

    static void exec(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Counts the bytes read, for the progress bar. */
    static final class CountingInputStream extends java.io.FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
