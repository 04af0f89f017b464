package io.partnerpulse.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Market development funds over HTTP: a fund's whole life with figures worked out by hand, the rules
 * that keep it from being overspent, and what a partner user may do with its own.
 */
@PartnerPulseIntegrationTest
class FundSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    long partner;
    long channel;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fixtures = new Fixtures(jdbc);
        partner = fixtures.activePartner("US", "GOLD");
        channel = fixtures.channel("PAID");
    }

    private long allocate(long partner, String amount, String currency) {
        Api.Response created = api.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-07-01", "amount": %s, "currency": "%s", "note": "H1 fund"}"""
                .formatted(partner, amount, currency));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    private Api.Response request(Api as, long allocation, String amount, Long campaign) {
        return as.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "Spring webinar", "campaignId": %s, "startsOn": "2026-02-01", "endsOn": "2026-02-28",
                 "requestedAmount": %s}""".formatted(allocation, campaign, amount));
    }

    private Api.Response approve(long request, String amount) {
        return api.post("/api/v1/funds/requests/" + request + "/approve", "{\"approvedAmount\": %s}".formatted(amount),
                api.get("/api/v1/funds/requests/" + request).etag());
    }

    private Api.Response claim(Api as, long request, String amount) {
        return as.post("/api/v1/funds/claims", """
                {"requestId": %d, "amount": %s, "proof": "Invoice INV-%s for the venue and the ads"}""".formatted(request, amount, amount));
    }

    private Api.Response claimStep(long claim, String step, String body) {
        return api.post("/api/v1/funds/claims/" + claim + "/" + step, body, api.get("/api/v1/funds/claims/" + claim).etag());
    }

    private long campaign(long ofPartner) {
        return api.post("/api/v1/campaigns", """
                {"name": "%s", "channelId": %d, "partnerId": %d, "startsOn": "2026-02-01", "endsOn": "2026-02-28", "cost": 4000, "currency": "USD"}"""
                .formatted(Fixtures.unique("Co-marketing webinar"), channel, ofPartner)).id();
    }

    /** A deal of the partner through the campaign, opened in February and won (or left open) on the day given. */
    private void deal(long ofPartner, Long campaign, String amount, String currency, String wonAt) {
        Api.Response deal = api.post("/api/v1/opportunities", """
                {"name": "%s", "amount": %s, "currency": "%s", "partnerId": %d, "campaignId": %s, "channelId": %d,
                 "createdAt": "2026-02-10T09:00:00Z"}""".formatted(Fixtures.unique("Funded deal"), amount, currency, ofPartner, campaign, channel));
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        if (wonAt != null) {
            Api.Response won = api.post("/api/v1/opportunities/" + deal.id() + "/win", "{\"at\": \"" + wonAt + "\"}", deal.etag());
            assertThat(won.status()).as(won.body()).isEqualTo(200);
        }
    }

    private void rate(String currency, String day, String rate) {
        assertThat(api.send("PUT", "/api/v1/exchange-rates/" + currency + "/" + day, "{\"rateToBase\": " + rate + "}").status()).isEqualTo(200);
    }

    private static String money(JsonNode node, String field) {
        return node.get(field).decimalValue().stripTrailingZeros().toPlainString();
    }

    @Test
    void keepsAFundsLedgerAndItsReturnAsWorkedOutByHand() {
        rate("SEK", "2026-03-01", "0.10");
        rate("SEK", "2026-04-01", "0.20");
        long campaign = campaign(partner);
        long other = fixtures.activePartner("US", "SILVER");
        long usd = allocate(partner, "10000.00", "USD");
        long sek = allocate(partner, "50000.00", "SEK");

        // requests: 4,000 approved for 3,500; 7,000 is more than the 6,500 left; 6,500 and 100 wait, the first is approved
        long webinar = request(api, usd, "4000.00", campaign).id();
        assertThat(approve(webinar, "3500.00").json().get("status").asString()).isEqualTo("APPROVED");
        Api.Response tooMuch = request(api, usd, "7000.00", null);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("requestedAmount", "6500.00 left");
        long fair = request(api, usd, "6500.00", null).id();
        long small = request(api, usd, "100.00", null).id();
        assertThat(approve(fair, "null").status()).isEqualTo(200);
        Api.Response overspent = approve(small, "null");
        assertThat(overspent.status()).as("pending requests reserve nothing; an approval takes what is left").isEqualTo(422);
        assertThat(overspent.body()).contains("0.00 left");
        assertThat(api.post("/api/v1/funds/requests/" + small + "/reject", "{\"reason\": \"Fund spent\"}",
                api.get("/api/v1/funds/requests/" + small).etag()).json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(money(api.get("/api/v1/funds/allocations/" + usd).json(), "available")).isEqualTo("0");
        // withdrawing the unclaimed 6,500 gives it back
        Api.Response withdrawn = api.post("/api/v1/funds/requests/" + fair + "/withdraw", "{\"reason\": \"Event cancelled\"}",
                api.get("/api/v1/funds/requests/" + fair).etag());
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(money(api.get("/api/v1/funds/allocations/" + usd).json(), "available")).isEqualTo("6500");

        // claims against the 3,500: 2,000 and 1,500 take it all; the 1,500 rejected frees room for 1,000
        long first = claim(api, webinar, "2000.00").id();
        long second = claim(api, webinar, "1500.00").id();
        Api.Response beyond = claim(api, webinar, "0.01");
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.body()).contains("0.00 left to claim");
        assertThat(claimStep(second, "reject", "{\"reason\": \"No invoice\"}").status()).isEqualTo(200);
        long third = claim(api, webinar, "1000.00").id();
        assertThat(claimStep(first, "pay", "{\"paidOn\": \"2026-03-10\"}").status()).as("only an approved claim is paid").isEqualTo(409);
        assertThat(claimStep(first, "approve", "{}").json().get("status").asString()).isEqualTo("APPROVED");
        Api.Response paid = claimStep(first, "pay", "{\"paidOn\": \"2026-03-10\", \"paymentReference\": \"PAY-77\"}");
        assertThat(paid.json().get("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().get("paymentReference").asString()).isEqualTo("PAY-77");
        assertThat(claimStep(third, "approve", "{}").status()).isEqualTo(200);
        Api.Response withdrawClaimed = api.post("/api/v1/funds/requests/" + webinar + "/withdraw", "{}",
                api.get("/api/v1/funds/requests/" + webinar).etag());
        assertThat(withdrawClaimed.status()).isEqualTo(409);

        // the SEK fund: 10,000 SEK approved, claimed and paid on 2026-03-10 (0.10 that day: 1,000 USD)
        long sekRequest = request(api, sek, "10000.00", null).id();
        approve(sekRequest, "null");
        long sekClaim = claim(api, sekRequest, "10000.00").id();
        claimStep(sekClaim, "approve", "{}");
        claimStep(sekClaim, "pay", "{\"paidOn\": \"2026-03-10\"}");

        // the campaign's won deals of this partner: 200 and 400 USD in 15 days, 1,000 SEK at 0.10 on its day (100 USD);
        // not counted: another partner's deal on it, this partner's deal without it, a lost one; open: 1,000 USD
        deal(partner, campaign, "200.00", "USD", "2026-03-01T12:00:00Z");
        deal(partner, campaign, "400.00", "USD", "2026-03-16T12:00:00Z");
        deal(partner, campaign, "1000.00", "SEK", "2026-03-05T12:00:00Z");
        deal(other, campaign, "9000.00", "USD", "2026-03-05T12:00:00Z");
        deal(partner, null, "8000.00", "USD", "2026-03-05T12:00:00Z");
        deal(partner, campaign, "1000.00", "USD", null);
        api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s\", \"country\": \"US\", \"campaignId\": %d}"
                .formatted(Fixtures.unique("Webinar lead"), campaign));
        api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s\", \"country\": \"US\", \"campaignId\": %d}"
                .formatted(Fixtures.unique("Webinar lead"), campaign));
        api.post("/api/v1/leads?partnerId=" + other, "{\"companyName\": \"%s\", \"country\": \"US\", \"campaignId\": %d}"
                .formatted(Fixtures.unique("Other lead"), campaign));

        JsonNode returns = api.get("/api/v1/funds/returns?partnerId=" + partner).json().get("items");
        assertThat(returns).hasSize(2);
        JsonNode ofWebinar = returns.get(1).get("requestId").asLong() == webinar ? returns.get(1) : returns.get(0);
        assertThat(ofWebinar.get("leads").asLong()).isEqualTo(2);
        assertThat(ofWebinar.get("wonDeals").asLong()).isEqualTo(3);
        assertThat(money(ofWebinar, "revenue")).isEqualTo("700");
        assertThat(money(ofWebinar, "openPipeline")).isEqualTo("1000");
        assertThat(money(ofWebinar, "paid")).isEqualTo("2000");
        assertThat(money(ofWebinar, "roi")).as("(700 − 2,000) ÷ 2,000").isEqualTo("-0.65");
        JsonNode ofSek = returns.get(1).get("requestId").asLong() == sekRequest ? returns.get(1) : returns.get(0);
        assertThat(ofSek.get("wonDeals").asLong()).isZero();
        assertThat(money(ofSek, "paid")).isEqualTo("1000");

        // allocated 10,000 + 50,000 SEK at today's 0.20; approved 3,500 + 2,000; claimed 2,000 + 1,000 + 2,000; paid 2,000 + 1,000 (its day's 0.10)
        JsonNode totals = api.get("/api/v1/funds/totals?partnerId=" + partner).json();
        assertThat(money(totals, "allocated")).isEqualTo("20000");
        assertThat(money(totals, "approved")).isEqualTo("5500");
        assertThat(money(totals, "available")).isEqualTo("14500");
        assertThat(money(totals, "claimed")).isEqualTo("5000");
        assertThat(money(totals, "paid")).isEqualTo("3000");
        assertThat(totals.get("campaigns").asLong()).isEqualTo(1);
        assertThat(totals.get("wonDeals").asLong()).isEqualTo(3);
        assertThat(money(totals, "revenue")).isEqualTo("700");
        assertThat(money(totals, "roi")).as("(700 − 3,000) ÷ 3,000").isEqualTo("-0.7667");
        assertThat(money(api.get("/api/v1/funds/totals?partnerId=" + partner + "&year=2025").json(), "allocated")).as("no fund in 2025").isEqualTo("0");
        assertThat(api.get("/api/v1/funds/totals?partnerId=" + partner + "&year=2025").json().get("roi").isNull()).as("nothing paid: no ROI").isTrue();

        JsonNode allocation = api.get("/api/v1/funds/allocations/" + usd).json();
        assertThat(money(allocation, "approved")).isEqualTo("3500");
        assertThat(money(allocation, "claimed")).isEqualTo("3000");
        assertThat(money(allocation, "paid")).isEqualTo("2000");
        assertThat(api.get("/api/v1/audit?entityType=fund-claim&entityId=" + first).json().get("items")).hasSize(3);
    }

    @Test
    void keepsAnAllocationAboveWhatIsApprovedFromItAndItsRequestsInsideItsPeriod() {
        long fund = allocate(partner, "5000.00", "USD");
        long request = request(api, fund, "3000.00", null).id();
        approve(request, "null");
        String etag = api.get("/api/v1/funds/allocations/" + fund).etag();
        Api.Response below = api.send("PUT", "/api/v1/funds/allocations/" + fund, """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-07-01", "amount": 2999.99, "currency": "USD", "version": %s}"""
                .formatted(partner, etag.replace("\"", "")));
        assertThat(below.status()).isEqualTo(422);
        assertThat(below.body()).contains("amount", "3000.00 already approved");
        Api.Response shrunk = api.send("PUT", "/api/v1/funds/allocations/" + fund, """
                {"partnerId": %d, "periodStart": "2026-03-01", "periodEnd": "2026-07-01", "amount": 3000, "currency": "EUR", "version": %s}"""
                .formatted(partner, etag.replace("\"", "")));
        assertThat(shrunk.status()).isEqualTo(422);
        assertThat(shrunk.body()).contains("periodStart", "currency");
        Api.Response fine = api.send("PUT", "/api/v1/funds/allocations/" + fund, """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-12-31", "amount": 3000, "currency": "USD", "version": %s}"""
                .formatted(partner, etag.replace("\"", "")));
        assertThat(fine.status()).as(fine.body()).isEqualTo(200);
        assertThat(money(fine.json(), "available")).isEqualTo("0");
        assertThat(api.delete("/api/v1/funds/allocations/" + fund, null).status()).as("no If-Match").isEqualTo(428);
        Api.Response delete = api.delete("/api/v1/funds/allocations/" + fund, fine.etag());
        assertThat(delete.status()).as("a fund with requests is history").isEqualTo(409);
        Api.Response outside = api.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "Late", "startsOn": "2027-01-05", "endsOn": "2027-01-04", "requestedAmount": 1}""".formatted(fund));
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.body()).contains("startsOn", "endsOn");
        Api.Response stale = api.post("/api/v1/funds/requests/" + request + "/withdraw", "{}", "\"0\"");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void letsTwoApprovalsAtTheSameMomentSpendTheFundOnlyOnce() throws Exception {
        long fund = allocate(partner, "10000.00", "USD");
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            requests.add(request(api, fund, "6000.00", null).id());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (long request : requests) {
                answers.add(pool.submit(() -> approve(request, "null").status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnlyOnce(200).contains(422);
        } finally {
            pool.shutdown();
        }
        assertThat(money(api.get("/api/v1/funds/allocations/" + fund).json(), "available")).isEqualTo("4000");
    }

    @Test
    void letsAPartnerUserRequestAndClaimFromItsOwnFundsOnly() {
        long rival = fixtures.activePartner("US", "GOLD");
        long own = allocate(partner, "8000.00", "USD");
        long theirs = allocate(rival, "8000.00", "USD");
        long ownCampaign = campaign(partner);
        long theirCampaign = campaign(rival);
        Api user = api.newPartnerUser(partner, "fund user").withToken();

        Api.Response asked = request(user, own, "1000.00", ownCampaign);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("submittedBy").asString()).contains("fund user".replace(" ", "")).isNotEqualTo("admin");
        Api.Response other = request(user, theirs, "1000.00", null);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).contains("there is no fund allocation with id " + theirs);
        Api.Response theirCampaignNamed = request(user, own, "1000.00", theirCampaign);
        assertThat(theirCampaignNamed.body()).as("another partner's campaign reads as missing").contains("there is no campaign with id " + theirCampaign);
        assertThat(request(api, own, "1000.00", theirCampaign).body()).as("staff are told why")
                .contains("is not a co-marketing campaign of this partner");

        assertThat(user.post("/api/v1/funds/requests/" + asked.id() + "/approve", "{}", asked.etag()).status()).isEqualTo(403);
        approve(asked.id(), "null");
        Api.Response claimed = claim(user, asked.id(), "800.00");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(201);
        assertThat(user.post("/api/v1/funds/claims/" + claimed.id() + "/approve", "{}", claimed.etag()).status()).isEqualTo(403);

        assertThat(user.get("/api/v1/funds/allocations/" + theirs).status()).isEqualTo(404);
        assertThat(user.get("/api/v1/funds/allocations?partnerId=" + rival).status()).isEqualTo(403);
        JsonNode seen = user.get("/api/v1/funds/allocations").json();
        seen.get("items").forEach(a -> assertThat(a.get("partnerId").asLong()).isEqualTo(partner));
        assertThat(seen.get("total").asLong()).isEqualTo(1);
        assertThat(user.get("/api/v1/funds/totals").json().get("allocated").decimalValue()).isEqualByComparingTo("8000");
        long rivalRequest = request(api, theirs, "500.00", null).id();
        assertThat(user.get("/api/v1/funds/requests/" + rivalRequest).status()).isEqualTo(404);
        assertThat(user.post("/api/v1/funds/requests/" + rivalRequest + "/withdraw", "{}", "\"0\"").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/funds/requests/" + rivalRequest).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void tellsFinanceOfAnApprovedClaimAndItsPaymentThroughTheWebhookOutbox() {
        long subscription = api.post("/api/v1/webhooks", """
                {"url": "http://127.0.0.1:9/finance", "secret": "a-long-enough-secret", "events": ["fund.claim-approved", "fund.claim-paid"]}""").id();
        try {
            long fund = allocate(partner, "1000.00", "USD");
            long request = request(api, fund, "1000.00", null).id();
            approve(request, "null");
            long claim = claim(api, request, "250.00").id();
            claimStep(claim, "approve", "{}");
            String payload = jdbc.sql("select payload::text from webhook_delivery where subscription_id = :s and event_type = 'fund.claim-approved'")
                    .param("s", subscription).query(String.class).single();
            assertThat(payload).contains("\"claimId\":" + claim, "\"amount\":250.00", "\"partnerId\":" + partner);
            claimStep(claim, "pay", "{\"paidOn\": \"2026-03-10\", \"paymentReference\": \"PAY-77\"}");
            String paid = jdbc.sql("select payload::text from webhook_delivery where subscription_id = :s and event_type = 'fund.claim-paid'")
                    .param("s", subscription).query(String.class).single();
            assertThat(paid).contains("\"claimId\":" + claim, "\"paidOn\":\"2026-03-10\"", "\"paymentReference\":\"PAY-77\"");
        } finally {
            jdbc.sql("update webhook_subscription set active = false where id = :s").param("s", subscription).update();
        }
    }

    @Test
    void keepsTheFilesThatProveAClaimForItsPartnerAndStaffOnly() throws Exception {
        long fund = allocate(partner, "1000.00", "USD");
        long request = request(api, fund, "1000.00", null).id();
        approve(request, "null");
        Api user = api.newPartnerUser(partner, "claimant").withToken();
        long claim = claim(user, request, "300.00").id();
        byte[] pdf = "%PDF-1.4\n% an invoice\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        Api.Response added = user.uploadFiles("/api/v1/funds/claims/" + claim + "/documents", "file", java.util.Map.of("../Invoice 7.pdf", pdf),
                java.util.Map.of());
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("fileName").asString()).isEqualTo("Invoice 7.pdf");
        assertThat(added.json().get("contentType").asString()).isEqualTo("application/pdf");
        long document = added.json().get("id").asLong();
        var file = api.download("/api/v1/funds/claims/" + claim + "/documents/" + document);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment").contains("Invoice 7.pdf");
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");

        Api.Response html = user.uploadFiles("/api/v1/funds/claims/" + claim + "/documents", "file",
                java.util.Map.of("invoice.pdf", "<html><script>alert(1)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                java.util.Map.of());
        assertThat(html.status()).isEqualTo(422);
        assertThat(Api.invalidFields(html)).containsExactly("file");
        assertThat(user.uploadFiles("/api/v1/funds/claims/" + claim + "/documents", "other", java.util.Map.of("a.pdf", pdf), java.util.Map.of())
                .status()).as("no part named file").isEqualTo(422);

        long rival = fixtures.activePartner("US", "GOLD");
        Api stranger = api.newPartnerUser(rival, "stranger").withToken();
        assertThat(stranger.get("/api/v1/funds/claims/" + claim + "/documents").status()).isEqualTo(404);
        assertThat(stranger.download("/api/v1/funds/claims/" + claim + "/documents/" + document).statusCode()).isEqualTo(404);
        assertThat(stranger.uploadFiles("/api/v1/funds/claims/" + claim + "/documents", "file", java.util.Map.of("a.pdf", pdf),
                java.util.Map.of()).status()).isEqualTo(404);
        assertThat(api.download("/api/v1/funds/claims/" + claim + "/documents/" + (document + 1000)).statusCode()).isEqualTo(404);

        claimStep(claim, "approve", "{}");
        Api.Response late = user.uploadFiles("/api/v1/funds/claims/" + claim + "/documents", "file", java.util.Map.of("late.pdf", pdf),
                java.util.Map.of());
        assertThat(late.status()).as("a decided claim's proof is what it was decided on").isEqualTo(409);
        assertThat(api.get("/api/v1/funds/claims/" + claim + "/documents").json()).hasSize(1);
        assertThat(api.get("/api/v1/audit?entityType=fund-claim&entityId=" + claim + "&action=fund-claim.document-added").json()
                .get("items")).hasSize(1);
    }

    @Test
    void refusesAClaimUploadLargerThanAClaimsFilesCanBeBeforeReadingIt() throws Exception {
        // a request that says its body is 200 MB, and sends none of it: answered at once, on its length alone
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/funds/claims/1/documents HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + api.authorization() + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                    + "Content-Length: " + 200L * 1024 * 1024 + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n; !answer.toString().contains("request.too-large") && (n = socket.getInputStream().read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("request.too-large");
        }
    }
}
