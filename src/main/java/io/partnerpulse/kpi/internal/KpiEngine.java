package io.partnerpulse.kpi.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.partnerpulse.kpi.ChannelReport;
import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiProperties;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.PipelineReport;
import io.partnerpulse.kpi.RecordsPage;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.OrganizationSettings;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The KPI read model: the current {@link KpiSnapshot} and the calculators over it. A background
 * thread LISTENs on PostgreSQL's {@code partnerpulse_kpi} channel, which triggers on every source
 * table notify when a transaction that changed them commits (from this instance or any other on the
 * same database), naming the changed rows of the big tables (migration V9). Shortly after, it
 * reads those rows again into a new snapshot that shares everything else with the current one
 * ({@link KpiSnapshotLoader#apply}), or reloads everything when the notice says so (an import, a
 * delete, an exchange rate), so a write shows in the KPIs well within a second. If the listening
 * connection is lost, it reloads everything once it is back, so nothing is missed.
 */
@Component
public class KpiEngine implements SmartLifecycle, io.partnerpulse.kpi.Kpis {

    private static final Logger log = LoggerFactory.getLogger(KpiEngine.class);
    static final String CHANNEL = "partnerpulse_kpi";

    private final DataSource dataSource;
    private final KpiProperties properties;
    private final KpiSnapshotLoader loader;
    private volatile KpiCalculator current;
    private volatile boolean running;
    private Thread listener;

    private final CurrentActor actor;

    KpiEngine(DataSource dataSource, KpiProperties properties, OrganizationSettings organization, CurrentActor actor) {
        this.actor = actor;
        this.dataSource = dataSource;
        this.properties = properties;
        this.loader = new KpiSnapshotLoader(dataSource, organization, Clock.systemUTC());
    }

    /**
     * The KPIs of a query, narrowed to what the current user may see: a partner user's own partner,
     * a scoped manager's own unit or department.
     */
    @Override
    public KpiReport report(KpiQuery query) {
        return calculator().report(scoped(query));
    }

    @Override
    public ChannelReport channels(KpiQuery query) {
        return new Breakdowns(calculator()).channels(scoped(query));
    }

    @Override
    public PipelineReport pipeline(Instant at, Map<Dimension, List<String>> filters, Dimension groupBy) {
        return new Breakdowns(calculator()).pipeline(at, scoped(filters), groupBy);
    }

    @Override
    public RecordsPage records(String kpi, KpiQuery query, String group, int page, int size) {
        KpiCalculator calculator = calculator();
        Integer key = null;
        if (group != null && query.groupBy() != null) {
            key = calculator.keys().parse(query.groupBy(), group);
        }
        // the records behind a number name customers and deals: a partner user's own only, never its
        // resellers' (a distributor sees their numbers, not their customers)
        if (actor.partner().isPresent()) {
            List<String> asked = query.filters().get(Dimension.PARTNER);
            actor.partnerFilter(asked == null ? null : asked.stream().map(Long::valueOf).toList());
            if (query.filters().containsKey(Dimension.DISTRIBUTOR)) {
                throw CurrentActor.otherPartnerRefused();
            }
        }
        return new Breakdowns(calculator).records(kpi, scoped(query), key, page, size);
    }

    @Override
    public Map<String, List<java.math.BigDecimal>> qualityScores(List<String> partners, List<Span> periods) {
        List<String> ids = partners.stream().filter(p -> p.matches("[1-9][0-9]{0,17}")).toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return calculator().qualityScores(scoped(Map.of(Dimension.PARTNER, ids)), periods);
    }

    /**
     * A partner user's KPIs are always filtered to its own partner (a distributor's users: to its
     * resellers too when they ask, see {@link #distributorView}), a scoped manager's to its unit or
     * department.
     */
    private KpiQuery scoped(KpiQuery query) {
        return actor.partner().isEmpty() && actor.orgScope().isEmpty() ? query : query.withFilters(scoped(query.filters()));
    }

    private java.util.Map<Dimension, List<String>> scoped(java.util.Map<Dimension, List<String>> filters) {
        java.util.Optional<CurrentActor.OrgScope> org = actor.orgScope();
        if (org.isPresent()) {
            Dimension dimension = org.get().businessUnitId() != null ? Dimension.UNIT : Dimension.DEPARTMENT;
            String own = String.valueOf(org.get().businessUnitId() != null ? org.get().businessUnitId() : org.get().departmentId());
            List<String> asked = filters.get(dimension);
            if (asked != null && asked.stream().anyMatch(a -> !a.equals(own))) {
                throw ApiError.invalidParameter(dimension.filterName().orElseThrow(), "Your account sees only its own "
                        + dimension.apiName() + " (" + own + ").", null);
            }
            java.util.Map<Dimension, List<String>> copy = new java.util.EnumMap<>(Dimension.class);
            copy.putAll(filters);
            copy.put(dimension, List.of(own));
            return copy;
        }
        if (actor.partner().isEmpty()) {
            return filters;
        }
        List<String> asked = filters.get(Dimension.PARTNER);
        List<String> distributors = filters.get(Dimension.DISTRIBUTOR);
        List<Long> allowed;
        if (asked == null && distributors == null) {
            allowed = actor.partnerFilter(null);
        } else {
            allowed = distributorView(asked, distributors);
        }
        java.util.Map<Dimension, List<String>> copy = new java.util.EnumMap<>(Dimension.class);
        copy.putAll(filters);
        copy.put(Dimension.PARTNER, allowed.stream().map(String::valueOf).toList());
        return copy;
    }

    /**
     * Two-tier distribution: a distributor's users may ask for its resellers' KPIs (by their ids or
     * by {@code distributorId} = their own partner, which means itself and all its resellers); what
     * they see without asking stays their own partner's. Anyone else asking for another partner, or
     * for another distributor, is refused as before (403). The resellers are read from the database,
     * not the snapshot, so a reseller that left is not shown even for the moment the snapshot lags.
     */
    private List<Long> distributorView(List<String> asked, List<String> distributors) {
        long own = actor.partner().orElseThrow();
        List<Long> askedIds = asked == null ? null : asked.stream().map(Long::valueOf).toList();
        boolean ownOnly = (askedIds == null || askedIds.stream().allMatch(id -> id == own))
                && (distributors == null || distributors.isEmpty());
        if (ownOnly) {
            return actor.partnerFilter(askedIds);
        }
        List<Long> visible = new java.util.ArrayList<>();
        visible.add(own);
        visible.addAll(resellersOf(own));
        boolean distributorsOk = distributors == null || distributors.stream().allMatch(d -> d.equals(String.valueOf(own)));
        if (!distributorsOk || askedIds != null && !visible.containsAll(askedIds)) {
            throw CurrentActor.otherPartnerRefused();
        }
        return askedIds != null ? askedIds : visible;
    }

    private List<Long> resellersOf(long distributor) {
        List<Long> ids = new java.util.ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.PreparedStatement statement = c.prepareStatement(
                     "select r.id from partner r join partner d on d.id = r.distributor_id and d.distributor where d.id = ?")) {
            statement.setLong(1, distributor);
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("The resellers of partner " + distributor + " cannot be read: " + e.getMessage(), e);
        }
        return ids;
    }



    /** Whether {@code group} names a group of {@code dimension}. */
    public boolean isGroupName(Dimension dimension, String group) {
        return calculator().keys().parse(dimension, group) >= 0 || dimension.isTime() && group != null;
    }

    public static List<String> drillableKpis() {
        return Breakdowns.DRILLABLE;
    }

    /** When the snapshot the KPIs are computed from was read. */
    @Override
    public Instant dataAsOf() {
        return calculator().snapshot().loadedAt;
    }

    KpiSnapshot snapshotForTests() {
        return calculator().snapshot();
    }

    /** Reloads the snapshot now, in the calling thread. */
    public void refresh() {
        reload("asked for");
    }

    /** Reloads the snapshot now, saying why (kept in {@link #lastFullLoad} for tests and the logs). */
    private synchronized void reload(String why) {
        lastFullLoad = why;
        try {
            long started = System.nanoTime();
            KpiSnapshot snapshot = loader.load();
            current = new KpiCalculator(snapshot, properties);
            fullLoads++;
            log.debug("KPI snapshot reloaded ({}): {} deals, {} leads in {} ms", why, snapshot.deals, snapshot.leads,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("The KPI data could not be read: " + e.getMessage(), e);
        }
    }

    /** Applies the changed rows to the snapshot, or reloads it whole when only that is right. */
    synchronized void apply(KpiChanges changes) {
        KpiCalculator calculator = current;
        if (calculator == null) {
            reload("no snapshot yet");
            return;
        }
        try {
            long started = System.nanoTime();
            java.util.Optional<KpiSnapshot> snapshot = loader.apply(calculator.snapshot(), changes);
            if (snapshot.isEmpty()) {
                reload("changes not applicable row by row: " + changes);
                return;
            }
            current = new KpiCalculator(snapshot.get(), properties);
            deltas++;
            log.debug("KPI snapshot updated: {} changed rows in {} ms", changes.rows(), (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("The KPI data could not be read: " + e.getMessage(), e);
        }
    }

    /** How many times the snapshot was loaded whole, and updated by changed rows (for tests and the benchmark). */
    volatile long fullLoads;
    /** Why the snapshot was last loaded whole. */
    volatile String lastFullLoad;
    volatile long deltas;

    private KpiCalculator calculator() {
        KpiCalculator calculator = current;
        if (calculator == null) {
            reload("no snapshot yet");
            calculator = current;
        }
        return calculator;
    }

    // ---------------------------------------------------------------------------------------------
    private boolean loadAtStart = true;

    /**
     * Whether the read model loads (and starts listening for changes) when the application starts;
     * the command line import, which reads no KPI, turns it off (a million deals: 6 s and half a GB
     * of the command's time). Without it, the first question loads the model and changes made after
     * that are not seen.
     */
    @org.springframework.beans.factory.annotation.Value("${partnerpulse.kpi.load-at-start:true}")
    void loadAtStart(boolean loadAtStart) {
        this.loadAtStart = loadAtStart;
    }

    @Override
    public boolean isAutoStartup() {
        return loadAtStart;
    }

    @Override
    public void start() {
        running = true;
        // listen before the first load: a change committed in between is then both in the snapshot and
        // notified (applied twice, to the same rows), never lost until the next full refresh
        Connection listening;
        try {
            listening = listeningConnection();
        } catch (SQLException e) {
            listening = null;   // the listener thread retries, and loads again once it listens
        }
        try {
            reload("start");
        } catch (RuntimeException e) {
            if (listening != null) {
                try {
                    listening.close();
                } catch (SQLException ignored) {
                    // the start fails anyway
                }
            }
            throw e;
        }
        Connection first = listening;
        listener = new Thread(() -> listen(first), "kpi-refresh");
        listener.setDaemon(true);
        listener.start();
    }

    private Connection listeningConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
            }
            // a pooled connection may have listened before (an engine stopped, in the tests several
            // in turn): what it received then is older than the load that always follows this, and
            // would only make that load's snapshot reload again
            connection.unwrap(PGConnection.class).getNotifications();
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Listens on {@code first} (already listening; null when it could not be had at start), then on new connections. */
    private void listen(Connection first) {
        KpiChanges changes = new KpiChanges();
        boolean missed = first == null;
        long lastNotice = 0;
        long dirtySince = 0;
        long lastLoad = System.nanoTime();
        Connection given = first;
        while (running) {
            try (Connection connection = given != null ? given : listeningConnection()) {
                given = null;
                if (missed) {
                    reload("listening again: changes may have been missed meanwhile");
                    missed = false;
                    changes.clear();
                    lastLoad = System.nanoTime();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notices = pg.getNotifications(50);
                    long now = System.nanoTime();
                    if (notices != null && notices.length > 0) {
                        if (changes.isEmpty()) {
                            dirtySince = now;
                        }
                        for (PGNotification notice : notices) {
                            changes.add(notice.getParameter());
                        }
                        lastNotice = now;
                    }
                    // apply once writes pause for the refresh delay, or at the latest 250 ms after the first
                    boolean settled = now - lastNotice >= properties.refreshDelay().toNanos()
                            || now - dirtySince >= 250_000_000L;
                    if (now - lastLoad >= properties.fullRefresh().toNanos()) {
                        reload("the periodic full refresh");
                        changes.clear();
                        lastLoad = System.nanoTime();
                    } else if (!changes.isEmpty() && settled) {
                        apply(changes);
                        changes.clear();
                    }
                }
                // stopped: the connection goes back to the pool, which must not keep receiving the notices
                try (Statement statement = connection.createStatement()) {
                    statement.execute("unlisten *");
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                missed = true;
                log.warn("KPI change listener lost its connection ({}); retrying in a second", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
        if (given != null) {
            try {
                given.close();   // stopped before it was used
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
