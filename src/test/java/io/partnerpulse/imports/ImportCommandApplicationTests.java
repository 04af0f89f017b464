package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import io.partnerpulse.PartnerPulseApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The command line's own application, as `java -jar … import` starts it, on an empty database of its own. */
class ImportCommandApplicationTests {

    @TempDir
    Path dir;

    @Test
    void importsIntoAnEmptyDatabaseWithoutFillingItWithDemoDataOrDemoUsersFirst() throws Exception {
        Path file = dir.resolve("partners.csv");
        Files.writeString(file, "name,country\nCommand Line Partner,PK\n");

        var context = PartnerPulseApplication.importCommand(new String[] {"import", "partners", file.toString(),
                "--partnerpulse.db.embedded.data-dir=" + dir.resolve("data")});
        try {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select name from partner").query(String.class).list()).containsExactly("Command Line Partner");
            assertThat(jdbc.sql("select count(*) from lead").query(Long.class).single()).as("demo leads").isZero();
            assertThat(jdbc.sql("select count(*) from app_user where email like '%@demo.partnerpulse.io'").query(Long.class).single())
                    .as("demo users, with their published password").isZero();
        } finally {
            assertThat(SpringApplication.exit(context)).as("the command's exit code").isZero();
        }
    }
}
