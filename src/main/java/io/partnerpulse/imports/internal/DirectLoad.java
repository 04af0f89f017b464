package io.partnerpulse.imports.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.partnerpulse.imports.ImportEntity;
import io.partnerpulse.imports.ImportField;
import io.partnerpulse.imports.ImportReport.RowProblem;
import io.partnerpulse.imports.ImportSettings;

/**
 * The direct load: a first import of deals into an empty {@code opportunity} table written straight
 * from the file, without the staging table. The converting threads resolve each row's references in
 * Java (maps of the referenced tables, read once; a value no record has gets the id of the record the
 * import will create, taken from its sequence) and write the finished deal in {@code COPY}'s binary
 * format ({@link BinaryCopy}), so that PostgreSQL writes the deals while the file is still being read
 * and parses no text. What the set-based path finds in the staging table is found here on the way
 * (a reference that does not exist, a currency without an exchange rate) or in the written rows after
 * (external ids the file repeats); such rows are written, reported, and then taken out again (or the
 * whole import rolled back), so the rows rejected and the records made are those of the set-based
 * path ({@link EntitySql}), whose rules this class follows column by column ({@code
 * DirectLoadIntegrationTests} imports files both ways and compares every column).
 * <p>
 * Only for a file whose deals are all new: the table is empty (checked under its exclusive lock), the
 * file names no leads (a lead carries its place and channel into its deal and becomes converted),
 * and the settings do not announce the deals inserted closed. Everything else takes the set-based path.
 */
final class DirectLoad {

    /** The columns written, in this order. */
    static final List<String> COLUMNS = List.of("id", "external_id", "name", "stage", "amount", "currency", "created_at", "closed_at",
            "expected_close_on", "account_id", "partner_id", "owner_id", "product_line_id", "channel_id", "campaign_id",
            "country", "region", "city", "lost_reason", "competitor");

    /** The references a direct load resolves, by field, in the order of {@link #COLUMNS}. */
    private static final List<String> REFERENCES = List.of("account", "partner", "owner", "productLine", "channel", "campaign");

    /** No record, and none to be made: the row is reported. */
    private static final long MISSING = -1;

    /**
     * Whether an import may go the direct way, as far as its settings tell (the database's side is
     * {@link EntitySql#beginDirect}): deals, naming no lead, not announcing deals inserted closed, and
     * a file of at least {@code fromBytes} (a small file is quick either way).
     */
    static boolean applies(ImportEntity entity, ImportSettings settings, long totalBytes, long fromBytes) {
        return entity == ImportEntity.OPPORTUNITIES && totalBytes >= fromBytes
                && !EntitySql.isSet(settings.columns().get("lead")) && !EntitySql.isSet(settings.constants().get("lead"))
                && settings.announce() != ImportSettings.Announce.ALL;
    }

    private final ImportSettings settings;
    private final String baseCurrency;
    private final Instant now;
    private final long base;
    private final Map<String, Integer> index = new HashMap<>();
    /** Where each field's value is in a converted row (-1: not in it). */
    private final int externalIdIndex;
    private final int nameIndex;
    private final int stageIndex;
    private final int amountIndex;
    private final int currencyIndex;
    private final int createdAtIndex;
    private final int closedAtIndex;
    private final int productLineIndex;
    private final int accountIndex;
    private final int countryIndex;
    private final int regionIndex;
    private final int cityIndex;
    private final int lostReasonIndex;
    private final int competitorIndex;
    private final List<Reference> references = new ArrayList<>();
    private final Set<String> ratedCurrencies;
    private final Map<String, String> defaultRegions;
    private final boolean countryMapped;
    private final String currencyLabel;
    private final Connection side;

    /** Rows written but rejected, by line; the first problems. */
    private final Set<Long> badLines = new HashSet<>();
    private final List<RowProblem> problems = new ArrayList<>();

