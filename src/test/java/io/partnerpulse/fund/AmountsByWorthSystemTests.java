package io.partnerpulse.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Campaigns by cost and market development funds by amount sort by what they are worth in the base
 * currency at today's rates, as deals do (DealsByWorthSystemTests): a fund of 40,000 złoty is worth
 * less than one of $12,000, whatever its figure.
 */
@PartnerPulseIntegrationTest
class AmountsByWorthSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api admin;
    long partner;

    @BeforeEach
    void ratesForZlotyAndLei() {
        admin = Api.admin(port);
        partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        // currencies no other test rates; złoty: the latest rate on or before today counts
        rate("PLN", "2020-01-01", "0.50");
        rate("PLN", "2026-01-01", "0.25");
        // lei: only a rate of a day still to come, the earliest known, so that one
        rate("RON", "2099-01-01", "0.20");
    }

    private void rate(String currency, String day, String rate) {
        assertThat(admin.put("/api/v1/exchange-rates/" + currency + "/" + day, "{\"rateToBase\": " + rate + "}", null).status()).isEqualTo(200);
    }

    @Test
    void campaignsSortedByCostCompareTheirCostsInTheBaseCurrency() {
        long channel = new Fixtures(jdbc).channel("PAID");
        campaign(channel, "dollars", "5000.00", "USD");     // $5,000
        campaign(channel, "zloty", "30000.00", "PLN");      // 30,000 × 0.25 = $7,500
        campaign(channel, "lei", "20000.00", "RON");        // 20,000 × 0.20 = $4,000

        assertThat(names("/api/v1/campaigns?partnerId=" + partner + "&sort=cost,desc")).containsExactly("zloty", "dollars", "lei");
        assertThat(names("/api/v1/campaigns?partnerId=" + partner + "&sort=cost")).containsExactly("lei", "dollars", "zloty");
    }

    @Test
    void fundsAndTheirRequestsSortedByAmountCompareThemInTheBaseCurrency() {
        long dollars = allocate("2026-01-01", "12000.00", "USD");   // $12,000
        long zloty = allocate("2026-04-01", "40000.00", "PLN");     // 40,000 × 0.25 = $10,000
        long lei = allocate("2026-07-01", "70000.00", "RON");       // 70,000 × 0.20 = $14,000

        assertThat(ids("/api/v1/funds/allocations?partnerId=" + partner + "&sort=amount,desc")).containsExactly(lei, dollars, zloty);
        assertThat(ids("/api/v1/funds/allocations?partnerId=" + partner + "&sort=amount")).containsExactly(zloty, dollars, lei);

        long dollarRequest = request(dollars, "2026-02-01", "3000.00");    // $3,000
        long zlotyRequest = request(zloty, "2026-05-01", "16000.00");      // 16,000 × 0.25 = $4,000
        long leiRequest = request(lei, "2026-08-01", "10000.00");          // 10,000 × 0.20 = $2,000
        assertThat(ids("/api/v1/funds/requests?partnerId=" + partner + "&sort=requestedAmount,desc"))
                .containsExactly(zlotyRequest, dollarRequest, leiRequest);
    }

    private void campaign(long channel, String name, String cost, String currency) {
        Api.Response created = admin.post("/api/v1/campaigns", """
                {"name": "%s", "channelId": %d, "partnerId": %d, "startsOn": "2026-01-01", "endsOn": "2026-03-31", "cost": %s,
                 "currency": "%s"}""".formatted(name, channel, partner, cost, currency));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private long allocate(String start, String amount, String currency) {
        Api.Response created = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "%s", "periodEnd": "%s", "amount": %s, "currency": "%s"}"""
                .formatted(partner, start, java.time.LocalDate.parse(start).plusMonths(3), amount, currency));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    private long request(long allocation, String startsOn, String amount) {
        Api.Response created = admin.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "Webinar", "startsOn": "%s", "endsOn": "%s", "requestedAmount": %s}"""
                .formatted(allocation, startsOn, java.time.LocalDate.parse(startsOn).plusDays(20), amount));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    private List<String> names(String path) {
        return admin.get(path).json().get("items").valueStream().map(d -> d.get("name").asString()).toList();
    }

    private List<Long> ids(String path) {
        return admin.get(path).json().get("items").valueStream().map(d -> d.get("id").asLong()).toList();
    }
}
