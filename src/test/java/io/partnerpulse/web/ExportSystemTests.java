package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every list and KPI table as CSV and XLSX, with its filters applied and every matching row, not one page. */
@PartnerPulseIntegrationTest
class ExportSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    HttpResponse<byte[]> fetch(String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", Api.basic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void exportsEveryFilteredRowOfAListAsCsvNotJustOnePage() throws Exception {
        Api api = new Api(port);
        String marker = Fixtures.unique("Export").replace(" ", "");
        for (int i = 0; i < 60; i++) {
            api.post("/api/v1/opportunities", "{\"name\": \"%s %d, \\\"quoted\\\"\", \"amount\": %d.50, \"currency\": \"USD\"}".formatted(marker, i, i));
        }
        HttpResponse<byte[]> csv = fetch("/api/v1/opportunities?q=" + marker + "&format=csv&sort=amount", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "opportunities.csv");
        String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,externalId,name,");
        assertThat(text.lines().count()).as("header and 60 rows, more than the default page of 50").isEqualTo(61);
        assertThat(text).contains("\"" + marker + " 59, \"\"quoted\"\"\"", ",59.50,USD,PROSPECTING,");
        // The same request without a format is JSON, as always.
        assertThat(fetch("/api/v1/opportunities?q=" + marker, null).headers().firstValue("Content-Type").orElse("")).contains("json");
        assertThat(fetch("/api/v1/opportunities?q=" + marker, "*/*").headers().firstValue("Content-Type").orElse("")).contains("json");
    }

    @Test
    void exportsAKpiTableAsAWorkbookWithNumbersAsNumbersAndASheetPerTable() throws Exception {
        HttpResponse<byte[]> xlsx = fetch("/api/v1/kpis/channels?from=2026-01-01&to=2026-04-01&format=xlsx", null);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("kpis-channels.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("channels");
            assertThat(workbook.getSheetName(1)).isEqualTo("channelTypes");
            Sheet types = workbook.getSheet("channelTypes");
            assertThat(types.getRow(0).getCell(0).getStringCellValue()).isEqualTo("key");
            int expected = new Api(port).get("/api/v1/kpis/channels?from=2026-01-01&to=2026-04-01").json().get("channelTypes").size();
            assertThat(types.getLastRowNum()).isEqualTo(expected);
        }
        HttpResponse<byte[]> kpis = fetch("/api/v1/kpis?from=2026-01-01&to=2026-04-01&groupBy=channelType&compare=previous", "text/csv");
        String text = new String(kpis.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).contains("key,label,kpis.averageDealSize.value", "kpis.dealCount.previous");
        int groups = new Api(port).get("/api/v1/kpis?from=2026-01-01&to=2026-04-01&groupBy=channelType&compare=previous").json()
                .get("groups").size();
        assertThat(text.lines().count()).isEqualTo(groups + 1);
    }

    @Test
    void everyListPageLinksToItsDownloadsAndTheLinksWork() throws Exception {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        long employee = new Fixtures(jdbc).employee();
        for (String page : java.util.List.of("/", "/leaderboard", "/leads?status=NEW&q=x", "/partners?tier=GOLD", "/campaigns", "/targets",
                "/registrations", "/pipeline", "/dashboard/records?kpi=dealCount&period=this-year", "/partners/" + partner,
                "/organization/employee/" + employee)) {
            String html = new String(fetch(page, null).body(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"([^\"]*format=(csv|xlsx))\"").matcher(html);
            int found = 0;
            while (link.find()) {
                found++;
                HttpResponse<byte[]> file = fetch(link.group(1).replace("&amp;", "&"), null);
                assertThat(file.statusCode()).as(page + " -> " + link.group(1)).isEqualTo(200);
                assertThat(file.headers().firstValue("Content-Disposition").orElse("")).as(link.group(1)).contains("." + link.group(2));
            }
            assertThat(found).as(page + ": CSV and XLSX (the campaigns page twice: its list and what they brought in)")
                    .isEqualTo(page.equals("/campaigns") ? 4 : 2);
        }
    }

    @Test
    void aBadRequestForAFileIsStillAProblemDocument() throws Exception {
        HttpResponse<byte[]> bad = fetch("/api/v1/kpis?from=2026-13-01&to=2026-04-01&format=csv", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"parameter\"");
    }
}
