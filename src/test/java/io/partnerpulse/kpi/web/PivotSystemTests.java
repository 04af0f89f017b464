package io.partnerpulse.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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
 * A KPI by salesperson and month over HTTP, against a table worked out by hand. One partner's deals, owned by two
 * salespeople, in the first quarter of 2026:
 *
 * <pre>
 *   first:  won 200 (created 1 Jan, won 16 Jan) and 400 (created 2 Jan, won 17 Jan); won 300 in March
 *   second: won 1,000 in February, lost one in February; one open deal of 500 made in February
 *
 *   won revenue      Jan    Feb    Mar   total          average deal size   Jan    Feb    Mar   total
 *   second             0  1,000      0   1,000          second               —  1,000      —   1,000
 *   first            600      0    300     900          first              300      —    300     300
 *   total            600  1,000    300   1,900          total              300  1,000    300     475 (1,900 ÷ 4, not 300 + 1,000 + 300)
 * </pre>
 */
@PartnerPulseIntegrationTest
class PivotSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    long partner;
    long first;
    long second;
    String query;

    @BeforeEach
    void setUp() throws InterruptedException {
        api = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        partner = fixtures.activePartner("US", "GOLD");
        first = fixtures.employee();
        second = fixtures.employee();
        won(first, "200.00", "2026-01-01", "2026-01-16");
        won(first, "400.00", "2026-01-02", "2026-01-17");
        won(first, "300.00", "2026-03-01", "2026-03-10");
        won(second, "1000.00", "2026-02-01", "2026-02-20");
        long lost = deal(second, "700.00", "2026-02-02");
        assertThat(api.post("/api/v1/opportunities/" + lost + "/lose", "{\"reason\": \"price\", \"at\": \"2026-02-25T10:00:00Z\"}",
                api.get("/api/v1/opportunities/" + lost).etag()).status()).isEqualTo(200);
        deal(second, "500.00", "2026-02-03");
        query = "/api/v1/kpis/pivot?from=2026-01-01&to=2026-04-01&partnerId=" + partner + "&rows=employee";
        // the read model has every deal: four won, one lost, one open
        Eventually.until(() -> {
            JsonNode kpis = api.get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&partnerId=" + partner).json().at("/groups/0/kpis");
            return kpis.at("/dealCount/value").asLong() == 4 && kpis.at("/dealCount/lostCount").asLong() == 1
                    && kpis.at("/pipeline/count").asLong() == 1;
        });
    }

    private long deal(long owner, String amount, String created) {
        Api.Response deal = api.post("/api/v1/opportunities", """
                {"name": "%s", "amount": %s, "currency": "USD", "partnerId": %d, "ownerId": %d, "createdAt": "%sT09:00:00Z"}"""
                .formatted(Fixtures.unique("Pivot deal"), amount, partner, owner, created));
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        return deal.id();
    }

    private void won(long owner, String amount, String created, String wonOn) {
        long id = deal(owner, amount, created);
        Api.Response won = api.post("/api/v1/opportunities/" + id + "/win", "{\"at\": \"" + wonOn + "T09:00:00Z\"}",
                api.get("/api/v1/opportunities/" + id).etag());
        assertThat(won.status()).as(won.body()).isEqualTo(200);
    }

    private static List<String> numbers(JsonNode values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(v.isNull() ? "—" : v.decimalValue().stripTrailingZeros().toPlainString()));
        return out;
    }

    @Test
    void wonRevenueBySalespersonAndMonthAddsUpByRowAndByColumn() {
        JsonNode pivot = api.get(query).json();
        assertThat(pivot.get("columns").findValuesAsString("key")).containsExactly("2026-01", "2026-02", "2026-03");
        JsonNode rows = pivot.get("rows");
        assertThat(rows.findValuesAsString("key")).as("largest total first").containsExactly(String.valueOf(second), String.valueOf(first));
        assertThat(numbers(rows.get(0).get("cells"))).containsExactly("0", "1000", "0");
        assertThat(numbers(rows.get(1).get("cells"))).containsExactly("600", "0", "300");
        assertThat(numbers(pivot.get("columnTotals"))).containsExactly("600", "1000", "300");
        assertThat(pivot.get("total").decimalValue()).isEqualByComparingTo("1900");
        assertThat(pivot.get("additive").asBoolean()).isTrue();
    }

    @Test
    void aRatiosTotalsAreTheRatioOfTheSumsAndAnEmptyCellIsUndefined() {
        JsonNode pivot = api.get(query + "&measure=averageDealSize").json();
        assertThat(numbers(pivot.get("rows").get(0).get("cells"))).as("second: nothing won in January or March").containsExactly("—", "1000", "—");
        assertThat(numbers(pivot.get("rows").get(1).get("cells"))).as("first: the brief's 200 and 400 in January").containsExactly("300", "—", "300");
        assertThat(pivot.get("rows").get(1).get("total").decimalValue()).isEqualByComparingTo("300");
        assertThat(numbers(pivot.get("columnTotals"))).containsExactly("300", "1000", "300");
        assertThat(pivot.get("total").decimalValue()).as("1,900 ÷ 4 deals").isEqualByComparingTo("475");
        JsonNode winRate = api.get(query + "&measure=winRate").json();
        assertThat(winRate.get("rows").findValuesAsString("key")).as("by their rate: first won all three it closed")
                .containsExactly(String.valueOf(first), String.valueOf(second));
        assertThat(numbers(winRate.get("rows").get(1).get("cells"))).as("second in February: 1 won of 2 closed").containsExactly("—", "0.5", "—");
        assertThat(winRate.get("total").decimalValue()).as("4 won of 5 closed").isEqualByComparingTo("0.8");
        JsonNode lost = api.get(query + "&measure=dealsLost&columns=quarter").json();
        assertThat(lost.get("columns").findValuesAsString("key")).containsExactly("2026-Q1");
        assertThat(numbers(lost.get("columnTotals"))).containsExactly("1");
    }

    @Test
    void theOpenPipelineByStageAndALimitThatStillCountsEveryRowInTheTotals() {
        JsonNode pipeline = api.get(query + "&measure=pipeline&columns=stage").json();
        List<String> stages = pipeline.get("columns").findValuesAsString("key");
        assertThat(stages).contains("PROSPECTING");
        int prospecting = stages.indexOf("PROSPECTING");
        assertThat(pipeline.get("rows").get(0).get("key").asString()).isEqualTo(String.valueOf(second));
        assertThat(pipeline.get("rows").get(0).get("cells").get(prospecting).decimalValue()).isEqualByComparingTo("500");
        assertThat(pipeline.get("total").decimalValue()).as("the one open deal at the end of March").isEqualByComparingTo("500");
        assertThat(pipeline.get("additive").asBoolean()).as("the stages add up to the pipeline").isTrue();
        assertThat(api.get(query + "&measure=pipeline").json().get("additive").asBoolean())
                .as("the pipeline at each month's end does not add up to the pipeline at the quarter's end").isFalse();

        JsonNode one = api.get(query + "&limit=1").json();
        assertThat(one.get("rows").size()).isEqualTo(1);
        assertThat(one.get("hiddenRows").asInt()).isEqualTo(1);
        assertThat(numbers(one.get("columnTotals"))).as("the hidden row still counts").containsExactly("600", "1000", "300");
    }

    @Test
    void exportsAsALinePerRowWithAColumnPerMonthAndATotalLine() {
        Api.Response csv = api.get(query + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.body().replace("\uFEFF", "").split("\r?\n");
        assertThat(lines[0]).isEqualTo("employee,key,2026-01,2026-02,2026-03,total");
        assertThat(lines[1]).endsWith("," + second + ",0.00,1000.00,0.00,1000.00");
        assertThat(lines[3]).isEqualTo("Total,,600.00,1000.00,300.00,1900.00");
        assertThat(api.get(query + "&format=xlsx").status()).isEqualTo(200);
    }

    @Test
    void namesTheParameterItCannotUse() {
        String base = "/api/v1/kpis/pivot?from=2026-01-01&to=2026-04-01";
        for (String[] bad : new String[][] {{"", "rows"}, {"&rows=month", "rows"}, {"&rows=employee&columns=week", "columns"},
                {"&rows=employee&measure=happiness", "measure"}, {"&rows=employee&columns=stage&measure=wonRevenue", "measure"},
                {"&rows=employee&limit=0", "limit"}, {"&rows=employee&limit=many", "limit"}}) {
            Api.Response response = api.get(base + bad[0]);
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.json().get("parameter").asString()).as(bad[0]).isEqualTo(bad[1]);
        }
        Api.Response long_ = api.get("/api/v1/kpis/pivot?from=2020-01-01&to=2026-01-01&rows=employee");
        assertThat(long_.status()).isEqualTo(400);
        assertThat(long_.body()).contains("at most 36 columns");
    }

    @Test
    void aPartnerUserPivotsItsOwnDealsOnly() {
        Api own = api.newPartnerUser(partner, "Pivoting");
        JsonNode mine = own.get("/api/v1/kpis/pivot?from=2026-01-01&to=2026-04-01&rows=partner").json();
        assertThat(mine.get("rows").findValuesAsString("key")).containsExactly(String.valueOf(partner));
        assertThat(mine.get("total").decimalValue()).isEqualByComparingTo("1900");
        long other = new Fixtures(jdbc).activePartner("US", "SILVER");
        assertThat(api.newPartnerUser(other, "Prying").get(query).status()).as("another partner's filter").isEqualTo(403);
    }
}
