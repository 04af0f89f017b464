package io.partnerpulse.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Certifications of partners' people: recorded, listed by status, kept to their partner, and counted in the tier standings. */
@PartnerPulseIntegrationTest
class CertificationSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private Api.Response add(Api as, long partner, String person, String name, LocalDate earned, LocalDate expires) {
        return as.post("/api/v1/certifications", """
                {"partnerId": %d, "personName": "%s", "name": "%s", "earnedOn": "%s", "expiresOn": %s}"""
                .formatted(partner, person, name, earned, expires == null ? "null" : "\"" + expires + "\""));
    }

    private JsonNode standingOf(Api as, long partner) {
        for (JsonNode s : as.get("/api/v1/tiers/standings?partnerId=" + partner).json()) {
            if (s.get("partnerId").asLong() == partner) {
                return s;
            }
        }
        return null;
    }

    @Test
    void listsEachCertificationByItsStatusTodayWithSixtyDaysWarning() {
        Api api = new Api(port);
        long partner = new Fixtures(jdbc).activePartner("US", "SILVER");
        LocalDate earned = TODAY.minusYears(1);
        long lasting = add(api, partner, "Ada Lasting", "Sales", earned, null).id();
        long soon = add(api, partner, "Ben Soon", "Sales", earned, TODAY.plusDays(60)).id();
        long later = add(api, partner, "Cy Later", "Sales", earned, TODAY.plusDays(61)).id();
        long endsToday = add(api, partner, "Di Today", "Sales", earned, TODAY).id();
        long ended = add(api, partner, "Ed Ended", "Sales", earned, TODAY.minusDays(1)).id();

        assertThat(ids(api, partner, "VALID")).containsExactlyInAnyOrder(lasting, later);
        assertThat(ids(api, partner, "EXPIRING")).as("ending on day 60 is within the warning").containsExactly(soon);
        assertThat(ids(api, partner, "EXPIRED")).as("the end day is the first it no longer holds").containsExactlyInAnyOrder(endsToday, ended);
        assertThat(api.get("/api/v1/certifications?partnerId=" + partner).json().get("items").findValuesAsString("personName"))
                .as("the valid ones ending soonest first (without an end after them), then the expired, the latest ended first")
                .containsExactly("Ben Soon", "Cy Later", "Ada Lasting", "Di Today", "Ed Ended");
        assertThat(api.get("/api/v1/certifications?partnerId=" + partner + "&format=csv").body()).contains("Ben Soon");
        String page = Api.admin(port).get("/certifications?partnerId=" + partner + "&status=EXPIRING").body();
        assertThat(page).contains("Ben Soon", "Expiring soon").doesNotContain("Ada Lasting");
    }

    private java.util.List<Long> ids(Api api, long partner, String status) {
        return api.get("/api/v1/certifications?partnerId=" + partner + "&status=" + status).json().get("items").valueStream()
                .map(c -> c.get("id").asLong()).toList();
    }

    @Test
    void refusesACertificationEarnedInTheFutureOrEndingBeforeItBeganNamingTheField() {
        Api api = new Api(port);
        long partner = new Fixtures(jdbc).activePartner("US", "SILVER");
        Api.Response future = add(api, partner, "Fay Future", "Sales", TODAY.plusDays(2), null);
        assertThat(future.status()).isEqualTo(422);
        assertThat(Api.invalidFields(future)).containsExactly("earnedOn");
        Api.Response backwards = add(api, partner, "Gus Backwards", "Sales", TODAY.minusDays(10), TODAY.minusDays(10));
        assertThat(Api.invalidFields(backwards)).containsExactly("expiresOn");
        Api.Response nameless = add(api, partner, " ", "", TODAY, null);
        assertThat(nameless.status()).isEqualTo(422);
        assertThat(nameless.body()).contains("personName", "name");
        Api.Response nobody = add(api, 987654321L, "Hal Nobody", "Sales", TODAY, null);
        assertThat(nobody.status()).isEqualTo(422);
        assertThat(Api.invalidFields(nobody)).containsExactly("partnerId");
        assertThat(jdbc.sql("select count(*) from certification where partner_id = :p").param("p", partner).query(Long.class).single()).isZero();

        Api.Response form = Api.admin(port).form("/certifications", "partner=&personName=&name=Sales&earnedOn=yesterday&expiresOn=");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Type the partner’s name.", "Type a date, such as 2026-12-31.");
    }

    @Test
    void answersHostileValuesOnItsPageAndApiWithoutA500() {
        Api api = new Api(port);
        Api admin = Api.admin(port);
        long partner = new Fixtures(jdbc).activePartner("US", "SILVER");
        String name = jdbc.sql("select name from partner where id = :p").param("p", partner).query(String.class).single().replace(" ", "+");
        for (String form : new String[] {
                "partner=" + name + "&personName=%00&name=Sales&earnedOn=2026-01-01",
                "partner=" + name + "&personName=" + "x".repeat(5000) + "&name=Sales&earnedOn=2026-01-01",
                "partner=" + name + "&personName=A&name=%00&earnedOn=0000-00-00&expiresOn=9999-99-99",
                "partner=%27%3B+drop+table+certification%3B--&personName=A&name=B&earnedOn=2026-01-01",
                "partner=" + name + "&personName=A&name=B&earnedOn=2026-01-01&email=not-an-email",
                "partner=" + name + "&personName=A&name=B&earnedOn=1900-01-01&expiresOn=1899-12-31"}) {
            assertThat(admin.form("/certifications", form).status()).as(form.substring(0, Math.min(90, form.length()))).isIn(200, 422);
        }
        assertThat(admin.form("/certifications/abc/remove", "version=x").status()).isLessThan(500);
        assertThat(admin.form("/certifications/99999999999/remove", "version=0").status()).isEqualTo(404);
        for (String path : new String[] {"/certifications?status=BOGUS", "/certifications?partnerId=abc", "/certifications?page=-4&q=%00",
                "/certifications?partnerId=99999999999"}) {
            assertThat(admin.get(path).status()).as(path).isLessThan(500);
        }
        for (String body : new String[] {"{\"partnerId\": %d, \"personName\": \"\\u0000\", \"name\": \"x\", \"earnedOn\": \"2026-01-01\"}",
                "{\"partnerId\": %d, \"personName\": \"A\", \"name\": \"x\", \"earnedOn\": \"yesterday\"}",
                "{\"partnerId\": %d, \"personName\": \"A\", \"name\": \"x\", \"earnedOn\": \"+99999-01-01\"}", "[%d]"}) {
            Api.Response response = api.post("/api/v1/certifications", body.formatted(partner));
            assertThat(response.status()).as(body).isBetween(400, 499);
        }
        assertThat(jdbc.sql("select count(*) from certification where partner_id = :p").param("p", partner).query(Long.class).single())
                .as("nothing half-written").isZero();
    }

    @Test
    void aPartnersUsersReadOnlyTheirOwnPartnersCertificationsAndChangeNone() {
        Api api = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        long a = fixtures.activePartner("US", "SILVER");
        long b = fixtures.activePartner("US", "SILVER");
        long ofA = add(api, a, "Ivy Own", "Sales", TODAY.minusDays(3), null).id();
        long ofB = add(api, b, "Jon Other", "Sales", TODAY.minusDays(3), null).id();
        Api userOfA = api.newPartnerUser(a, "cert user");

        assertThat(userOfA.get("/api/v1/certifications").json().get("items").findValuesAsString("personName")).containsExactly("Ivy Own");
        assertThat(userOfA.get("/api/v1/certifications/" + ofA).status()).isEqualTo(200);
        assertThat(userOfA.get("/api/v1/certifications/" + ofB).status()).isEqualTo(404);
        assertThat(userOfA.get("/api/v1/certifications?partnerId=" + b).status()).isEqualTo(404);
        assertThat(userOfA.get("/certifications").body()).contains("Ivy Own").doesNotContain("Jon Other").doesNotContain("Record a certification");
        assertThat(add(userOfA, a, "Kim Self", "Sales", TODAY, null).status()).as("staff record them").isEqualTo(403);
        assertThat(userOfA.delete("/api/v1/certifications/" + ofA, "\"0\"").status()).isEqualTo(403);
        assertThat(userOfA.form("/certifications/" + ofB + "/remove", "version=0").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/certifications/" + ofB).status()).as("B's is untouched").isEqualTo(200);

        assertThat(api.delete("/api/v1/certifications/" + ofA, null).status()).isEqualTo(428);
        assertThat(api.delete("/api/v1/certifications/" + ofA, "\"7\"").status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/certifications/" + ofA, "\"0\"").status()).isEqualTo(204);
        assertThat(api.get("/api/v1/certifications/" + ofA).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit?entityType=certification&entityId=" + ofA).json().get("items").findValuesAsString("action"))
                .contains("certification.created", "certification.deleted");
    }

    @Autowired
    io.partnerpulse.partner.internal.CertificationReminders reminders;

    @Test
    void tellsThePartnersUsersOnceOfEachCertificationEndingWithinThirtyDays() {
        Api api = new Api(port);
        long partner = new Fixtures(jdbc).activePartner("US", "SILVER");
        Api user = api.newPartnerUser(partner, "cert reader");
        long userId = jdbc.sql("select id from app_user where partner_id = :p").param("p", partner).query(Long.class).single();
        LocalDate earned = TODAY.minusYears(2).plusDays(40);
        add(api, partner, "Oli Thirty", "Architect", earned, TODAY.plusDays(30));
        add(api, partner, "Pia Ten", "Sales", earned, TODAY.plusDays(10));
        add(api, partner, "Quinn Later", "Sales", earned, TODAY.plusDays(31));
        add(api, partner, "Rae Ended", "Sales", earned, TODAY.minusDays(1));
        add(api, partner, "Sam Lasting", "Sales", earned, null);

        assertThat(reminders.remind(TODAY)).isPositive();
        JsonNode told = user.get("/api/v1/notifications").json().get("items").get(0);
        assertThat(told.get("kind").asString()).isEqualTo("CERTIFICATIONS_EXPIRING");
        assertThat(told.get("total").asInt()).isEqualTo(2);
        assertThat(told.get("items").valueStream().map(JsonNode::asString).toList()).as("the soonest end first")
                .containsExactly("Pia Ten: Sales (" + TODAY.plusDays(10) + ")", "Oli Thirty: Architect (" + TODAY.plusDays(30) + ")");
        assertThat(told.get("link").asString()).isEqualTo("/certifications?status=EXPIRING&partnerId=" + partner);

        String toldSoFar = "select coalesce(sum(total), 0) from notification where user_id = :u and kind = 'CERTIFICATIONS_EXPIRING'";
        reminders.remind(TODAY);
        assertThat(jdbc.sql(toldSoFar).param("u", userId).query(Long.class).single()).as("each told once").isEqualTo(2);
        reminders.remind(TODAY.plusDays(1));
        reminders.remind(TODAY.plusDays(1));
        assertThat(jdbc.sql(toldSoFar)
                .param("u", userId).query(Long.class).single()).as("Quinn's comes in reach a day later").isEqualTo(3);
    }

    @Test
    void countsEachCertifiedPersonOnceInTheTierStandingAgainstWhatTheTierAsks() {
        Api api = new Api(port);
        long partner = new Fixtures(jdbc).activePartner("US", "PLATINUM");
        add(api, partner, "Lea Twice", "Sales", TODAY.minusDays(100), null);
        add(api, partner, "lea  twice", "Architect", TODAY.minusDays(50), TODAY.plusDays(300));
        add(api, partner, "Max Lapsed", "Sales", TODAY.minusDays(800), TODAY.minusDays(70));
        add(api, partner, "Noa Valid", "Sales", TODAY.minusDays(10), TODAY.plusDays(5));
        JsonNode platinum = api.get("/api/v1/tiers").json().get(0);
        try {
            Api.Response asked = api.put("/api/v1/tiers/PLATINUM", """
                    {"minWonRevenue": %s, "minWonDeals": %d, "months": %d, "minCertifiedPeople": 3}"""
                    .formatted(platinum.get("minWonRevenue").decimalValue().toPlainString(), platinum.get("minWonDeals").asLong(),
                            platinum.get("months").asInt()), "\"" + platinum.get("version").asLong() + "\"");
            assertThat(asked.status()).as(asked.body()).isEqualTo(200);
            JsonNode standing = standingOf(api, partner);
            // Lea (two certifications, her name spelled twice) and Noa hold one today; Max's ended
            assertThat(standing.get("certifiedPeople").asLong()).isEqualTo(2);
            assertThat(standing.get("requiredPeople").asLong()).isEqualTo(3);
            assertThat(standing.get("peopleShort").asLong()).isEqualTo(1);
            assertThat(standing.get("certifiedPeopleSoon").asLong()).as("in 60 days Noa's has ended: Lea alone").isEqualTo(1);
            assertThat(Api.admin(port).get("/partners/" + partner).body()).contains("Certified people today", "<strong>2</strong>",
                    "1 certified person short");

            Api.Response gold = api.put("/api/v1/tiers/GOLD", """
                    {"minWonRevenue": 300000, "minWonDeals": 12, "months": 12, "minCertifiedPeople": 4}""",
                    "\"" + api.get("/api/v1/tiers").json().get(1).get("version").asLong() + "\"");
            assertThat(Api.invalidFields(gold)).as("a lesser tier never asks for more").containsExactly("minCertifiedPeople");
            String page = Api.admin(port).get("/tiers").body();
            assertThat(page).contains("name=\"minCertifiedPeople\"", "Certified people");
        } finally {
            jdbc.sql("update partner_tier set min_certified_people = 0").update();
        }
    }
}
