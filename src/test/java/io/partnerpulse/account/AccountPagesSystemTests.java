package io.partnerpulse.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The customer accounts' pages: staff add and change accounts (a parent company typed by name, never
 * the account itself; numbers that are not named beside their fields, nothing written), each
 * account's page lists its deals; analysts read, partner users are kept out.
 */
@PartnerPulseIntegrationTest
class AccountPagesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void staffAddAnAccountUnderItsParentCompanyAndFindItWithItsDeals() {
        Api admin = Api.admin(port);
        String group = Fixtures.unique("Globex Group");
        String name = Fixtures.unique("Globex Retail");
        long groupId = admin.post("/api/v1/accounts", "{\"name\": \"%s\", \"country\": \"US\"}".formatted(group)).id();

        Api.Response bad = admin.form("/accounts", "name=&employees=many&annualRevenue=1.234.5&yearEstablished=99&country=USA&parent="
                + enc("No such group zz"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Give the account a name.", "Type a whole number, such as 250.", "Type an amount",
                "No customer account is named “No such group zz”.", "field-error");
        assertThat(jdbc.sql("select count(*) from customer_account where name = ?").param(name).query(Long.class).single()).isZero();

        Api.Response made = admin.form("/accounts", "name=" + enc(name) + "&sector=Retail&country=us&city=Boston&employees=1,250"
                + "&annualRevenue=2500000.00&yearEstablished=1998&parent=" + enc(group));
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        long id = jdbc.sql("select id from customer_account where name = ?").param(name).query(Long.class).single();
        assertThat(jdbc.sql("select sector || ' ' || country || ' ' || employees || ' ' || annual_revenue || ' ' || year_established || ' ' || parent_account_id"
                + " from customer_account where id = ?").param(id).query(String.class).single())
                .isEqualTo("Retail US 1250 2500000.00 1998 " + groupId);

        long deal = admin.post("/api/v1/opportunities", "{\"name\": \"%s deal\", \"amount\": 300, \"currency\": \"USD\", \"accountId\": %d}"
                .formatted(name, id)).id();
        String page = admin.get("/accounts/" + id).body();
        assertThat(page).contains(name, "Retail", "1,250", "/accounts/" + groupId + "\"", group, "/deals/" + deal + "\"", name + " deal");
        assertThat(admin.get("/accounts?q=" + enc(name)).body()).contains("/accounts/" + id + "\"", "1 record<");
        assertThat(admin.get("/deals/" + deal).body()).as("the deal links back to its customer").contains("/accounts/" + id + "\"");
        assertThat(admin.get("/deals?show=ALL&accountId=" + id).body()).contains("/deals/" + deal + "\"", "Only the deals of " + name);

        Api.Response ownParent = admin.form("/accounts/" + id, "name=" + enc(name) + "&parent=" + enc(name) + "&version=0");
        assertThat(ownParent.status()).isEqualTo(200);
        assertThat(ownParent.body()).as("an account is never its own parent").contains("No customer account is named");
        assertThat(admin.form("/accounts/" + id, "name=" + enc(name + " Inc") + "&country=CA&version=0").status()).isEqualTo(302);
        assertThat(jdbc.sql("select name || ' ' || country || ' ' || coalesce(parent_account_id::text, 'none') from customer_account where id = ?")
                .param(id).query(String.class).single()).isEqualTo(name + " Inc CA none");
        assertThat(admin.form("/accounts/" + id, "name=Stale&version=0").body()).as("a stale version").contains("role=\"alert\"");
        String externalId = Fixtures.unique("ACC").replace(" ", "-");
        admin.post("/api/v1/accounts", "{\"name\": \"Other\", \"externalId\": \"%s\"}".formatted(externalId));
        Api.Response taken = admin.form("/accounts", "name=Third&externalId=" + externalId);
        assertThat(taken.status()).as("an external id taken: said beside the form, not a 500").isEqualTo(200);
        assertThat(taken.body()).contains("A record with the same name or external id exists already.");
    }

    @Test
    void analystsReadTheAccountsAndPartnerUsersAreKeptOut() {
        Api admin = Api.admin(port);
        long id = admin.post("/api/v1/accounts", "{\"name\": \"%s\"}".formatted(Fixtures.unique("Read Only Co"))).id();
        Api analyst = admin.newUser("ANALYST", "Reader");
        assertThat(analyst.get("/accounts/" + id).body()).contains("Read Only Co").doesNotContain("Change its details");
        assertThat(analyst.form("/accounts/" + id, "name=Mine&version=0").status()).isEqualTo(403);
        assertThat(analyst.form("/accounts", "name=Mine").status()).isEqualTo(403);
        Api partnerUser = admin.newPartnerUser(new Fixtures(jdbc).activePartner("US", "GOLD"), "outsider");
        assertThat(partnerUser.get("/accounts").status()).isEqualTo(403);
        assertThat(partnerUser.get("/accounts/" + id).status()).isEqualTo(403);
    }
}
