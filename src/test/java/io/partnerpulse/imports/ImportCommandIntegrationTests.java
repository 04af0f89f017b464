package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command line import: arguments, the mapping guessed when none is given, the report file and the exit code. */
@PartnerPulseIntegrationTest
class ImportCommandIntegrationTests {

    @Autowired
    ImportCommand command;
    @Autowired
    JdbcClient jdbc;
    @TempDir
    Path dir;

    int run(String... args) {
        command.run(new DefaultApplicationArguments(args));
        return command.getExitCode();
    }

    @Test
    void importsAFileWithTheMappingGuessedFromItsHeaderAndWritesTheReport() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Path file = dir.resolve("sales_pipeline.csv");
        Files.writeString(file, "opportunity_id,deal_stage,engage_date,close_date,close_value\r\n"
                + u + "-1,Won,2026-03-01,2026-03-10,200\r\n" + u + "-2,Sleeping,2026-03-01,,\r\n");
        Path report = dir.resolve("report.json");

        assertThat(run("import", "opportunities", file.toString(), "--mode=SKIP_BAD_ROWS", "--report=" + report)).isZero();
        assertThat(jdbc.sql("select count(*) from opportunity where external_id like ?").param(u + "-%").query(Long.class).single())
                .isEqualTo(1);
        assertThat(Files.readString(report)).contains("\"inserted\" : 1", "\"line\" : 3", "guessed from the header");

        assertThat(run("import", "opportunities", file.toString())).as("all or nothing: the bad row stops it").isEqualTo(1);
        assertThat(run("import", "planets", file.toString())).isEqualTo(2);
        assertThat(run("import", "opportunities", dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(run("import")).isEqualTo(2);
        assertThat(run("import", "opportunities", file.toString(), "--mode=SOMETIMES")).as("a usage mistake").isEqualTo(2);
        assertThat(run("import", "opportunities", file.toString(), "--announce=LOUDLY")).as("a usage mistake").isEqualTo(2);
    }
}
