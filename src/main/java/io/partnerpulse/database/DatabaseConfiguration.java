package io.partnerpulse.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Chooses the database: {@code partnerpulse.db.url} (or the standard {@code spring.datasource.url})
 * names an external PostgreSQL; without either, the embedded one starts. Spring Boot's own
 * DataSource auto-configuration steps back because this one is defined.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    @Bean
    DatabaseServer databaseServer(DatabaseProperties properties, Environment environment) {
        String url = firstNonBlank(properties.url(), environment.getProperty("spring.datasource.url"));
        if (url != null) {
            return DatabaseServer.external(url,
                    firstNonBlank(properties.user(), environment.getProperty("spring.datasource.username")),
                    firstNonBlank(properties.password(), environment.getProperty("spring.datasource.password")),
                    firstNonBlank(properties.migrationUser()), firstNonBlank(properties.migrationPassword()));
        }
        DatabaseProperties.Embedded embedded = properties.embedded();
        return DatabaseServer.embedded(embedded.dataDir(), embedded.port(), embedded.temporary());
    }

    /** The connection the migrations run on: as the schema's owner. */
    @Bean
    @org.springframework.boot.flyway.autoconfigure.FlywayDataSource
    DataSource migrationDataSource(DatabaseServer server) {
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(server.jdbcUrl(), server.ownerUser(),
                server.ownerPassword());
    }

    /** Tells the migrations' grants which role the app runs as. */
    @Bean
    org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer appRoleGrants(DatabaseServer server) {
        return configuration -> configuration.placeholders(java.util.Map.of("appRole", server.appRoleForGrants()));
    }

    @Bean
    @org.springframework.context.annotation.Primary
    HikariDataSource dataSource(DatabaseServer server, DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("partnerpulse");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.user());
        dataSource.setPassword(server.password());
        dataSource.setMaximumPoolSize(properties.poolSize());
        return dataSource;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (StringUtils.hasText(value)) {
                return value.trim();
            }
        }
        return null;
    }
}
