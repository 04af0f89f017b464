package io.partnerpulse.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The audit log's page: who changed what, field by field, and every entry of one record. */
@PartnerPulseIntegrationTest
class AuditPageSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsEachChangeOfARecordFieldByFieldWithWhoMadeIt() {
        String company = Fixtures.unique("Audited lead");
        long lead = new Api(port).post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(company)).id();
        Api admin = Api.admin(port);
        assertThat(admin.form("/leads/" + lead + "/qualify", "version=0").status()).isEqualTo(302);

        assertThat(admin.get("/leads?q=" + company.replace(" ", "+")).body()).as("each lead links to its changes")
                .contains("href=\"/audit?entityType=lead&amp;entityId=" + lead + "\"");
        Api.Response page = admin.get("/audit?entityType=lead&entityId=" + lead);
        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("lead.created", "lead.qualified", company, Api.ADMIN_EMAIL);
        // the qualification changed the status (and when it changed); the version, which every change moves, is not listed
        assertThat(body).contains("<span class=\"field\">status</span>", "<del>NEW</del> → <span>QUALIFIED</span>")
                .doesNotContain("<span class=\"field\">version</span>");
        assertThat(body).as("newest first").containsSubsequence("lead.qualified", "lead.created");
        assertThat(body).as("the exports keep the filters").contains("/api/v1/audit?entityType=lead&amp;entityId=" + lead);

        Api.Response csv = admin.get("/api/v1/audit?entityType=lead&entityId=" + lead + "&format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains("lead.qualified", "lead.created", "QUALIFIED").doesNotContain("lead.routed");
        assertThat(admin.get("/api/v1/audit?entityType=lead&entityId=" + lead + "&format=xlsx").status()).isEqualTo(200);

        assertThat(admin.get("/audit?entityType=lead&entityId=" + lead + "&action=lead.qualified").body()).doesNotContain("lead.created");
        assertThat(admin.get("/audit?entityType=lead&entityId=" + lead + "&from=2000-01-01&through=2000-01-31").body())
                .contains("Nothing recorded matches");
        assertThat(admin.get("/audit?from=not-a-day").status()).as("a bad day is the reader's mistake").isEqualTo(400);
        assertThat(admin.get("/audit?entityType=lead&entityId=" + lead + "&lang=ur").body()).contains("آڈٹ لاگ", "lead.qualified");
    }

    @Test
    void isNotForPartnerUsers() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api portal = Api.admin(port).newPartnerUser(partner, "auditor");
        assertThat(portal.get("/audit").status()).isEqualTo(403);
        assertThat(portal.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(portal.get("/leads").body()).doesNotContain("href=\"/audit");
        assertThat(portal.get("/partners/" + partner).body()).doesNotContain("href=\"/audit");
        assertThat(Api.admin(port).get("/partners/" + partner).body()).contains("href=\"/audit?entityType=partner&amp;entityId=" + partner + "\"");
        assertThat(Api.admin(port).get("/leads").body()).contains("href=\"/audit\"");
    }
}
