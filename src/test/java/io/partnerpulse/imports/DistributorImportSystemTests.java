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
 * Partners imported with their two-tier distribution (a PRM's export: who is a distributor, whom a
 * reseller buys through, by id or name, in the file or already here), kept to two tiers row by row.
 */
@PartnerPulseIntegrationTest
class DistributorImportSystemTests {

    static final String MAPPING = "{\"columns\": {\"externalId\": \"id\", \"name\": \"name\", \"country\": \"country\","
            + " \"partnerType\": \"role\", \"distributor\": \"buys through\"}}";

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

    Api.Response upload(String csv, Map<String, String> fields) {
        return api.upload("/api/v1/imports/partners", "partners.csv", csv.getBytes(StandardCharsets.UTF_8), fields);
    }

    /** external id → (distributor?, the external id of its distributor or "-"). */
    Map<String, String> structure() {
        return jdbc.sql("""
                select p.external_id, p.distributor::text || ' ' || coalesce(d.external_id, '-') from partner p
                left join partner d on d.id = p.distributor_id where p.external_id like :u order by 1""")
                .param("u", u + "%").query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void importsDistributorsAndTheirResellersNamedByIdOrNameBeforeOrAfterThemInTheFile() {
        String csv = "id,name,country,role,buys through\n"
                + u + "-r1,Reseller One " + u + ",US,Reseller," + u + "-d1\n"             // by id, its distributor further down
                + u + "-d1,Distributor " + u + ",US,Distributor,\n"
                + u + "-r2,Reseller Two " + u + ",DE,,  distributor " + u.toUpperCase() + "\n" // by name, spelled otherwise
                + u + "-x,Direct " + u + ",US,,\n";
        Api.Response response = upload(csv, Map.of("settings", MAPPING));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(structure()).containsExactlyInAnyOrderEntriesOf(Map.of(
                u + "-d1", "true -", u + "-r1", "false " + u + "-d1", u + "-r2", "false " + u + "-d1", u + "-x", "false -"));

        Api.Response again = upload(csv, Map.of("settings", MAPPING));
        assertThat(again.json().get("unchanged").asLong()).as("the same file changes nothing").isEqualTo(4);
        assertThat(again.json().get("updated").asLong()).isZero();

        // a reseller of a distributor already here, and the distributor's own row left as it was
        long d1 = jdbc.sql("select id from partner where external_id = :e").param("e", u + "-d1").query(Long.class).single();
        Api.Response later = upload("id,name,country,role,buys through\n" + u + "-r3,Reseller Three " + u + ",US,," + u + "-d1\n",
                Map.of("settings", MAPPING));
        assertThat(later.status()).as(later.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/partners/" + d1 + "/resellers").json().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void aFileWithoutIdsFindsItsDistributorsByNameAndKeepsOnesWithResellers() {
        String mapping = "{\"columns\": {\"name\": \"name\", \"country\": \"country\", \"partnerType\": \"role\","
                + " \"distributor\": \"buys through\"}}";
        Api.Response first = upload("name,country,role,buys through\nDist " + u + ",US,Distributor,\nRes " + u + ",US,,dist " + u + "\n",
                Map.of("settings", mapping));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long made = new io.partnerpulse.support.Fixtures(jdbc).activePartner("US", "GOLD");
        String madeName = jdbc.sql("select name from partner where id = :p").param("p", made).query(String.class).single();
        Api admin = Api.admin(port);
        admin.put("/api/v1/partners/" + made + "/distribution", "{\"distributor\": true}", "\"0\"");
        long reseller = jdbc.sql("select id from partner where name = :n").param("n", "Res " + u).query(Long.class).single();
        // the file's reseller now buys through the partner made in the app (which has no external id)
        Api.Response moved = admin.put("/api/v1/partners/" + reseller + "/distribution", "{\"distributorId\": %d}".formatted(made),
                "\"" + admin.get("/api/v1/partners/" + reseller).version() + "\"");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        Api.Response turned = upload("name,country,role\nDist " + u + ",US,Reseller\n" + madeName + ",US,Reseller\n",
                Map.of("settings", mapping.replace(", \"distributor\": \"buys through\"", "")));
        assertThat(turned.status()).as(turned.body()).isEqualTo(422);
        assertThat(turned.json().get("report").get("problems").valueStream().map(p -> p.get("line").asLong() + ":" + p.get("code").asString())
                .toList()).as("the app's partner, found by its name, has a reseller; the file's own does not any more")
                .containsExactly("3:partner.hasResellers");
    }

    @Test
    void refusesEveryRowThatWouldBreakTheTwoTiersNamingLineAndColumnAndImportsNothing() {
        upload("id,name,country,role,buys through\n" + u + "-d0,Held " + u + ",US,Distributor,\n" + u + "-r0,Held reseller " + u + ",US,,"
                + u + "-d0\n", Map.of("settings", MAPPING));
        String csv = "id,name,country,role,buys through\n"
                + u + "-d1,Distributor " + u + ",US,Distributor,\n"                 // line 2: good
                + u + "-a,Self " + u + ",US,," + u + "-a\n"                        // line 3: itself
                + u + "-b,Two levels " + u + ",US,Distributor," + u + "-d1\n"      // line 4: a distributor buying through one
                + u + "-c,Through a reseller " + u + ",US,," + u + "-e\n"          // line 5: e is a reseller
                + u + "-e,Plain " + u + ",US,Reseller,\n"                          // line 6: good
                + u + "-f,Nobody's " + u + ",US,,Nobody " + u + "\n"               // line 7: no such partner
                + u + "-d0,Held " + u + ",US,Reseller,\n";                         // line 8: has a reseller
        Api.Response response = upload(csv, Map.of("settings", MAPPING));
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        JsonNode problems = response.json().get("report").get("problems");
        assertThat(problems.valueStream().map(p -> p.get("line").asLong() + ":" + p.get("column").asString() + ":" + p.get("code").asString())
                .toList()).containsExactly("3:buys through:partner.ownDistributor", "4:buys through:partner.distributorBuysThrough",
                "5:buys through:partner.notADistributor", "7:buys through:missing.partner", "8:role:partner.hasResellers");
        assertThat(problems.toString()).contains(u + "-e is not a distributor");
        assertThat(structure()).containsOnlyKeys(u + "-d0", u + "-r0");

        Api.Response skipping = upload(csv, Map.of("settings", MAPPING, "mode", "SKIP_BAD_ROWS"));
        assertThat(skipping.status()).as(skipping.body()).isEqualTo(200);
        assertThat(skipping.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(structure()).containsEntry(u + "-d1", "true -").containsEntry(u + "-e", "false -")
                .containsEntry(u + "-d0", "true -").containsEntry(u + "-r0", "false " + u + "-d0");
    }
}
