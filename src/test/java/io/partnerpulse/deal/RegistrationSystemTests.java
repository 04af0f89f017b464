package io.partnerpulse.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Deal registration rules over HTTP: conflicts, races, expiry, and decisions that cannot be made. */
@PartnerPulseIntegrationTest
class RegistrationSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistrationManagement registrations;

    Api api;
    Fixtures fixtures;
    long account;
    long product;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new Fixtures(jdbc);
        account = fixtures.account();
        product = fixtures.productLine();
    }

    private Api.Response submit(long partner) {
        return api.post("/api/v1/registrations", """
                {"partnerId": %d, "customerName": "Contested Customer", "accountId": %d, "productLineId": %d,
                 "estimatedAmount": 5000.00, "currency": "USD"}""".formatted(partner, account, product));
    }

    @Test
    void rejectsARegistrationOfACustomerAnotherPartnerHasRegisteredNamingIt() {
        long first = fixtures.activePartner("US", "GOLD");
        long second = fixtures.activePartner("US", "SILVER");
        Api.Response taken = submit(first);

        Api.Response late = submit(second);

        assertThat(late.status()).isEqualTo(201);
        assertThat(late.json().get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(late.json().get("conflictingRegistrationId").asLong()).isEqualTo(taken.id());
        assertThat(late.json().get("reason").asString()).contains("registration " + taken.id()).contains("partner " + first);
    }

    @Test
    void letsTheSamePartnerRegisterAnotherProductForTheSameCustomer() {
        long partner = fixtures.activePartner("US", "GOLD");
        long other = fixtures.activePartner("US", "GOLD");
        submit(partner);
        Api.Response otherProduct = api.post("/api/v1/registrations", """
                {"partnerId": %d, "customerName": "Contested Customer", "accountId": %d, "productLineId": %d}"""
                .formatted(other, account, fixtures.productLine()));
        assertThat(otherProduct.json().get("outcome").asString()).isEqualTo("PENDING");
    }

    @Test
    void rejectsARegistrationOfAnOpenOpportunityThatIsNotThePartners() {
        long partner = fixtures.activePartner("US", "GOLD");
        Api.Response direct = api.post("/api/v1/opportunities", """
                {"name": "Direct deal", "amount": 100.00, "currency": "USD", "accountId": %d, "productLineId": %d}"""
                .formatted(account, product));
        Api.Response late = submit(partner);
        assertThat(late.json().get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(late.json().get("conflictingOpportunityId").asLong()).isEqualTo(direct.id());
    }

    @RepeatedTest(3)
    void acceptsExactlyOneOfTwoPartnersRegisteringTheSameDealAtTheSameMoment() throws Exception {
        long first = fixtures.activePartner("US", "GOLD");
        long second = fixtures.activePartner("US", "GOLD");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (long partner : new long[] {first, second}) {
                results.add(pool.submit(() -> {
                    start.await();
                    return submit(partner);
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<Api.Response> result : results) {
                outcomes.add(result.get().json().get("outcome").asString());
            }
            assertThat(outcomes).containsExactlyInAnyOrder("PENDING", "REJECTED");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void correctsAPendingRegistrationButNotADecidedOne() {
        long partner = fixtures.activePartner("US", "GOLD");
        Api.Response registration = submit(partner);
        Api.Response edited = api.put("/api/v1/registrations/" + registration.id(),
                "{\"customerName\": \"Contested Customer Ltd\", \"accountId\": %d, \"estimatedAmount\": 6500.00, \"currency\": \"USD\"}"
                        .formatted(account), registration.etag());
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("estimatedAmount").decimalValue()).isEqualByComparingTo("6500.00");
        Api.Response rejected = api.post("/api/v1/registrations/" + registration.id() + "/reject", "{\"reason\": \"Duplicate\"}", edited.etag());
        Api.Response late = api.put("/api/v1/registrations/" + registration.id(), "{\"customerName\": \"Too late\"}", rejected.etag());
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void refusesToApproveARejectedRegistration() {
        long partner = fixtures.activePartner("US", "GOLD");
        Api.Response registration = submit(partner);
        Api.Response rejected = api.post("/api/v1/registrations/" + registration.id() + "/reject",
                "{\"reason\": \"Not a real opportunity\"}", registration.etag());
        assertThat(rejected.json().get("outcome").asString()).isEqualTo("REJECTED");

        Api.Response approve = api.post("/api/v1/registrations/" + registration.id() + "/approve", "{}", rejected.etag());

        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.contentType()).startsWith("application/problem+json");
        assertThat(approve.json().get("code").asString()).isEqualTo("registration.illegal-transition");
    }

    @Test
    void expiresAPendingRegistrationOnceItsTimeIsUp() {
        long partner = fixtures.activePartner("US", "GOLD");
        Api.Response registration = submit(partner);
        jdbc.sql("update deal_registration set submitted_at = now() - interval '100 days', expires_at = now() - interval '10 days' where id = :id")
                .param("id", registration.id()).update();

        Api.Response run = api.post("/api/v1/registrations/expire", "{}");

        assertThat(run.json().get("expired").asInt()).isGreaterThanOrEqualTo(1);
        Api.Response expired = api.get("/api/v1/registrations/" + registration.id());
        assertThat(expired.json().get("outcome").asString()).isEqualTo("EXPIRED");
        assertThat(expired.json().get("decidedBy").asString()).isEqualTo("system");
        assertThat(Instant.parse(expired.json().get("decidedAt").asString())).isBefore(Instant.now(Clock.systemUTC()).minus(Duration.ofDays(9)));
    }

    @Test
    void refusesAStaleVersionAndChangesNothing() {
        long partner = fixtures.activePartner("US", "GOLD");
        Api.Response registration = submit(partner);
        Api.Response stale = api.post("/api/v1/registrations/" + registration.id() + "/reject", "{\"reason\": \"x\"}", "\"7\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("request.stale-version");
        assertThat(api.get("/api/v1/registrations/" + registration.id()).json().get("outcome").asString()).isEqualTo("PENDING");
    }

    @Test
    void asksForTheVersionWhenAChangeDoesNotSendIt() {
        long partner = fixtures.activePartner("US", "GOLD");
        Api.Response registration = submit(partner);
        Api.Response missing = api.post("/api/v1/registrations/" + registration.id() + "/reject", "{\"reason\": \"x\"}");
        assertThat(missing.status()).isEqualTo(428);
        assertThat(missing.json().get("code").asString()).isEqualTo("request.version-required");
    }
}
