package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PDF scorecard: the eight KPIs, the chart and the commission statement of the period, for the people allowed to see them. */
@PartnerPulseIntegrationTest
class ScorecardPdfSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpResponse<byte[]> fetch(String path, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", authorization).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(byte[] pdf) throws Exception {
        return io.partnerpulse.support.Pdfs.text(pdf);
    }

    @Test
    void aPartnersScorecardHoldsItsKpisAndItsCommissionForThePeriod() throws Exception {
        Api admin = new Api(port);
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String name = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();
        Api.Response deal = admin.post("/api/v1/opportunities", """
                {"name": "Scorecard deal", "amount": 1000.00, "currency": "USD", "partnerId": %d}""".formatted(partner));
        admin.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag());
        LocalDate today = LocalDate.now();
        String period = "from=" + today.withDayOfMonth(1) + "&to=" + today.withDayOfMonth(1).plusMonths(1);
        io.partnerpulse.support.Eventually.until(() -> jdbc.sql("select count(*) from commission where opportunity_id = ?").param(deal.id())
                .query(Long.class).single() == 1);

        HttpResponse<byte[]> pdf = fetch("/api/v1/scorecards/partner/" + partner + "?" + period, Api.basic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String text = text(pdf.body());
        assertThat(text).contains("Scorecard: " + name, "Average deal size", "Deals won", "Close rate", "Deal success",
                "Commission statement", "Scorecard deal", "ACCRUAL", "150.00 USD", "Total: 150.00 USD (deals: 1)", "Won revenue per month", "Recommendations");

        assertThat(text).as("a partner without funds has no funds section").doesNotContain("Market development funds");
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy", java.util.Locale.ENGLISH);
        // a month of the chart no date of the text names (the period is this month, the time made today)
        assertThat(text).as("its chart's months named").contains(today.minusMonths(3).format(
                java.time.format.DateTimeFormatter.ofPattern("MMM yy", java.util.Locale.ENGLISH)));
        assertThat(text).as("its period as the pages write days").contains(today.withDayOfMonth(1).format(day) + " to "
                + today.withDayOfMonth(1).plusMonths(1).minusDays(1).format(day));

        long fund = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2027-01-01", "amount": 5000, "currency": "USD"}"""
                .formatted(partner)).id();
        long request = admin.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "Scorecard roadshow", "startsOn": "2026-03-01", "endsOn": "2026-03-02", "requestedAmount": 2000}"""
                .formatted(fund)).id();
        admin.post("/api/v1/funds/requests/" + request + "/approve", "{}", "\"0\"");
        // the standing counts the deal once the KPI read model has reloaded after it
        io.partnerpulse.support.Eventually.until(() -> admin.get("/api/v1/tiers/standings?partnerId=" + partner).json().get(0)
                .get("wonDeals").asLong() == 1);
        String withFunds = text(fetch("/api/v1/scorecards/partner/" + partner + "?" + period, Api.basic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD)).body());
        assertThat(withFunds).contains("Market development funds", "Allocated $5,000, approved $2,000, paid $0, left $3,000",
                "Scorecard roadshow", "Tier standing over the last 12 months: Below its tier: $299,000 and 11 deals short");

        HttpResponse<byte[]> page = fetch("/partners/" + partner + "/scorecard.pdf?period=this-month", Api.basic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page.body())).contains("Total: 150.00 USD (deals: 1)");
    }

    @Test
    void aNameOutsideWesternEuropesLettersIsWrittenWholeAndInItsOwnFont() throws Exception {
        long partner = new Fixtures(jdbc).activePartner("PL", "SILVER");
        String name = "Łódź Dağıtım Ελλάς Москва " + partner;
        jdbc.sql("update partner set name = ? where id = ?").params(name, partner).update();

        HttpResponse<byte[]> pdf = fetch("/api/v1/scorecards/partner/" + partner + "?period=this-month",
                Api.basic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(text(pdf.body())).contains("Scorecard: " + name);
        String objects = new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(objects).as("the fonts the PDF names").contains("+DejaVuSans/", "+DejaVuSans-Bold/").doesNotContain("Helvetica");
    }

    @Test
    void departmentUnitAndProgramScorecardsAreThereAndBadInputIsNamed() throws Exception {
        String admin = Api.basic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        long employee = new Fixtures(jdbc).employee();
        long department = jdbc.sql("select department_id from employee where id = ?").param(employee).query(Long.class).single();
        long unit = jdbc.sql("select business_unit_id from department where id = ?").param(department).query(Long.class).single();
        for (String path : new String[] {"/api/v1/scorecards/department/" + department, "/api/v1/scorecards/unit/" + unit,
                "/api/v1/scorecards/employee/" + employee, "/api/v1/scorecards/program", "/scorecard.pdf?period=last-year",
                "/organization/unit/" + unit + "/scorecard.pdf"}) {
            HttpResponse<byte[]> pdf = fetch(path, admin);
            assertThat(pdf.statusCode()).as(path).isEqualTo(200);
            assertThat(text(pdf.body())).as(path).contains("Scorecard: ", "Average deal size");
        }
        assertThat(fetch("/api/v1/scorecards/planet/1", admin).statusCode()).isEqualTo(400);
        assertThat(fetch("/api/v1/scorecards/partner/999999999", admin).statusCode()).isEqualTo(404);
        assertThat(fetch("/api/v1/scorecards/program?from=2026-13-01&to=2026-02-01", admin).statusCode()).isEqualTo(400);
    }
}
