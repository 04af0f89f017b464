package io.partnerpulse.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two-tier distribution: a distributor and the resellers buying through it, kept to two tiers; the
 * distributor's users see their resellers' numbers (and nothing else of theirs), a reseller sees
 * nothing of its distributor or of the other resellers.
 */
@PartnerPulseIntegrationTest
class DistributionSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    long distributor;
    long first;
    long second;
    long outsider;

    @BeforeEach
    void aDistributorWithTwoResellersAndAPartnerOutside() {
        admin = Api.admin(port);
        Fixtures fixtures = new Fixtures(jdbc);
        distributor = fixtures.activePartner("US", "PLATINUM");
        first = fixtures.activePartner("US", "SILVER");
        second = fixtures.activePartner("US", "REGISTERED");
        outsider = fixtures.activePartner("US", "GOLD");
        assertThat(distribute(distributor, true, null).status()).isEqualTo(200);
        assertThat(distribute(first, false, distributor).status()).isEqualTo(200);
        assertThat(distribute(second, false, distributor).status()).isEqualTo(200);
    }

    private Api.Response distribute(long partner, boolean isDistributor, Long by) {
        long version = admin.get("/api/v1/partners/" + partner).version();
        return admin.put("/api/v1/partners/" + partner + "/distribution",
                "{\"distributor\": %s, \"distributorId\": %s}".formatted(isDistributor, by), "\"" + version + "\"");
    }

    private List<String> ids(Api.Response response) {
        return response.json().get("items").valueStream().map(p -> p.get("id").asString()).toList();
    }

    private void wonDeal(long partner, String name, String amount) {
        Api.Response deal = admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": %s, "currency": "USD", "partnerId": %d}""".formatted(name, amount, partner));
        assertThat(admin.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag()).status()).isEqualTo(200);
    }

    private String name(long partner) {
        return jdbc.sql("select name from partner where id = :p").param("p", partner).query(String.class).single();
    }

    @Test
    void listsADistributorsResellersAndSaysWhomAResellerBuysThrough() {
        JsonNode firstView = admin.get("/api/v1/partners/" + first).json();
        assertThat(firstView.get("distributorId").asLong()).isEqualTo(distributor);
        assertThat(firstView.get("distributor").asBoolean()).isFalse();
        assertThat(admin.get("/api/v1/partners/" + distributor).json().get("distributor").asBoolean()).isTrue();
        assertThat(ids(admin.get("/api/v1/partners/" + distributor + "/resellers")))
                .containsExactlyInAnyOrder(Long.toString(first), Long.toString(second));
        assertThat(admin.get("/api/v1/partners?distributorId=" + distributor).json().get("total").asLong()).isEqualTo(2);
        assertThat(ids(admin.get("/api/v1/partners/" + outsider + "/resellers"))).isEmpty();

        String page = admin.get("/partners/" + first).body();
        assertThat(page).contains("Buys through", name(distributor));
        assertThat(admin.get("/partners/" + distributor).body()).contains("A distributor: 2 resellers");
        assertThat(admin.get("/partners?q=" + name(distributor).replace(" ", "+")).body())
                .contains("/partners/" + distributor + "/resellers", ">Distributor</a>");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'partner.distribution-changed' and entity_id = :p")
                .param("p", Long.toString(first)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void keepsToTwoTiersNamingTheFieldAndKeepsADistributorWithResellers() {
        long another = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api.Response throughAReseller = distribute(another, false, first);
        assertThat(throughAReseller.status()).isEqualTo(422);
        assertThat(Api.invalidFields(throughAReseller)).containsExactly("distributorId");
        assertThat(throughAReseller.body()).contains("is not a distributor");

        Api.Response itself = distribute(distributor, true, distributor);
        assertThat(Api.invalidFields(itself)).containsExactly("distributorId");
        Api.Response distributorBuyingThrough = distribute(another, true, distributor);
        assertThat(Api.invalidFields(distributorBuyingThrough)).containsExactly("distributorId");
        Api.Response nobody = distribute(another, false, 987654321L);
        assertThat(Api.invalidFields(nobody)).containsExactly("distributorId");

        Api.Response unmark = distribute(distributor, false, null);
        assertThat(unmark.status()).isEqualTo(409);
        assertThat(unmark.json().get("code").asString()).isEqualTo("partner.has-resellers");
        assertThat(admin.get("/api/v1/partners/" + distributor).json().get("distributor").asBoolean()).isTrue();

        long omitted = admin.get("/api/v1/partners/" + another).version();
        assertThat(admin.put("/api/v1/partners/" + another + "/distribution", "{\"distributorId\": %d}".formatted(distributor),
                "\"" + omitted + "\"").status()).as("an absent flag means no distributor").isEqualTo(200);
        assertThat(distribute(another, false, null).status()).isEqualTo(200);
        Api.Response stale = admin.put("/api/v1/partners/" + another + "/distribution", "{\"distributor\": true}", "\"99\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(admin.put("/api/v1/partners/" + another + "/distribution", "{\"distributor\": \"maybe\"}", "\"0\"").status())
                .isEqualTo(422);

        // the schema keeps the same rules for whatever else writes
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update partner set distributor_id = :d where id = :p")
                .param("d", first).param("p", another).update()).hasMessageContaining("is not a distributor");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update partner set distributor = false where id = :p")
                .param("p", distributor).update()).hasMessageContaining("has resellers");

        // once its resellers buy elsewhere or direct, it may stop being one
        assertThat(distribute(first, false, null).status()).isEqualTo(200);
        assertThat(distribute(second, false, null).status()).isEqualTo(200);
        assertThat(distribute(distributor, false, null).status()).isEqualTo(200);
    }

    @Test
    void aDistributorsUsersSeeTheirResellersNumbersButNeitherTheirDealsNorOtherPartners() throws Exception {
        wonDeal(distributor, "Own deal", "1000");
        wonDeal(first, "First's deal", "250");
        wonDeal(first, "First's second deal", "350");
        wonDeal(outsider, "Outsider's deal", "900");
        Api user = admin.newPartnerUser(distributor, "distributor user");
        String channel = "/api/v1/kpis?from=2020-01-01&to=2030-01-01&groupBy=partner&distributorId=" + distributor;
        Eventually.until(() -> revenueOf(user.get(channel).json(), first) != null
                && revenueOf(user.get(channel).json(), first).compareTo(new java.math.BigDecimal("600")) == 0);

        JsonNode rows = user.get(channel).json().get("groups");
        assertThat(rows.findValuesAsString("key")).containsExactlyInAnyOrder(Long.toString(distributor), Long.toString(first),
                Long.toString(second));
        assertThat(revenueOf(user.get(channel).json(), distributor)).isEqualByComparingTo("1000.00");
        assertThat(user.get("/api/v1/kpis?from=2020-01-01&to=2030-01-01&partnerId=" + first).status()).isEqualTo(200);
        // what it sees without asking stays its own
        assertThat(user.get("/api/v1/kpis?from=2020-01-01&to=2030-01-01&groupBy=partner").json().get("groups").findValuesAsString("key"))
                .containsExactly(Long.toString(distributor));
        assertThat(user.get("/api/v1/kpis?from=2020-01-01&to=2030-01-01&partnerId=" + outsider).status()).isEqualTo(403);
        assertThat(user.get("/api/v1/kpis?from=2020-01-01&to=2030-01-01&distributorId=" + outsider).status()).isEqualTo(403);
        assertThat(user.get("/api/v1/opportunities?partnerId=" + first).status()).as("its resellers' deals stay theirs").isEqualTo(403);
        assertThat(user.get("/api/v1/kpis/wonRevenue/records?from=2020-01-01&to=2030-01-01&partnerId=" + first).status())
                .as("and so do the customers behind their numbers").isEqualTo(403);
        assertThat(user.get("/api/v1/kpis/wonRevenue/records?from=2020-01-01&to=2030-01-01&distributorId=" + distributor).status())
                .isEqualTo(403);
        assertThat(user.get("/api/v1/kpis/wonRevenue/records?from=2020-01-01&to=2030-01-01").body()).contains("Own deal")
                .doesNotContain("First's deal");
        assertThat(user.get("/api/v1/partners/" + first).status()).isEqualTo(404);
        assertThat(ids(user.get("/api/v1/partners/" + distributor + "/resellers")))
                .containsExactlyInAnyOrder(Long.toString(first), Long.toString(second));

        String page = user.get("/partners/" + distributor + "/resellers?period=custom&from=2020-01-01&through=2029-12-31").body();
        assertThat(page).contains(name(first), name(second), "chart-resellers").doesNotContain(name(outsider), "Outsider");
        assertThat(user.get("/").body()).as("the header links its resellers").contains("/partners/" + distributor + "/resellers");
        assertThat(user.get(channel + "&format=csv").body()).contains(name(first)).doesNotContain(name(outsider));

        // the channel on the dashboard: its numbers and charts, not the records behind them
        String dashboard = "/?period=custom&from=2020-01-01&through=2029-12-31&distributorId=" + distributor;
        assertThat(page).as("the resellers page links the channel's dashboard for the same period")
                .contains("class=\"channel-dashboard\" href=\"/?period=custom&amp;from=2020-01-01&amp;to=2030-01-01&amp;distributorId=" + distributor + "\"");
        String channelPage = user.get(dashboard).body();
        assertThat(channelPage).contains("the channel of " + name(distributor), "$1,600").doesNotContain("/dashboard/records");
        assertThat(channelPage).as("another period chosen on the page stays on the channel")
                .contains("<input type=\"hidden\" name=\"distributorId\" value=\"" + distributor + "\">");
        assertThat(user.get("/dashboard/series?period=custom&from=2020-01-01&to=2030-01-01&distributorId=" + distributor).status())
                .isEqualTo(200);
        assertThat(user.get("/?period=custom&from=2020-01-01&through=2029-12-31").body()).contains("$1,000").doesNotContain("$1,600");
        String staffView = admin.get(dashboard).body();
        assertThat(staffView).contains("the channel of " + name(distributor), "$1,600", "/dashboard/records");
        assertThat(staffView).as("staff pick a distributor's channel on the dashboard's form")
                .contains("<select name=\"distributorId\">", "<option value=\"" + distributor + "\" selected=\"selected\">" + name(distributor))
                .doesNotContain("<input type=\"hidden\" name=\"distributorId\"");
        assertThat(admin.get("/pivot?rows=partner&distributorId=" + distributor).body()).contains("<select name=\"distributorId\">");

        // the second reseller sold nothing while the first did: the distributor's plan says so, to it as to staff
        String plan = "/api/v1/recommendations?scope=partner&id=" + distributor + "&from=2020-01-01&to=2030-01-01";
        assertThat(user.get(plan).body()).contains("distributor-idle-resellers",
                "1 of the 2 resellers buying through " + name(distributor) + " sold nothing in the period: " + name(second));
        assertThat(admin.get(plan).body()).contains("distributor-idle-resellers");

        // the channel's scorecard: its numbers and the distributor's plan
        var pdf = user.download("/partners/" + distributor + "/channel-scorecard.pdf?period=custom&from=2020-01-01&to=2030-01-01");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(io.partnerpulse.support.Pdfs.text(pdf.body())).contains("Scorecard: The channel of " + name(distributor), "1,600",
                "1 of the 2 resellers buying through").doesNotContain(name(outsider));
        assertThat(staffView).contains("/partners/" + distributor + "/channel-scorecard.pdf?").doesNotContain("/reports?subject=program");
        assertThat(admin.download("/api/v1/scorecards/distributor/" + outsider).statusCode()).as("no distributor").isEqualTo(404);

        // and e-mailed on a schedule, sent now to see it
        Api.Response subscribed = user.post("/api/v1/report-subscriptions", """
                {"name": "Our channel", "scope": "distributor", "scopeId": %d, "frequency": "MONTHLY", "recipients": ["channel@example.com"]}"""
                .formatted(distributor));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        assertThat(subscribed.json().get("subject").asString()).isEqualTo(name(distributor));
        assertThat(user.post("/api/v1/report-subscriptions/" + subscribed.id() + "/send", "{}").status()).isIn(200, 201, 202);
        assertThat(user.get("/reports").body()).contains("Distributor&#39;s channel");
        Api.Response notADistributor = admin.post("/api/v1/report-subscriptions", """
                {"name": "No channel", "scope": "distributor", "scopeId": %d, "frequency": "MONTHLY", "recipients": ["x@example.com"]}"""
                .formatted(outsider));
        assertThat(Api.invalidFields(notADistributor)).containsExactly("scopeId");
    }

    @Test
    void aResellerSeesNothingOfItsDistributorOrTheOtherResellers() {
        wonDeal(distributor, "Distributor's own deal", "1000");
        wonDeal(second, "Second's deal", "300");
        Api user = admin.newPartnerUser(first, "reseller user");
        for (String path : List.of("/api/v1/kpis?from=2020-01-01&to=2030-01-01&partnerId=" + second,
                "/api/v1/kpis?from=2020-01-01&to=2030-01-01&partnerId=" + distributor,
                "/api/v1/kpis?from=2020-01-01&to=2030-01-01&distributorId=" + distributor,
                "/api/v1/kpis/pivot?from=2020-01-01&to=2030-01-01&rows=partner&columns=quarter&distributorId=" + distributor,
                "/api/v1/opportunities?partnerId=" + second)) {
            assertThat(user.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(user.get("/api/v1/partners/" + distributor + "/resellers").status()).isEqualTo(404);
        assertThat(user.get("/partners/" + distributor + "/resellers").status()).isEqualTo(404);
        assertThat(user.get("/partners/" + first + "/resellers").body()).contains("is not a distributor").doesNotContain(name(second));
        assertThat(user.get("/").body()).doesNotContain("/resellers");
        assertThat(user.get("/?distributorId=" + distributor).status()).isEqualTo(403);
        assertThat(user.download("/partners/" + distributor + "/channel-scorecard.pdf").statusCode()).isEqualTo(404);
        assertThat(Api.invalidFields(user.post("/api/v1/report-subscriptions", """
                {"name": "Theirs", "scope": "distributor", "scopeId": %d, "frequency": "MONTHLY", "recipients": ["r@example.com"]}"""
                .formatted(distributor)))).containsExactly("scopeId");
        assertThat(user.put("/api/v1/partners/" + first + "/distribution", "{\"distributor\": false}", "\"1\"").status()).isEqualTo(403);
    }

    @Test
    void theEditPageSetsTheDistributorTypedByNameAndSaysWhyItRefuses() {
        long another = new Fixtures(jdbc).activePartner("US", "GOLD");
        long version = admin.get("/api/v1/partners/" + another).version();
        String typed = name(distributor).replace(" ", "+");
        Api.Response saved = admin.form("/partners/" + another + "/distribution", "buysThrough=" + typed + "&version=" + version);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(admin.get("/api/v1/partners/" + another).json().get("distributorId").asLong()).isEqualTo(distributor);

        Api.Response unknown = admin.form("/partners/" + another + "/distribution", "buysThrough=Nobody+at+all&version=" + (version + 1));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("No partner is named “Nobody at all”.");
        Api.Response reseller = admin.form("/partners/" + another + "/distribution",
                "buysThrough=" + name(first).replace(" ", "+") + "&version=" + (version + 1));
        assertThat(reseller.body()).contains("is not a distributor");
        assertThat(admin.form("/partners/" + another + "/distribution", "distributor=maybe&version=x").status()).isLessThan(500);
        assertThat(admin.get("/partners/" + another + "/edit").body()).contains("Two-tier distribution", name(distributor));
    }

    private static java.math.BigDecimal revenueOf(JsonNode report, long partner) {
        for (JsonNode group : report.get("groups")) {
            if (group.get("key").asString().equals(Long.toString(partner))) {
                return group.get("kpis").get("wonRevenue").get("value").decimalValue();
            }
        }
        return null;
    }
}
