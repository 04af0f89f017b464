package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The header's search: a word finds partners, deals, leads, accounts and employees; a partner user only its own. */
@PartnerPulseIntegrationTest
class SearchPageSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void findsEveryKindOfRecordByAWordOfItsNameAndAPartnerUserOnlyItsOwn() {
        Api admin = Api.admin(port);
        Fixtures fixtures = new Fixtures(jdbc);
        String word = "Zyx" + Fixtures.unique("").strip().replace(" ", "");
        long own = fixtures.activePartner("US", "GOLD");
        long rival = fixtures.activePartner("US", "GOLD");
        jdbc.sql("update partner set name = ? where id = ?").param(word + " Own Partner").param(own).update();
        jdbc.sql("update partner set name = ? where id = ?").param(word + " Rival Partner").param(rival).update();
        long ownDeal = admin.post("/api/v1/opportunities", "{\"name\": \"%s own deal\", \"amount\": 5, \"currency\": \"USD\", \"partnerId\": %d}"
                .formatted(word, own)).id();
        long rivalDeal = admin.post("/api/v1/opportunities", "{\"name\": \"%s rival deal\", \"amount\": 5, \"currency\": \"USD\", \"partnerId\": %d}"
                .formatted(word, rival)).id();
        long lead = admin.post("/api/v1/leads?partnerId=" + own, "{\"companyName\": \"%s lead\", \"country\": \"US\"}".formatted(word)).id();
        long account = admin.post("/api/v1/accounts", "{\"name\": \"%s account\"}".formatted(word)).id();

        String found = admin.get("/search?q=" + word.toLowerCase()).body();
        assertThat(found).contains("/partners/" + own + "\"", "/partners/" + rival + "\"", "/deals/" + ownDeal + "\"", "/deals/" + rivalDeal + "\"",
                "/leads/" + lead + "\"", "/accounts/" + account + "\"", "Deals (2)");
        assertThat(admin.get("/search?q=nothing-is-named-this-" + word).body()).contains("Nothing is named");
        assertThat(admin.get("/search?q=").status()).isEqualTo(200);

        Api user = admin.newPartnerUser(own, "searcher");
        String theirs = user.get("/search?q=" + word).body();
        assertThat(theirs).contains("/deals/" + ownDeal + "\"", "/leads/" + lead + "\"", "/partners/" + own + "\"")
                .doesNotContain("rival deal", "Rival Partner", "/accounts/");
    }
}
