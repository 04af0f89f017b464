package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Create, read, update and list of the simple records, over HTTP, with optimistic locking. */
@PartnerPulseIntegrationTest
class ReferenceDataSystemTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void buildsAnOrganizationOfUnitsDepartmentsAndEmployees() {
        String unitName = Fixtures.unique("Enterprise");
        Api.Response unit = api.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(unitName));
        assertThat(unit.status()).isEqualTo(201);
        Api.Response department = api.post("/api/v1/departments", "{\"name\": \"Channel Sales\", \"businessUnitId\": %d}".formatted(unit.id()));
        Api.Response boss = api.post("/api/v1/employees", """
                {"fullName": "Bilal Ahmed", "email": "bilal@example.com", "departmentId": %d, "hireDate": "2021-03-01"}""".formatted(department.id()));
        Api.Response report = api.post("/api/v1/employees", """
                {"fullName": "Sara Malik", "departmentId": %d, "managerId": %d, "hireDate": "2023-06-15", "title": "Partner Manager"}"""
                .formatted(department.id(), boss.id()));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(report.json().get("active").asBoolean()).isTrue();

        Api.Response renamed = api.put("/api/v1/business-units/" + unit.id(), "{\"name\": \"%s renamed\"}".formatted(unitName), unit.etag());
        assertThat(renamed.json().get("version").asLong()).isEqualTo(1);
        Api.Response stale = api.put("/api/v1/business-units/" + unit.id(), "{\"name\": \"again\"}", unit.etag());
        assertThat(stale.status()).isEqualTo(409);

        Api.Response team = api.get("/api/v1/employees?managerId=" + boss.id());
        assertThat(team.json().get("total").asLong()).isEqualTo(1);
        assertThat(team.json().at("/items/0/fullName").asString()).isEqualTo("Sara Malik");
        assertThat(api.get("/api/v1/employees?q=bilal@example&departmentId=" + department.id()).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/departments?unitId=" + unit.id()).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void refusesAnEmployeeWhoManagesThemself() {
        Api.Response unit = api.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(Fixtures.unique("U")));
        Api.Response department = api.post("/api/v1/departments", "{\"name\": \"D\", \"businessUnitId\": %d}".formatted(unit.id()));
        Api.Response employee = api.post("/api/v1/employees", "{\"fullName\": \"Self\", \"departmentId\": %d, \"hireDate\": \"2020-01-01\"}"
                .formatted(department.id()));
        Api.Response self = api.put("/api/v1/employees/" + employee.id(), """
                {"fullName": "Self", "departmentId": %d, "managerId": %d, "hireDate": "2020-01-01"}""".formatted(department.id(), employee.id()),
                employee.etag());
        assertThat(self.status()).isEqualTo(422);
        assertThat(Api.invalidFields(self)).containsExactly("managerId");
    }

    @Test
    void recordsCampaignSpendOnTopOfItsCost() {
        Api.Response channel = api.post("/api/v1/channels", "{\"name\": \"%s\", \"type\": \"PAID\"}".formatted(Fixtures.unique("Search")));
        Api.Response campaign = api.post("/api/v1/campaigns", """
                {"name": "Spring push", "channelId": %d, "startsOn": "2026-03-01", "endsOn": "2026-03-31", "cost": 1000.00, "currency": "USD"}"""
                .formatted(channel.id()));
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        Api.Response spent = api.post("/api/v1/campaigns/" + campaign.id() + "/spend", "{\"amount\": 250.50, \"note\": \"Extra clicks\"}", campaign.etag());
        assertThat(spent.json().get("cost").decimalValue()).isEqualByComparingTo("1250.50");
        assertThat(api.get("/api/v1/campaigns?channelId=%d&activeOn=2026-03-15".formatted(channel.id())).json().get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/audit?entityType=campaign&entityId=" + campaign.id() + "&action=campaign.spend-recorded")
                .json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void refusesACampaignThatEndsBeforeItStarts() {
        Api.Response channel = api.post("/api/v1/channels", "{\"name\": \"%s\", \"type\": \"OWNED\"}".formatted(Fixtures.unique("Blog")));
        Api.Response backwards = api.post("/api/v1/campaigns", """
                {"name": "Backwards", "channelId": %d, "startsOn": "2026-03-31", "endsOn": "2026-03-01", "cost": 10, "currency": "USD"}"""
                .formatted(channel.id()));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(Api.invalidFields(backwards)).containsExactly("endsOn");
    }

    @Test
    void keepsAccountsProductLinesTargetsAndExchangeRates() {
        Api.Response account = api.post("/api/v1/accounts", """
                {"name": "%s", "sector": "Retail", "country": "PK", "city": "Karachi", "employees": 120, "annualRevenue": 5000000.00}"""
                .formatted(Fixtures.unique("Indus Foods")));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/accounts?sector=Retail&country=PK&sort=employees,desc").json().get("total").asLong()).isPositive();

        Api.Response line = api.post("/api/v1/product-lines", "{\"name\": \"%s\"}".formatted(Fixtures.unique("Cooling")));
        assertThat(line.status()).isEqualTo(201);

        Api.Response target = api.post("/api/v1/targets", """
                {"scope": "PROGRAM", "metric": "REVENUE", "periodStart": "2031-01-01", "periodEnd": "2031-04-01", "value": 250000.00}""");
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        Api.Response partnerTargetWithoutPartner = api.post("/api/v1/targets", """
                {"scope": "PARTNER", "metric": "REVENUE", "periodStart": "2031-01-01", "periodEnd": "2031-04-01", "value": 1}""");
        assertThat(partnerTargetWithoutPartner.status()).isEqualTo(422);
        assertThat(Api.invalidFields(partnerTargetWithoutPartner)).containsExactly("scopeId");

        Api.Response rate = api.put("/api/v1/exchange-rates/EUR/2031-01-02", "{\"rateToBase\": 1.0825}", null);
        assertThat(rate.status()).isEqualTo(200);
        Api.Response replaced = api.put("/api/v1/exchange-rates/EUR/2031-01-02", "{\"rateToBase\": 1.0900}", null);
        assertThat(replaced.json().get("rateToBase").decimalValue()).isEqualByComparingTo("1.09");
        assertThat(api.put("/api/v1/exchange-rates/USD/2031-01-02", "{\"rateToBase\": 1}", null).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/exchange-rates?currency=EUR&from=2031-01-01&to=2031-02-01").json().get("total").asLong()).isEqualTo(1);
    }
}
