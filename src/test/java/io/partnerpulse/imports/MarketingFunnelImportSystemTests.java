package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A marketing funnel export: qualified leads with their origin, and the closed deals that join
 * them by mql_id (won only, mostly without an amount, a quoted comma in a segment). The close
 * rate and the deal count come out as worked out by hand.
 */
@PartnerPulseIntegrationTest
class MarketingFunnelImportSystemTests {

    @LocalServerPort
    int port;

    static final String LEADS = "{\"columns\": {\"externalId\": \"mql_id\", \"createdAt\": \"first_contact_date\", \"channel\": \"origin\"},"
            + " \"values\": {\"channel\": {\"unknown\": \"\"}}, \"createMissing\": true}";
    static final String DEALS = "{\"columns\": {\"externalId\": \"mql_id\", \"lead\": \"mql_id\", \"account\": \"seller_id\","
            + " \"owner\": \"sr_id\", \"closedAt\": \"won_date\", \"productLine\": \"business_segment\"},"
            + " \"constants\": {\"stage\": \"WON\"}, \"createMissing\": true}";

    @Test
    void importsLeadsAndClosedDealsAndTheCloseRateMatchesTheHandComputedOne() throws Exception {
        Api api = new Api(port);
        String u = UUID.randomUUID().toString().substring(0, 8);
        String leads = "mql_id,first_contact_date,landing_page_id,origin\n"
                + "m1" + u + ",2019-02-03,lp1,organic_search\n"
                + "m2" + u + ",2019-02-10,lp2,paid_search\n"
                + "m3" + u + ",2019-02-14,lp1,paid_search\n"
                + "m4" + u + ",2019-02-20,lp3,unknown\n"
                + "m5" + u + ",2019-02-25,lp2,\n";
        String deals = "mql_id,seller_id,sdr_id,sr_id,won_date,business_segment,lead_type,lead_behaviour_profile,has_company,"
                + "has_gtin,average_stock,business_type,declared_product_catalog_size,declared_monthly_revenue\n"
                + "m1" + u + ",s1" + u + ",sdr1,sr1" + u + ",2019-02-20 10:00:00,pet,online_medium,cat,,,,reseller,,0\n"
                + "m2" + u + ",s2" + u + ",sdr1,sr2" + u + ",2019-03-05 12:00:00,\"car accessories, parts\",industry,eagle,,,,manufacturer,,0\n";

        Api.Response leadReport = api.upload("/api/v1/imports/leads", "mql.csv", leads.getBytes(StandardCharsets.UTF_8), Map.of("settings", LEADS));
        assertThat(leadReport.status()).as(leadReport.body()).isEqualTo(200);
        assertThat(leadReport.json().get("inserted").asLong()).isEqualTo(5);
        Api.Response dealReport = api.upload("/api/v1/imports/opportunities", "closed_deals.csv", deals.getBytes(StandardCharsets.UTF_8),
                Map.of("settings", DEALS));
        assertThat(dealReport.status()).as(dealReport.body()).isEqualTo(200);
        assertThat(dealReport.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(dealReport.json().get("warnings").toString()).contains("won deal without an amount: counted as 0 (2 rows");

        // 5 leads first contacted in February 2019, 2 of them won → cohort close rate 0.4.
        String february = "/api/v1/kpis?from=2019-02-01&to=2019-03-01";
        Eventually.until(() -> api.get(february).json().at("/groups/0/kpis/closeRate/numerator").asLong() == 2);
        JsonNode kpis = api.get(february).json().at("/groups/0/kpis");
        assertThat(kpis.at("/closeRate/value").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(kpis.at("/dealCount/value").asLong()).isEqualTo(1);
        // The deal opened when its lead was first contacted: 2019-02-03 00:00 → 2019-02-20 10:00 = 17.42 days (two decimals).
        assertThat(kpis.at("/salesCycleDays/value").decimalValue()).isEqualByComparingTo("17.42");
        assertThat(api.get("/api/v1/kpis?from=2019-03-01&to=2019-04-01").json().at("/groups/0/kpis/dealCount/value").asLong()).isEqualTo(1);

        // Per channel: organic_search 1 of 1 won, paid_search 1 of 2; "unknown" and blank origins have no channel.
        JsonNode byChannel = api.get(february + "&groupBy=channel").json().get("groups");
        assertThat(closeRate(byChannel, "organic_search")).isEqualByComparingTo("1");
        assertThat(closeRate(byChannel, "paid_search")).isEqualByComparingTo("0.5");
        JsonNode lead4 = api.get("/api/v1/leads?q=m4" + u).json();
        assertThat(api.get("/api/v1/leads?status=CONVERTED&q=" + u).json().get("total").asLong()).isEqualTo(2);
        assertThat(lead4.toString()).doesNotContain("unknown");
        JsonNode deal = api.get("/api/v1/opportunities?q=m2" + u).json().at("/items/0");
        assertThat(deal.get("channelId").asLong()).as("the deal takes its lead's channel").isPositive();
        assertThat(api.get("/api/v1/product-lines?q=car%20accessories").body()).contains("car accessories, parts");
    }

    @Test
    void aReimportedDealThatNowNamesALeadConvertsThatLead() {
        Api api = new Api(port);
        String u = UUID.randomUUID().toString().substring(0, 8);
        String leads = "mql_id,first_contact_date,landing_page_id,origin\n" + "r1" + u + ",2019-05-03,lp1,organic_search\n";
        assertThat(api.upload("/api/v1/imports/leads", "mql.csv", leads.getBytes(StandardCharsets.UTF_8), Map.of("settings", LEADS))
                .status()).isEqualTo(200);
        String withoutLead = "{\"columns\": {\"externalId\": \"deal_id\", \"account\": \"seller_id\", \"closedAt\": \"won_date\"},"
                + " \"constants\": {\"stage\": \"WON\"}, \"createMissing\": true}";
        String withLead = withoutLead.replace("\"closedAt\"", "\"lead\": \"mql_id\", \"closedAt\"");
        String deals = "deal_id,mql_id,seller_id,won_date\n" + "d1" + u + ",r1" + u + ",s1" + u + ",2019-05-20 10:00:00\n";
        Api.Response first = api.upload("/api/v1/imports/opportunities", "deals.csv", deals.getBytes(StandardCharsets.UTF_8),
                Map.of("settings", withoutLead));
        assertThat(first.json().get("inserted").asLong()).as(first.body()).isEqualTo(1);
        assertThat(api.get("/api/v1/leads?q=r1" + u).json().at("/items/0/status").asText()).isEqualTo("NEW");

        Api.Response second = api.upload("/api/v1/imports/opportunities", "deals.csv", deals.getBytes(StandardCharsets.UTF_8),
                Map.of("settings", withLead));
        assertThat(second.json().get("updated").asLong()).as(second.body()).isEqualTo(1);
        JsonNode lead = api.get("/api/v1/leads?q=r1" + u).json().at("/items/0");
        assertThat(lead.get("status").asText()).isEqualTo("CONVERTED");
        assertThat(lead.get("opportunityId").asLong()).isEqualTo(api.get("/api/v1/opportunities?q=d1" + u).json().at("/items/0/id").asLong());
    }

    static java.math.BigDecimal closeRate(JsonNode groups, String label) {
        for (JsonNode group : groups) {
            if (group.get("label").asString().equals(label)) {
                return group.at("/kpis/closeRate/value").decimalValue();
            }
        }
        throw new AssertionError("no group " + label + " in " + groups);
    }
}
