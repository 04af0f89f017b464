package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** All or nothing, skip bad rows, dry runs, saved mappings, and the mistakes a mapping can make. */
@PartnerPulseIntegrationTest
class ImportModesSystemTests {

    @LocalServerPort
    int port;
    Api api;
    String u;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        u = UUID.randomUUID().toString().substring(0, 8);
    }

    static final String MAPPING = "{\"columns\": {\"externalId\": \"id\", \"stage\": \"stage\", \"createdAt\": \"created\","
            + " \"closedAt\": \"closed\", \"amount\": \"amount\", \"account\": \"account\"}}";

    /** Two good rows and six bad ones, each bad in its own way. */
    String file() {
        return "id,stage,created,closed,amount,account\n"
                + u + "-1,Won,2026-02-01,2026-02-10,100,\n"                // line 2: good
                + u + "-2,Prospecting,2026-02-30,,,\n"                     // line 3: no 30 February
                + u + "-3,Maybe,2026-02-01,,,\n"                           // line 4: unknown stage
                + u + "-4,Won,2026-02-01,2026-02-10,-5,\n"                 // line 5: negative amount
                + u + "-5,Lost,2026-02-01,,0,\n"                           // line 6: lost without a close day
                + u + "-6,Prospecting,2026-02-01,,,Nobody " + u + "\n"     // line 7: no such account
                + u + "-1,Won,2026-02-01,2026-02-11,100,\n"                // line 8: the id of line 2 again
                + u + "-7,\"Negotiation\",2026-02-03,,\"1,500.00\",\n";    // line 9: good
    }

    Api.Response upload(String csv, Map<String, String> fields) {
        return api.upload("/api/v1/imports/opportunities", "deals.csv", csv.getBytes(StandardCharsets.UTF_8), fields);
    }

    long imported() {
        return api.get("/api/v1/opportunities?q=" + u).json().get("total").asLong();
    }

    @Test
    void aTemplateNamesEveryFieldSoThatTheFileFilledInImportsWithoutAMapping() {
        Api.Response template = api.get("/api/v1/imports/partners/template");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentType()).startsWith("text/csv");
        assertThat(template.body()).isEqualTo("externalId,name,tier,status,country,region,city,commissionRate,joinedOn,partnerManager,"
                + "partnerType,distributor\r\n");

        String filled = template.body() + u + "-P,Templated " + u + ",GOLD,ACTIVE,DE,EMEA,Berlin,0.1,2026-03-01,,,\r\n";
        Api.Response imported = api.upload("/api/v1/imports/partners", "partners.csv", filled.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("inserted").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/partners?q=Templated%20" + u).json().get("items").get(0).get("tier").asString()).isEqualTo("GOLD");

        String page = Api.admin(port).get("/imports").body();
        assertThat(page).contains("What each file may hold", "/api/v1/imports/opportunities/template", "<code>closedAt</code>",
                "One of: PLATINUM, GOLD, SILVER, REGISTERED");
        assertThat(api.get("/api/v1/imports/nothing/template").status()).as("as the other imports answer an unknown entity").isEqualTo(400);
    }

    @Test
    void aFileWithBadRowsImportsNothingAndSaysWhyForEveryRow() {
        Api.Response response = upload(file(), Map.of("settings", MAPPING));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("import.rejected");
        JsonNode report = response.json().get("report");
        assertThat(report.get("status").asString()).isEqualTo("REJECTED");
        assertThat(report.get("rowsRead").asLong()).isEqualTo(8);
        assertThat(report.get("rejected").asLong()).isEqualTo(6);
        assertThat(report.get("problems").valueStream().map(p -> p.get("line").asLong() + ":" + p.get("column").asString()).toList())
                .containsExactly("3:created", "4:stage", "5:amount", "6:closed", "7:account", "8:id");
        assertThat(report.get("problems").toString()).contains("is not a day of the calendar", "is not one of",
                "must not be negative", "needs the day it closed", "there is no customer account", "the same external id is on line 2");
        assertThat(imported()).isZero();
    }

    @Test
    void theReportPageGivesEveryRowsReasonInTheReadersLanguageAndTheApiKeepsItsCodeAndArguments() {
        Api.Response response = upload(file(), Map.of("settings", MAPPING));
        JsonNode report = response.json().get("report");
        JsonNode negative = report.get("problems").valueStream().filter(p -> p.get("line").asLong() == 5).findFirst().orElseThrow();
        assertThat(negative.get("code").asString()).isEqualTo("negative");
        JsonNode repeated = report.get("problems").valueStream().filter(p -> p.get("line").asLong() == 8).findFirst().orElseThrow();
        assertThat(repeated.get("code").asString()).isEqualTo("repeated.externalId");
        assertThat(repeated.get("args").toString()).isEqualTo("[\"2\"]");
        Api pages = Api.admin(port);
        long runId = report.get("runId").asLong();

        String urdu = pages.get("/imports/runs/" + runId + "?lang=ur").body();
        String english = pages.get("/imports/runs/" + runId + "?lang=en").body();

        assertThat(urdu).contains("Maybe", "ان میں سے کوئی نہیں", "منفی نہیں ہو سکتا", "ہارے ہوئے سودے کے لیے اس کے بند ہونے کا دن ضروری ہے",
                        "کوئی گاہک کھاتہ موجود نہیں: Nobody " + u, "یہی بیرونی شناخت سطر 2 پر بھی ہے", "کیلنڈر کا کوئی دن نہیں")
                .doesNotContain("must not be negative", "the same external id");
        assertThat(english).contains("must not be negative", "the same external id is on line 2; the first one is imported",
                "a lost deal needs the day it closed", "there is no customer account with the external id or name Nobody " + u);
    }

    @Test
    void theReportPageGivesItsRemarksAndTheRecordsCreatedInTheReadersLanguage() {
        String csv = "id,stage,created,closed,amount,account\n" + u + "-1,Won,2026-02-01,2026-02-10,,Remarked " + u + "\n"
                + u + "-2,Won,2026-02-01,2026-02-11,,Remarked " + u + "\n";
        Api.Response response = upload(csv, Map.of("settings", MAPPING.replace("}}", "}, \"createMissing\": true}")));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("warnings").toString()).contains("won deal without an amount: counted as 0 (2 rows, first on line 2)");
        assertThat(response.json().get("created").toString()).contains("1 customer account created for account: Remarked " + u);
        assertThat(response.json().at("/remarks/0/code").asString()).isEqualTo("remark.wonWithoutAmount");
        Api pages = Api.admin(port);
        long runId = response.json().get("runId").asLong();

        String urdu = pages.get("/imports/runs/" + runId + "?lang=ur").body();
        String english = pages.get("/imports/runs/" + runId + "?lang=en").body();

        assertThat(urdu).contains("جیتا ہوا سودا جس کی رقم درج نہیں: 0 شمار کیا گیا (2 قطاریں، پہلی سطر 2 پر)",
                "1 گاہک کھاتہ بنایا گیا، account کے لیے: Remarked " + u).doesNotContain("won deal without an amount");
        assertThat(english).contains("won deal without an amount: counted as 0 (2 rows, first on line 2)",
                "1 customer account created for account: Remarked " + u);
    }

    @Test
    void theMappingPageSaysItsFieldsAndTheFilesProblemsInTheReadersLanguageWhileTheApiKeepsItsEnglish() {
        Api pages = Api.admin(port);
        byte[] deals = file().getBytes(StandardCharsets.UTF_8);

        Api.Response blank = pages.upload("/imports/upload", "blank.csv", "\r\n\r\n".getBytes(StandardCharsets.UTF_8),
                Map.of("entity", "opportunities"), "ur");
        Api.Response mapping = pages.upload("/imports/upload", "deals.csv", deals, Map.of("entity", "opportunities"), "ur");
        String token = mapping.body().replaceAll("(?s).*action=\"/imports/([0-9a-f-]{36})/run\".*", "$1");
        Api.Response unmapped = pages.form("/imports/" + token + "/run",
                "column.externalId=id&column.createdAt=created&mode=ALL_OR_NOTHING&action=check", "ur");
        Api.Response viaApi = upload(file(), Map.of("settings", "{\"columns\": {\"externalId\": \"id\", \"createdAt\": \"created\"}}"));

        assertThat(blank.body()).contains("فائل خالی ہے: اس کی پہلی سطر میں کالموں کے نام ہونے چاہییں۔").doesNotContain("The file is empty");
        assertThat(mapping.body()).as("each field's description beside it")
                .contains("ماخذ نظام میں شناخت", "جیتنے یا ہارنے کا دن (ان کے لیے لازمی؛ کھلے سودے کے لیے متوقع اختتام)")
                .doesNotContain("Id in the source system", "Day it was won or lost");
        assertThat(unmapped.status()).isEqualTo(200);
        assertThat(unmapped.body()).as("the stage, required and left unmapped").contains("لازمی ہے؛ فائل کا کوئی کالم اس خانے سے ملائیں۔")
                .doesNotContain("map a column of the file");
        assertThat(viaApi.status()).isEqualTo(422);
        assertThat(viaApi.json().get("detail").asString()).isEqualTo("stage: required; map a column of the file to it (Stage).");
        assertThat(pages.upload("/imports/upload", "blank.csv", "\r\n".getBytes(StandardCharsets.UTF_8), Map.of("entity", "opportunities"), "en")
                .body()).contains("The file is empty: it needs a header line with the column names.");
    }

    @Test
    void skippingBadRowsImportsTheGoodOnesAndReportsTheRest() {
        Api.Response response = upload(file(), Map.of("settings", MAPPING, "mode", "SKIP_BAD_ROWS"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("IMPORTED");
        assertThat(response.json().get("inserted").asLong()).isEqualTo(2);
        assertThat(response.json().get("rejected").asLong()).isEqualTo(6);
        assertThat(imported()).isEqualTo(2);
        JsonNode deal = api.get("/api/v1/opportunities?q=" + u + "-7").json().at("/items/0");
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(deal.get("stage").asString()).isEqualTo("NEGOTIATION");
        // The run is in the log with its report.
        JsonNode run = api.get("/api/v1/imports/runs/" + response.json().get("runId").asLong()).json();
        assertThat(run.get("status").asString()).isEqualTo("IMPORTED");
        assertThat(run.at("/report/problems").size()).isEqualTo(6);
    }

    @Test
    void aDryRunChecksEverythingAndWritesNothing() {
        String good = "id,stage,created,closed,amount,account\n" + u + "-1,Won,2026-02-01,2026-02-10,100,\n";
        Api.Response response = upload(good, Map.of("settings", MAPPING, "dryRun", "true"));
        assertThat(response.json().get("status").asString()).isEqualTo("CHECKED");
        assertThat(response.json().get("inserted").asLong()).isEqualTo(1);
        assertThat(imported()).isZero();
    }

    @Test
    void aSavedMappingIsReusedByName() {
        assertThat(api.put("/api/v1/imports/opportunities/mappings/crm-" + u, MAPPING, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/imports/opportunities/mappings").body()).contains("crm-" + u);
        String good = "id,stage,created,closed,amount,account\n" + u + "-1,Won,2026-02-01,2026-02-10,100,\n";
        Api.Response response = upload(good, Map.of("mapping", "crm-" + u));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(imported()).isEqualTo(1);
        assertThat(upload(good, Map.of("mapping", "nothing-" + u)).status()).isEqualTo(422);
    }

    @Test
    void aMappingThatDoesNotFitTheFileNamesTheFieldAndNothingIsWritten() {
        String good = "id,stage,created,closed,amount,account\n" + u + "-1,Won,2026-02-01,2026-02-10,100,\n";
        Api.Response missingColumn = upload(good, Map.of("settings", "{\"columns\": {\"externalId\": \"deal_id\", \"stage\": \"stage\"}}"));
        assertThat(missingColumn.status()).isEqualTo(422);
        assertThat(Api.invalidFields(missingColumn)).containsExactly("externalId");
        assertThat(missingColumn.json().get("detail").asString()).contains("no column \"deal_id\"");
        Api.Response unknownField = upload(good, Map.of("settings", "{\"columns\": {\"colour\": \"stage\"}}"));
        assertThat(Api.invalidFields(unknownField)).containsExactly("colour");
        Api.Response requiredMissing = upload(good, Map.of("settings", "{\"columns\": {\"externalId\": \"id\"}}"));
        assertThat(Api.invalidFields(requiredMissing)).containsExactly("stage");
        Api.Response badJson = upload(good, Map.of("settings", "{\"columns\": "));
        assertThat(Api.invalidFields(badJson)).containsExactly("settings");
        Api.Response badDateFormat = upload(good, Map.of("settings", "{\"columns\": {\"externalId\": \"id\", \"stage\": \"stage\"}, \"dateFormat\": \"YY\"}"));
        assertThat(Api.invalidFields(badDateFormat)).containsExactly("dateFormat");
        assertThat(api.upload("/api/v1/imports/planets", "x.csv", good.getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(400);
        assertThat(api.upload("/api/v1/imports/opportunities", "x.csv", new byte[0], Map.of()).status()).isEqualTo(422);
        Api.Response notUtf8 = api.upload("/api/v1/imports/opportunities", "x.csv",
                ("id,stage\n" + u + "-1,Won\u00e9\n").getBytes(StandardCharsets.ISO_8859_1), Map.of("settings", "{\"columns\": {\"externalId\": \"id\", \"stage\": \"stage\"}}"));
        assertThat(notUtf8.status()).isEqualTo(422);
        assertThat(notUtf8.json().get("detail").asString()).contains("UTF-8");
        assertThat(imported()).isZero();
    }

    @Test
    void anonymousCallersCannotImport() {
        String good = "id,stage\n" + u + "-1,Won\n";
        assertThat(Api.anonymous(port).upload("/api/v1/imports/opportunities", "x.csv", good.getBytes(StandardCharsets.UTF_8), Map.of())
                .status()).isEqualTo(401);
        assertThat(Api.anonymous(port).get("/api/v1/imports/runs").status()).isEqualTo(401);
    }
}
