package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A B2B CRM's export (sales_teams.csv, accounts.csv, sales_pipeline.csv) imported through the API
 * with nothing but a mapping, and the KPIs it yields checked against numbers worked out by hand.
 */
@PartnerPulseIntegrationTest
class SalesPipelineImportSystemTests {

    @LocalServerPort
    int port;
    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = UUID.randomUUID().toString().substring(0, 6);
    }

    static final String BOM = "\uFEFF";

    String teams() {
        return BOM + "sales_agent,manager,regional_office\r\n"
                + "Anna Agent " + u + ",Mia Manager " + u + ",Central " + u + "\r\n"
                + "Ben Broker " + u + ",Mia Manager " + u + ",Central " + u + "\r\n"
                + "Cara Closer " + u + ",Nils Lead " + u + ",West " + u + "\r\n";
    }

    String accounts() {
        return "account,sector,year_established,revenue,employees,office_location,subsidiary_of\r\n"
                + "Betasub " + u + ",retail,2001,\"1,234.50\",100,Korea,Acme " + u + "\r\n"
                + "Acme " + u + ",technolgy,1996,1100.04,2822,United States,\r\n"
                + "Gamma " + u + ",medical,1990,10,5,Atlantis,\r\n";
    }

    String pipeline() {
        return "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n"
                + u + "-1,Anna Agent " + u + ",GTXPro " + u + ",Acme " + u + ",Won,2026-03-01,2026-03-10,200\r\n"
                + u + "-2,Anna Agent " + u + ",GTX Pro " + u + ",Betasub " + u + ",Won,2026-03-02,2026-03-16,400\r\n"
                + u + "-3,Ben Broker " + u + ",GTXPro " + u + ",Acme " + u + ",Lost,2026-03-05,2026-03-20,0\r\n"
                + u + "-4,Ben Broker " + u + ",GTX Pro " + u + ",,Engaging,2026-03-07,,\r\n"
                + u + "-5,Cara Closer " + u + ",GTX Pro " + u + ",Gamma " + u + ",Prospecting,,,\r\n";
    }

    Api.Response upload(String entity, String csv, String settings) {
        return api.upload("/api/v1/imports/" + entity, entity + ".csv", csv.getBytes(StandardCharsets.UTF_8), Map.of("settings", settings));
    }

    static final String TEAMS = "{\"columns\": {\"fullName\": \"sales_agent\", \"department\": \"manager\", \"businessUnit\": \"regional_office\"},"
            + " \"createMissing\": true}";
    static final String ACCOUNTS = "{\"columns\": {\"name\": \"account\", \"sector\": \"sector\", \"yearEstablished\": \"year_established\","
            + " \"annualRevenue\": \"revenue\", \"employees\": \"employees\", \"country\": \"office_location\", \"parentAccount\": \"subsidiary_of\"}}";
    static final String PIPELINE = "{\"columns\": {\"externalId\": \"opportunity_id\", \"owner\": \"sales_agent\", \"productLine\": \"product\","
            + " \"account\": \"account\", \"stage\": \"deal_stage\", \"createdAt\": \"engage_date\", \"closedAt\": \"close_date\","
            + " \"amount\": \"close_value\"}, \"values\": {\"stage\": {\"Engaging\": \"QUALIFICATION\"}}}";

    void importAll() {
        assertThat(api.post("/api/v1/product-lines", "{\"name\": \"GTX Pro " + u + "\"}").status()).isEqualTo(201);
        Api.Response teams = upload("employees", teams(), TEAMS);
        assertThat(teams.status()).as(teams.body()).isEqualTo(200);
        assertThat(teams.json().get("inserted").asLong()).isEqualTo(3);
        Api.Response accounts = upload("accounts", accounts(), ACCOUNTS);
        assertThat(accounts.status()).as(accounts.body()).isEqualTo(200);
        assertThat(accounts.json().get("inserted").asLong()).isEqualTo(3);
        assertThat(accounts.json().get("warnings").toString()).contains("Atlantis");
        Api.Response deals = upload("opportunities", pipeline(), PIPELINE);
        assertThat(deals.status()).as(deals.body()).isEqualTo(200);
        assertThat(deals.json().get("inserted").asLong()).isEqualTo(5);
    }

    @Test
    void importsTheThreeFilesAndTheKpisMatchTheHandComputedOnes() throws Exception {
        importAll();
        long central = idOf("/api/v1/business-units?q=Central%20" + u);
        String march = "/api/v1/kpis?from=2026-03-01&to=2026-04-01&unitId=" + central;
        Eventually.until(() -> api.get(march).json().at("/groups/0/kpis/dealCount/value").asLong() == 2);
        JsonNode kpis = api.get(march).json().at("/groups/0/kpis");
        // Won in March: 200 and 400 → average deal size 300, revenue 600; one lost → win rate 2 / 3.
        assertThat(kpis.at("/averageDealSize/value").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(kpis.at("/wonRevenue/value").decimalValue()).isEqualByComparingTo("600.00");
        assertThat(kpis.at("/dealCount/lostCount").asLong()).isEqualTo(1);
        assertThat(kpis.at("/winRate/value").decimalValue()).isEqualByComparingTo("0.6667");
        // 9 and 14 days from engagement to close → 11.5 days on average.
        assertThat(kpis.at("/salesCycleDays/value").decimalValue()).isEqualByComparingTo("11.5");
        // The Engaging deal is open at the end of March, in QUALIFICATION.
        assertThat(kpis.at("/pipeline/count").asLong()).isEqualTo(1);

        // GTXPro and GTX Pro are one product line; the subsidiary points at its parent in the same file.
        JsonNode opportunity = api.get("/api/v1/opportunities?q=" + u + "-1").json().at("/items/0");
        JsonNode other = api.get("/api/v1/opportunities?q=" + u + "-2").json().at("/items/0");
        assertThat(opportunity.get("productLineId").asLong()).isEqualTo(other.get("productLineId").asLong());
        JsonNode betasub = api.get("/api/v1/accounts?q=Betasub%20" + u).json().at("/items/0");
        assertThat(betasub.get("parentAccountId").asLong()).isEqualTo(idOf("/api/v1/accounts?q=Acme%20" + u));
        assertThat(betasub.get("country").asString()).isEqualTo("KR");
        assertThat(betasub.get("annualRevenue").decimalValue()).isEqualByComparingTo("1234.50");
        // The account of the deal without one stays empty; the prospect without an engage date opened on the import day.
        assertThat(api.get("/api/v1/opportunities?q=" + u + "-4").json().at("/items/0/accountId").isNull()).isTrue();
    }

    @Test
    void reimportingTheSameFilesChangesNothing() {
        importAll();
        String before = api.get("/api/v1/opportunities?q=" + u + "&size=10&sort=id").body();
        Api.Response again = upload("opportunities", pipeline(), PIPELINE);
        assertThat(again.json().get("inserted").asLong()).isZero();
        assertThat(again.json().get("updated").asLong()).isZero();
        assertThat(again.json().get("unchanged").asLong()).isEqualTo(5);
        assertThat(upload("employees", teams(), TEAMS).json().get("unchanged").asLong()).isEqualTo(3);
        assertThat(upload("accounts", accounts(), ACCOUNTS).json().get("unchanged").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/opportunities?q=" + u + "&size=10&sort=id").body()).isEqualTo(before);
    }

    @Test
    void aChangedRowUpdatesItsRecordAndRecordsTheStageChange() {
        importAll();
        String changed = pipeline().replace(u + "-4,Ben Broker " + u + ",GTX Pro " + u + ",,Engaging,2026-03-07,,",
                u + "-4,Ben Broker " + u + ",GTX Pro " + u + ",,Won,2026-03-07,2026-04-02,900");
        Api.Response report = upload("opportunities", changed, PIPELINE);
        assertThat(report.json().get("updated").asLong()).isEqualTo(1);
        assertThat(report.json().get("unchanged").asLong()).isEqualTo(4);
        JsonNode deal = api.get("/api/v1/opportunities?q=" + u + "-4").json().at("/items/0");
        assertThat(deal.get("stage").asString()).isEqualTo("WON");
        assertThat(deal.get("version").asLong()).isEqualTo(1);
        JsonNode history = api.get("/api/v1/opportunities/" + deal.get("id").asLong() + "/history").json();
        assertThat(history.toString()).contains("\"QUALIFICATION\"", "\"WON\"");
    }

    long idOf(String listPath) {
        JsonNode items = api.get(listPath).json().get("items");
        assertThat(items.size()).as(listPath).isEqualTo(1);
        return items.get(0).get("id").asLong();
    }

}
