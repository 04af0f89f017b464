package io.partnerpulse.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.kpi.internal.KpiEngine;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One deal's whole life over HTTP: a lead from a paid channel, assigned to a partner, registered by
 * the partner, approved, moved through its stages and won; then found in the KPIs, the commission
 * statement and the audit log.
 */
@PartnerPulseIntegrationTest
class DealLifecycleSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KpiEngine kpis;

    Api api;
    Fixtures fixtures;

    @BeforeEach
    void client() {
        api = new Api(port);
        fixtures = new Fixtures(jdbc);
    }

    @Test
    void walksADealFromAPaidLeadToAWonDealAndFindsItEverywhere() throws Exception {
        long owner = fixtures.employee();
        long paid = fixtures.channel("PAID");
        long account = fixtures.account();
        long product = fixtures.productLine();
        Api.Response partner = api.post("/api/v1/partners", """
                {"name": "%s", "tier": "GOLD", "country": "PK", "city": "Lahore", "partnerManagerId": %d}"""
                .formatted(Fixtures.unique("Lifecycle Partner"), owner));
        assertThat(partner.status()).isEqualTo(201);
        long partnerId = partner.id();
        assertThat(partner.json().get("region").asString()).isEqualTo("APAC");
        assertThat(partner.json().get("effectiveCommissionRate").decimalValue()).isEqualByComparingTo("0.15");
        Api.Response onboarding = api.post("/api/v1/partners/" + partnerId + "/status", "{\"status\": \"ONBOARDING\"}", partner.etag());
        Api.Response active = api.post("/api/v1/partners/" + partnerId + "/status", "{\"status\": \"ACTIVE\", \"note\": \"Trained\"}", onboarding.etag());
        assertThat(active.json().get("status").asString()).isEqualTo("ACTIVE");

        Api.Response lead = api.post("/api/v1/leads", """
                {"companyName": "Indus Textiles", "contactName": "Ayesha Khan", "email": "ayesha@indus.example",
                 "channelId": %d, "country": "PK", "city": "Lahore"}""".formatted(paid));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        Api.Response assigned = api.post("/api/v1/leads/" + lead.id() + "/assign",
                "{\"partnerId\": %d, \"reason\": \"Lahore is their patch\"}".formatted(partnerId), lead.etag());
        assertThat(assigned.json().get("partnerId").asLong()).isEqualTo(partnerId);

        Api.Response registration = api.post("/api/v1/registrations", """
                {"partnerId": %d, "customerName": "Indus Textiles", "accountId": %d, "productLineId": %d,
                 "estimatedAmount": 12000.00, "currency": "USD", "leadId": %d}""".formatted(partnerId, account, product, lead.id()));
        assertThat(registration.status()).as(registration.body()).isEqualTo(201);
        assertThat(registration.json().get("outcome").asString()).isEqualTo("PENDING");

        Api.Response approved = api.post("/api/v1/registrations/" + registration.id() + "/approve",
                "{\"ownerId\": %d}".formatted(owner), registration.etag());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        long opportunityId = approved.json().get("opportunityId").asLong();

        Api.Response opportunity = api.get("/api/v1/opportunities/" + opportunityId);
        assertThat(opportunity.json().get("partnerId").asLong()).isEqualTo(partnerId);
        assertThat(opportunity.json().get("channelId").asLong()).isEqualTo(paid);
        assertThat(opportunity.json().get("leadId").asLong()).isEqualTo(lead.id());
        assertThat(api.get("/api/v1/leads/" + lead.id()).json().get("status").asString()).isEqualTo("CONVERTED");

        Api.Response moved = api.post("/api/v1/opportunities/" + opportunityId + "/move", "{\"stage\": \"QUALIFICATION\"}", opportunity.etag());
        moved = api.post("/api/v1/opportunities/" + opportunityId + "/move", "{\"stage\": \"PROPOSAL\"}", moved.etag());
        moved = api.post("/api/v1/opportunities/" + opportunityId + "/move", "{\"stage\": \"NEGOTIATION\"}", moved.etag());
        Api.Response won = api.post("/api/v1/opportunities/" + opportunityId + "/win", "{\"amount\": 11500.00}", moved.etag());
        assertThat(won.status()).as(won.body()).isEqualTo(200);
        assertThat(won.json().get("stage").asString()).isEqualTo("WON");

        assertThat(api.get("/api/v1/opportunities/" + opportunityId + "/history").json().valueStream()
                .map(h -> h.get("toStage").asString()).toList())
                .containsExactly("PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION", "WON");

        // the KPIs show it within a second or so (the read model follows commits)
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String kpiPath = "/api/v1/kpis?from=%s&to=%s&partnerId=%d".formatted(today, today.plusDays(1), partnerId);
        io.partnerpulse.support.Eventually.until(() -> api.get(kpiPath).json().at("/groups/0/kpis/dealCount/value").asLong() == 1);
        Api.Response kpi = api.get(kpiPath);
        assertThat(kpi.json().at("/groups/0/kpis/wonRevenue/value").decimalValue()).isEqualByComparingTo("11500.00");
        assertThat(kpi.json().at("/groups/0/kpis/dealSuccess/value").decimalValue()).isEqualByComparingTo("1.0000");
        Api.Response channels = api.get("/api/v1/kpis/channels?from=%s&to=%s&channelId=%d".formatted(today, today.plusDays(1), paid));
        assertThat(channels.json().at("/channels/0/wonRevenue").decimalValue()).isEqualByComparingTo("11500.00");

        // commission: 15% (GOLD's default) of 11,500, accrued by the event listener
        String statementPath = "/api/v1/partners/%d/commission-statement?from=%s&to=%s".formatted(partnerId, today, today.plusDays(1));
        io.partnerpulse.support.Eventually.until(() -> api.get(statementPath).json().get("lines").size() == 1);
        Api.Response statement = api.get(statementPath);
        assertThat(statement.json().at("/lines/0/amount").decimalValue()).isEqualByComparingTo("1725.00");
        assertThat(statement.json().at("/totals/0/amount").decimalValue()).isEqualByComparingTo("1725.00");

        Api.Response audit = api.get("/api/v1/audit?entityType=opportunity&entityId=" + opportunityId);
        assertThat(audit.json().get("items").valueStream().map(e -> e.get("action").asString()).toList())
                .containsExactly("opportunity.won", "opportunity.moved", "opportunity.moved", "opportunity.moved", "opportunity.opened");
        assertThat(audit.json().at("/items/0/before/stage").asString()).isEqualTo("NEGOTIATION");
        assertThat(audit.json().at("/items/0/after/stage").asString()).isEqualTo("WON");
        assertThat(api.get("/api/v1/audit?entityType=registration&entityId=" + registration.id()).json().get("total").asLong()).isEqualTo(2);

        // the events went through Spring Modulith's publication registry, and their listener finished
        assertThat(jdbc.sql("""
                select count(*) from event_publication
                where event_type like '%DealWon' and serialized_event like :id and completion_date is not null""")
                .param("id", "%\"opportunityId\":" + opportunityId + ",%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reversesTheCommissionWhenAWonDealIsReopened() throws Exception {
        long partnerId = fixtures.activePartner("DE", "PLATINUM");
        api.put("/api/v1/exchange-rates/EUR/2020-01-01", "{\"rateToBase\": 1.08}", null);
        Api.Response deal = api.post("/api/v1/opportunities", """
                {"name": "Reopen me", "amount": 1000.00, "currency": "EUR", "partnerId": %d}""".formatted(partnerId));
        Api.Response won = api.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String statementPath = "/api/v1/partners/%d/commission-statement?from=%s&to=%s".formatted(partnerId, today, today.plusDays(1));
        io.partnerpulse.support.Eventually.until(() -> api.get(statementPath).json().get("lines").size() == 1);

        Api.Response reopened = api.post("/api/v1/opportunities/" + deal.id() + "/reopen", "{\"stage\": \"PROPOSAL\"}", won.etag());
        assertThat(reopened.json().get("stage").asString()).isEqualTo("PROPOSAL");
        assertThat(reopened.json().get("closedAt").isNull()).isTrue();

        io.partnerpulse.support.Eventually.until(() -> api.get(statementPath).json().get("lines").size() == 2);
        Api.Response statement = api.get(statementPath);
        assertThat(statement.json().at("/lines/1/kind").asString()).isEqualTo("REVERSAL");
        assertThat(statement.json().at("/totals/0/amount").decimalValue()).isEqualByComparingTo("0.00");
    }

}
