package io.partnerpulse.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.deal.StageRequests;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver inside the test: it checks every signature, fails the first two calls so that
 * retries show, and must see nothing of a change that was rolled back.
 */
@PartnerPulseIntegrationTest
class WebhookSystemTests {

    static final String SECRET = "test-webhook-secret-0123456789";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpportunityManagement opportunities;
    @Autowired
    TransactionTemplate transactions;

    record Received(String event, String signature, String timestamp, String body, boolean signatureValid) {
    }

    HttpServer receiver;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final AtomicInteger calls = new AtomicInteger();
    Api admin;
    long subscription;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-PartnerPulse-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-PartnerPulse-Signature");
            boolean valid = signature != null && signature.equals("t=" + timestamp + ",v1=" + hmac(timestamp + "." + body));
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-PartnerPulse-Event"), signature, timestamp, body, valid));
            int status = calls.incrementAndGet() <= 2 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        admin = new Api(port);
        Api.Response created = admin.post("/api/v1/webhooks", """
                {"url": "http://127.0.0.1:%d/hook", "secret": "%s", "events": ["deal.won", "deal.lost", "commission.accrued", "lead.converted"]}"""
                .formatted(receiver.getAddress().getPort(), SECRET));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).isEqualTo(SECRET);
        subscription = created.id();
    }

    @AfterEach
    void stopReceiver() {
        jdbc.sql("update webhook_subscription set active = false where id = ?").param(subscription).update();
        receiver.stop(0);
    }

    static String hmac(String content) {
        return hmac(SECRET, content);
    }

    /** The signature a receiver expects, worked out here independently of the dispatcher's code. */
    static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    List<Received> about(long opportunityId, String event) {
        return received.stream().filter(r -> r.event().equals(event) && r.body().contains("\"opportunityId\":" + opportunityId + ",")).toList();
    }

    @Test
    void aWonDealIsDeliveredSignedAfterRetriesAndCanBeReplayed() throws Exception {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api.Response deal = admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": 1000.00, "currency": "USD", "partnerId": %d}""".formatted(Fixtures.unique("Hooked deal"), partner));
        long id = deal.id();
        assertThat(admin.post("/api/v1/opportunities/" + id + "/win", "{}", deal.etag()).status()).isEqualTo(200);

        Eventually.until(() -> about(id, "deal.won").stream().filter(Received::signatureValid).count() >= 1
                && calls.get() >= 3 && !about(id, "commission.accrued").isEmpty(), Duration.ofSeconds(20));
        assertThat(received).allMatch(Received::signatureValid);
        JsonNode payload = JsonMapper.builder().build().readTree(about(id, "deal.won").get(0).body());
        assertThat(payload.get("type").asString()).isEqualTo("deal.won");
        assertThat(payload.at("/data/amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(payload.get("id").asString()).hasSize(36);

        // The log shows the failed attempts before the delivery, then a replay sends it once more.
        JsonNode log = admin.get("/api/v1/webhooks/" + subscription + "/deliveries").json().get("items");
        JsonNode won = log.valueStream().filter(d -> d.get("eventType").asString().equals("deal.won")
                && d.get("payload").asString().contains("\"opportunityId\":" + id + ",")).findFirst().orElseThrow();
        Eventually.until(() -> admin.get("/api/v1/webhooks/" + subscription + "/deliveries?status=DELIVERED").json().get("total").asLong() >= 2, Duration.ofSeconds(20));
        int before = about(id, "deal.won").size();
        Api.Response replay = admin.post("/api/v1/webhooks/" + subscription + "/deliveries/" + won.get("id").asLong() + "/replay", "{}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.json().get("replayOf").asLong()).isEqualTo(won.get("id").asLong());
        Eventually.until(() -> about(id, "deal.won").size() == before + 1, Duration.ofSeconds(20));
        assertThat(about(id, "deal.won")).extracting(r -> JsonMapper.builder().build().readTree(r.body()).get("id").asString())
                .as("a replay carries the same event id, so that a receiver can tell it has seen it").containsOnly(payload.get("id").asString());
        long attempts = jdbc.sql("select max(attempts) from webhook_delivery where subscription_id = ?").param(subscription).query(Long.class).single();
        assertThat(attempts).as("the first calls failed and were tried again").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        Api.Response deal = admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": 50.00, "currency": "USD"}""".formatted(Fixtures.unique("Rolled back deal")));
        long id = deal.id();
        try {
            transactions.executeWithoutResult(status -> {
                opportunities.win(id, new StageRequests.Win(null, null, null), deal.version());
                throw new IllegalStateException("the surrounding work failed");
            });
        } catch (IllegalStateException expected) {
            // rolled back
        }
        assertThat(admin.get("/api/v1/opportunities/" + id).json().get("stage").asString()).isEqualTo("PROSPECTING");
        assertThat(jdbc.sql("select count(*) from webhook_delivery where payload like ?").param("%\"opportunityId\":" + id + ",%")
                .query(Long.class).single()).isZero();
        // and a lost deal that commits is sent, proving the subscription listens
        Api.Response lost = admin.post("/api/v1/opportunities/" + id + "/lose", "{\"reason\": \"price\"}", admin.get("/api/v1/opportunities/" + id).etag());
        assertThat(lost.status()).isEqualTo(200);
        Eventually.until(() -> about(id, "deal.lost").stream().anyMatch(Received::signatureValid) && calls.get() >= 3, Duration.ofSeconds(20));
        assertThat(about(id, "deal.won")).isEmpty();
    }

    static final String DEAL_MAPPING = "{\"columns\": {\"externalId\": \"id\", \"stage\": \"stage\", \"partner\": \"partner\","
            + " \"createdAt\": \"created\", \"closedAt\": \"closed\", \"amount\": \"amount\"}}";

    Api.Response importDeals(String csv, boolean dryRun) {
        return importDeals(csv, dryRun, DEAL_MAPPING);
    }

    Api.Response importDeals(String csv, boolean dryRun, String settings) {
        return admin.upload("/api/v1/imports/opportunities", "deals.csv", csv.getBytes(StandardCharsets.UTF_8),
                java.util.Map.of("settings", settings, "dryRun", String.valueOf(dryRun)));
    }

    long dealId(String externalId) {
        return jdbc.sql("select id from opportunity where external_id = ?").param(externalId).query(Long.class).single();
    }

    static final String DEALS_HEADER = "id,stage,partner,created,closed,amount\n";

    record Partner(long id, String name) {
    }

    /** An active partner whose commission rate is {@code rate}. */
    Partner partnerEarning(String rate) {
        long id = new Fixtures(jdbc).activePartner("US", "GOLD");
        jdbc.sql("update partner set commission_rate = ?::numeric where id = ?").params(rate, id).update();
        return new Partner(id, jdbc.sql("select name from partner where id = ?").param(id).query(String.class).single());
    }

    BigDecimal booked(long opportunityId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from commission where opportunity_id = ?").param(opportunityId)
                .query(BigDecimal.class).single();
    }

    @Test
    void aReImportThatWinsOrLosesADealAnnouncesItWhileImportedHistoryAndDryRunsAnnounceNothing() throws Exception {
        Partner partner = partnerEarning("0.10");
        String name = partner.name();
        String u = Fixtures.unique("imp").replace(' ', '-');
        String header = DEALS_HEADER;
        // the first import brings history in: a deal won last year is not announced, earns nothing
        Api.Response first = importDeals(header + u + "-open,Prospecting," + name + ",2026-10-01,,1000\n"
                + u + "-old,Won," + name + ",2025-01-01,2025-02-01,500\n", false);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        long open = dealId(u + "-open");
        long old = dealId(u + "-old");

        // a dry run of the win writes and announces nothing
        String won = header + u + "-open,Won," + name + ",2026-10-01,2026-11-02,1000\n"
                + u + "-old,Won," + name + ",2025-01-01,2025-02-01,500\n";
        Api.Response dryRun = importDeals(won, true);
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.json().get("warnings").toString()).as("it says what an import would announce")
                .contains("an import would announce", "deals won, lost or reopened 1; leads converted 0");
        assertThat(jdbc.sql("select stage from opportunity where id = ?").param(open).query(String.class).single()).isEqualTo("PROSPECTING");

        // the re-import that wins the open deal announces it: a signed webhook and the partner's commission
        Api.Response second = importDeals(won, false);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().get("updated").asLong()).isEqualTo(1);
        assertThat(second.json().get("warnings").toString()).contains("deals won, lost or reopened 1; leads converted 0");
        Eventually.until(() -> about(open, "deal.won").stream().anyMatch(Received::signatureValid)
                && !about(open, "commission.accrued").isEmpty(), Duration.ofSeconds(20));
        JsonNode payload = JsonMapper.builder().build().readTree(about(open, "deal.won").get(0).body());
        assertThat(payload.at("/data/amount").decimalValue()).isEqualByComparingTo("1000.00");
        assertThat(payload.at("/data/partnerId").asLong()).isEqualTo(partner.id());
        assertThat(booked(open)).isEqualByComparingTo("100.00");

        // losing it in the next file reverses the commission and announces the loss
        Api.Response third = importDeals(header + u + "-open,Lost," + name + ",2026-10-01,2026-11-03,0\n", false);
        assertThat(third.status()).as(third.body()).isEqualTo(200);
        Eventually.until(() -> about(open, "deal.lost").stream().anyMatch(Received::signatureValid) && booked(open).signum() == 0,
                Duration.ofSeconds(20));

        assertThat(about(old, "deal.won")).isEmpty();
        assertThat(jdbc.sql("select count(*) from webhook_delivery where payload like ?").param("%\"opportunityId\":" + old + ",%")
                .query(Long.class).single()).isZero();
        assertThat(booked(old)).isZero();
        assertThat(about(open, "deal.won").stream().map(r -> JsonMapper.builder().build().readTree(r.body()).get("id").asString()).distinct())
                .as("one event (sent again only after failures): the dry run announced nothing").hasSize(1);
    }

    @Test
    void anImportThatAnnouncesAllSendsTheDealsItAddsClosedAndOneThatAnnouncesNoneSendsNothing() throws Exception {
        String name = partnerEarning("0.05").name();
        String u = Fixtures.unique("sync").replace(' ', '-');
        String header = DEALS_HEADER;
        // a sync brings in a deal won since the last one: with "ALL" it is announced like a win in the app
        Api.Response synced = importDeals(header + u + "-new,Won," + name + ",2026-11-01,2026-11-20,2000\n", false,
                DEAL_MAPPING.replace("}}", "}, \"announce\": \"ALL\"}"));
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        long deal = dealId(u + "-new");
        Eventually.until(() -> about(deal, "deal.won").stream().anyMatch(Received::signatureValid)
                && !about(deal, "commission.accrued").isEmpty(), Duration.ofSeconds(20));
        assertThat(JsonMapper.builder().build().readTree(about(deal, "deal.won").get(0).body()).at("/data/closedAt").asString())
                .startsWith("2026-11-20");
        assertThat(booked(deal)).isEqualByComparingTo("100.00");

        // history corrected in bulk with "NONE": the deal is lost now, and nothing is sent or reversed
        Api.Response corrected = importDeals(header + u + "-new,Lost," + name + ",2026-11-01,2026-11-21,0\n", false,
                DEAL_MAPPING.replace("}}", "}, \"announce\": \"NONE\"}"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(jdbc.sql("select stage from opportunity where id = ?").param(deal).query(String.class).single()).isEqualTo("LOST");
        assertThat(jdbc.sql("select count(*) from webhook_delivery where event_type = 'deal.lost' and payload like ?")
                .param("%\"opportunityId\":" + deal + ",%").query(Long.class).single()).isZero();
        assertThat(booked(deal)).isEqualByComparingTo("100.00");
    }

    @Test
    void aLeadConvertedByAnImportedDealIsAnnouncedOnlyWhenTheImportAnnouncesAll() throws Exception {
        String u = Fixtures.unique("mql").replace(' ', '-');
        Api.Response leads = admin.upload("/api/v1/imports/leads", "mql.csv", ("mql_id,first_contact_date\n" + u + "-1,2026-10-01\n"
                + u + "-2,2026-10-02\n").getBytes(StandardCharsets.UTF_8),
                java.util.Map.of("settings", "{\"columns\": {\"externalId\": \"mql_id\", \"createdAt\": \"first_contact_date\"}}"));
        assertThat(leads.status()).as(leads.body()).isEqualTo(200);
        String deals = "{\"columns\": {\"externalId\": \"id\", \"lead\": \"mql_id\", \"closedAt\": \"won\", \"amount\": \"amount\"},"
                + " \"constants\": {\"stage\": \"WON\"}%s}";
        // closed deals of the other CRM converted their leads there: history, not announced by default
        Api.Response history = admin.upload("/api/v1/imports/opportunities", "deals.csv",
                ("id,mql_id,won,amount\nd" + u + "-1," + u + "-1,2026-10-20,10\n").getBytes(StandardCharsets.UTF_8),
                java.util.Map.of("settings", deals.formatted("")));
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        // a sync that announces all: the lead its new deal converts is announced
        Api.Response synced = admin.upload("/api/v1/imports/opportunities", "deals.csv",
                ("id,mql_id,won,amount\nd" + u + "-2," + u + "-2,2026-10-21,20\n").getBytes(StandardCharsets.UTF_8),
                java.util.Map.of("settings", deals.formatted(", \"announce\": \"ALL\"")));
        assertThat(synced.status()).as(synced.body()).isEqualTo(200);
        long first = dealId("d" + u + "-1");
        long second = dealId("d" + u + "-2");
        long lead = jdbc.sql("select id from lead where external_id = ?").param(u + "-2").query(Long.class).single();
        Eventually.until(() -> about(second, "lead.converted").stream().anyMatch(Received::signatureValid)
                && !about(second, "deal.won").isEmpty(), Duration.ofSeconds(20));
        JsonNode payload = JsonMapper.builder().build().readTree(about(second, "lead.converted").get(0).body());
        assertThat(payload.at("/data/leadId").asLong()).isEqualTo(lead);
        assertThat(payload.at("/data/at").asString()).as("converted when its deal was opened: the deal names no day, so the lead's first contact")
                .startsWith("2026-10-02");
        assertThat(jdbc.sql("select count(*) from webhook_delivery where payload like ?").param("%\"opportunityId\":" + first + ",%")
                .query(Long.class).single()).as("the history's deal and lead").isZero();
    }

    @Test
    void theWebhookPagesAreForAdministratorsOnlyAndNameABadFieldBesideItWithoutWriting() {
        Api page = Api.admin(port);
        long before = jdbc.sql("select count(*) from webhook_subscription").query(Long.class).single();
        Api.Response badUrl = page.form("/webhooks", "url=ftp%3A%2F%2Fx&events=deal.won&active=true");
        assertThat(badUrl.status()).isEqualTo(200);
        assertThat(badUrl.body()).contains("field-error", "must be an absolute http or https address", "value=\"ftp://x\"");
        assertThat(page.form("/webhooks", "url=https%3A%2F%2Ferp.example%2Fhook&active=true").body()).contains("field-error", "choose one or more of the events listed");
        assertThat(jdbc.sql("select count(*) from webhook_subscription").query(Long.class).single()).isEqualTo(before);

        String hook = "url=https%3A%2F%2Ferp.example%2Fmoved&events=deal.lost&active=true";
        Api.Response stale = page.form("/webhooks/" + subscription, hook + "&version=7");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("role=\"alert\"", "Someone changed this record after you opened it.");
        assertThat(page.form("/webhooks/" + subscription, hook + "&secret=tooshort&version=0").body())
                .contains("field-error", "a secret has 16 to 200 characters");
        assertThat(admin.get("/api/v1/webhooks/" + subscription).json().get("url").asString()).endsWith("/hook");
        assertThat(page.get("/webhooks").body()).contains("/hook").doesNotContain(SECRET);
        assertThat(page.get("/webhooks/" + subscription).body()).doesNotContain(SECRET);
        assertThat(page.get("/webhooks/987654321").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/webhooks/" + subscription + "/deliveries?status=SENT").json().get("allowed").toString())
                .as("a status that does not exist is named, not answered with an empty log").contains("PENDING", "DELIVERED", "FAILED");

        for (String role : List.of("CHANNEL_MANAGER", "ANALYST", "PARTNER_USER")) {
            String email = Fixtures.unique(role.toLowerCase()).replace(" ", "") + "@hooks.example";
            Long partner = role.equals("PARTNER_USER") ? new Fixtures(jdbc).activePartner("US", "GOLD") : null;
            assertThat(admin.post("/api/v1/users", """
                    {"email": "%s", "displayName": "Not an admin", "role": "%s", "partnerId": %s, "password": "hooks-password-1"}"""
                    .formatted(email, role, partner)).status()).isEqualTo(201);
            Api user = new Api(port, Api.basic(email, "hooks-password-1"));
            assertThat(user.get("/webhooks").status()).as(role).isEqualTo(403);
            assertThat(user.get("/webhooks/" + subscription).status()).as(role).isEqualTo(403);
            assertThat(user.form("/webhooks", hook).status()).as(role).isEqualTo(403);
            assertThat(user.get("/").body()).as(role + " is not offered the link").doesNotContain("href=\"/webhooks\"");
        }
        assertThat(page.get("/").body()).contains("href=\"/webhooks\"");
    }

    @Test
    void onlyValidSubscriptionsAreAccepted() {
        assertThat(Api.invalidFields(admin.post("/api/v1/webhooks", "{\"url\": \"ftp://x\", \"events\": [\"deal.won\"]}"))).containsExactly("url");
        assertThat(Api.invalidFields(admin.post("/api/v1/webhooks", "{\"url\": \"https://erp.example/hook\", \"events\": [\"deal.eaten\"]}")))
                .containsExactly("events");
        Api.Response made = admin.post("/api/v1/webhooks", "{\"url\": \"https://erp.example/hook\", \"events\": [\"deal.won\"], \"active\": false}");
        assertThat(made.json().get("secret").asString()).as("a secret is made when none is given").hasSizeGreaterThanOrEqualTo(32);
        assertThat(admin.get("/api/v1/webhooks/" + made.id()).json().get("secret").isNull()).as("and never shown again").isTrue();
    }

}
