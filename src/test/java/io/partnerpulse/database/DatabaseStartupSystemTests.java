package io.partnerpulse.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerpulse.PartnerPulseApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts the whole application the way a user does, against the databases a user has, and checks
 * what the user reads when one of them cannot be used.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupSystemTests {

    @TempDir
    Path temp;

    @Test
    void keepsItsDataAcrossARestartAndGeneratesTheDemoOnlyOnce(CapturedOutput output) {
        Path folder = temp.resolve("lasting");
        long opportunities;
        try (ConfigurableApplicationContext app = start(Map.of(), "--partnerpulse.db.embedded.data-dir=" + folder,
                "--partnerpulse.demo.enabled=true")) {
            opportunities = count(app, "select count(*) from opportunity");
            assertThat(opportunities).isGreaterThan(1_000);
        }
        assertThat(output).contains("Database: embedded PostgreSQL 18.2 in " + folder.resolve("postgres"));
        assertThat(output).containsOnlyOnce("with the one-time password");
        try (ConfigurableApplicationContext app = start(Map.of(), "--partnerpulse.db.embedded.data-dir=" + folder,
                "--partnerpulse.demo.enabled=true")) {
            assertThat(count(app, "select count(*) from opportunity")).isEqualTo(opportunities);
        }
        assertThat(output).contains("Demo data: the database already holds data; nothing generated");
        assertThat(output).as("the one-time password is printed once, at the first start only").containsOnlyOnce("with the one-time password");
    }

    @Test
    void stopsASecondInstanceOnTheSameDataFolderWithOneSentence(CapturedOutput output) {
        Path folder = temp.resolve("shared");
        try (ConfigurableApplicationContext first = start(Map.of(), "--partnerpulse.db.embedded.data-dir=" + folder)) {
            assertThatThrownBy(() -> start(Map.of(), "--partnerpulse.db.embedded.data-dir=" + folder))
                    .satisfies(e -> assertThat(databaseUnavailable(e)).isNotNull());
            assertThat(count(first, "select count(*) from country")).isPositive();
        }
        assertReportedWithoutStackTrace(output,
                "The data folder " + folder.toAbsolutePath() + " is in use by another PartnerPulse instance.");
    }

    @Test
    void deletesTheFolderOfATemporaryDatabaseWhenItStops(CapturedOutput output) {
        try (ConfigurableApplicationContext app = start(Map.of(), "--partnerpulse.db.embedded.temporary=true")) {
            assertThat(count(app, "select count(*) from country")).isPositive();
        }
        java.util.regex.Matcher logged = java.util.regex.Pattern
                .compile("Database: embedded PostgreSQL [0-9.]+ in (\\S+)/postgres on port").matcher(output.toString());
        assertThat(logged.find()).as("the start names the folder").isTrue();
        Path folder = Path.of(logged.group(1));
        assertThat(folder.getFileName().toString()).startsWith("partnerpulse-db-");
        assertThat(folder).doesNotExist();
    }

    @Test
    void usesTheExternalDatabaseNamedInTheEnvironment(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres external = externalServer()) {
            createDatabase(external, "crm");
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/crm";
            Path unusedFolder = temp.resolve("unused");
            try (ConfigurableApplicationContext app = start(
                    Map.of("PARTNERPULSE_DB_URL", url, "PARTNERPULSE_DB_USER", "postgres"),
                    "--partnerpulse.db.embedded.data-dir=" + unusedFolder)) {
                assertThat(count(app, "select count(*) from country")).isPositive();
            }
            JdbcClient crm = JdbcClient.create(external.getDatabase("postgres", "crm"));
            assertThat(crm.sql("select count(*) from flyway_schema_history").query(Long.class).single()).isPositive();
            assertThat(unusedFolder).doesNotExist();
            assertThat(output).contains("Database: external PostgreSQL 18.2 at " + url + " as user 'postgres'");
        }
    }

    @Test
    void honoursTheStandardSpringDatasourceSettingsToo() throws Exception {
        try (EmbeddedPostgres external = externalServer()) {
            createDatabase(external, "standard");
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/standard";
            try (ConfigurableApplicationContext app = start(Map.of(), "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres")) {
                assertThat(count(app, "select current_database()::text = 'standard'::text")).isEqualTo(1);
            }
        }
    }

    @Test
    void saysInOneSentenceThatAnExternalDatabaseCannotBeReached(CapturedOutput output) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://localhost:" + closedPort + "/crm";
        assertThatThrownBy(() -> start(Map.of(), "--partnerpulse.db.url=" + url, "--partnerpulse.db.user=app"))
                .satisfies(e -> assertThat(databaseUnavailable(e)).isNotNull());
        assertReportedWithoutStackTrace(output, "The PostgreSQL at " + url + " cannot be reached: ");
    }

    @Test
    void saysInOneSentenceThatThePasswordWasRefused(CapturedOutput output) throws Exception {
        try (EmbeddedPostgres external = externalServer()) {
            requirePasswordFor(external, "app", "right-password");
            String url = "jdbc:postgresql://localhost:" + external.getPort() + "/postgres";
            assertThatThrownBy(() -> start(Map.of(), "--partnerpulse.db.url=" + url, "--partnerpulse.db.user=app",
                    "--partnerpulse.db.password=wrong-password"))
                    .satisfies(e -> assertThat(databaseUnavailable(e)).isNotNull());
            assertReportedWithoutStackTrace(output, "The PostgreSQL at " + url + " refused user 'app': ");
            assertThat(output).doesNotContain("wrong-password");

            try (ConfigurableApplicationContext app = start(Map.of(), "--partnerpulse.db.url=" + url,
                    "--partnerpulse.db.user=app", "--partnerpulse.db.password=right-password")) {
                assertThat(count(app, "select count(*) from partner_tier")).isEqualTo(4);
            }
        }
    }

    @Test
    void refusesAUrlThatIsNotPostgres(CapturedOutput output) {
        assertThatThrownBy(() -> start(Map.of(), "--partnerpulse.db.url=jdbc:mysql://localhost/crm?password=secret"))
                .satisfies(e -> assertThat(databaseUnavailable(e)).isNotNull());
        assertReportedWithoutStackTrace(output, "The database URL jdbc:mysql://localhost/crm?password=*** is not a PostgreSQL JDBC URL.");
        assertThat(output).doesNotContain("secret");
    }

    // ---------------------------------------------------------------------------------------------

    private ConfigurableApplicationContext start(Map<String, Object> environmentVariables, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environmentVariables));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--server.port", "0");
        settings.put("--spring.main.banner-mode", "off");
        settings.put("--partnerpulse.demo.enabled", "false");
        settings.put("--partnerpulse.db.embedded.data-dir", temp.resolve("default-data").toString());
        for (String arg : args) {
            int equals = arg.indexOf('=');
            settings.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return new SpringApplicationBuilder(PartnerPulseApplication.class).environment(environment)
                .run(settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static long count(ConfigurableApplicationContext app, String sql) {
        Object value = app.getBean(JdbcClient.class).sql(sql).query().singleValue();
        return value instanceof Boolean b ? (b ? 1 : 0) : ((Number) value).longValue();
    }

    private EmbeddedPostgres externalServer() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(Files.createTempDirectory(temp, "external"))
                .setCleanDataDirectory(true).start();
    }

    private static void createDatabase(EmbeddedPostgres server, String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
    }

    /** Makes the server ask {@code user} for a password (the embedded server trusts everyone otherwise). */
    private void requirePasswordFor(EmbeddedPostgres server, String user, String password) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create role " + user + " login password '" + password + "'");
            s.execute("grant create on schema public to " + user);
            String hbaFile;
            try (var rs = s.executeQuery("show hba_file")) {
                rs.next();
                hbaFile = rs.getString(1);
            }
            Path hba = Path.of(hbaFile);
            Files.writeString(hba, "host all " + user + " 127.0.0.1/32 scram-sha-256\nhost all " + user
                    + " ::1/128 scram-sha-256\n" + Files.readString(hba));
            s.execute("select pg_reload_conf()");
        }
    }

    private static DatabaseUnavailable databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailable unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    private static void assertReportedWithoutStackTrace(CapturedOutput output, String sentence) {
        assertThat(output).contains("APPLICATION FAILED TO START").contains(sentence);
        assertThat(output.getOut() + output.getErr()).doesNotContain("\tat io.partnerpulse");
    }
}
