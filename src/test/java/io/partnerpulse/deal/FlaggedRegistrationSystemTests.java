package io.partnerpulse.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** Under the FLAG rule a conflicting registration waits, flagged, for a channel manager's decision. */
@PartnerPulseIntegrationTest
@TestPropertySource(properties = "partnerpulse.registration.conflict-rule=FLAG")
class FlaggedRegistrationSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void keepsAConflictingRegistrationPendingAndFlagged() {
        Api api = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        long account = fixtures.account();
        String body = "{\"partnerId\": %d, \"customerName\": \"Shared\", \"accountId\": " + account + "}";
        Api.Response first = api.post("/api/v1/registrations", body.formatted(fixtures.activePartner("US", "GOLD")));
        Api.Response second = api.post("/api/v1/registrations", body.formatted(fixtures.activePartner("US", "GOLD")));

        assertThat(second.json().get("outcome").asString()).isEqualTo("PENDING");
        assertThat(second.json().get("flagged").asBoolean()).isTrue();
        assertThat(second.json().get("conflictingRegistrationId").asLong()).isEqualTo(first.id());
        assertThat(api.get("/api/v1/registrations?flagged=true&outcome=PENDING").json().get("total").asLong()).isPositive();
    }
}
