package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Values the database keeps unique (an employee's e-mail, a channel's name) repeated within a file or
 * taken by another record are reported by row, like any bad value, instead of failing the whole
 * import at the insert with the database's error.
 */
@PartnerPulseIntegrationTest
class UniqueValuesImportSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = UUID.randomUUID().toString().substring(0, 8);
    }

    Api.Response upload(String entity, String csv, String mode) {
        return api.upload("/api/v1/imports/" + entity, entity + ".csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("settings", "{\"createMissing\": true, \"mode\": \"" + mode + "\"}"));
    }

    String employees() {
        return "name,email,team,office\n"
                + "Ann " + u + ",ann." + u + "@a.example,Team " + u + ",Unit " + u + "\n"       // line 2
                + "Bob " + u + ",ANN." + u + "@a.example,Team " + u + ",Unit " + u + "\n"       // line 3: Ann's address
                + "Cem " + u + ",cem." + u + "@a.example,Team " + u + ",Unit " + u + "\n";      // line 4
    }

    @Test
    void anEmailAddressTwiceInTheFileRejectsTheLaterRowWhateverItsCase() {
        Api.Response rejected = upload("employees", employees(), "ALL_OR_NOTHING");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        JsonNode problems = rejected.json().get("report").get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asString()).isEqualTo("email");
        assertThat(problems.get(0).get("reason").asString()).isEqualTo("the e-mail address is also on line 2");
        assertThat(employeesNamed()).isZero();

        Api.Response skipped = upload("employees", employees(), "SKIP_BAD_ROWS");
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(skipped.json().get("rejected").asLong()).isEqualTo(1);
        assertThat(employeesNamed()).isEqualTo(2);
    }

    @Test
    void aChannelNameTwiceInTheFileOrTakenByAnotherChannelRejectsThatRow() {
        jdbc.sql("insert into marketing_channel (external_id, name, type) values (:x, :n, 'PAID')")
                .param("x", "CH-" + u).param("n", "Taken " + u).update();
        String csv = "id,name,type\n"
                + "A-" + u + ",Search " + u + ",PAID\n"     // line 2
                + "B-" + u + ",Search " + u + ",PAID\n"     // line 3: the name of line 2
                + "C-" + u + ",Taken " + u + ",OWNED\n"     // line 4: the name of CH-u
                + "D-" + u + ",Email " + u + ",OWNED\n";    // line 5
        Api.Response rejected = upload("channels", csv, "ALL_OR_NOTHING");
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        JsonNode problems = rejected.json().get("report").get("problems");
        assertThat(problems.valueStream().map(p -> p.get("line").asLong() + ":" + p.get("column").asString() + ":"
                + p.get("reason").asString()).toList())
                .containsExactly("3:name:the name is also on line 2", "4:name:another channel has this name (external id CH-" + u + ")");

        Api.Response skipped = upload("channels", csv, "SKIP_BAD_ROWS");
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from marketing_channel where name like :n").param("n", "%" + u)
                .query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aFileWithoutExternalIdsStillFindsItsChannelsByName() {
        jdbc.sql("insert into marketing_channel (name, type) values (:n, 'PAID')").param("n", "Mine " + u).update();
        Api.Response again = upload("channels", "name,type\nMine " + u + ",EARNED\n", "ALL_OR_NOTHING");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("updated").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select type from marketing_channel where name = :n").param("n", "Mine " + u)
                .query(String.class).single()).isEqualTo("EARNED");
    }

    @Test
    void aFileWithoutExternalIdsFindsAnEmployeeMadeInTheAppByNameWithItsOwnAddress() {
        Api.Response first = upload("employees", "name,email,team,office\nDeniz " + u + ",deniz." + u + "@a.example,Team " + u
                + ",Unit " + u + "\n", "ALL_OR_NOTHING");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        // as if made in the app: no external id
        jdbc.sql("update employee set external_id = null where full_name = :n").param("n", "Deniz " + u).update();
        Api.Response again = upload("employees", "name,email,title,team,office\nDeniz " + u + ",deniz." + u
                + "@a.example,Lead,Team " + u + ",Unit " + u + "\n", "ALL_OR_NOTHING");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("updated").asLong()).isEqualTo(1);
        assertThat(employeesNamed()).isEqualTo(1);
    }

    private long employeesNamed() {
        return jdbc.sql("select count(*) from employee where full_name like :n").param("n", "% " + u).query(Long.class).single();
    }
}
