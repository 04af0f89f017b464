package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The column names of Salesforce's and HubSpot's own exports (an opportunity report, the deals,
 * contacts and companies exports) are guessed without a mapping, and the stages of their default
 * pipelines land in ours: a channel manager uploads the file the other CRM gave them and only checks.
 */
@PartnerPulseIntegrationTest
class CrmExportHeadersSystemTests {

    @LocalServerPort
    int port;
    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, String> guessed(String entity, String header) {
        Api.Response preview = api.upload("/api/v1/imports/" + entity + "/preview", "export.csv",
                (header + "\r\n").getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Map<String, String> columns = new LinkedHashMap<>();
        JsonNode guesses = preview.json().get("guessedColumns");
        guesses.propertyNames().forEach(field -> columns.put(field, guesses.get(field).asString()));
        return columns;
    }

    @Test
    void aSalesforceOpportunityReportMapsByItsHeaderAndItsStagesLandInOurs() {
        String header = "Opportunity ID,Opportunity Name,Account Name,Amount,Opportunity Currency,Stage,Close Date,Created Date,"
                + "Opportunity Owner,Lead Source,Primary Campaign Source,Partner Account,Loss Reason";
        assertThat(guessed("opportunities", header)).containsAllEntriesOf(Map.ofEntries(
                Map.entry("externalId", "Opportunity ID"), Map.entry("name", "Opportunity Name"), Map.entry("account", "Account Name"),
                Map.entry("amount", "Amount"), Map.entry("currency", "Opportunity Currency"), Map.entry("stage", "Stage"),
                Map.entry("closedAt", "Close Date"), Map.entry("createdAt", "Created Date"), Map.entry("owner", "Opportunity Owner"),
                Map.entry("channel", "Lead Source"), Map.entry("campaign", "Primary Campaign Source"),
                Map.entry("partner", "Partner Account"), Map.entry("lostReason", "Loss Reason")));

        String file = "Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Close Date,Created Date\r\n"
                + u + "-1,Analysis " + u + ",Acct " + u + ",1000,Needs Analysis,,3/1/2026\r\n"
                + u + "-2,Proposal " + u + ",Acct " + u + ",2000,Perception Analysis,,3/1/2026\r\n"
                + u + "-3,Won " + u + ",Acct " + u + ",3000,Closed Won,3/20/2026,3/1/2026\r\n"
                + u + "-4,Makers " + u + ",Acct " + u + ",4000,Id. Decision Makers,,3/1/2026\r\n";
        Api.Response imported = api.upload("/api/v1/imports/opportunities", "report.csv", file.getBytes(StandardCharsets.UTF_8),
                Map.of("settings", "{\"createMissing\": true, \"dateFormat\": \"M/D/YYYY\"}"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(stageOf("Analysis " + u)).isEqualTo("QUALIFICATION");
        assertThat(stageOf("Proposal " + u)).isEqualTo("PROPOSAL");
        assertThat(stageOf("Won " + u)).isEqualTo("WON");
        assertThat(stageOf("Makers " + u)).isEqualTo("QUALIFICATION");
    }

    @Test
    void aHubSpotDealsExportMapsByItsHeaderAndItsDefaultPipelineLandsInOurs() {
        String header = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Associated Company,"
                + "Closed Lost Reason,Deal currency code,Original Source";
        assertThat(guessed("opportunities", header)).containsAllEntriesOf(Map.ofEntries(
                Map.entry("externalId", "Record ID"), Map.entry("name", "Deal Name"), Map.entry("stage", "Deal Stage"),
                Map.entry("amount", "Amount"), Map.entry("closedAt", "Close Date"), Map.entry("createdAt", "Create Date"),
                Map.entry("owner", "Deal owner"), Map.entry("account", "Associated Company"), Map.entry("lostReason", "Closed Lost Reason"),
                Map.entry("currency", "Deal currency code"), Map.entry("channel", "Original Source")));

        String file = "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date\r\n"
                + u + "-a,Appointment " + u + ",Appointment Scheduled,100,,2026-03-01\r\n"
                + u + "-b,Qualified " + u + ",Qualified To Buy,100,,2026-03-01\r\n"
                + u + "-c,Presentation " + u + ",Presentation Scheduled,100,,2026-03-01\r\n"
                + u + "-d,Bought in " + u + ",Decision Maker Bought-In,100,,2026-03-01\r\n"
                + u + "-e,Contract " + u + ",Contract Sent,100,,2026-03-01\r\n"
                + u + "-f,Lost " + u + ",Closed Lost,0,2026-03-09,2026-03-01\r\n";
        Api.Response imported = api.upload("/api/v1/imports/opportunities", "deals.csv", file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(stageOf("Appointment " + u)).isEqualTo("PROSPECTING");
        assertThat(stageOf("Qualified " + u)).isEqualTo("QUALIFICATION");
        assertThat(stageOf("Presentation " + u)).isEqualTo("PROPOSAL");
        assertThat(stageOf("Bought in " + u)).isEqualTo("NEGOTIATION");
        assertThat(stageOf("Contract " + u)).isEqualTo("NEGOTIATION");
        assertThat(stageOf("Lost " + u)).isEqualTo("LOST");
    }

    @Test
    void hubSpotContactsAndCompaniesAndSalesforceLeadsMapByTheirHeaders() {
        assertThat(guessed("leads", "Record ID,First Name,Last Name,Email,Create Date,Original Source,Contact owner,Company Name,"
                + "Country/Region,State/Region,City,Lead Status")).containsAllEntriesOf(Map.ofEntries(
                Map.entry("externalId", "Record ID"), Map.entry("firstName", "First Name"), Map.entry("lastName", "Last Name"),
                Map.entry("email", "Email"), Map.entry("createdAt", "Create Date"),
                Map.entry("channel", "Original Source"), Map.entry("owner", "Contact owner"), Map.entry("companyName", "Company Name"),
                Map.entry("country", "Country/Region"), Map.entry("region", "State/Region"), Map.entry("city", "City"),
                Map.entry("status", "Lead Status")));
        assertThat(guessed("leads", "Lead ID,Full Name,Company / Account,Lead Source,Lead Owner,Created Date,State/Province,Country"))
                .containsAllEntriesOf(Map.ofEntries(Map.entry("externalId", "Lead ID"), Map.entry("contactName", "Full Name"),
                        Map.entry("companyName", "Company / Account"), Map.entry("channel", "Lead Source"), Map.entry("owner", "Lead Owner"),
                        Map.entry("createdAt", "Created Date"), Map.entry("region", "State/Province"), Map.entry("country", "Country")));
        assertThat(guessed("accounts", "Record ID,Company name,Industry,Country/Region,State/Region,City,Number of Employees,"
                + "Annual Revenue,Parent Company")).containsAllEntriesOf(Map.ofEntries(
                Map.entry("externalId", "Record ID"), Map.entry("name", "Company name"), Map.entry("sector", "Industry"),
                Map.entry("country", "Country/Region"), Map.entry("region", "State/Region"), Map.entry("city", "City"),
                Map.entry("employees", "Number of Employees"), Map.entry("annualRevenue", "Annual Revenue"),
                Map.entry("parentAccount", "Parent Company")));
        assertThat(guessed("accounts", "Account ID,Account Name,Industry,Billing City,Billing State/Province,Billing Country,Parent Account"))
                .containsAllEntriesOf(Map.ofEntries(Map.entry("externalId", "Account ID"), Map.entry("name", "Account Name"),
                        Map.entry("city", "Billing City"), Map.entry("region", "Billing State/Province"),
                        Map.entry("country", "Billing Country"), Map.entry("parentAccount", "Parent Account")));
    }

    @Test
    void aContactsFirstAndLastNameMakeItsContactPersonWhenNoColumnHoldsTheWholeName() {
        String file = "Record ID,First Name,Last Name,Email,Create Date\r\n"
                + u + "-1,Ada,Lovelace " + u + ",ada@" + u + ".example,2026-03-01\r\n"
                + u + "-2,,Babbage " + u + ",charles@" + u + ".example,2026-03-01\r\n"
                + u + "-3,,,nobody@" + u + ".example,2026-03-01\r\n";
        Api.Response imported = api.upload("/api/v1/imports/leads", "contacts.csv", file.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(contactOf(u + "-1")).isEqualTo("Ada Lovelace " + u);
        assertThat(contactOf(u + "-2")).isEqualTo("Babbage " + u);
        assertThat(contactOf(u + "-3")).as("no name at all: none, not an empty one").isNull();

        // a column holding the whole name wins over the parts
        String whole = "Record ID,Full Name,First Name,Last Name,Create Date\r\n" + u + "-1,Augusta Ada King,Ada,Lovelace,2026-03-01\r\n";
        assertThat(api.upload("/api/v1/imports/leads", "again.csv", whole.getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(200);
        assertThat(contactOf(u + "-1")).isEqualTo("Augusta Ada King");
    }

    private String contactOf(String externalId) {
        JsonNode items = api.get("/api/v1/leads?q=" + externalId.substring(0, 8)).json().get("items");
        for (JsonNode lead : items) {
            if (externalId.equals(lead.get("externalId").asString())) {
                return lead.get("contactName").isNull() ? null : lead.get("contactName").asString();
            }
        }
        throw new AssertionError("no lead " + externalId + " in " + items);
    }

    private String stageOf(String name) {
        JsonNode items = api.get("/api/v1/opportunities?show=ALL&q=" + name.replace(" ", "%20")).json().get("items");
        assertThat(items.size()).as(name).isEqualTo(1);
        return items.get(0).get("stage").asString();
    }
}