    /**
     * Reads what the rows are resolved against. {@code connection}: the import's, holding the table's
     * lock; {@code dataSource}: for a connection of its own that takes new records' ids from their
     * sequences (and folds a name with letters beyond ASCII as the database does) while the import's
     * connection is busy with the {@code COPY}. {@code base}: the id of line 0 ({@link EntitySql#beginDirect}).
     */
    DirectLoad(Connection connection, DataSource dataSource, EntitySql sql, ImportSettings settings, List<ImportField> fields,
               Map<String, String> labels, String baseCurrency, long base) throws SQLException {
        this.settings = settings;
        this.baseCurrency = baseCurrency;
        this.base = base;
        for (int i = 0; i < fields.size(); i++) {
            index.put(fields.get(i).name(), i);
        }
        this.externalIdIndex = index.getOrDefault("externalId", -1);
        this.nameIndex = index.getOrDefault("name", -1);
        this.stageIndex = index.getOrDefault("stage", -1);
        this.amountIndex = index.getOrDefault("amount", -1);
        this.currencyIndex = index.getOrDefault("currency", -1);
        this.createdAtIndex = index.getOrDefault("createdAt", -1);
        this.closedAtIndex = index.getOrDefault("closedAt", -1);
        this.productLineIndex = index.getOrDefault("productLine", -1);
        this.accountIndex = index.getOrDefault("account", -1);
        this.countryIndex = index.getOrDefault("country", -1);
        this.regionIndex = index.getOrDefault("region", -1);
        this.cityIndex = index.getOrDefault("city", -1);
        this.lostReasonIndex = index.getOrDefault("lostReason", -1);
        this.competitorIndex = index.getOrDefault("competitor", -1);
        this.side = dataSource.getConnection();
        try {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("select now()")) {
                rs.next();
                this.now = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
            for (EntitySql.Ref ref : sql.refs()) {
                if (REFERENCES.contains(ref.field())) {
                    references.add(new Reference(connection, sql, ref, labels.getOrDefault(ref.field(), ref.field())));
                }
            }
            this.ratedCurrencies = new HashSet<>(list(connection, "select distinct currency from exchange_rate"));
            this.defaultRegions = new HashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select code, default_region from country where default_region is not null")) {
                while (rs.next()) {
                    defaultRegions.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException | RuntimeException e) {
            side.close();
            throw e;
        }
        this.countryMapped = EntitySql.isSet(settings.columns().get("country")) || EntitySql.isSet(settings.constants().get("country"));
        this.currencyLabel = labels.getOrDefault("currency", "currency");
    }

    /**
     * The statement the rows are written with. {@code fresh}: the table was truncated in this
     * transaction, so its rows may be written frozen (PostgreSQL's {@code COPY … FREEZE}: marked
     * visible to all and their pages all-visible at once, so the history and the index builds that
     * read them next check no row's transaction, and no vacuum rewrites the pages later to freeze them).
     */
    static String copySql(boolean fresh) {
        return "copy opportunity (" + String.join(", ", COLUMNS) + ") from stdin (format binary" + (fresh ? ", freeze" : "") + ")";
    }

    /** An encoder for one converting thread, reading instants through that thread's converter (and its cache). */
    ConvertingPipeline.Encoder encoder(RowConverter converter) {
        return new Encoder(converter);
    }

    /** Rows written that are rejected (sorted lines), and the first problems found on the way. */
    synchronized List<Long> badLines() {
        return badLines.stream().sorted().toList();
    }

    synchronized List<RowProblem> problems() {
        return List.copyOf(problems);
    }

    List<Reference> references() {
        return references;
    }

    /** Lets go of the connection of its own. */
    void close() throws SQLException {
        side.close();
    }

    private synchronized void reject(long line, RowProblem problem) {
        badLines.add(line);
        if (problems.size() < ImportJob.MAX_LISTED_PROBLEMS) {
            problems.add(problem);
        }
    }

    private final class Encoder implements ConvertingPipeline.Encoder {
        private final BinaryCopy out = new BinaryCopy();
        private final RowConverter converter;
        private final long[] ids = new long[REFERENCES.size()];

        Encoder(RowConverter converter) {
            this.converter = converter;
        }

        @Override
        public void row(long line, String[] values) {
            String stage = value(values, stageIndex);
            boolean closed = "WON".equals(stage) || "LOST".equals(stage);
            boolean lost = "LOST".equals(stage);
            String externalId = value(values, externalIdIndex);
            String closedText = value(values, closedAtIndex);
            Instant createdAt = instant(value(values, createdAtIndex));
            Instant closedAt = instant(closedText);
            Instant created = createdAt != null ? createdAt : now;
            if (closed && closedAt != null && closedAt.isBefore(created)) {
                created = closedAt;
            }
            String name = value(values, nameIndex);
            if (name == null) {
                String productLine = value(values, productLineIndex);
                String account = value(values, accountIndex);
                String joined = productLine == null ? (account == null ? "" : account) : (account == null ? productLine : productLine + " · " + account);
                name = joined.isEmpty() ? externalId : joined;
            }
            String currency = value(values, currencyIndex);
            if (currency != null && !currency.equals(baseCurrency) && !ratedCurrencies.contains(currency)) {
                reject(line, Reason.NO_EXCHANGE_RATE.problem(line, currencyLabel, currency, currency, baseCurrency));
            }
            java.util.Arrays.fill(ids, 0);
            for (Reference reference : references) {
                String raw = value(values, reference.index);
                if (raw != null) {
                    long id = reference.resolve(raw);
                    if (id == MISSING) {
                        reject(line, reference.missing.problem(line, reference.label, raw, raw));
                    } else {
                        ids[reference.place] = id;
                    }
                }
            }
            String country = value(values, countryIndex);
            String region = value(values, regionIndex);
            if (region == null && countryMapped && country != null) {
                region = defaultRegions.get(country);
            }
            String amount = value(values, amountIndex);
            out.tuple(COLUMNS.size());
            out.int8(base + line);
            out.text(externalId);
            out.text(name);
            out.text(stage);
            out.numeric(amount);
            out.text(currency);
            out.timestamp(created);
            out.timestamp(closed ? closedAt : null);
            // the day in the organization's time zone: the converter wrote the instant in that zone
            out.date(!closed && closedText != null ? day(closedText) : null);
            for (long id : ids) {
                if (id == 0) {
                    out.nul();
                } else {
                    out.int8(id);
                }
            }
            out.text(country);
            out.text(region);
            out.text(value(values, cityIndex));
            out.text(lost ? value(values, lostReasonIndex) : null);
            out.text(lost ? value(values, competitorIndex) : null);
        }

        @Override
        public byte[] take() {
            return out.take();
        }

        private Instant instant(String converted) {
            return converted == null ? null : converter.instant(converted);
        }
    }

    /** The day of a converted instant ({@code 2025-06-30T00:00:00-04:00}: written in the organization's zone). */
    private static LocalDate day(String converted) {
        return LocalDate.of(Integer.parseInt(converted, 0, 4, 10), Integer.parseInt(converted, 5, 7, 10), Integer.parseInt(converted, 8, 10, 10));
    }

    private static String value(String[] values, int index) {
        return index < 0 ? null : values[index];
    }

    /**
     * One reference of the file, resolved as {@link EntitySql}'s {@code resolve} does: the record with
     * that external id, else the first record (lowest id) whose name folds to the same key, else, when
     * the import creates missing records, a new one per key (its id taken now, the record written
     * after the rows), else missing. Each distinct value is worked out once.
     */
    final class Reference {
        final String field;
        /** Where its value is in a converted row. */
        final int index;
        /** Its place among the deal's reference columns. */
        final int place;
        final String column;
        final String table;
        final String label;
        final boolean creates;
        final Reason missing;
        private final Map<String, Long> byExternalId = new HashMap<>();
        private final Map<String, Long> byKey = new HashMap<>();
        private final String names;
        private boolean namesRead;
        private final Map<String, Long> byRaw = new ConcurrentHashMap<>();
        /** Every distinct value met: raw, its key (null when an external id matched), id (null: missing). */
        private final List<Object[]> met = new ArrayList<>();
        /** The ids of the records to make. */
        private final Set<Long> made = new HashSet<>();
        private final String sequence;
        private final Deque<Long> ids = new ArrayDeque<>();
        private final boolean folds;

        Reference(Connection connection, EntitySql sql, EntitySql.Ref ref, String label) throws SQLException {
            this.field = ref.field();
            this.index = DirectLoad.this.index.getOrDefault(ref.field(), -1);
            this.place = REFERENCES.indexOf(ref.field());
            this.column = ref.column();
            this.table = ref.table();
            this.label = label;
            this.creates = ref.creatable() && settings.createMissing();
            this.missing = Reason.missing(ref.table(), ref.creatable() && !settings.createMissing());
            this.folds = settings.foldVariants();
            this.sequence = "pg_get_serial_sequence(" + EntitySql.lit(table) + ", 'id')";
            try (Statement statement = connection.createStatement()) {
                try (ResultSet rs = statement.executeQuery("select external_id, id from " + table + " where external_id is not null")) {
                    while (rs.next()) {
                        byExternalId.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            this.names = "select distinct on (1) " + sql.fold("t." + ref.nameColumn()) + ", t.id from " + table + " t order by 1, t.id";
        }

        /**
         * The records by folded name, read the first time a value is not an external id (as the
         * set-based path does: folding the names of 200,000 accounts takes a second). Over the
         * connection of its own (the import's is busy with the {@code COPY}); this import has written
         * none of these records yet, so it sees the same ones.
         */
        private void readNames() {
            namesRead = true;
            synchronized (side) {
                try (Statement statement = side.createStatement(); ResultSet rs = statement.executeQuery(names)) {
                    while (rs.next()) {
                        byKey.putIfAbsent(rs.getString(1), rs.getLong(2));
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("could not read the " + table + " records by name: " + e.getMessage(), e);
                }
            }
        }

        long resolve(String raw) {
            Long known = byRaw.get(raw);
            return known != null ? known : resolveNew(raw);
        }

        private synchronized long resolveNew(String raw) {
            Long known = byRaw.get(raw);
            if (known != null) {
                return known;
            }
            Long id = byExternalId.get(raw);
            String key = null;
            if (id == null) {
                if (!namesRead) {
                    readNames();
                }
                key = key(raw);
                id = byKey.get(key);
                if (id == null && creates) {
                    id = nextId();
                    byKey.put(key, id);
                    made.add(id);
                }
            }
            long resolved = id == null ? MISSING : id;
            met.add(new Object[] {raw, key, id});
            byRaw.put(raw, resolved);
            return resolved;
        }

        /** The value's folded key, as the database folds it ({@link EntitySql#fold}; plain ASCII the same in Java). */
        private String key(String raw) {
            if (!folds) {
                return raw;
            }
            if (ascii(raw)) {
                return Values.fold(raw);
            }
            try {
                return one(side, "select lower(regexp_replace(" + EntitySql.lit(raw) + ", '[[:space:]_./-]+', '', 'g'))");
            } catch (SQLException e) {
                throw new IllegalStateException("could not fold a name in the database: " + e.getMessage(), e);
            }
        }

        private long nextId() {
            if (ids.isEmpty()) {
                try {
                    List<String> taken;
                    synchronized (side) {
                        taken = list(side, "select nextval(" + sequence + ") from generate_series(1, 100)");
                    }
                    ids.addAll(taken.stream().map(Long::valueOf).toList());
                } catch (SQLException e) {
                    throw new IllegalStateException("could not take ids for new " + table + " records: " + e.getMessage(), e);
                }
            }
            return ids.poll();
        }

        /**
         * The distinct values met, as {@code COPY} text rows of (n, raw, key, id, made): n counts them in
         * the order met; made: the id is of a record to make.
         */
        synchronized byte[] metRows() {
            StringBuilder text = new StringBuilder();
            long n = 0;
            for (Object[] row : met) {
                Long id = (Long) row[2];
                CopyText.appendRow(text, ++n, new String[] {(String) row[0], (String) row[1], id == null ? null : id.toString(),
                        String.valueOf(id != null && made.contains(id))});
            }
            return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static boolean ascii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static String one(Connection connection, String sql) throws SQLException {
        List<String> values;
        // the connection of its own is shared by the references, which the converting threads resolve side by side
        synchronized (connection) {
            values = list(connection, sql);
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<String> list(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
