package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staging hands the converted rows to PostgreSQL in COPY's text format, where backslashes, tabs
 * and line breaks are escapes: values holding them, or text that looks like COPY's own markers
 * ({@code \N} for null, {@code \.} for the end), arrive exactly as the file wrote them.
 */
@PartnerPulseIntegrationTest
class StagedTextImportSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void valuesWithBackslashesTabsLineBreaksAndCopyMarkersArriveAsTheFileWroteThem() {
        String u = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> sectors = new LinkedHashMap<>();
        sectors.put("A-" + u, "C:\\temp\\new");
        sectors.put("B-" + u, "tab\there");
        sectors.put("C-" + u, "two\r\nlines and\none more");
        sectors.put("D-" + u, "\\N");
        sectors.put("E-" + u, "\\.");
        sectors.put("F-" + u, "say \"hi\", ünïcödé \\\\ twice");
        sectors.put("G-" + u, "ends with a backslash\\");
        StringBuilder csv = new StringBuilder("id,name,sector\r\n");
        sectors.forEach((id, sector) -> csv.append(id).append(",Account ").append(id).append(",\"")
                .append(sector.replace("\"", "\"\"")).append("\"\r\n"));
        Api.Response imported = new Api(port).upload("/api/v1/imports/accounts", "accounts.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("settings", "{\"columns\": {\"externalId\": \"id\", \"name\": \"name\", \"sector\": \"sector\"}}"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("inserted").asLong()).isEqualTo(sectors.size());
        sectors.forEach((id, sector) -> assertThat(jdbc.sql("select sector from customer_account where external_id = :id")
                .param("id", id).query(String.class).single()).as(id).isEqualTo(sector));
    }
}
