package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each person arranges their own dashboard: which cards and charts, in which order, with or without follow-ups and plan. */
@PartnerPulseIntegrationTest
class DashboardLayoutSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static int at(String page, String text) {
        return page.indexOf(text);
    }

    @Test
    void aPartnersOwnDashboardCountsOneScoredPartnerInTheSingular() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        assertThat(new Api(port).newPartnerUser(partner, "counting user").get("/").body()).contains("1 active partner scored")
                .doesNotContain("1 active partners");
    }

    @Test
    void showsTheCardsAndChartsItsReaderChoseInTheirOrderAndOnlyForThem() {
        Api api = new Api(port);
        Api analyst = api.newUser("ANALYST", "arranging analyst");
        Api other = api.newUser("ANALYST", "standard analyst");
        String standard = analyst.get("/").body();
        assertThat(standard).contains("data-kpi=\"averageDealSize\"", "data-kpi=\"dealSuccess\"", "id=\"chart-revenue\"", "id=\"chart-seasonality\"");
        assertThat(at(standard, "data-kpi=\"averageDealSize\"")).isLessThan(at(standard, "data-kpi=\"closeRate\""));

        // close rate first, then average deal size; the funnel before revenue; the rest off; no plan
        Api.Response saved = analyst.form("/dashboard/layout", "card=averageDealSize&card=closeRate&card.closeRate=1&card.averageDealSize=2"
                + "&card.dealCount=1&chart=revenue&chart=funnel&chart.funnel=1&chart.revenue=5&chart=nonsense&card=bogus&followUps=true");
        assertThat(saved.status()).as("an analyst arranges its own page").isEqualTo(302);
        String arranged = analyst.get("/").body();
        assertThat(arranged).contains("data-kpi=\"closeRate\"", "data-kpi=\"averageDealSize\"", "id=\"chart-funnel\"", "id=\"chart-revenue\"")
                .doesNotContain("data-kpi=\"dealCount\"", "data-kpi=\"pipeline\"", "id=\"chart-velocity\"", "id=\"chart-seasonality\"");
        assertThat(at(arranged, "data-kpi=\"closeRate\"")).isLessThan(at(arranged, "data-kpi=\"averageDealSize\""));
        assertThat(at(arranged, "id=\"chart-funnel\"")).isLessThan(at(arranged, "id=\"chart-revenue\""));
        assertThat(other.get("/").body()).as("only its reader's changes").contains("data-kpi=\"dealCount\"", "id=\"chart-velocity\"");
        String form = analyst.get("/dashboard/layout").body();
        assertThat(form).contains("name=\"card.closeRate\" value=\"1\"", "name=\"card.averageDealSize\" value=\"2\"");

        assertThat(analyst.form("/dashboard/layout", "followUps=true").status()).isEqualTo(302);
        assertThat(analyst.get("/").body()).as("nothing chosen: no cards, no charts").doesNotContain("data-kpi=", "id=\"charts\"");
        assertThat(analyst.form("/dashboard/layout", "reset=true").status()).isEqualTo(302);
        assertThat(analyst.get("/").body()).contains("data-kpi=\"dealCount\"", "id=\"chart-seasonality\"");
        assertThat(Api.anonymous(port).form("/dashboard/layout", "reset=true").status()).as("signed in only").isIn(302, 401, 403);
    }

    @Test
    void hidesTheFollowUpsDueWhenItsReaderTookThemOff() {
        Api api = new Api(port);
        Api manager = api.newUser("CHANNEL_MANAGER", "busy manager");
        String title = Fixtures.unique("Call the reseller");
        assertThat(manager.post("/api/v1/tasks", "{\"title\": \"%s\", \"dueOn\": \"2020-01-01\"}".formatted(title)).status()).isEqualTo(201);
        assertThat(manager.get("/").body()).contains(title);
        manager.form("/dashboard/layout", "card=dealCount&chart=revenue&plan=true");
        assertThat(manager.get("/").body()).doesNotContain(title).contains("data-kpi=\"dealCount\"");
        assertThat(jdbc.sql("select follow_ups from dashboard_layout d join app_user u on u.id = d.user_id where u.display_name = 'busy manager'")
                .query(Boolean.class).list()).containsOnly(false);
    }
}
