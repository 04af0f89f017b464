package io.partnerpulse.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A partner's onboarding, status and tier changes over HTTP, with their history. */
@PartnerPulseIntegrationTest
class PartnerSystemTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Response create(String tier) {
        return api.post("/api/v1/partners", "{\"name\": \"%s\", \"tier\": \"%s\", \"country\": \"AU\"}".formatted(Fixtures.unique("Partner"), tier));
    }

    @Test
    void onboardsAPartnerStepByStepAndKeepsEveryStep() {
        Api.Response partner = create("SILVER");
        assertThat(partner.json().get("status").asString()).isEqualTo("PROSPECT");
        assertThat(partner.json().get("region").asString()).isEqualTo("APAC");
        Api.Response onboarding = api.post("/api/v1/partners/" + partner.id() + "/status", "{\"status\": \"ONBOARDING\", \"note\": \"Contract signed\"}", partner.etag());
        Api.Response active = api.post("/api/v1/partners/" + partner.id() + "/status", "{\"status\": \"ACTIVE\"}", onboarding.etag());
        Api.Response promoted = api.post("/api/v1/partners/" + partner.id() + "/tier", "{\"tier\": \"GOLD\", \"reason\": \"Met revenue criteria\"}", active.etag());
        assertThat(promoted.json().get("tier").asString()).isEqualTo("GOLD");
        assertThat(promoted.json().get("effectiveCommissionRate").decimalValue()).isEqualByComparingTo("0.15");

        Api.Response history = api.get("/api/v1/partners/" + partner.id() + "/history");
        assertThat(history.json().valueStream().map(h -> h.get("kind").asString() + ":" + h.get("to").asString()).toList())
                .containsExactly("STATUS:PROSPECT", "TIER:SILVER", "STATUS:ONBOARDING", "STATUS:ACTIVE", "TIER:GOLD");
    }

    @Test
    void refusesToSkipOnboardingOrComeBackFromTermination() {
        Api.Response partner = create("REGISTERED");
        Api.Response skip = api.post("/api/v1/partners/" + partner.id() + "/status", "{\"status\": \"ACTIVE\"}", partner.etag());
        assertThat(skip.status()).isEqualTo(409);
        assertThat(skip.json().get("code").asString()).isEqualTo("partner.illegal-transition");

        Api.Response terminated = api.post("/api/v1/partners/" + partner.id() + "/status", "{\"status\": \"TERMINATED\"}", partner.etag());
        assertThat(api.post("/api/v1/partners/" + partner.id() + "/status", "{\"status\": \"ACTIVE\"}", terminated.etag()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/partners/" + partner.id() + "/tier", "{\"tier\": \"GOLD\"}", terminated.etag()).status()).isEqualTo(409);
    }

    @Test
    void changesTheTierOnlyThroughTheTierOperation() {
        Api.Response partner = create("GOLD");
        Api.Response edit = api.put("/api/v1/partners/" + partner.id(), """
                {"name": "Renamed", "tier": "PLATINUM", "country": "AU"}""", partner.etag());
        assertThat(edit.status()).isEqualTo(422);
        assertThat(Api.invalidFields(edit)).containsExactly("tier");
    }

    @Test
    void overridesTheTiersCommissionRate() {
        Api.Response partner = create("GOLD");
        Api.Response edited = api.put("/api/v1/partners/" + partner.id(), """
                {"name": "Special terms", "country": "AU", "commissionRate": 0.2250}""", partner.etag());
        assertThat(edited.json().get("effectiveCommissionRate").decimalValue()).isEqualByComparingTo("0.225");
    }
}
