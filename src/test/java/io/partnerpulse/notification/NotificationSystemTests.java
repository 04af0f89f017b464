package io.partnerpulse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.lead.LeadManagement;
import io.partnerpulse.lead.LeadRequests;
import io.partnerpulse.mail.Mailer;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * E-mail notifications over HTTP (no SMTP server in the tests: the messages land in the outbox folder):
 * who is told what, one message for what comes together, nothing for another partner, nothing for a
 * change that rolled back, nothing for someone who switched them off.
 */
@PartnerPulseIntegrationTest
class NotificationSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    @Autowired
    LeadManagement leads;

    @Autowired
    TransactionTemplate transactions;

    Api admin;
    long partnerA;
    long partnerB;
    String nameA;
    Api userOfA;
    Api userOfAOnPages;
    Api userOfB;

    @BeforeEach
    void setUp() {
        admin = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        partnerA = fixtures.activePartner("US", "GOLD");
        partnerB = fixtures.activePartner("US", "GOLD");
        nameA = jdbc.sql("select name from partner where id = ?").param(partnerA).query(String.class).single();
        userOfAOnPages = admin.newPartnerUser(partnerA, "Notified");
        userOfA = userOfAOnPages.withToken();
        userOfB = admin.newPartnerUser(partnerB, "Bystander").withToken();
    }

    private JsonNode notifications(Api as) {
        return as.get("/api/v1/notifications").json().get("items");
    }

    private JsonNode sent(Api as, String kind) throws InterruptedException {
        Eventually.until(() -> {
            for (JsonNode n : notifications(as)) {
                if (n.get("kind").asString().equals(kind) && n.get("status").asString().equals("SENT")) {
                    return true;
                }
            }
            return false;
        });
        for (JsonNode n : notifications(as)) {
            if (n.get("kind").asString().equals(kind) && n.get("status").asString().equals("SENT")) {
                return n;
            }
        }
        throw new AssertionError(kind);
    }

    private MimeMessage mail(JsonNode notification) throws Exception {
        try (InputStream in = Files.newInputStream(mailer.outbox().orElseThrow().resolve("notification-" + notification.get("id").asLong() + ".eml"))) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    private long lead(String company) {
        return admin.post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(company)).id();
    }

    @Test
    void aPartnersUsersLearnOfTheirRegistrationsDecisionAndTheManagersOfWhatWaits() throws Exception {
        String email = Fixtures.unique("manager").replace(" ", "").toLowerCase() + "@example.com";
        assertThat(admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "Deciding manager", "role": "CHANNEL_MANAGER", "password": "manager-password-1"}"""
                .formatted(email)).status()).isEqualTo(201);
        Api manager = new Api(port, Api.basic(email, "manager-password-1")).withToken();

        String customer = Fixtures.unique("Globex");
        Api.Response registration = userOfA.post("/api/v1/registrations", "{\"partnerId\": %d, \"customerName\": \"%s\"}".formatted(partnerA, customer));
        assertThat(registration.status()).as(registration.body()).isEqualTo(201);
        JsonNode waiting = sent(manager, "REGISTRATION_SUBMITTED");
        assertThat(waiting.get("items").toString()).contains(customer + " (" + nameA + ")");
        MimeMessage toManager = mail(waiting);
        assertThat(toManager.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(toManager.getSubject()).isEqualTo("A deal registration waits for your decision");
        assertThat((String) toManager.getContent()).contains("• " + customer + " (" + nameA + ")", "/registrations", "/account/notifications");

        Api.Response approved = admin.post("/api/v1/registrations/" + registration.id() + "/approve", "{}", registration.etag());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode told = sent(userOfA, "REGISTRATION_APPROVED");
        assertThat(told.get("about").asString()).isEqualTo(nameA);
        assertThat(mail(told).getSubject()).isEqualTo("A deal registration of " + nameA + " was approved");
        assertThat((String) mail(told).getContent()).contains("• " + customer);
        assertThat(notifications(userOfB).size()).as("another partner's users hear nothing of it").isZero();
    }

    @Test
    void aNoteOnADealTellsTheOtherSideAndAnInternalOneNobody() throws Exception {
        String email = Fixtures.unique("noted").replace(" ", "").toLowerCase() + "@example.com";
        assertThat(admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "Noted manager", "role": "CHANNEL_MANAGER", "password": "manager-password-1"}"""
                .formatted(email)).status()).isEqualTo(201);
        Api manager = new Api(port, Api.basic(email, "manager-password-1")).withToken();
        String name = Fixtures.unique("Noted renewal");
        long deal = admin.post("/api/v1/opportunities", "{\"name\": \"%s\", \"amount\": 100, \"currency\": \"USD\", \"partnerId\": %d}"
                .formatted(name, partnerA)).id();

        assertThat(admin.post("/api/v1/opportunities/" + deal + "/notes", "{\"body\": \"Hold the discount.\", \"internal\": true}").status())
                .isEqualTo(201);
        assertThat(userOfA.post("/api/v1/opportunities/" + deal + "/notes", "{\"body\": \"They want a demo\\non Tuesday.\"}").status())
                .isEqualTo(201);
        JsonNode fromPartner = sent(manager, "NOTE_FROM_PARTNER");
        assertThat(fromPartner.get("about").asString()).isEqualTo(name + " (#" + deal + ")");
        assertThat(fromPartner.get("items").toString()).contains("They want a demo on Tuesday.");
        assertThat(mail(fromPartner).getSubject()).isEqualTo("A note from the partner on " + name + " (#" + deal + ")");
        assertThat((String) mail(fromPartner).getContent()).contains("/deals/" + deal + "#notes");

        assertThat(admin.post("/api/v1/opportunities/" + deal + "/notes", "{\"body\": \"Booked.\"}").status()).isEqualTo(201);
        JsonNode fromTeam = sent(userOfA, "NOTE_FROM_TEAM");
        assertThat(fromTeam.get("items").toString()).contains("Booked.").doesNotContain("discount");
        assertThat(notifications(userOfA).toString()).as("the internal note tells the partner nothing").doesNotContain("discount");
        assertThat(notifications(userOfB).size()).as("another partner's users hear nothing of it").isZero();
    }

    @Test
    void leadsAssignedTogetherAreOneMessageNamingThemAll() throws Exception {
        long first = lead("Initech");
        long second = lead("Umbrella");
        long third = lead("Hooli");
        for (long lead : new long[] {first, second, third}) {
            Api.Response assigned = admin.post("/api/v1/leads/" + lead + "/assign",
                    "{\"partnerId\": %d, \"reason\": \"local\"}".formatted(partnerA), admin.get("/api/v1/leads/" + lead).etag());
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        }
        JsonNode told = sent(userOfA, "LEAD_ASSIGNED");
        assertThat(told.get("total").asInt()).isEqualTo(3);
        assertThat(notifications(userOfA).size()).as("one message, not three").isEqualTo(1);
        MimeMessage message = mail(told);
        assertThat(message.getSubject()).isEqualTo("3 new leads for " + nameA);
        assertThat((String) message.getContent()).contains("• Initech", "• Umbrella", "• Hooli", "/leads");
        assertThat(notifications(userOfB).size()).isZero();
    }

    @Test
    void aChangeThatRolledBackTellsNobody() throws Exception {
        long lead = lead("Rolled back lead");
        long version = admin.get("/api/v1/leads/" + lead).json().get("version").asLong();
        try {
            transactions.executeWithoutResult(status -> {
                leads.assign(lead, new LeadRequests.Assign(partnerA, "to be undone", null), version);
                throw new IllegalStateException("the surrounding work failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(jdbc.sql("select count(*) from notification n join app_user u on u.id = n.user_id where u.partner_id = ?")
                .param(partnerA).query(Long.class).single()).isZero();
    }

    @Test
    void someoneWhoSwitchedThemOffGetsNoneAndEveryoneMaySwitchTheirOwn() throws Exception {
        assertThat(userOfA.get("/api/v1/notifications/settings").json().get("email").asBoolean()).isTrue();
        Api.Response off = userOfA.send("PUT", "/api/v1/notifications/settings", "{\"email\": false}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        long lead = lead("Quiet lead");
        admin.post("/api/v1/leads/" + lead + "/assign", "{\"partnerId\": %d}".formatted(partnerA), admin.get("/api/v1/leads/" + lead).etag());
        Thread.sleep(300);
        assertThat(notifications(userOfA).size()).isZero();
        assertThat(userOfA.send("PUT", "/api/v1/notifications/settings", "{}").status()).as("true or false").isIn(400, 422);

        String email = Fixtures.unique("analyst").replace(" ", "").toLowerCase() + "@example.com";
        admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "Reading analyst", "role": "ANALYST", "password": "analyst-password-1"}""".formatted(email));
        Api analyst = new Api(port, Api.basic(email, "analyst-password-1"));
        assertThat(analyst.send("PUT", "/api/v1/notifications/settings", "{\"email\": false}").status())
                .as("an analyst changes nothing of the CRM's, but its own e-mails are its own").isEqualTo(200);
        assertThat(analyst.form("/account/notifications", "email=true").status()).isEqualTo(302);
        assertThat(analyst.get("/api/v1/notifications/settings").json().get("email").asBoolean()).isTrue();
        assertThat(analyst.get("/account/notifications").body()).contains("Notifications", "Nothing yet.");
    }

    @Test
    void writesEachPersonsEMailsInTheLanguageTheyChoseOrLastSwitchedThePagesTo() throws Exception {
        assertThat(userOfA.get("/api/v1/notifications/settings").json().get("language").asString()).isEqualTo("en");
        assertThat(userOfAOnPages.get("/leads?lang=ur").status()).isEqualTo(200);
        assertThat(userOfA.get("/api/v1/notifications/settings").json().get("language").asString()).as("switching the pages chooses it")
                .isEqualTo("ur");
        long lead = lead("Urdu lead");
        admin.post("/api/v1/leads/" + lead + "/assign", "{\"partnerId\": %d}".formatted(partnerA), admin.get("/api/v1/leads/" + lead).etag());
        MimeMessage urdu = mail(sent(userOfA, "LEAD_ASSIGNED"));
        assertThat(urdu.getSubject()).isEqualTo(nameA + " کے لیے ایک نئی لیڈ");
        assertThat((String) urdu.getContent()).contains("• Urdu lead", "/account/notifications");

        Api.Response english = userOfA.send("PUT", "/api/v1/notifications/settings", "{\"language\": \"en\"}");
        assertThat(english.json().get("email").asBoolean()).as("left out: kept").isTrue();
        assertThat(english.json().get("language").asString()).isEqualTo("en");
        assertThat(userOfA.send("PUT", "/api/v1/notifications/settings", "{\"language\": \"fr\"}").status()).isEqualTo(422);
        assertThat(userOfAOnPages.form("/account/notifications", "email=true&language=ur").status()).isEqualTo(302);
        assertThat(userOfA.get("/api/v1/notifications/settings").json().get("language").asString()).isEqualTo("ur");
        assertThat(userOfAOnPages.get("/account/notifications").body()).contains("<option value=\"ur\" lang=\"ur\" dir=\"rtl\" selected=\"selected\">");
    }

    @Test
    void aNotificationWaitingWhenItsReaderSwitchesThemOffIsNotSent() throws Exception {
        long lead = lead("Late lead");
        admin.post("/api/v1/leads/" + lead + "/assign", "{\"partnerId\": %d}".formatted(partnerA), admin.get("/api/v1/leads/" + lead).etag());
        // still gathering (two seconds in the tests): switched off before it goes
        userOfA.send("PUT", "/api/v1/notifications/settings", "{\"email\": false}");
        Eventually.until(() -> notifications(userOfA).size() == 1 && notifications(userOfA).get(0).get("status").asString().equals("SKIPPED"));
        assertThat(Files.exists(mailer.outbox().orElseThrow().resolve("notification-" + notifications(userOfA).get(0).get("id").asLong() + ".eml")))
                .isFalse();
        assertThat(List.of(userOfAOnPages.get("/account/notifications").body())).allMatch(page -> page.contains("Late lead") && page.contains("Not sent"));
    }

    @Test
    void aPartnersUsersLearnWhatBecameOfTheirFundRequestsAndClaimsUpToThePayment() throws Exception {
        long fund = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2027-01-01", "amount": 5000, "currency": "USD"}""".formatted(partnerA)).id();
        String ask = "{\"allocationId\": %d, \"activity\": \"%s\", \"startsOn\": \"2026-03-01\", \"endsOn\": \"2026-03-02\", \"requestedAmount\": %s}";
        long refused = userOfA.post("/api/v1/funds/requests", ask.formatted(fund, "Trade fair", "3000")).id();
        long granted = userOfA.post("/api/v1/funds/requests", ask.formatted(fund, "Webinar", "1000")).id();
        assertThat(admin.post("/api/v1/funds/requests/" + refused + "/reject", "{\"reason\": \"not in this year's plan\"}", "\"0\"").status())
                .isEqualTo(200);
        assertThat(admin.post("/api/v1/funds/requests/" + granted + "/approve", "{}", "\"0\"").status()).isEqualTo(200);
        long claim = userOfA.post("/api/v1/funds/claims", "{\"requestId\": %d, \"amount\": 800, \"proof\": \"Invoice 12\"}".formatted(granted)).id();
        assertThat(admin.post("/api/v1/funds/claims/" + claim + "/approve", "{}", "\"0\"").status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/funds/claims/" + claim + "/pay", "{\"paidOn\": \"2026-03-20\", \"paymentReference\": \"PAY-1\"}", "\"1\"")
                .status()).isEqualTo(200);

        assertThat(sent(userOfA, "FUND_REQUEST_REJECTED").get("items").toString()).contains("Trade fair: not in this year's plan");
        assertThat(sent(userOfA, "FUND_REQUEST_APPROVED").get("items").toString()).contains("Webinar — 1000.00 USD");
        JsonNode paid = sent(userOfA, "FUND_CLAIM_PAID");
        assertThat(mail(paid).getSubject()).isEqualTo("A fund claim of " + nameA + " was paid");
        assertThat((String) mail(paid).getContent()).contains("• Webinar — 800.00 USD (2026-03-20, PAY-1)", "/funds?show=claims");
        assertThat(notifications(userOfB).size()).isZero();
    }
}
