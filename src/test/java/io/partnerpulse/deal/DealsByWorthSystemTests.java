package io.partnerpulse.deal;

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
 * "Largest first" means worth the most in the base currency, not the biggest figure: a deal in koruny
 * or forints sorts by what it is worth in dollars at today's rates (the earliest known rate when none is
 * older). The board adds each stage's deals up the same way, and a partner's user sees only its own.
 */
@PartnerPulseIntegrationTest
class DealsByWorthSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api admin;
    long partner;

    @BeforeEach
    void ratesForKorunyAndForints() {
        admin = Api.admin(port);
        partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        // currencies no other test rates (ReferenceDataPageSystemTests has ISK)
        rate("CZK", "2020-01-01", "0.02");
        rate("CZK", "2026-01-01", "0.03");
        // forints: only a rate of a day still to come, the earliest known, so that one
        rate("HUF", "2099-01-01", "0.007");
    }

    private void rate(String currency, String day, String rate) {
        assertThat(admin.put("/api/v1/exchange-rates/" + currency + "/" + day, "{\"rateToBase\": " + rate + "}", null).status()).isEqualTo(200);
    }

    private Api.Response open(long partnerId, String name, String amount, String currency) {
        Api.Response deal = admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": %s, "currency": "%s", "partnerId": %d}""".formatted(name, amount, currency, partnerId));
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        return deal;
    }

    private List<String> names(String sort) {
        return admin.get("/api/v1/opportunities?partnerId=" + partner + "&sort=" + sort).json().get("items").valueStream()
                .map(d -> d.get("name").asString()).toList();
    }

    @Test
    void sortsDealsByTheirWorthInTheBaseCurrencyAtTodaysRates() {
        open(partner, "dollars", "1500.00", "USD");            // $1,500
        open(partner, "koruny", "40000.00", "CZK");            // 40,000 × 0.03 (the latest rate) = $1,200
        open(partner, "forints", "100000.00", "HUF");          // 100,000 × 0.007 (the only rate, of a day to come) = $700
        Api.Response closed = open(partner, "koruny won in 2021", "70000.00", "CZK");
        admin.post("/api/v1/opportunities/" + closed.id() + "/win", "{}", closed.etag());
        // won on 2021-06-01, when a koruna was worth 0.02: sorted as worth today, 70,000 × 0.03 = $2,100
        jdbc.sql("update opportunity set created_at = timestamptz '2021-05-01 12:00Z', closed_at = timestamptz '2021-06-01 12:00Z' where id = ?")
                .param(closed.id()).update();

        assertThat(names("amount,desc")).containsExactly("koruny won in 2021", "dollars", "koruny", "forints");
        assertThat(names("amount,asc")).containsExactly("forints", "koruny", "dollars", "koruny won in 2021");
    }

    @Test
    void theBoardAddsEachStageUpInTheBaseCurrencyAndAPartnersUserSeesOnlyItsOwn() {
        Api partnerUser = admin.newPartnerUser(partner, "board reader");
        long rival = new Fixtures(jdbc).activePartner("US", "GOLD");
        open(partner, "dollars", "1000.00", "USD");
        open(partner, "koruny", "40000.00", "CZK");
        open(partner, "forints", "100000.00", "HUF");
        open(rival, "rival's", "123456.00", "USD");

        String board = partnerUser.get("/pipeline").body();
        // its three open deals in Prospecting: $1,000 + $1,200 + $700
        assertThat(board).contains("class=\"count\">3<", "class=\"worth\"", "$2,900").doesNotContain("rival&#39;s", "$126,356");
        assertThat(board.indexOf("koruny")).as("the largest first").isLessThan(board.indexOf("dollars"));
        assertThat(board.indexOf("dollars")).isLessThan(board.indexOf("forints"));
    }
}
