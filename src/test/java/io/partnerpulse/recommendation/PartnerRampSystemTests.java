package io.partnerpulse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * How fast partners start selling, against dates worked out by hand:
 *
 * <pre>
 *   A  joined 2019-01-01  first lead 2019-01-11 (10 days)  registration 2019-01-21 (20)  won 2019-02-15 (45)
 *   B  joined 2019-01-15  first lead 2019-02-14 (30 days)  no registration, nothing won           → slow to start
 *   D  joined 2019-02-01  terminated, nothing                                                      → not counted slow
 *   C  joined 2018-06-01  nothing at all                                                           → slow to start
 *   2019-Q1: 3 partners joined, 1 registered (33.33%), 1 won (33.33%), median days to the first win 45
 * </pre>
 */
@PartnerPulseIntegrationTest
class PartnerRampSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    // made once for the class: the tests share one database, and the quarter's cohort counts every partner in it
    static long a;
    static long b;
    static long c;
    static long d;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        if (a != 0) {
            return;
        }
        Fixtures fixtures = new Fixtures(jdbc);
        a = joined(fixtures.activePartner("US", "GOLD"), "2019-01-01", "ACTIVE");
        b = joined(fixtures.activePartner("US", "SILVER"), "2019-01-15", "ACTIVE");
        c = joined(fixtures.activePartner("US", "REGISTERED"), "2018-06-01", "ONBOARDING");
        d = joined(fixtures.activePartner("US", "REGISTERED"), "2019-02-01", "TERMINATED");
        lead(a, "2019-01-11T10:00:00Z");
        lead(a, "2019-03-01T10:00:00Z");
        lead(b, "2019-02-14T23:30:00Z");
        jdbc.sql("""
                insert into deal_registration (partner_id, customer_name, submitted_at, expires_at, outcome)
                values (?, 'Ramp customer', timestamptz '2019-01-21T09:00:00Z', timestamptz '2019-04-21T09:00:00Z', 'PENDING')""")
                .params(a).update();
        Api.Response deal = api.post("/api/v1/opportunities", """
                {"name": "%s", "amount": 500, "currency": "USD", "partnerId": %d, "createdAt": "2019-02-01T09:00:00Z"}"""
                .formatted(Fixtures.unique("First win"), a));
        assertThat(api.post("/api/v1/opportunities/" + deal.id() + "/win", "{\"at\": \"2019-02-15T09:00:00Z\"}", deal.etag()).status())
                .isEqualTo(200);
    }

    private long joined(long partner, String day, String status) {
        jdbc.sql("update partner set joined_on = cast(? as date), status = ? where id = ?").params(day, status, partner).update();
        return partner;
    }

    private void lead(long partner, String at) {
        jdbc.sql("""
                insert into lead (created_at, company_name, partner_id, status, status_changed_at)
                values (cast(? as timestamptz), 'Ramp lead', ?, 'NEW', cast(? as timestamptz))""").params(at, partner, at).update();
    }

    private JsonNode ramp(JsonNode ramps, long partner) {
        for (JsonNode r : ramps) {
            if (r.get("partnerId").asLong() == partner) {
                return r;
            }
        }
        return null;
    }

    @Test
    void countsTheDaysFromJoiningToTheFirstLeadRegistrationAndWin() {
        JsonNode ramps = api.get("/api/v1/onboarding?joinedFrom=2019-01-01&joinedTo=2019-04-01").json();
        JsonNode first = ramp(ramps, a);
        assertThat(first.get("firstLeadOn").asString()).isEqualTo("2019-01-11");
        assertThat(first.get("daysToFirstLead").asInt()).isEqualTo(10);
        assertThat(Api.admin(port).get("/onboarding?from=2019-01-01&through=2019-03-31").body()).as("the page says the same days")
                .contains(">10 days<", ">20 days<", ">45 days<", ">Jan 11, 2019<", ">Feb 15, 2019<");
        assertThat(first.get("daysToFirstRegistration").asInt()).isEqualTo(20);
        assertThat(first.get("firstWonOn").asString()).isEqualTo("2019-02-15");
        assertThat(first.get("daysToFirstWon").asInt()).isEqualTo(45);
        JsonNode second = ramp(ramps, b);
        assertThat(second.get("daysToFirstLead").asInt()).as("the lead's day in the organization's zone (UTC)").isEqualTo(30);
        assertThat(second.get("daysToFirstRegistration").isNull()).isTrue();
        assertThat(second.get("daysToFirstWon").isNull()).isTrue();
        assertThat(ramp(ramps, c)).as("joined in 2018: outside the period").isNull();

        JsonNode cohorts = api.get("/api/v1/onboarding/cohorts?joinedFrom=2019-01-01&joinedTo=2019-04-01").json();
        assertThat(cohorts.size()).isEqualTo(1);
        JsonNode q1 = cohorts.get(0);
        assertThat(q1.get("quarter").asString()).isEqualTo("2019-Q1");
        assertThat(q1.get("partners").asInt()).isEqualTo(3);
        assertThat(q1.get("registered").asInt()).isEqualTo(1);
        assertThat(q1.get("won").asInt()).isEqualTo(1);
        assertThat(q1.get("wonShare").decimalValue()).isEqualByComparingTo("0.3333");
        assertThat(q1.get("medianDaysToFirstWon").asInt()).isEqualTo(45);
    }

    @Test
    void namesThePartnersThatHaveWonNothingLongAfterJoiningInThePlan() {
        JsonNode slow = api.get("/api/v1/onboarding?slow=true").json();
        assertThat(slow.findValuesAsString("partnerId")).contains(String.valueOf(b), String.valueOf(c))
                .doesNotContain(String.valueOf(a), String.valueOf(d));
        Api.Response asked = api.get("/api/v1/recommendations?scope=partner&from=2026-07-01&to=2026-10-01&id=" + b);
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        JsonNode plan = asked.json();
        JsonNode advice = null;
        for (JsonNode r : plan) {
            if (r.get("kind").asString().equals("partner-slow-ramp")) {
                advice = r;
            }
        }
        assertThat(advice).as(plan.toString()).isNotNull();
        assertThat(advice.get("title").asString()).contains("joined", "days ago and has not won a deal yet");
        assertThat(advice.get("action").asString()).as("it has a lead but no registration").contains("registered no deal");
        assertThat(advice.get("severity").asString()).isEqualTo("MEDIUM");
        for (JsonNode r : api.get("/api/v1/recommendations?scope=partner&from=2026-07-01&to=2026-10-01&id=" + a).json()) {
            assertThat(r.get("kind").asString()).as("A won within its time").isNotEqualTo("partner-slow-ramp");
        }
    }

    @Test
    void isForTheOrganizationsPeopleNotForPartnerUsers() {
        Api partnerUser = api.newPartnerUser(a, "Ramping");
        assertThat(partnerUser.get("/api/v1/onboarding").status()).isEqualTo(403);
        assertThat(partnerUser.get("/api/v1/onboarding/cohorts").status()).isEqualTo(403);
        assertThat(partnerUser.get("/onboarding").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/onboarding?joinedFrom=someday").status()).isEqualTo(400);
        String page = Api.admin(port).get("/onboarding?from=2019-01-01&through=2019-03-31").body();
        assertThat(page).contains("2019-Q1", "45", "Partner onboarding");
        assertThat(Api.admin(port).get("/onboarding?from=2019-01-01&through=2019-03-31&slow=true&lang=ur").status()).isEqualTo(200);
    }
}
