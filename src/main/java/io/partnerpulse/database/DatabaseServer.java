package io.partnerpulse.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the app uses: an embedded one it started (and stops), or an external one it
 * only connects to. Either way the connection is tried once at start, so that every problem is
 * reported as one sentence before anything else runs.
 */
final class DatabaseServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
    static final String EMBEDDED_DATABASE = "partnerpulse";
    /** The role the app runs as on the embedded server: rows only, no schema changes. */
    static final String EMBEDDED_APP_ROLE = "partnerpulse_app";

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String ownerUser;
    private final String ownerPassword;
    private final EmbeddedPostgres embedded;
    private final DataFolderLock lock;
    /** The folder made for a temporary embedded server, deleted when it stops; null otherwise. */
    private final Path temporaryFolder;

    private DatabaseServer(String jdbcUrl, String user, String password, String ownerUser, String ownerPassword,
                           EmbeddedPostgres embedded, DataFolderLock lock, Path temporaryFolder) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
        this.embedded = embedded;
        this.lock = lock;
        this.temporaryFolder = temporaryFolder;
    }

    /** Who runs the migrations: the schema's owner. */
    String ownerUser() {
        return ownerUser;
    }

    String ownerPassword() {
        return ownerPassword;
    }

    /** The role the migrations grant row rights to, or "" when the app runs as the owner itself. */
    String appRoleForGrants() {
        return user != null && !user.equals(ownerUser) ? user : "";
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** Connects to an external PostgreSQL and checks that it answers to these credentials. */
    static DatabaseServer external(String url, String user, String password, String migrationUser, String migrationPassword) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new DatabaseUnavailable(
                    "The database URL " + redact(url) + " is not a PostgreSQL JDBC URL.",
                    "Set PARTNERPULSE_DB_URL to a URL such as jdbc:postgresql://db.example.com:5432/partnerpulse.",
                    null);
        }
        boolean separateOwner = migrationUser != null && !migrationUser.isBlank();
        DatabaseServer server = new DatabaseServer(url, user, password, separateOwner ? migrationUser : user,
                separateOwner ? migrationPassword : password, null, null, null);
        String version = server.checkConnection();
        log.info("Database: external PostgreSQL {} at {} as user '{}'", version, redact(url), user);
        return server;
    }

    /** Starts (and, the first time, creates) the embedded PostgreSQL in the given folder. */
    static DatabaseServer embedded(Path dataDir, int port, boolean temporary) {
        Path folder;
        try {
            folder = temporary ? Files.createTempDirectory("partnerpulse-db-") : dataDir.toAbsolutePath().normalize();
        } catch (IOException e) {
            throw new DatabaseUnavailable("A temporary data folder cannot be created: " + e.getMessage() + ".",
                    "Free some disk space in the temporary folder.", e);
        }
        DataFolderLock lock = DataFolderLock.acquire(folder);
        try {
            Path pgData = folder.resolve("postgres");
            stopOrphanedServer(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(temporary)
                    // Spring stops the server when it closes the context, after the connection pool
                    // and everything that still needs the database; a hook of its own would race it.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    // room for bulk imports and the KPI snapshot's full reads: fewer checkpoints in a
                    // million-row import, more of the working set in memory
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_timeout", "15min")
                    .setServerConfig("maintenance_work_mem", "256MB")
                    .setServerConfig("work_mem", "32MB")
                    // the default (1/32 of shared_buffers, 8 MB) filled 19,000 times in a million-deal
                    // import's insert, each time the importing backend writing the WAL itself: with 64 MB
                    // the WAL writer does more of it, on the other core (that insert 11.0 s to 10.4 s)
                    .setServerConfig("wal_buffers", "64MB")
                    // nothing replicates or archives this server's WAL (back it up with pg_dump), so it
                    // logs only what crash recovery needs: index builds and a table written in the
                    // transaction that created it are not logged at all. A million-deal import wrote
                    // 548 MB of WAL and took 13.4-13.6 s to write; minimal: 419 MB and 12.2-12.4 s.
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    // an import's staging table is a temporary one, read a dozen times: in the 8 MB
                    // default its million rows went through the operating system's cache on every
                    // read. Only sessions that use temporary tables (imports) take this memory.
                    .setServerConfig("temp_buffers", "256MB")
                    // index builds after a bulk import run in parallel, but on the cores the server
                    // shares with the app: on two cores one helper built a million deals' eight
                    // indexes in 2.54 s, two in 2.65-2.70 s
                    .setServerConfig("max_parallel_maintenance_workers",
                            String.valueOf(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1))))
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            try {
                createDatabaseIfMissing(postgres);
                createAppRoleIfMissing(postgres);
                String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + EMBEDDED_DATABASE;
                DatabaseServer server = new DatabaseServer(url, EMBEDDED_APP_ROLE, null, "postgres", null, postgres, lock,
                        temporary ? folder : null);
                String version = server.checkConnection();
                log.info("Database: embedded PostgreSQL {} in {} on port {}{}", version, pgData, postgres.getPort(),
                        temporary ? " (temporary: deleted at shutdown)" : "");
                return server;
            } catch (RuntimeException | SQLException e) {
                postgres.close();
                throw e;
            }
        } catch (DatabaseUnavailable e) {
            lock.close();
            deleteTemporary(temporary ? folder : null);
            throw e;
        } catch (IOException | SQLException | RuntimeException e) {
            lock.close();
            deleteTemporary(temporary ? folder : null);
            throw new DatabaseUnavailable(
                    "The embedded PostgreSQL could not start in " + folder + ": " + rootMessage(e) + ".",
                    "Check that the folder is writable and has free space, or use an external PostgreSQL with PARTNERPULSE_DB_URL.",
                    e);
        }
    }

    /**
     * A server left running by an app that was killed still holds the data folder: our lock is free
     * (its process is gone) but PostgreSQL's own pid file names a live postmaster. Stop it.
     */
    private static void stopOrphanedServer(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false))
                .ifPresent(orphan -> {
                    log.warn("Stopping an embedded PostgreSQL (pid {}) left running by an earlier run that did not shut down", pid);
                    orphan.destroy();
                    try {
                        orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception timeout) {
                        orphan.destroyForcibly();
                    }
                });
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + EMBEDDED_DATABASE + " encoding 'UTF8'");
        }
    }

    private static void createAppRoleIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + EMBEDDED_APP_ROLE
                    + "') then create role " + EMBEDDED_APP_ROLE + " login; end if; end $$");
        }
    }

    /** Opens one connection and returns the server's version, or says in one sentence why it cannot. */
    private String checkConnection() {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        try (Connection c = DriverManager.getConnection(jdbcUrl, props);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show server_version")) {
            rs.next();
            String version = rs.getString(1);
            int major = c.getMetaData().getDatabaseMajorVersion();
            if (major < 14) {
                throw new DatabaseUnavailable(
                        "The PostgreSQL at " + redact(jdbcUrl) + " is version " + version + "; PartnerPulse needs 14 or newer.",
                        "Upgrade the server, or leave PARTNERPULSE_DB_URL unset to use the embedded PostgreSQL.", null);
            }
            return version;
        } catch (SQLException e) {
            throw explain(e);
        }
    }

    DatabaseUnavailable explain(SQLException e) {
        String where = redact(jdbcUrl);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.equals("28P01") || state.equals("28000")) {
            return new DatabaseUnavailable(
                    "The PostgreSQL at " + where + " refused user '" + user + "': " + firstLine(e.getMessage()) + ".",
                    "Check PARTNERPULSE_DB_USER and PARTNERPULSE_DB_PASSWORD.", e);
        }
        if (state.equals("3D000")) {
            return new DatabaseUnavailable(
                    "The database named in " + where + " does not exist on that server.",
                    "Create it (CREATE DATABASE ...) or correct PARTNERPULSE_DB_URL.", e);
        }
        if (state.startsWith("08")) {
            return new DatabaseUnavailable(
                    "The PostgreSQL at " + where + " cannot be reached: " + rootMessage(e) + ".",
                    "Check that the server is running and that PARTNERPULSE_DB_URL names the right host and port.", e);
        }
        return new DatabaseUnavailable(
                "The PostgreSQL at " + where + " cannot be used: " + firstLine(e.getMessage()) + ".",
                "Check PARTNERPULSE_DB_URL, PARTNERPULSE_DB_USER and PARTNERPULSE_DB_PASSWORD.", e);
    }

    /** A JDBC URL without any password it may carry in its query string. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse(message).trim();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
    }

    @Override
    public void close() throws IOException {
        try {
            if (embedded != null) {
                embedded.close();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
            deleteTemporary(temporaryFolder);
        }
    }

    /** Deletes a temporary server's folder (PostgreSQL has emptied its data folder; the lock file is left). */
    private static void deleteTemporary(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            log.warn("The temporary database folder {} could not be deleted: {}", folder, e.getMessage());
        }
    }
}
