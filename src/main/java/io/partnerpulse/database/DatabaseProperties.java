package io.partnerpulse.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} (nor {@code spring.datasource.url}) the app starts an
 * embedded PostgreSQL whose files stay in {@code embedded.dataDir} across restarts.
 *
 * @param url      JDBC URL of an external PostgreSQL 14+ ({@code PARTNERPULSE_DB_URL})
 * @param user     its user ({@code PARTNERPULSE_DB_USER})
 * @param password its password ({@code PARTNERPULSE_DB_PASSWORD})
 * @param migrationUser     the schema's owner, who runs the migrations ({@code PARTNERPULSE_DB_MIGRATION_USER});
 *                          the app then runs as {@code user} with row rights only. Unset: {@code user} does both
 * @param migrationPassword its password ({@code PARTNERPULSE_DB_MIGRATION_PASSWORD})
 * @param poolSize connections the app keeps open
 * @param embedded settings of the embedded server
 */
@ConfigurationProperties("partnerpulse.db")
public record DatabaseProperties(String url, String user, String password, String migrationUser, String migrationPassword,
                                 @DefaultValue("10") int poolSize,
                                 @DefaultValue Embedded embedded) {

    /**
     * @param dataDir   folder of the embedded database files ({@code PARTNERPULSE_DB_EMBEDDED_DATA_DIR})
     * @param port      port on localhost; 0 picks a free one at each start
     * @param temporary start in a fresh folder that is deleted at shutdown (tests, trials)
     */
    public record Embedded(@DefaultValue("./data") Path dataDir,
                           @DefaultValue("0") int port,
                           @DefaultValue("false") boolean temporary) {
    }
}
