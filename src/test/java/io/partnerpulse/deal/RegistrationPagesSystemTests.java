package io.partnerpulse.deal;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registering a deal from the registrations page, as a partner user and as staff, and what a partner
 * user learns of a conflict: that the customer is taken, never by which partner.
 */
@PartnerPulseIntegrationTest
class RegistrationPagesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api admin;
    Fixtures fixtures;
    long partner;
    long rival;
    Api partnerUser;

    @BeforeEach
    void aPartnerWithAUserAndARival() {
        admin = new Api(port);
        fixtures = new Fixtures(jdbc);
        partner = fixtures.activePartner("US", "GOLD");
        rival = fixtures.activePartner("US", "GOLD");
        partnerUser = admin.newPartnerUser(partner, "registrar");
    }

    long registrationOf(String customer) {
        return jdbc.sql("select id from deal_registration where customer_name = ?").param(customer).query(Long.class).single();
    }

    @Test
    void aPartnerUserRegistersADealFromThePageForItsOwnPartnerAndSeesItWaitWithoutDecisionButtons() {
        String customer = Fixtures.unique("Paged Customer");
        long before = jdbc.sql("select count(*) from deal_registration").query(Long.class).single();
        Api.Response bad = partnerUser.form("/registrations/submit", "customerName=&estimatedAmount=abc&currency=USD");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).as("both named at once").contains("field-error", "Enter an amount of 0 or more", "Name the customer.");
        assertThat(partnerUser.form("/registrations/submit", "customerName=&estimatedAmount=10&currency=USD").body())
                .contains("field-error", "Name the customer.");
        assertThat(jdbc.sql("select count(*) from deal_registration").query(Long.class).single()).as("nothing written").isEqualTo(before);

        assertThat(admin.put("/api/v1/exchange-rates/CHF/2020-01-01", "{\"rateToBase\": 1.10}", null).status()).isIn(200, 201);
        Api.Response made = partnerUser.form("/registrations/submit", "partnerId=" + rival + "&customerName=" + customer.replace(" ", "+")
                + "&estimatedAmount=12500.75&currency=chf&productLineId=" + fixtures.productLine());
        assertThat(made.status()).as(made.body().replaceAll("(?s).*(<main>.*</main>).*", "$1")).isEqualTo(302);
        long id = registrationOf(customer);
        assertThat(jdbc.sql("select partner_id from deal_registration where id = ?").param(id).query(Long.class).single())
                .as("a partner user registers for its own partner, whatever the form says").isEqualTo(partner);
        assertThat(jdbc.sql("select estimated_amount || ' ' || currency from deal_registration where id = ?").param(id).query(String.class).single())
                .isEqualTo("12500.75 CHF");

        String page = partnerUser.get("/registrations").body();
        assertThat(page).as("the estimate in its own currency").contains(customer, "Waiting for a decision", "CHF", "12,501", "Register the deal")
                .doesNotContain("$12,501")
                .doesNotContain("/registrations/" + id + "/approve").doesNotContain("name=\"partnerId\"");
        assertThat(partnerUser.form("/registrations/" + id + "/approve", "version=0").status()).isEqualTo(403);
        assertThat(Api.admin(port).get("/registrations?outcome=").body()).as("staff find it, newest first, with its buttons")
                .contains(customer, "/registrations/" + id + "/approve", "name=\"partnerId\"");
    }

    @Test
    void aPendingRegistrationThatLapsesWithinAWeekIsMarkedWithTheDaysLeft() {
        String customer = Fixtures.unique("Lapsing Customer");
        assertThat(partnerUser.form("/registrations/submit", "customerName=" + customer.replace(" ", "+") + "&estimatedAmount=10&currency=USD")
                .status()).isEqualTo(302);
        long id = registrationOf(customer);
        assertThat(rowOf(id)).doesNotContain("badge soon");

        jdbc.sql("update deal_registration set expires_at = now() + interval '2 days 1 hour' where id = ?").param(id).update();
        assertThat(rowOf(id)).contains("badge soon", "in 2 days");
        jdbc.sql("update deal_registration set expires_at = now() + interval '1 hour' where id = ?").param(id).update();
        assertThat(rowOf(id)).contains("badge soon", "expires today");
    }

    private String rowOf(long id) {
        String page = partnerUser.get("/registrations").body();
        String row = page.substring(page.indexOf("data-id=\"" + id + "\""));
        return row.substring(0, row.indexOf("</tr>"));
    }

    @Test
    void staffRegisterForAPartnerByItsIdAndMustNameOne() {
        Api page = Api.admin(port);
        String customer = Fixtures.unique("Phoned In Customer");
        assertThat(page.form("/registrations/submit", "customerName=" + customer.replace(" ", "+")).body())
                .contains("field-error", "Enter the id of the partner");
        assertThat(page.form("/registrations/submit", "partnerId=x&customerName=&estimatedAmount=-1").body()).as("all three at once")
                .contains("Enter the id of the partner", "Name the customer.", "Enter an amount of 0 or more");
        assertThat(page.form("/registrations/submit", "partnerId=987654321&customerName=" + customer.replace(" ", "+")).body())
                .contains("field-error");
        assertThat(page.form("/registrations/submit", "partnerId=" + rival + "&customerName=" + customer.replace(" ", "+")).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select partner_id from deal_registration where id = ?").param(registrationOf(customer)).query(Long.class).single())
                .isEqualTo(rival);
    }

    @Test
    void aPartnerUserLearnsThatItsCustomerIsTakenButNotByWhichPartner() {
        long account = fixtures.account();
        long product = fixtures.productLine();
        String taken = admin.post("/api/v1/registrations", """
                {"partnerId": %d, "customerName": "Taken Customer", "accountId": %d, "productLineId": %d}"""
                .formatted(rival, account, product)).body();
        long rivalsRegistration = admin.get("/api/v1/registrations?partnerId=" + rival).json().get("items").get(0).get("id").asLong();

        Api.Response late = partnerUser.post("/api/v1/registrations", """
                {"partnerId": %d, "customerName": "Taken Customer", "accountId": %d, "productLineId": %d}"""
                .formatted(partner, account, product));
        assertThat(late.status()).as(taken).isEqualTo(201);
        assertThat(late.json().get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(late.json().get("reason").asString()).isEqualTo("Conflict: Taken Customer is already registered by another partner");
        assertThat(late.json().get("conflictingRegistrationId").isNull()).isTrue();
        for (String seen : new String[] {partnerUser.get("/api/v1/registrations/" + late.id()).body(),
                partnerUser.get("/api/v1/registrations").body(), partnerUser.get("/api/v1/registrations?format=csv").body(),
                partnerUser.get("/registrations").body(), partnerUser.get("/partners/" + partner).body()}) {
            assertThat(seen).contains("already registered by another partner")
                    .doesNotContain("partner " + rival).doesNotContain("registration " + rivalsRegistration);
        }
        assertThat(admin.get("/api/v1/registrations/" + late.id()).json().get("reason").asString())
                .as("staff see whose registration it is").contains("partner " + rival, "registration " + rivalsRegistration);
    }
}
