package io.partnerpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled reports over HTTP, without an SMTP server (the messages land in the outbox folder, read
 * back here as mail): the scorecard of the month that ended with the brief's own numbers, sent once
 * however often the scheduler looks, "send now", what a subscription refuses, and what a partner
 * user may subscribe to and see.
 */
@PartnerPulseIntegrationTest
class ReportSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportSubscriptions reports;

    Api api;
    Fixtures fixtures;
    long partner;
    String partnerName;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new Fixtures(jdbc);
        partner = fixtures.activePartner("US", "GOLD");
        partnerName = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();
    }

    private Api.Response subscribe(Api as, String scope, Long scopeId, String frequency, String recipients) {
        return as.post("/api/v1/report-subscriptions", """
                {"name": "%s", "scope": "%s", "scopeId": %s, "frequency": "%s", "recipients": [%s]}"""
                .formatted(Fixtures.unique("Scorecard"), scope, scopeId, frequency, recipients));
    }

    /** Makes the subscription due now, as if its date had come. */
    private void due(long subscription) {
        jdbc.sql("update report_subscription set next_run_at = now() - interval '1 minute' where id = ?").param(subscription).update();
    }

    private JsonNode deliveries(long subscription) {
        return api.get("/api/v1/report-subscriptions/" + subscription + "/deliveries").json().get("items");
    }

    private JsonNode sentDelivery(long subscription) throws InterruptedException {
        Eventually.until(() -> {
            JsonNode items = deliveries(subscription);
            return items.size() > 0 && !items.get(0).get("status").asString().equals("PENDING");
        });
        return deliveries(subscription).get(0);
    }

    private MimeMessage mail(long delivery) throws Exception {
        Path file = reports.outbox().orElseThrow().resolve("report-delivery-" + delivery + ".eml");
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /** Two deals of the partner won in the month that ended, 200 and 400, opened 15 days before. */
    private void twoDealsWonLastMonth() throws InterruptedException {
        ReportFrequency.Period month = ReportFrequency.MONTHLY.lastEnded(LocalDate.now(ZoneOffset.UTC));
        for (String amount : new String[] {"200.00", "400.00"}) {
            Api.Response deal = api.post("/api/v1/opportunities", """
                    {"name": "%s", "amount": %s, "currency": "USD", "partnerId": %d, "createdAt": "%sT09:00:00Z"}"""
                    .formatted(Fixtures.unique("Reported deal"), amount, partner, month.from().plusDays(2)));
            assertThat(deal.status()).as(deal.body()).isEqualTo(201);
            Api.Response won = api.post("/api/v1/opportunities/" + deal.id() + "/win",
                    "{\"at\": \"" + month.from().plusDays(17) + "T09:00:00Z\"}", deal.etag());
            assertThat(won.status()).as(won.body()).isEqualTo(200);
        }
        String kpis = "/api/v1/kpis?from=" + month.from() + "&to=" + month.to() + "&partnerId=" + partner;
        Eventually.until(() -> api.get(kpis).json().at("/groups/0/kpis/dealCount/value").asLong() == 2);
    }

    @Test
    void sendsTheScorecardOfTheMonthThatEndedOnceWithTheBriefsNumbers() throws Exception {
        twoDealsWonLastMonth();
        Api.Response created = subscribe(api, "partner", partner, "MONTHLY", "\"finance@example.com\", \"Finance@Example.com; team@example.com\"");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode subscription = created.json();
        assertThat(subscription.get("subject").asString()).isEqualTo(partnerName);
        assertThat(subscription.get("recipients").toString()).as("one address given twice is one recipient")
                .isEqualTo("[\"finance@example.com\",\"team@example.com\"]");
        LocalDate firstOfNext = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        assertThat(subscription.get("nextRunAt").asString()).as("the first day of the next month at 07:00 UTC")
                .isEqualTo(firstOfNext + "T07:00:00Z");
        long id = created.id();
        Thread.sleep(300); // a few polls of the scheduler: nothing is due yet
        assertThat(deliveries(id).size()).isZero();

        due(id);
        JsonNode delivery = sentDelivery(id);
        ReportFrequency.Period month = ReportFrequency.MONTHLY.lastEnded(LocalDate.now(ZoneOffset.UTC));
        assertThat(delivery.get("status").asString()).as(delivery.toString()).isEqualTo("SENT");
        assertThat(delivery.get("via").asString()).isEqualTo("folder");
        assertThat(delivery.get("periodFrom").asString()).isEqualTo(month.from().toString());
        assertThat(delivery.get("periodTo").asString()).isEqualTo(month.to().toString());
        assertThat(delivery.get("requestedBy").isNull()).as("sent by the schedule").isTrue();
        assertThat(api.get("/api/v1/report-subscriptions/" + id).json().get("nextRunAt").asString())
                .as("the next is the next month's").isEqualTo(firstOfNext + "T07:00:00Z");

        MimeMessage mail = mail(delivery.get("id").asLong());
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("finance@example.com", "team@example.com");
        java.time.format.DateTimeFormatter written = java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH);
        assertThat(mail.getSubject()).isEqualTo("Scorecard: " + partnerName + " · " + month.from().format(written) + " to "
                + month.through().format(written));
        Multipart parts = (Multipart) mail.getContent();
        String text = null;
        byte[] pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if ("scorecard-partner-%d-%s.pdf".formatted(partner, month.from()).equals(part.getFileName())) {
                pdf = part.getInputStream().readAllBytes();
            } else if (part.getContent() instanceof Multipart inner) {
                text = (String) inner.getBodyPart(0).getContent();
            } else if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            }
        }
        assertThat(text).as("the message's headlines").contains("Average deal size: $300", "Deals won: 2");
        assertThat(pdf).as("the scorecard attached").isNotNull();
        String card = io.partnerpulse.support.Pdfs.text(pdf);
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH);
        assertThat(card).contains("Scorecard: " + partnerName, month.from().format(day) + " to " + month.through().format(day),
                "Average deal size", "$300", "$600");
        byte[] kept = api.download("/api/v1/report-subscriptions/" + id + "/deliveries/" + delivery.get("id").asLong() + "/document").body();
        assertThat(kept).as("the log keeps the PDF that was sent").isEqualTo(pdf);

        // the scheduler looks again and again; the month is sent once
        due(id);
        Thread.sleep(500);
        assertThat(deliveries(id).size()).isEqualTo(1);

        Api.Response now = api.post("/api/v1/report-subscriptions/" + id + "/send", "{}");
        assertThat(now.status()).as(now.body()).isEqualTo(202);
        assertThat(now.json().get("requestedBy").asString()).isEqualTo(Api.ADMIN_EMAIL);
        Eventually.until(() -> deliveries(id).get(0).get("status").asString().equals("SENT"));
        assertThat(deliveries(id).size()).as("send now adds its own delivery").isEqualTo(2);
        assertThat(api.get("/api/v1/audit?entityType=report-subscription&entityId=" + id).json().findValuesAsString("action"))
                .contains("report-subscription.created", "report-subscription.sent-now");
    }

    @Test
    void aSubscriptionNamesEveryFieldItCannotTake() {
        Api.Response none = api.post("/api/v1/report-subscriptions", "{}");
        assertThat(none.status()).isEqualTo(422);
        assertThat(Api.invalidFields(none)).contains("name", "scope", "frequency", "recipients");

        Api.Response badAddress = subscribe(api, "partner", partner, "WEEKLY", "\"finance@example.com\", \"not-an-address\"");
        assertThat(badAddress.status()).isEqualTo(422);
        assertThat(badAddress.body()).contains("recipients", "'not-an-address' is not an e-mail address");

        Api.Response noRecord = subscribe(api, "partner", null, "WEEKLY", "\"a@example.com\"");
        assertThat(Api.invalidFields(noRecord)).containsExactly("scopeId");
        Api.Response programWithRecord = subscribe(api, "program", partner, "WEEKLY", "\"a@example.com\"");
        assertThat(Api.invalidFields(programWithRecord)).containsExactly("scopeId");
        Api.Response unknown = subscribe(api, "partner", 987654321L, "WEEKLY", "\"a@example.com\"");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("scopeId", "no partner with id 987654321");
        Api.Response planet = subscribe(api, "planet", 1L, "WEEKLY", "\"a@example.com\"");
        assertThat(Api.invalidFields(planet)).containsExactly("scope");
        Api.Response hourly = api.post("/api/v1/report-subscriptions", """
                {"name": "Hourly", "scope": "program", "frequency": "HOURLY", "recipients": ["a@example.com"]}""");
        assertThat(hourly.status()).as("an unknown frequency is a bad request, not a server error").isIn(400, 422);

        long id = subscribe(api, "program", null, "QUARTERLY", "\"board@example.com\"").id();
        Api.Response stale = api.put("/api/v1/report-subscriptions/" + id, """
                {"name": "Board pack", "scope": "program", "frequency": "QUARTERLY", "recipients": ["board@example.com"]}""", "\"7\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/report-subscriptions/" + id + "/deliveries?status=LOST").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/report-subscriptions/" + id + "/deliveries?size=0").status()).as("paged like every list").isEqualTo(400);
        assertThat(api.get("/api/v1/notifications?page=-1").status()).isEqualTo(400);
    }

    @Test
    void aPartnerUserSubscribesToItsOwnScorecardOnlyAndSeesOnlyItsOwnSubscriptions() throws Exception {
        long other = fixtures.activePartner("US", "SILVER");
        Api partnerUser = api.newPartnerUser(partner, "Report reader");
        Api stranger = api.newPartnerUser(other, "Other reader");

        Api.Response own = subscribe(partnerUser, "partner", partner, "MONTHLY", "\"me@partner.example\"");
        assertThat(own.status()).as(own.body()).isEqualTo(201);
        long ownId = own.id();
        assertThat(subscribe(partnerUser, "partner", other, "MONTHLY", "\"me@partner.example\"").status())
                .as("another partner's scorecard is not there for it").isEqualTo(422);
        assertThat(subscribe(partnerUser, "program", null, "MONTHLY", "\"me@partner.example\"").status()).isEqualTo(403);
        long staffs = subscribe(api, "partner", partner, "MONTHLY", "\"manager@example.com\"").id();

        assertThat(partnerUser.get("/api/v1/report-subscriptions").json().findValuesAsString("id"))
                .as("its own subscriptions, not the staff's of its partner").containsExactly(String.valueOf(ownId));
        assertThat(stranger.get("/api/v1/report-subscriptions").json().size()).isZero();
        for (String path : new String[] {"", "/deliveries"}) {
            assertThat(stranger.get("/api/v1/report-subscriptions/" + ownId + path).status()).isEqualTo(404);
            assertThat(partnerUser.get("/api/v1/report-subscriptions/" + staffs + path).status()).isEqualTo(404);
        }
        assertThat(stranger.post("/api/v1/report-subscriptions/" + ownId + "/send", "{}").status()).isEqualTo(404);
        assertThat(stranger.delete("/api/v1/report-subscriptions/" + ownId, null).status()).isEqualTo(404);
        assertThat(stranger.put("/api/v1/report-subscriptions/" + ownId, """
                {"name": "Mine now", "scope": "partner", "scopeId": %d, "frequency": "WEEKLY", "recipients": ["x@example.com"]}"""
                .formatted(other), "\"0\"").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/report-subscriptions").json().findValuesAsString("id"))
                .as("the organization's people see every subscription").contains(String.valueOf(ownId), String.valueOf(staffs));

        // the scorecard is made as the partner user: its own partner's
        due(ownId);
        JsonNode delivery = sentDelivery(ownId);
        assertThat(delivery.get("status").asString()).as(delivery.toString()).isEqualTo("SENT");
        long deliveryId = delivery.get("id").asLong();
        assertThat(partnerUser.download("/api/v1/report-subscriptions/" + ownId + "/deliveries/" + deliveryId + "/document").statusCode())
                .isEqualTo(200);
        assertThat(stranger.download("/api/v1/report-subscriptions/" + ownId + "/deliveries/" + deliveryId + "/document").statusCode())
                .isEqualTo(404);
        assertThat(mail(deliveryId).getAllRecipients()).extracting(Object::toString).containsExactly("me@partner.example");
        assertThat(io.partnerpulse.support.Pdfs.text(partnerUser.download("/api/v1/report-subscriptions/" + ownId + "/deliveries/" + deliveryId + "/document").body()))
                .contains("Scorecard: " + partnerName);
    }

    @Test
    void aReportWhoseOwnerIsSwitchedOffFailsWithTheReasonAndSendsNothing() throws Exception {
        Api partnerUser = api.newPartnerUser(partner, "Leaving reader");
        long id = subscribe(partnerUser, "partner", partner, "WEEKLY", "\"leaving@partner.example\"").id();
        jdbc.sql("update app_user set active = false where id = (select owner_id from report_subscription where id = ?)").param(id).update();
        due(id);
        JsonNode delivery = sentDelivery(id);
        assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
        assertThat(delivery.get("lastError").asString()).contains("no longer exists or is switched off");
        assertThat(Files.exists(reports.outbox().orElseThrow().resolve("report-delivery-" + delivery.get("id").asLong() + ".eml"))).isFalse();
        Api.Response edit = api.put("/api/v1/report-subscriptions/" + id, """
                {"name": "Still leaving", "scope": "partner", "scopeId": %d, "frequency": "WEEKLY", "recipients": ["leaving@partner.example"]}"""
                .formatted(partner), "\"0\"");
        assertThat(edit.status()).as("a report whose owner is gone cannot be changed, only deleted: " + edit.body()).isEqualTo(409);
        assertThat(api.delete("/api/v1/report-subscriptions/" + id, null).status()).isEqualTo(204);
    }

    @Test
    void anAnalystReadsTheSubscriptionsButMakesNone() {
        String email = Fixtures.unique("analyst").replace(" ", "").toLowerCase() + "@example.com";
        assertThat(api.post("/api/v1/users", """
                {"email": "%s", "displayName": "Report analyst", "role": "ANALYST", "password": "analyst-password-1"}""".formatted(email))
                .status()).isEqualTo(201);
        Api analyst = new Api(port, Api.basic(email, "analyst-password-1"));
        assertThat(analyst.get("/api/v1/report-subscriptions").status()).isEqualTo(200);
        assertThat(subscribe(analyst, "program", null, "MONTHLY", "\"a@example.com\"").status()).isEqualTo(403);
    }
}
