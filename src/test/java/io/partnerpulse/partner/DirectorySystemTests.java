package io.partnerpulse.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The public partner directory and each partner's listing in it. */
@PartnerPulseIntegrationTest
class DirectorySystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String nameOf(long partner) {
        return jdbc.sql("select name from partner where id = :p").param("p", partner).query(String.class).single();
    }

    @Test
    void showsAnyoneTheListedActivePartnersOnlyWithWhatTheyWroteAndTheirCertifications() {
        Api api = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        long listed = fixtures.activePartner("PK", "GOLD");
        long unlisted = fixtures.activePartner("PK", "GOLD");
        long inactive = fixtures.activePartner("PK", "GOLD");
        Api.Response listing = api.put("/api/v1/partners/" + listed + "/listing", """
                {"listed": true, "website": "https://lahore-systems.example", "summary": "Cloud migrations for retailers in Punjab."}""", "\"0\"");
        assertThat(listing.status()).as(listing.body()).isEqualTo(200);
        api.put("/api/v1/partners/" + inactive + "/listing", "{\"listed\": true, \"summary\": \"Gone quiet\"}", "\"0\"");
        jdbc.sql("update partner set status = 'INACTIVE' where id = :p").param("p", inactive).update();
        api.put("/api/v1/partners/" + unlisted + "/listing", "{\"summary\": \"Not yet shown\"}", "\"0\"");
        api.post("/api/v1/certifications", """
                {"partnerId": %d, "personName": "Private Person", "name": "Solutions Architect", "earnedOn": "2026-01-05"}""".formatted(listed));

        Api.Response page = Api.anonymous(port).get("/directory?country=PK");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(nameOf(listed), "Cloud migrations for retailers in Punjab.", "https://lahore-systems.example",
                "rel=\"nofollow noopener noreferrer\"", "Solutions Architect")
                .doesNotContain(nameOf(unlisted), nameOf(inactive), "Private Person", "Not yet shown", "Gone quiet");
        assertThat(Api.anonymous(port).get("/directory?q=retailers+in+punjab").body()).contains(nameOf(listed));
        assertThat(Api.anonymous(port).get("/directory?tier=SILVER&country=PK").body()).doesNotContain(nameOf(listed));
        assertThat(Api.anonymous(port).get("/directory?lang=ur").body()).contains("پارٹنر تلاش کریں");
        assertThat(Api.anonymous(port).get("/directory?tier=BOGUS&page=-1&country=" + "x".repeat(500) + "&q=" + "y".repeat(500)).status())
                .isEqualTo(200);
        assertThat(Api.anonymous(port).get("/directory?q=%00").status()).isLessThan(500);
        assertThat(Api.anonymous(port).get("/partners/" + listed + "/listing").status()).as("the listing form is not public").isNotEqualTo(200);

        Api.Response json = Api.anonymous(port).get("/directory.json?country=PK");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.json().get("items").findValuesAsString("name")).contains(nameOf(listed)).doesNotContain(nameOf(unlisted), nameOf(inactive));
        assertThat(json.body()).contains("Solutions Architect", "https://lahore-systems.example").doesNotContain("Private Person");
    }

    @Test
    void aPartnersUsersWriteTheirOwnListingButOnlyTheTeamListsIt() {
        Api api = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        long own = fixtures.activePartner("US", "SILVER");
        long other = fixtures.activePartner("US", "SILVER");
        Api user = api.newPartnerUser(own, "lister");

        Api.Response written = user.put("/api/v1/partners/" + own + "/listing", "{\"website\": \"http://own.example/about\", \"summary\": \"We install.\"}",
                "\"0\"");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().get("listed").asBoolean()).isFalse();
        Api.Response listing = user.put("/api/v1/partners/" + own + "/listing", "{\"listed\": true}", "\"1\"");
        assertThat(listing.status()).as("the team lists partners").isEqualTo(403);
        assertThat(user.get("/api/v1/partners/" + other + "/listing").status()).isEqualTo(404);
        assertThat(user.put("/api/v1/partners/" + other + "/listing", "{\"summary\": \"Hijacked\"}", "\"0\"").status()).isEqualTo(404);
        assertThat(user.form("/partners/" + other + "/listing", "summary=Hijacked&version=0").status()).isEqualTo(404);

        Api.Response script = user.put("/api/v1/partners/" + own + "/listing", "{\"website\": \"javascript:alert(1)\"}", "\"1\"");
        assertThat(script.status()).isEqualTo(422);
        assertThat(Api.invalidFields(script)).containsExactly("website");
        assertThat(Api.invalidFields(user.put("/api/v1/partners/" + own + "/listing", "{\"summary\": \"%s\"}".formatted("x".repeat(1001)), "\"1\"")))
                .containsExactly("summary");
        assertThat(user.put("/api/v1/partners/" + own + "/listing", "{\"summary\": \"Stale\"}", "\"0\"").status()).isEqualTo(409);
        assertThat(user.put("/api/v1/partners/" + own + "/listing", "{\"summary\": \"No version\"}", null).status()).isEqualTo(428);

        Api.Response page = user.form("/partners/" + own + "/listing", "website=ftp%3A%2F%2Fnope&summary=We+install.&version=1");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("must be a web address starting with https:// or http://");
        assertThat(user.form("/partners/" + own + "/listing", "website=&summary=We+install+and+train.&listed=true&version=1").status())
                .as("a partner user's box is ignored, its words kept").isEqualTo(302);
        assertThat(api.get("/api/v1/partners/" + own + "/listing").json().get("listed").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/partners/" + own + "/listing").json().get("summary").asString()).isEqualTo("We install and train.");
        assertThat(api.get("/api/v1/partners/" + own + "/listing").json().get("website").isNull()).as("emptied").isTrue();

        assertThat(Api.admin(port).form("/partners/" + own + "/listing", "website=https%3A%2F%2Fown.example&summary=We+install.&listed=true&version=2")
                .status()).isEqualTo(302);
        assertThat(api.get("/api/v1/partners/" + own + "/listing").json().get("listed").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/audit?entityType=partner&entityId=" + own).json().get("items").findValuesAsString("action"))
                .contains("partner.listing-changed");
    }
}
