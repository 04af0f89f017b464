package io.partnerpulse.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The KPI REST contract over real HTTP: its names, its JSON and its 400s. */
@PartnerPulseIntegrationTest
class KpiApiSystemTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                        .header("Authorization", io.partnerpulse.support.Api.basic(io.partnerpulse.support.Api.ADMIN_EMAIL,
                                io.partnerpulse.support.Api.ADMIN_PASSWORD)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersWithEveryKpiOfTheContract() throws Exception {
        HttpResponse<String> response = get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&compare=previous,lastYear");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"from\":\"2026-01-01\"", "\"to\":\"2026-04-01\"", "\"currency\":\"USD\"",
                "\"groups\":[", "\"averageDealSize\"", "\"dealCount\"", "\"pipeline\"", "\"closeRate\"", "\"winRate\"",
                "\"salesCycleDays\"", "\"salesVelocity\"", "\"dealSuccess\"", "\"weightedAmount\"", "\"byStage\"",
                "\"createdCount\"", "\"lostToCompetitorCount\"", "\"change\"", "\"coverage\"", "\"previous\"", "\"lastYear\"");
    }

    @Test
    void answersTheChannelTablePipelineAndRecords() throws Exception {
        assertThat(get("/api/v1/kpis/channels?from=2026-01-01&to=2026-04-01").body()).contains("\"channelTypes\"", "\"roi\"");
        assertThat(get("/api/v1/kpis/pipeline?at=2026-04-01").body()).contains("\"byStage\"", "\"weightedAmount\"");
        assertThat(get("/api/v1/kpis/pipeline?at=2026-04-01T12:30:00Z&groupBy=tier").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/kpis/dealCount/records?from=2026-01-01&to=2026-04-01&groupBy=tier&group=GOLD").body())
                .contains("\"records\":[", "\"total\":");
    }

    @Test
    void refusesAnUnknownGroupingNamingTheParameterAndTheAllowedValues() throws Exception {
        HttpResponse<String> response = get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&groupBy=planet");
        assertProblem(response, "groupBy");
        assertThat(response.body()).contains("\"allowed\":[\"partner\",\"tier\"");
    }

    @Test
    void refusesAPeriodThatDoesNotEndAfterItStarts() throws Exception {
        assertProblem(get("/api/v1/kpis?from=2026-04-01&to=2026-04-01"), "from");
    }

    @Test
    void refusesMalformedDatesIdsAndChoices() throws Exception {
        assertProblem(get("/api/v1/kpis?from=2026-13-01&to=2026-04-01"), "from");
        assertProblem(get("/api/v1/kpis?to=2026-04-01"), "from");
        assertProblem(get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&partnerId=abc"), "partnerId");
        assertProblem(get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&tier=DIAMOND"), "tier");
        assertProblem(get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&compare=tomorrow"), "compare");
        assertProblem(get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&closeRate=sometimes"), "closeRate");
        assertProblem(get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&averageDealSize=median"), "averageDealSize");
        assertProblem(get("/api/v1/kpis/pipeline?at=yesterday"), "at");
        assertProblem(get("/api/v1/kpis/pipeline?at=2026-04-01&groupBy=season"), "groupBy");
    }

    @Test
    void refusesAnUnknownKpiAndAMisspeltParameter() throws Exception {
        assertProblem(get("/api/v1/kpis/happiness/records?from=2026-01-01&to=2026-04-01"), "kpi");
        assertProblem(get("/api/v1/kpis/salesVelocity/records?from=2026-01-01&to=2026-04-01"), "kpi");
        assertProblem(get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&partnerid=3"), "partnerid");
        assertProblem(get("/api/v1/kpis/dealCount/records?from=2026-01-01&to=2026-04-01&group=7"), "group");
        assertProblem(get("/api/v1/kpis/dealCount/records?from=2026-01-01&to=2026-04-01&size=100000"), "size");
    }

    @Test
    void treatsHostileTextAsAPlainValueOrRefusesItWithoutLeakingAnything() throws Exception {
        String injection = URLEncoder.encode("x' or '1'='1; drop table opportunity; --", StandardCharsets.UTF_8);
        HttpResponse<String> sql = get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&city=" + injection);
        assertThat(sql.statusCode()).isEqualTo(200);
        assertThat(sql.body()).contains("\"dealCount\":{\"value\":0");

        HttpResponse<String> tooLong = get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&region=" + "a".repeat(5000));
        assertProblem(tooLong, "region");

        HttpResponse<String> badUtf8 = get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&city=%C3%28");
        assertThat(badUtf8.statusCode()).isEqualTo(400);
        assertThat(badUtf8.body()).contains("request.invalid-encoding");
        assertThat(badUtf8.body()).doesNotContain("Exception", "at io.", "org.springframework");
    }

    @Test
    void documentsTheKpiApiInOpenApi() throws Exception {
        assertThat(get("/api/docs/openapi.json").body()).contains("/api/v1/kpis", "/api/v1/kpis/channels",
                "/api/v1/kpis/pipeline", "/api/v1/kpis/{kpi}/records");
    }

    private static void assertProblem(HttpResponse<String> response, String parameter) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"parameter\":\"" + parameter + "\"", "\"code\":\"request.invalid-parameter\"");
        assertThat(response.body()).doesNotContain("Exception", "at io.partnerpulse");
    }
}
