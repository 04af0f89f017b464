package io.partnerpulse.demo;

import io.partnerpulse.shared.LoggingProgress;
import io.partnerpulse.shared.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.partnerpulse.shared.OrganizationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo data set at start, once: a database that holds any
 * business unit, partner, lead or opportunity is left alone, so a restart never generates twice.
 */
@Component
@Order(0)
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoDataInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataInitializer.class);

    private final DataSource dataSource;
    private final DemoProperties properties;
    private final OrganizationSettings organization;
    private final java.time.Clock clock;

    DemoDataInitializer(DataSource dataSource, DemoProperties properties, OrganizationSettings organization, java.time.Clock clock) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.organization = organization;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try (var connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!isEmpty(statement)) {
                log.info("Demo data: the database already holds data; nothing generated");
                return;
            }
        }
        DemoShape shape = properties.shape();
        LocalDate today = LocalDate.ofInstant(clock.instant(), organization.timeZone());   // the app's clock: tests can fix the day
        log.info("Demo data: generating {} partners, {} leads and {} opportunities up to {} (seed {})",
                shape.partners(), shape.leads(), shape.opportunities(), today, properties.seed());
        long started = System.nanoTime();
        Path dir = Files.createTempDirectory("partnerpulse-demo-");
        try {
            ProgressListener progress = new LoggingProgress(log);
            DemoDataset dataset = new DemoDataGenerator().generate(shape, properties.seed(), today,
                    organization.timeZone(), organization.currency(), dir, progress);
            boolean loaded = new DemoDataLoader(dataSource).loadIntoEmptyDatabase(dataset, progress);
            if (loaded) {
                log.info("Demo data: {} leads, {} opportunities and {} registrations loaded in {} ms",
                        dataset.rows("lead"), dataset.rows("opportunity"), dataset.rows("deal_registration"),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                log.info("Demo data: another instance filled the database first; nothing loaded");
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    static boolean isEmpty(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("""
                select not exists (select 1 from business_unit)
                   and not exists (select 1 from partner)
                   and not exists (select 1 from lead)
                   and not exists (select 1 from opportunity)
                """)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
