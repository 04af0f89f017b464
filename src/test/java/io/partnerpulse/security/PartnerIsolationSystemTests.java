package io.partnerpulse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The partner portal's walls, tested on every endpoint the application maps (read from its own
 * request mappings, so that a new endpoint cannot be left out): a user of partner A, aiming at
 * partner B's records, is refused (403 or 404) or answered without any of B's rows, and changes
 * nothing of B's.
 */
@PartnerPulseIntegrationTest
class PartnerIsolationSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Api admin;
    String marker;
    long partnerA;
    long partnerB;
    long leadB;
    long dealB;
    long registrationB;
    long leadA;
    long fundB;
    long fundRequestB;
    long fundClaimB;
    long fundDocumentB;
    long fundA;
    long reportB;
    long reportDeliveryB;
    long certificationB;
    Api userOfA;

    @BeforeEach
    void twoCompetingPartners() {
        admin = new Api(port);
        Fixtures fixtures = new Fixtures(jdbc);
        marker = "Bravo" + Fixtures.unique("").trim().replace(" ", "");
        partnerA = fixtures.activePartner("US", "GOLD");
        partnerB = jdbc.sql("""
                insert into partner (name, tier, status, status_changed_at, country, region, joined_on)
                values (:n, 'GOLD', 'ACTIVE', now(), 'US', 'North America', current_date) returning id""")
                .param("n", marker + " Partner").query(Long.class).single();
        // both buy through one distributor (two-tier distribution): a reseller sees nothing of its sibling either
        long distributor = fixtures.activePartner("US", "PLATINUM");
        admin.put("/api/v1/partners/" + distributor + "/distribution", "{\"distributor\": true}", "\"0\"");
        for (long reseller : new long[] {partnerA, partnerB}) {
            assertThat(admin.put("/api/v1/partners/" + reseller + "/distribution", "{\"distributorId\": %d}".formatted(distributor), "\"0\"")
                    .status()).isEqualTo(200);
        }
        leadA = admin.post("/api/v1/leads?partnerId=" + partnerA, "{\"companyName\": \"Alpha lead\", \"country\": \"US\"}").id();
        leadB = admin.post("/api/v1/leads?partnerId=" + partnerB, "{\"companyName\": \"%s Lead\", \"country\": \"US\"}".formatted(marker)).id();
        Api.Response deal = admin.post("/api/v1/opportunities", """
                {"name": "%s Deal", "amount": 777.00, "currency": "USD", "partnerId": %d}""".formatted(marker, partnerB));
        dealB = deal.id();
        admin.post("/api/v1/opportunities/" + dealB + "/win", "{}", deal.etag());
        admin.post("/api/v1/opportunities/" + dealB + "/notes", "{\"body\": \"%s note\"}".formatted(marker));
        registrationB = admin.post("/api/v1/registrations", """
                {"partnerId": %d, "customerName": "%s Customer"}""".formatted(partnerB, marker)).id();
        fundB = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2027-01-01", "amount": 9000, "currency": "USD", "note": "%s fund"}"""
                .formatted(partnerB, marker)).id();
        fundRequestB = admin.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "%s event", "startsOn": "2026-03-01", "endsOn": "2026-03-02", "requestedAmount": 900}"""
                .formatted(fundB, marker)).id();
        admin.post("/api/v1/funds/requests/" + fundRequestB + "/approve", "{}", "\"0\"");
        fundClaimB = admin.post("/api/v1/funds/claims", """
                {"requestId": %d, "amount": 100, "proof": "%s invoice"}""".formatted(fundRequestB, marker)).id();
        fundDocumentB = admin.uploadFiles("/api/v1/funds/claims/" + fundClaimB + "/documents", "file",
                Map.of(marker + " invoice.pdf", ("%PDF-1.4 " + marker).getBytes(java.nio.charset.StandardCharsets.UTF_8)), Map.of()).id();
        fundA = admin.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2027-01-01", "amount": 9000, "currency": "USD"}"""
                .formatted(partnerA)).id();
        reportB = admin.post("/api/v1/report-subscriptions", """
                {"name": "%s report", "scope": "partner", "scopeId": %d, "frequency": "MONTHLY", "recipients": ["bravo@example.com"]}"""
                .formatted(marker, partnerB)).id();
        reportDeliveryB = admin.post("/api/v1/report-subscriptions/" + reportB + "/send", "{}").id();
        certificationB = admin.post("/api/v1/certifications", """
                {"partnerId": %d, "personName": "%s Person", "name": "%s course", "earnedOn": "2026-01-05"}"""
                .formatted(partnerB, marker, marker)).id();
        admin.put("/api/v1/partners/" + partnerB + "/listing", "{\"summary\": \"%s listing\"}".formatted(marker), "\"0\"");
        userOfA = admin.newPartnerUser(partnerA, "alpha");
    }

    @Test
    void neverShowsOrChangesAnotherPartnersRecordsOnAnyEndpoint() {
        Map<String, Object> before = snapshotOfB();
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String path = concrete(pattern) + query(pattern, method);
                    String body = method == RequestMethod.GET || method == RequestMethod.DELETE ? null : bodyAimingAtB();
                    Api.Response response = userOfA.send(method.name(), path, body);
                    checked.add(method + " " + pattern + " -> " + response.status());
                    if (response.status() >= 200 && response.status() < 300) {
                        assertThat(response.body()).as(method + " " + path + " answered with partner B's data")
                                .doesNotContain(marker)
                                .doesNotContainPattern("\"partnerId\"\\s*:\\s*" + partnerB + "\\b");
                    } else {
                        assertThat(response.status()).as(method + " " + path + ": " + response.body()).isIn(400, 403, 404, 409, 415, 422, 428);
                    }
                    if (method == RequestMethod.GET) {
                        String file = path + (path.contains("?") ? "&" : "?") + "format=csv";
                        Api.Response export = userOfA.get(file);
                        checked.add("GET " + pattern + " as CSV -> " + export.status());
                        assertThat(export.body()).as("GET " + file + " exported partner B's data").doesNotContain(marker);
                    }
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(60);
        assertThat(snapshotOfB()).as("partner B's records after partner A's attempts").isEqualTo(before);
    }

    @Test
    void keepsAnotherPartnersRowsOffEveryPage() {
        List<String> pages = List.of("/", "/?period=custom&from=2020-01-01&to=2030-01-01", "/leads", "/leads?status=NEW", "/leaderboard?from=2020-01-01&to=2030-01-01",
                "/pipeline", "/registrations", "/partners/" + partnerB, "/partners/" + partnerA + "?compare=" + partnerB,
                "/partners/" + partnerA + "?compareWith=" + marker,
                "/dashboard/records?kpi=dealCount&period=custom&from=2020-01-01&to=2030-01-01",
                "/dashboard/records?kpi=pipeline&period=custom&from=2020-01-01&to=2030-01-01",
                "/dashboard/series?period=custom&from=2020-01-01&to=2030-01-01",
                "/funds", "/funds?show=requests", "/funds?show=claims", "/funds?show=returns", "/funds?partnerId=" + partnerB,
                "/funds?show=requests&allocationId=" + fundB, "/funds?show=claims&requestId=" + fundRequestB,
                "/reports", "/account/notifications", "/pivot?rows=partner&period=custom&from=2020-01-01&through=2029-12-31", "/reports/" + reportB, "/reports/" + reportB + "/deliveries/" + reportDeliveryB + "/scorecard.pdf",
                "/deals", "/deals?show=ALL", "/deals?show=WON&q=Deal", "/deals/" + dealB, "/leads/" + leadB, "/tasks", "/tasks/deal/" + dealB, "/search?q=Bravo",
                "/certifications", "/certifications?status=VALID&q=Bravo", "/certifications?partnerId=" + partnerB,
                "/partners/" + partnerB + "/listing", "/directory?q=Bravo");
        for (String page : pages) {
            Api.Response response = userOfA.get(page);
            assertThat(response.status()).as(page).isIn(200, 404);
            assertThat(response.body()).as(page).doesNotContain(marker);
        }
        assertThat(userOfA.get("/partners/" + partnerB).status()).isEqualTo(404);
        assertThat(userOfA.get("/partners/" + partnerB + "/scorecard.pdf").status()).isEqualTo(404);
        assertThat(userOfA.get("/partners/" + partnerA + "/scorecard.pdf").status()).isEqualTo(200);
        assertThat(userOfA.get("/scorecard.pdf").status()).as("the program's scorecard is not a partner's").isEqualTo(403);
        assertThat(userOfA.get("/partners/" + partnerA).status()).isEqualTo(200);
        Api.Response pivotOfB = userOfA.get("/pivot?rows=employee&partnerId=" + partnerB);
        assertThat(pivotOfB.status()).as("another partner's numbers, asked for by name").isEqualTo(403);
        assertThat(pivotOfB.body()).doesNotContain(marker);
        assertThat(userOfA.get("/reports/" + reportB).status()).isEqualTo(404);
        assertThat(userOfA.form("/reports/" + reportB + "/send", "").status()).isEqualTo(404);
        assertThat(userOfA.form("/reports/" + reportB + "/delete", "").status()).isEqualTo(404);
        assertThat(userOfA.form("/reports", "name=Sneaky&subject=partner:" + partnerB + "&frequency=MONTHLY&recipients=x@example.com")
                .body()).as("the form refuses another partner's scorecard").doesNotContain(marker).contains("may see");
        assertThat(userOfA.get("/deals/" + dealB).status()).isEqualTo(404);
        assertThat(userOfA.get("/leads/" + leadB).status()).isEqualTo(404);
        assertThat(userOfA.form("/leads/" + leadB, "companyName=Mine&version=0").status()).isEqualTo(404);
        assertThat(userOfA.form("/leads/" + leadB + "/qualify", "version=0&from=page").status()).isIn(302, 404);
        assertThat(userOfA.form("/tasks", "title=Spy&dueOn=2027-01-01&opportunityId=" + dealB).status()).isEqualTo(404);
        assertThat(userOfA.form("/deals/" + dealB + "/notes", "body=Hello").status()).isEqualTo(404);
        assertThat(userOfA.form("/certifications/" + certificationB + "/remove", "version=0").status()).isEqualTo(403);
        assertThat(userOfA.form("/partners/" + partnerB + "/listing", "summary=Mine&version=0").status()).isEqualTo(404);
        assertThat(userOfA.form("/certifications", "partner=" + marker + "+Partner&personName=Spy&name=x&earnedOn=2026-01-01").status()).isEqualTo(403);
        assertThat(userOfA.form("/deals/" + dealB + "/stage", "target=NEGOTIATION&version=1").status()).isEqualTo(404);
        assertThat(userOfA.form("/deals/" + dealB, "name=Mine&amount=1&currency=USD&version=1").status()).isEqualTo(403);
        Api.Response dealsOfB = userOfA.get("/deals?show=ALL&partnerId=" + partnerB);
        assertThat(dealsOfB.status()).as("another partner's deals, asked for by id").isEqualTo(403);
        assertThat(dealsOfB.body()).doesNotContain(marker);
        assertThat(userOfA.get("/webhooks").status()).as("webhook payloads carry every partner's deals").isEqualTo(403);
    }

    @Test
    void aPartnerUserMayNotAttributeItsLeadToAnotherPartnersCoMarketingCampaign() {
        Api admin = new Api(port);
        long channel = new Fixtures(jdbc).channel("PAID");
        String campaign = """
                {"name": "%s", "channelId": %d, "startsOn": "2026-01-01", "endsOn": "2026-12-31", "cost": 10, "currency": "USD"%s}""";
        long ofB = admin.post("/api/v1/campaigns", campaign.formatted(marker + " co-marketing", channel, ", \"partnerId\": " + partnerB)).id();
        long ofA = admin.post("/api/v1/campaigns", campaign.formatted(Fixtures.unique("A's co-marketing"), channel, ", \"partnerId\": " + partnerA)).id();
        long program = admin.post("/api/v1/campaigns", campaign.formatted(Fixtures.unique("Program campaign"), channel, "")).id();
        String lead = "{\"companyName\": \"%s\", \"country\": \"US\", \"campaignId\": %d}";
        Api.Response refused = userOfA.post("/api/v1/leads", lead.formatted(Fixtures.unique("Sneaky lead"), ofB));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).as("told as if it did not exist").contains("there is no campaign with id " + ofB).doesNotContain(marker);
        assertThat(userOfA.post("/api/v1/leads", lead.formatted(Fixtures.unique("Own lead"), ofA)).status()).isEqualTo(201);
        assertThat(userOfA.post("/api/v1/leads", lead.formatted(Fixtures.unique("Program lead"), program)).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/leads", lead.formatted(Fixtures.unique("Staff lead"), ofB)).status())
                .as("staff attribute leads to any campaign").isEqualTo(201);
    }

    @Test
    void aPartnerUserNeitherAssignsLeadsNorSeesOtherPartnersNamesNorAddsALeadForAnother() {
        Map<String, Object> before = snapshotOfB();
        String leads = userOfA.get("/leads").body();
        assertThat(leads).doesNotContain(marker, "name=\"partner\" list=", "<datalist id=\"lead-partners\"", "/leads/assign\"");
        assertThat(userOfA.form("/leads/qualify", "lead=" + leadB + ":0").status()).as("refused, and said so on its page").isEqualTo(302);
        assertThat(userOfA.form("/leads/disqualify", "lead=" + leadB + ":0&reason=Sabotage").status()).isEqualTo(302);
        assertThat(userOfA.get("/leads?q=" + marker).body()).doesNotContain(marker + " Lead");
        Api.Response othersLeads = userOfA.get("/leads?partnerId=" + partnerB);
        assertThat(othersLeads.status()).isIn(403, 404);
        assertThat(othersLeads.body()).doesNotContain(marker);
        assertThat(userOfA.form("/leads/assign", "lead=" + leadB + ":0&lead=" + leadA + ":0&partner=" + marker + "+Partner").status())
                .isEqualTo(403);
        String company = Fixtures.unique("Portal-made lead");
        assertThat(userOfA.form("/leads", "companyName=" + company.replace(" ", "+") + "&country=US&partner=" + marker + "+Partner"
                + "&campaign=" + marker).status()).isEqualTo(302);
        assertThat(jdbc.sql("select partner_id from lead where company_name = :c").param("c", company).query(Long.class).single())
                .as("a partner user's lead is its own partner's, whatever it names").isEqualTo(partnerA);
        assertThat(jdbc.sql("select campaign_id from lead where company_name = :c").param("c", company).query(Long.class).optional())
                .as("and no campaign is looked up by name for it").isEmpty();
        assertThat(snapshotOfB()).isEqualTo(before);
    }

    @Test
    void aPartnerUserActsOnItsOwnFundsOnItsPagesAndNeverOnAnothers() {
        Map<String, Object> before = snapshotOfB();
        String page = userOfA.get("/funds?show=requests").body();
        assertThat(page).doesNotContain(marker, "/approve\"", "name=\"partner\" list=");
        assertThat(userOfA.form("/funds/requests", "allocationId=" + fundB + "&activity=Sneaky&startsOn=2026-03-01&endsOn=2026-03-02"
                + "&requestedAmount=10").status()).as("shown again with the allocation said missing").isEqualTo(200);
        assertThat(userOfA.form("/funds/requests/" + fundRequestB + "/withdraw", "version=1").status()).isEqualTo(302);
        assertThat(userOfA.form("/funds/claims", "requestId=" + fundRequestB + "&amount=1&proof=x").status()).isEqualTo(200);
        assertThat(userOfA.form("/funds/requests/" + fundRequestB + "/approve", "version=1").status()).isEqualTo(403);
        assertThat(userOfA.download("/funds/claims/" + fundClaimB + "/documents/" + fundDocumentB).statusCode()).isEqualTo(404);
        assertThat(userOfA.uploadFiles("/funds/claims/" + fundClaimB + "/documents", "document",
                Map.of("mine.pdf", "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), Map.of()).status())
                .as("refused, and said so on its page").isEqualTo(302);
        assertThat(userOfA.uploadFiles("/api/v1/funds/claims/" + fundClaimB + "/documents", "file",
                Map.of("mine.pdf", "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), Map.of()).status())
                .as("the API's upload, as a file (the matrix above sends JSON, which it refuses as 415)").isEqualTo(404);
        assertThat(userOfA.form("/funds/claims/" + fundClaimB + "/pay", "version=0&paidOn=2026-03-01").status()).isEqualTo(403);
        assertThat(userOfA.form("/funds/allocations", "partner=" + marker + "&periodStart=2026-01-01&through=2026-12-31&amount=1").status())
                .isEqualTo(403);
        assertThat(userOfA.form("/funds/requests", "allocationId=" + fundA + "&activity=Own+webinar&startsOn=2026-03-01&endsOn=2026-03-02"
                + "&requestedAmount=10").status()).as("its own fund").isEqualTo(302);
        assertThat(snapshotOfB()).isEqualTo(before);
    }

    @Test
    void refusesImportsToPartnerUsers() {
        String file = "id,stage,created\n" + marker + "-1,Won,2026-01-01\n";
        assertThat(userOfA.upload("/api/v1/imports/opportunities", "deals.csv", file.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("settings", "{\"columns\": {\"externalId\": \"id\", \"stage\": \"stage\"}}")).status()).isEqualTo(403);
        assertThat(userOfA.get("/api/v1/imports/runs").status()).isEqualTo(403);
        assertThat(userOfA.get("/imports").status()).isIn(403, 404);
    }

    @Test
    void showsThePartnerItsOwnRecords() throws InterruptedException {
        assertThat(userOfA.get("/api/v1/leads").body()).contains("Alpha lead");
        assertThat(userOfA.get("/api/v1/leads/" + leadA).status()).isEqualTo(200);
        assertThat(userOfA.get("/api/v1/partners").json().get("total").asLong()).isEqualTo(1);
        // the KPI read model follows a new partner within a second
        Eventually.until(() -> userOfA.get("/api/v1/kpis?from=2020-01-01&to=2030-01-01&groupBy=partner").json().get("groups").size() > 0);
        assertThat(userOfA.get("/api/v1/kpis?from=2020-01-01&to=2030-01-01&groupBy=partner").json().get("groups").size()).isEqualTo(1);
    }

    @Test
    void refusesToAskForAnotherPartnersKpisOrFileRegistrationsInItsName() {
        assertThat(userOfA.get("/api/v1/kpis?from=2020-01-01&to=2030-01-01&partnerId=" + partnerB).status()).isEqualTo(403);
        assertThat(userOfA.post("/api/v1/registrations", "{\"partnerId\": %d, \"customerName\": \"Sneaky\"}".formatted(partnerB)).status())
                .isEqualTo(403);
    }

    private Map<String, Object> snapshotOfB() {
        Map<String, Object> state = new TreeMap<>();
        state.put("partner", jdbc.sql("select version || status || tier from partner where id = :id").param("id", partnerB).query(String.class).single());
        state.put("leads", jdbc.sql("select string_agg(id || ':' || version || status, ',' order by id) from lead where partner_id = :id")
                .param("id", partnerB).query(String.class).single());
        state.put("notes", jdbc.sql("select count(*) from deal_note n join opportunity o on o.id = n.opportunity_id where o.partner_id = :id")
                .param("id", partnerB).query(Long.class).single());
        state.put("deals", jdbc.sql("select string_agg(id || ':' || version || stage, ',' order by id) from opportunity where partner_id = :id")
                .param("id", partnerB).query(String.class).single());
        state.put("funds", jdbc.sql("""
                select concat_ws(';', (select string_agg(id || ':' || version, ',' order by id) from fund_allocation where partner_id = :id),
                                      (select string_agg(id || ':' || version || status, ',' order by id) from fund_request where partner_id = :id),
                                      (select string_agg(id || ':' || version || status, ',' order by id) from fund_claim where partner_id = :id),
                                      (select string_agg(d.id || ':' || d.file_name, ',' order by d.id) from fund_claim_document d
                                       join fund_claim c on c.id = d.claim_id where c.partner_id = :id))""")
                .param("id", partnerB).query(String.class).single());
        state.put("reports", jdbc.sql("""
                select concat_ws(';', (select string_agg(id || ':' || version || name || active || array_to_string(recipients, ' '), ',' order by id) from report_subscription
                                       where scope = 'partner' and scope_id = :id),
                                      (select count(*)::text from report_delivery d join report_subscription r on r.id = d.subscription_id
                                       where r.scope = 'partner' and r.scope_id = :id))""")
                .param("id", partnerB).query(String.class).single());
        state.put("listing", jdbc.sql("select coalesce(max(version || ':' || listed || coalesce(summary, '')), '') from partner_listing where partner_id = :id")
                .param("id", partnerB).query(String.class).single());
        state.put("certifications", jdbc.sql("select string_agg(id || ':' || version, ',' order by id) from certification where partner_id = :id")
                .param("id", partnerB).query(String.class).single());
        state.put("registrations", jdbc.sql("select string_agg(id || ':' || version || outcome, ',' order by id) from deal_registration where partner_id = :id")
                .param("id", partnerB).query(String.class).single());
        return state;
    }

    private String bodyAimingAtB() {
        return """
                {"partnerId": %d, "customerName": "x", "name": "x", "amount": 1, "currency": "USD", "reason": "x", "stage": "PROPOSAL",
                 "country": "US", "tier": "GOLD", "status": "ACTIVE", "leadIds": [%d], "version": 0,
                 "allocationId": %d, "requestId": %d, "activity": "x", "startsOn": "2026-03-01", "endsOn": "2026-03-01",
                 "requestedAmount": 1, "approvedAmount": 1, "proof": "x", "periodStart": "2026-01-01", "periodEnd": "2027-01-01",
                 "paidOn": "2026-03-01", "scope": "partner", "scopeId": %d, "frequency": "MONTHLY", "recipients": ["x@example.com"]}"""
                .formatted(partnerB, leadB, fundB, fundRequestB, partnerB);
    }

    private String concrete(String pattern) {
        Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(valueFor(pattern, variable.group(1))));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private String valueFor(String pattern, String variable) {
        return switch (variable) {
            case "kpi" -> "dealCount";
            case "currency" -> "EUR";
            case "day" -> "2026-01-02";
            case "entity" -> "opportunities";
            case "deliveryId" -> pattern.startsWith("/api/v1/report-subscriptions/") ? Long.toString(reportDeliveryB) : "1";
            case "documentId" -> Long.toString(fundDocumentB);
            case "tier" -> "GOLD";
            case "scope" -> "partner";
            case "name" -> "saved-by-a-partner";
            case "partnerId" -> Long.toString(partnerB);
            case "id" -> {
                if (pattern.startsWith("/api/v1/partners/") || pattern.startsWith("/api/v1/scorecards/")) {
                    yield Long.toString(partnerB);
                } else if (pattern.startsWith("/api/v1/leads/")) {
                    yield Long.toString(leadB);
                } else if (pattern.startsWith("/api/v1/opportunities/")) {
                    yield Long.toString(dealB);
                } else if (pattern.startsWith("/api/v1/registrations/")) {
                    yield Long.toString(registrationB);
                } else if (pattern.startsWith("/api/v1/funds/allocations/")) {
                    yield Long.toString(fundB);
                } else if (pattern.startsWith("/api/v1/funds/requests/")) {
                    yield Long.toString(fundRequestB);
                } else if (pattern.startsWith("/api/v1/funds/claims/")) {
                    yield Long.toString(fundClaimB);
                } else if (pattern.startsWith("/api/v1/report-subscriptions/")) {
                    yield Long.toString(reportB);
                } else if (pattern.startsWith("/api/v1/certifications/")) {
                    yield Long.toString(certificationB);
                }
                yield "1";
            }
            default -> {
                fail("The isolation matrix does not know what to put in {" + variable + "} of " + pattern + ": add it here.");
                yield "";
            }
        };
    }

    private static String query(String pattern, RequestMethod method) {
        if (method != RequestMethod.GET) {
            return "";
        }
        if (pattern.equals("/api/v1/kpis/pivot")) {
            return "?from=2025-01-01&to=2028-01-01&rows=partner&columns=quarter";
        }
        if (pattern.equals("/api/v1/kpis/pipeline")) {
            return "?at=2030-01-01&groupBy=partner";
        }
        if (pattern.startsWith("/api/v1/kpis")) {
            return "?from=2020-01-01&to=2030-01-01&groupBy=partner";
        }
        if (pattern.endsWith("/commission-statement")) {
            return "?from=2020-01-01&to=2030-01-01";
        }
        return "";
    }
}
