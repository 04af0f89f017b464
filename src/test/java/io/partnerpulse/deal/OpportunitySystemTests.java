package io.partnerpulse.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Opportunity stage rules and optimistic locking over HTTP. */
@PartnerPulseIntegrationTest
class OpportunitySystemTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private Api.Response open() {
        return api.post("/api/v1/opportunities", "{\"name\": \"Rules deal\", \"amount\": 500.00, \"currency\": \"USD\"}");
    }

    @Test
    void refusesToWinALostDeal() {
        Api.Response deal = open();
        Api.Response lost = api.post("/api/v1/opportunities/" + deal.id() + "/lose", "{\"reason\": \"Price\", \"competitor\": \"Rival\"}", deal.etag());
        assertThat(lost.json().get("competitor").asString()).isEqualTo("Rival");

        Api.Response win = api.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", lost.etag());

        assertThat(win.status()).isEqualTo(409);
        assertThat(win.json().get("code").asString()).isEqualTo("opportunity.illegal-transition");
        assertThat(api.get("/api/v1/opportunities/" + deal.id()).json().get("stage").asString()).isEqualTo("LOST");
    }

    @Test
    void refusesToMoveIntoAClosedStageOrTheSameStage() {
        Api.Response deal = open();
        assertThat(api.post("/api/v1/opportunities/" + deal.id() + "/move", "{\"stage\": \"WON\"}", deal.etag()).status()).isEqualTo(409);
        assertThat(api.post("/api/v1/opportunities/" + deal.id() + "/move", "{\"stage\": \"PROSPECTING\"}", deal.etag()).status()).isEqualTo(409);
    }

    @Test
    void letsExactlyOneOfTwoConcurrentEditsThroughAndLosesNothing() throws Exception {
        Api.Response deal = open();
        String etag = deal.etag();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (String amount : new String[] {"600.00", "700.00"}) {
                results.add(pool.submit(() -> {
                    start.await();
                    return api.put("/api/v1/opportunities/" + deal.id(),
                            "{\"name\": \"Rules deal\", \"amount\": %s, \"currency\": \"USD\"}".formatted(amount), etag);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (Future<Api.Response> result : results) {
                Api.Response response = result.get();
                statuses.add(response.status());
                if (response.status() == 200) {
                    winner = response.json().get("amount").decimalValue().toPlainString();
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            Api.Response now = api.get("/api/v1/opportunities/" + deal.id());
            assertThat(now.json().get("amount").decimalValue().toPlainString()).isEqualTo(winner);
            assertThat(now.json().get("version").asLong()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void answersAnUnknownIdWithA404Problem() {
        Api.Response missing = api.get("/api/v1/opportunities/987654321");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("opportunity.not-found");
    }

    @Test
    void listsEveryInvalidFieldOfANewOpportunity() {
        Api.Response invalid = api.post("/api/v1/opportunities",
                "{\"name\": \"\", \"amount\": -5, \"currency\": \"usd\", \"country\": \"Pakistan\", \"partnerId\": 0}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(Api.invalidFields(invalid)).containsExactly("amount", "country", "currency", "name", "partnerId");
    }

    @Test
    void refusesACurrencyWithoutAnExchangeRate() {
        Api.Response invalid = api.post("/api/v1/opportunities", "{\"name\": \"Zloty deal\", \"amount\": 5, \"currency\": \"XPL\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(Api.invalidFields(invalid)).containsExactly("currency");
    }

    @Test
    void namesAReferenceThatDoesNotExist() {
        Api.Response invalid = api.post("/api/v1/opportunities",
                "{\"name\": \"Ghost\", \"amount\": 5, \"currency\": \"USD\", \"partnerId\": 987654321, \"accountId\": 987654321}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(Api.invalidFields(invalid)).containsExactly("accountId", "partnerId");
    }
}
