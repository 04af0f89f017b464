package io.partnerpulse.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lead's own page: its details, the partners it was given to and why, the deal it became; its
 * details corrected at the version shown (each bad field named, nothing written); its next steps taken
 * there; a partner user on its own leads only.
 */
@PartnerPulseIntegrationTest
class LeadPageSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void showsWhereALeadWentAndWhatItBecameAndCorrectsItsDetails() {
        Api admin = Api.admin(port);
        Fixtures fixtures = new Fixtures(jdbc);
        long partner = fixtures.activePartner("US", "GOLD");
        String partnerName = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();
        String company = Fixtures.unique("Paged Lead Co");
        long id = admin.post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(company)).id();
        admin.post("/api/v1/leads/" + id + "/assign", "{\"partnerId\": %d, \"reason\": \"Knows the customer\"}".formatted(partner), "\"0\"");

        String page = admin.get("/leads/" + id).body();
        assertThat(page).contains(company, partnerName, "Knows the customer", "New", "/audit?entityType=lead&amp;entityId=" + id);
        assertThat(admin.get("/leads").body()).contains("/leads/" + id + "\"");

        Api.Response bad = admin.form("/leads/" + id, "companyName=&contactName=&email=not-mail&country=USA&version=1");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("field-error");
        assertThat(jdbc.sql("select company_name from lead where id = ?").param(id).query(String.class).single()).isEqualTo(company);
        assertThat(admin.form("/leads/" + id, "companyName=" + company.replace(" ", "+") + "&contactName=Jane+Roe&email=jane%40example.com"
                + "&country=CA&city=Toronto&version=1").status()).isEqualTo(302);
        assertThat(jdbc.sql("select contact_name || ' ' || email || ' ' || country || ' ' || city || ' ' || partner_id from lead where id = ?")
                .param(id).query(String.class).single()).isEqualTo("Jane Roe jane@example.com CA Toronto " + partner);
        assertThat(admin.form("/leads/" + id, "companyName=Stale&version=1").body()).as("a stale version").contains("role=\"alert\"");

        // its next steps, taken on its page, come back to it
        assertThat(admin.form("/leads/" + id + "/qualify", "version=2&from=page").status()).isEqualTo(302);
        assertThat(admin.form("/leads/" + id + "/convert", "version=3&amount=1500&currency=USD&from=page").status()).isEqualTo(302);
        long deal = jdbc.sql("select id from opportunity where lead_id = ?").param(id).query(Long.class).single();
        assertThat(admin.get("/leads/" + id).body()).contains("Converted", "/deals/" + deal + "\"");
        assertThat(admin.get("/deals/" + deal).body()).as("the deal links back to its lead").contains("/leads/" + id + "\"");

        Api user = admin.newPartnerUser(partner, "leader");
        assertThat(user.get("/leads/" + id).body()).contains(company).doesNotContain("name=\"owner\"", "/audit?");
        long rival = fixtures.activePartner("US", "GOLD");
        long theirs = admin.post("/api/v1/leads?partnerId=" + rival, "{\"companyName\": \"Rival lead\", \"country\": \"US\"}").id();
        assertThat(user.get("/leads/" + theirs).status()).isEqualTo(404);
        assertThat(user.form("/leads/" + theirs, "companyName=Mine&version=0").status()).isEqualTo(404);
        assertThat(jdbc.sql("select company_name from lead where id = ?").param(theirs).query(String.class).single()).isEqualTo("Rival lead");
    }
}
