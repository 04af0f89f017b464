package io.partnerpulse.fund.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The funds page: a fund's life through its forms, each form's problems beside its fields, and who may do what. */
@PartnerPulseIntegrationTest
class FundsPageSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api admin;
    long partner;
    String partnerName;

    @BeforeEach
    void setUp() {
        admin = Api.admin(port);
        partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        partnerName = jdbc.sql("select name from partner where id = :p").param("p", partner).query(String.class).single();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table + " where partner_id = :p").param("p", partner).query(Long.class).single();
    }

    @Test
    void takesAFundFromAllocationToPaymentThroughItsForms() {
        assertThat(admin.form("/funds/allocations", "partner=" + encode(partnerName) + "&periodStart=2026-01-01&through=2026-06-30"
                + "&amount=12000,50&currency=usd&note=H1").status()).isEqualTo(302);
        long fund = jdbc.sql("select id from fund_allocation where partner_id = :p").param("p", partner).query(Long.class).single();
        assertThat(jdbc.sql("select period_end || ' ' || amount || ' ' || currency from fund_allocation where id = :id").param("id", fund)
                .query(String.class).single()).as("the last day typed, kept exclusive; a decimal comma; the code in capitals")
                .isEqualTo("2026-07-01 12000.50 USD");
        assertThat(admin.get("/funds?partnerId=" + partner).body()).contains(partnerName, "$12,000");

        assertThat(admin.form("/funds/requests", "allocationId=" + fund + "&activity=Roadshow&startsOn=2026-04-01&endsOn=2026-04-03"
                + "&requestedAmount=5000").status()).isEqualTo(302);
        long request = jdbc.sql("select id from fund_request where allocation_id = :a").param("a", fund).query(Long.class).single();
        String requests = admin.get("/funds?show=requests&partnerId=" + partner).body();
        assertThat(requests).contains("Roadshow", "/funds/requests/" + request + "/approve");
        assertThat(admin.form("/funds/requests/" + request + "/approve", "version=0&approvedAmount=4500").status()).isEqualTo(302);
        assertThat(jdbc.sql("select status || ' ' || approved_amount from fund_request where id = :id").param("id", request)
                .query(String.class).single()).isEqualTo("APPROVED 4500.00");

        assertThat(admin.get("/funds?show=claims&requestId=" + request).body()).contains("#" + request + " Roadshow");
        assertThat(admin.form("/funds/claims", "requestId=" + request + "&amount=4000&proof=" + encode("Hall rental INV-9")).status())
                .isEqualTo(302);
        long claim = jdbc.sql("select id from fund_claim where request_id = :r").param("r", request).query(Long.class).single();
        assertThat(admin.form("/funds/claims/" + claim + "/approve", "version=0").status()).isEqualTo(302);
        assertThat(admin.form("/funds/claims/" + claim + "/pay", "version=1&paidOn=2026-05-02&paymentReference=PAY-1").status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select status || ' ' || paid_on || ' ' || payment_reference from fund_claim where id = :id").param("id", claim)
                .query(String.class).single()).isEqualTo("PAID 2026-05-02 PAY-1");
        String claims = admin.get("/funds?show=claims&partnerId=" + partner).body();
        assertThat(claims).contains("Hall rental INV-9", "PAY-1", "/audit?entityType=fund-claim&amp;entityId=" + claim);
        assertThat(admin.get("/audit?entityType=fund-claim&entityId=" + claim).body()).as("each step of the claim, in the audit log")
                .contains("fund-claim.submitted", "fund-claim.approved", "fund-claim.paid");
        String returns = admin.get("/funds?show=returns&partnerId=" + partner).body();
        assertThat(returns).contains("Roadshow", "data-total=\"paid\">$4,000<");
        assertThat(admin.get("/partners/" + partner).body()).as("the partner's page sums its funds up and links to them")
                .contains("Allocated $12,000, approved $4,500, paid $4,000, left $7,500; return on what was paid -100%", "/funds?partnerId=" + partner);
    }

    @Test
    void saysEachFormsProblemsBesideTheirFieldsAndWritesNothing() {
        String allocation = admin.form("/funds/allocations", "partner=Nobody+by+this+name+at+all&periodStart=2026-13-01&through=yesterday"
                + "&amount=12.345&currency=XYZ").body();
        assertThat(allocation).contains("No partner is named", "“2026-13-01” is not a day", "“yesterday” is not a day",
                "“12.345” is not an amount");
        String reversed = admin.form("/funds/allocations", "partner=" + encode(partnerName) + "&periodStart=2026-06-01&through=2026-01-01"
                + "&amount=100&currency=USD").body();
        assertThat(reversed).contains("must be after the start");
        assertThat(count("fund_allocation")).isZero();

        long fund = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-04-01", "amount": 1000, "currency": "USD"}"""
                .formatted(partner)).id();
        assertThat(admin.form("/funds/requests", "allocationId=" + fund + "&activity=+&startsOn=2026-02-01&endsOn=2026-02-01"
                + "&requestedAmount=10").body()).contains("must not be blank");
        String request = admin.form("/funds/requests", "allocationId=" + fund + "&activity=Fair&startsOn=2026-05-01&endsOn=2026-04-01"
                + "&requestedAmount=1000.01").body();
        assertThat(request).contains("must fall in the fund’s period, 2026-01-01 to 2026-03-31", "must not be before the start",
                "is more than the 1000.00 left");
        String urdu = admin.form("/funds/requests?lang=ur", "allocationId=" + fund + "&activity=x&startsOn=2026-02-01&endsOn=2026-02-01"
                + "&requestedAmount=5000", "ur").body();
        assertThat(urdu).contains("فنڈ میں باقی 1000.00 سے زیادہ ہے");
        String hostile = admin.form("/funds/requests", "allocationId=" + fund + "&activity=" + "x".repeat(5000) + "&description=%00"
                + "&startsOn=2026-02-01&endsOn=2026-02-02&requestedAmount=99999999999999999999999").body();
        assertThat(hostile).contains("“99999999999999999999999” is not an amount");
        assertThat(count("fund_request")).isZero();

        long request2 = admin.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "Webinar", "startsOn": "2026-02-01", "endsOn": "2026-02-01", "requestedAmount": 500}"""
                .formatted(fund)).id();
        assertThat(admin.form("/funds/requests/" + request2 + "/reject", "version=0&reason=").status()).as("said in the flash").isEqualTo(302);
        assertThat(admin.form("/funds/requests/" + request2 + "/approve", "version=0&approvedAmount=lots").status()).isEqualTo(302);
        assertThat(admin.form("/funds/requests/" + request2 + "/approve", "version=7").status()).isEqualTo(302);
        assertThat(jdbc.sql("select status from fund_request where id = :id").param("id", request2).query(String.class).single())
                .isEqualTo("SUBMITTED");
        assertThat(admin.form("/funds/claims", "requestId=" + request2 + "&amount=10&proof=").body()).contains("must not be blank");
        String claim = admin.form("/funds/claims", "requestId=" + request2 + "&amount=10&proof=Invoice").body();
        assertThat(claim).contains("is not an approved request");
        assertThat(admin.form("/funds/claims", "amount=&proof=x").status()).isEqualTo(200);
        assertThat(count("fund_claim")).isZero();
        assertThat(admin.get("/funds?show=nonsense&year=99999&status=PAID'&page=-4&partnerId=" + Long.MAX_VALUE).status()).isEqualTo(200);
        assertThat(admin.get("/funds?year=twenty").status()).as("a year that is no number is refused, not a 500").isEqualTo(400);
    }

    @Test
    void changesAnAllocationFromItsFormAtTheVersionItShowedAndRemovesOneNobodyAskedFrom() {
        long fund = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-04-01", "amount": 1000, "currency": "USD", "note": "Q1"}"""
                .formatted(partner)).id();
        String form = admin.get("/funds/allocations/" + fund + "/edit").body();
        assertThat(form).contains("Change allocation " + fund, "value=\"2026-03-31\"", "value=\"1000.00\"", "name=\"version\" value=\"0\"");
        assertThat(admin.form("/funds/allocations/" + fund, "periodStart=2026-01-01&through=2026-06-30&amount=2500&currency=USD&note=H1"
                + "&version=0").status()).isEqualTo(302);
        assertThat(jdbc.sql("select period_end || ' ' || amount || ' ' || note || ' ' || version from fund_allocation where id = :id")
                .param("id", fund).query(String.class).single()).isEqualTo("2026-07-01 2500.00 H1 1");
        String stale = admin.form("/funds/allocations/" + fund, "periodStart=2026-01-01&through=2026-06-30&amount=9999&currency=USD"
                + "&version=0").body();
        assertThat(stale).contains("Someone changed this record after you opened it");
        assertThat(admin.form("/funds/allocations/" + fund + "/delete", "version=0").status()).isEqualTo(302);
        assertThat(admin.form("/funds/allocations/" + fund + "/delete", "version=1").status()).isEqualTo(302);
        assertThat(count("fund_allocation")).isZero();
    }

    @Test
    void takesAClaimWithItsFilesWholeOrNotAtAll() {
        long fund = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-04-01", "amount": 1000, "currency": "USD"}"""
                .formatted(partner)).id();
        long request = admin.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "Fair", "startsOn": "2026-02-01", "endsOn": "2026-02-02", "requestedAmount": 900}"""
                .formatted(fund)).id();
        admin.post("/api/v1/funds/requests/" + request + "/approve", "{}", "\"0\"");
        byte[] pdf = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0};
        java.util.Map<String, String> fields = java.util.Map.of("requestId", String.valueOf(request), "amount", "500", "proof", "Stand");

        java.util.Map<String, byte[]> oneBad = new java.util.LinkedHashMap<>();
        oneBad.put("invoice.pdf", pdf);
        oneBad.put("notes.txt", "plain text".getBytes(StandardCharsets.UTF_8));
        String refused = admin.uploadFiles("/funds/claims", "document", oneBad, fields).body();
        assertThat(refused).contains("must be a PDF, PNG or JPEG file");
        assertThat(count("fund_claim")).as("nothing kept of a claim whose file was refused").isZero();

        java.util.Map<String, byte[]> good = new java.util.LinkedHashMap<>();
        good.put("invoice.pdf", pdf);
        good.put("stand.jpg", jpeg);
        assertThat(admin.uploadFiles("/funds/claims", "document", good, fields).status()).isEqualTo(302);
        long claim = jdbc.sql("select id from fund_claim where request_id = :r").param("r", request).query(Long.class).single();
        String claims = admin.get("/funds?show=claims&partnerId=" + partner).body();
        assertThat(claims).contains("invoice.pdf", "stand.jpg", "/funds/claims/" + claim + "/documents/");
        assertThat(admin.uploadFiles("/funds/claims/" + claim + "/documents", "document", java.util.Map.of("more.pdf", pdf),
                java.util.Map.of()).status()).isEqualTo(302);
        assertThat(jdbc.sql("select string_agg(file_name, ',' order by id) from fund_claim_document where claim_id = :c").param("c", claim)
                .query(String.class).single()).isEqualTo("invoice.pdf,stand.jpg,more.pdf");
        long first = jdbc.sql("select min(id) from fund_claim_document where claim_id = :c").param("c", claim).query(Long.class).single();
        assertThat(admin.download("/funds/claims/" + claim + "/documents/" + first).body()).isEqualTo(pdf);
        assertThat(admin.download("/funds/claims/" + (claim + 1000) + "/documents/" + first).statusCode()).isEqualTo(404);
    }

    @Test
    void changesTheAllocationOfAPartnerWhoseNameAnOlderPartnerShares() {
        String twin = Fixtures.unique("Twin");
        String insert = "insert into partner (name, tier, status, status_changed_at, country, region, joined_on) "
                + "values (:n, 'SILVER', 'ACTIVE', now(), 'US', 'North America', current_date) returning id";
        jdbc.sql(insert).param("n", twin).query(Long.class).single();
        long younger = jdbc.sql(insert).param("n", twin).query(Long.class).single();
        long fund = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-04-01", "amount": 1000, "currency": "USD"}"""
                .formatted(younger)).id();
        assertThat(admin.form("/funds/allocations/" + fund, "periodStart=2026-01-01&through=2026-03-31&amount=1500&currency=USD&version=0")
                .status()).as("its own partner, not the older one its name also finds").isEqualTo(302);
        assertThat(jdbc.sql("select partner_id || ' ' || amount from fund_allocation where id = :id").param("id", fund).query(String.class)
                .single()).isEqualTo(younger + " 1500.00");
    }

    @Test
    void showsAnalystsTheFundsButNoFormAndRefusesTheirPosts() {
        String email = Fixtures.unique("fund analyst").replace(" ", "") + "@staff.example";
        admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "Reader", "role": "ANALYST", "password": "analyst-password-1"}""".formatted(email));
        Api analyst = new Api(port, Api.basic(email, "analyst-password-1"));
        for (String tab : new String[] {"allocations", "requests", "claims", "returns"}) {
            String page = analyst.get("/funds?show=" + tab).body();
            assertThat(page).doesNotContain("<form class=\"entity\"", "/approve\"");
        }
        assertThat(analyst.form("/funds/allocations", "partner=x").status()).isEqualTo(403);
        assertThat(analyst.form("/funds/requests", "activity=x").status()).isEqualTo(403);
        assertThat(analyst.form("/funds/claims", "proof=x").status()).isEqualTo(403);
    }
}
