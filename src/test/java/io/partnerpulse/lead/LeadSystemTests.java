package io.partnerpulse.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Lead operations and distribution rules over HTTP. */
@PartnerPulseIntegrationTest
class LeadSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new Fixtures(jdbc);
    }

    private Api.Response lead(String country) {
        return api.post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"%s\"}".formatted(Fixtures.unique("Prospect"), country));
    }

    @Test
    void qualifiesThenConvertsALeadIntoAnOpportunityThatKeepsItsAttribution() {
        long channel = fixtures.channel("EARNED");
        Api.Response lead = api.post("/api/v1/leads", "{\"companyName\": \"Attributed\", \"channelId\": %d, \"country\": \"BR\", \"city\": \"Sao Paulo\"}"
                .formatted(channel));
        Api.Response qualified = api.post("/api/v1/leads/" + lead.id() + "/qualify", "{}", lead.etag());
        assertThat(qualified.json().get("status").asString()).isEqualTo("QUALIFIED");
        api.put("/api/v1/exchange-rates/BRL/2020-01-01", "{\"rateToBase\": 0.19}", null);

        Api.Response converted = api.post("/api/v1/leads/" + lead.id() + "/convert",
                "{\"name\": \"Attributed deal\", \"amount\": 900.00, \"currency\": \"BRL\"}", qualified.etag());

        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        assertThat(converted.json().get("status").asString()).isEqualTo("CONVERTED");
        Api.Response deal = api.get("/api/v1/opportunities/" + converted.json().get("opportunityId").asLong());
        assertThat(deal.json().get("channelId").asLong()).isEqualTo(channel);
        assertThat(deal.json().get("leadId").asLong()).isEqualTo(lead.id());
        assertThat(deal.json().get("country").asString()).isEqualTo("BR");
    }

    @Test
    void refusesToConvertADisqualifiedLeadOrQualifyItTwice() {
        Api.Response lead = lead("US");
        Api.Response qualified = api.post("/api/v1/leads/" + lead.id() + "/qualify", "{}", lead.etag());
        assertThat(api.post("/api/v1/leads/" + lead.id() + "/qualify", "{}", qualified.etag()).status()).isEqualTo(409);
        Api.Response disqualified = api.post("/api/v1/leads/" + lead.id() + "/disqualify", "{\"reason\": \"No budget\"}", qualified.etag());
        assertThat(disqualified.json().get("disqualifiedReason").asString()).isEqualTo("No budget");

        Api.Response convert = api.post("/api/v1/leads/" + lead.id() + "/convert",
                "{\"name\": \"x\", \"amount\": 1, \"currency\": \"USD\"}", disqualified.etag());

        assertThat(convert.status()).isEqualTo(409);
        assertThat(convert.json().get("code").asString()).isEqualTo("lead.illegal-transition");
    }

    @Test
    void refusesToAssignALeadToATerminatedPartner() {
        long partner = fixtures.activePartner("US", "GOLD");
        jdbc.sql("update partner set status = 'TERMINATED' where id = :p").param("p", partner).update();
        Api.Response lead = lead("US");
        Api.Response assign = api.post("/api/v1/leads/" + lead.id() + "/assign", "{\"partnerId\": %d}".formatted(partner), lead.etag());
        assertThat(assign.status()).isEqualTo(422);
        assertThat(Api.invalidFields(assign)).containsExactly("partnerId");
    }

    @Test
    void routesALeadToTheHeaviestPartnerInItsCountryWithRoomAndSaysWhy() {
        // a country no other test uses, so that only these partners compete
        long silver = fixtures.activePartner("UY", "SILVER");
        long platinum = fixtures.activePartner("UY", "PLATINUM");
        Api.Response lead = lead("UY");

        Api.Response routed = api.post("/api/v1/leads/distribute", "{\"leadIds\": [%d]}".formatted(lead.id()));

        assertThat(routed.status()).as(routed.body()).isEqualTo(200);
        assertThat(routed.json().at("/0/partnerId").asLong()).isEqualTo(platinum);
        assertThat(routed.json().at("/0/reason").asString()).contains("country UY", "tier PLATINUM", "weight 4", "0 of 25 open leads");
        assertThat(api.get("/api/v1/leads/" + lead.id() + "/assignments").json().at("/0/reason").asString()).startsWith("Routed:");
        assertThat(silver).isNotEqualTo(platinum);
    }

    @Test
    void passesOverAPartnerWithoutRoomUnderItsCapacity() {
        long full = fixtures.activePartner("PE", "PLATINUM");
        long roomy = fixtures.activePartner("PE", "REGISTERED");
        for (int i = 0; i < 25; i++) {
            jdbc.sql("insert into lead (created_at, partner_id, country, status, status_changed_at) values (now(), :p, 'PE', 'NEW', now())")
                    .param("p", full).update();
        }
        Api.Response lead = lead("PE");
        Api.Response routed = api.post("/api/v1/leads/distribute", "{\"leadIds\": [%d]}".formatted(lead.id()));
        assertThat(routed.json().at("/0/partnerId").asLong()).isEqualTo(roomy);
    }
}
