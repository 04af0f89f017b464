package io.partnerpulse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The tier requirements over HTTP and on their page, and where partners made by hand stand against them. */
@PartnerPulseIntegrationTest
class TierSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private JsonNode standingOf(Api as, long partner) {
        for (JsonNode s : as.get("/api/v1/tiers/standings").json()) {
            if (s.get("partnerId").asLong() == partner) {
                return s;
            }
        }
        return null;
    }

    private void won(Api api, long partner, String amount, Instant at) {
        Api.Response deal = api.post("/api/v1/opportunities", """
                {"name": "%s", "amount": %s, "currency": "USD", "partnerId": %d, "createdAt": "%s"}"""
                .formatted(Fixtures.unique("Tier deal"), amount, partner, at.minus(5, ChronoUnit.DAYS)));
        api.post("/api/v1/opportunities/" + deal.id() + "/win", "{\"at\": \"" + at + "\"}", deal.etag());
    }

    @Test
    void measuresEachActivePartnerAgainstItsTiersRequirements() throws InterruptedException {
        Api api = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        long gold = fixtures.activePartner("US", "GOLD");
        long registered = fixtures.activePartner("US", "REGISTERED");
        Instant now = Instant.now();
        // the brief's two deals: 200 and 400 won within 15 days; one won 13 months ago does not count
        won(api, gold, "200.00", now.minus(20, ChronoUnit.DAYS));
        won(api, gold, "400.00", now.minus(5, ChronoUnit.DAYS));
        won(api, gold, "90000.00", now.minus(400, ChronoUnit.DAYS));
        Eventually.until(() -> {
            JsonNode s = standingOf(api, gold);
            return s != null && s.get("wonDeals").asLong() == 2;
        });
        JsonNode standing = standingOf(api, gold);
        assertThat(standing.get("status").asString()).isEqualTo("BELOW");
        assertThat(standing.get("wonRevenue").decimalValue()).isEqualByComparingTo("600");
        assertThat(standing.get("revenueShort").decimalValue()).as("gold asks 300,000: 299,400 short").isEqualByComparingTo("299400");
        assertThat(standing.get("dealsShort").asLong()).as("and 12 deals: 10 short").isEqualTo(10);
        assertThat(standingOf(api, registered).get("status").asString()).as("the first tier asks nothing").isEqualTo("MEETS");

        Api browserUser = api.newPartnerUser(gold, "tier user");
        Api user = browserUser.withToken();
        JsonNode own = user.get("/api/v1/tiers/standings").json();
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("partnerId").asLong()).isEqualTo(gold);
        assertThat(user.get("/api/v1/tiers/standings?partnerId=" + registered).status()).isEqualTo(403);
        assertThat(browserUser.get("/tiers").status()).isEqualTo(403);
        assertThat(browserUser.get("/partners/" + gold).body()).contains("Tier standing over the last 12 months: Below its tier: $299,400 and 10 deals short");

        String page = Api.admin(port).get("/tiers?status=BELOW").body();
        assertThat(page).contains("data-id=\"" + gold + "\"").doesNotContain("data-id=\"" + registered + "\"");
        assertThat(Api.admin(port).get("/tiers?status=nonsense").status()).isEqualTo(200);
    }

    @Test
    void keepsTheTiersALadderWhenTheirRequirementsChange() {
        Api api = new Api(port);
        JsonNode tiers = api.get("/api/v1/tiers").json();
        assertThat(tiers.get(0).get("tier").asString()).isEqualTo("PLATINUM");
        JsonNode gold = tiers.get(1);
        String version = "\"" + gold.get("version").asLong() + "\"";
        try {
            Api.Response above = api.put("/api/v1/tiers/GOLD", """
                    {"minWonRevenue": 800000.01, "minWonDeals": 26, "months": 12}""", version);
            assertThat(above.status()).isEqualTo(422);
            assertThat(Api.invalidFields(above)).containsExactly("minWonRevenue", "minWonDeals");
            Api.Response below = api.put("/api/v1/tiers/GOLD", """
                    {"minWonRevenue": 99999.99, "minWonDeals": 3, "months": 12}""", version);
            assertThat(below.body()).contains("must not be less than SILVER's 100000.00");
            assertThat(api.put("/api/v1/tiers/GOLD", "{\"minWonRevenue\": 1, \"minWonDeals\": 4, \"months\": 37}", version).status()).isEqualTo(422);
            Api.Response saved = api.put("/api/v1/tiers/GOLD", """
                    {"minWonRevenue": 750000, "minWonDeals": 20, "months": 9}""", version);
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("months").asInt()).isEqualTo(9);
            assertThat(api.put("/api/v1/tiers/GOLD", "{\"minWonRevenue\": 700000, \"minWonDeals\": 20, \"months\": 9}", version).status())
                    .as("at the version read").isEqualTo(409);
            assertThat(api.get("/api/v1/audit?entityType=tier&entityId=GOLD").json().get("items").size()).isPositive();

            Api admin = Api.admin(port);
            long shown = saved.json().get("version").asLong();
            assertThat(admin.form("/tiers/GOLD", "minWonRevenue=lots&minWonDeals=12&months=9&version=" + shown).status()).isEqualTo(302);
            assertThat(admin.form("/tiers/GOLD", "minWonRevenue=600000&minWonDeals=12&months=99&version=" + shown).status()).isEqualTo(302);
            assertThat(api.get("/api/v1/tiers").json().get(1).get("minWonRevenue").decimalValue()).isEqualByComparingTo("750000");
            assertThat(admin.form("/tiers/GOLD", "minWonRevenue=600000&minWonDeals=12&months=6&version=" + shown).status()).isEqualTo(302);
            assertThat(api.get("/api/v1/tiers").json().get(1).get("months").asInt()).isEqualTo(6);
            String email = Fixtures.unique("tier analyst").replace(" ", "") + "@staff.example";
            admin.post("/api/v1/users", """
                    {"email": "%s", "displayName": "Reader", "role": "ANALYST", "password": "analyst-password-1"}""".formatted(email));
            Api analyst = new Api(port, Api.basic(email, "analyst-password-1"));
            assertThat(analyst.get("/tiers").status()).isEqualTo(200);
            assertThat(analyst.get("/tiers").body()).doesNotContain("name=\"minWonRevenue\"");
            assertThat(analyst.form("/tiers/GOLD", "minWonRevenue=1&minWonDeals=1&months=1&version=" + (shown + 1)).status()).isEqualTo(403);
            assertThat(analyst.put("/api/v1/tiers/GOLD", "{\"minWonRevenue\": 1, \"minWonDeals\": 4, \"months\": 1}", "\"" + (shown + 1) + "\"").status())
                    .isEqualTo(403);
        } finally {
            jdbc.sql("update partner_tier set min_won_revenue = 300000, min_won_deals = 12, requirement_months = 12 where code = 'GOLD'").update();
        }
    }
}
