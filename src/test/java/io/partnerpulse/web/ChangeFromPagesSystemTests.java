package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Editing a campaign and removing a target from the work pages, at the version the page showed. */
@PartnerPulseIntegrationTest
class ChangeFromPagesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCampaignIsChangedFromItsFormAndAStaleFormChangesNothing() {
        Api admin = Api.admin(port);
        Api api = new Api(port);
        long channel = new Fixtures(jdbc).channel("PAID");
        String name = Fixtures.unique("Spring push");
        Api.Response created = api.post("/api/v1/campaigns", """
                {"name": "%s", "channelId": %d, "startsOn": "2026-03-01", "endsOn": "2026-03-31", "cost": 1000.00, "currency": "USD"}"""
                .formatted(name, channel));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        assertThat(admin.get("/campaigns/" + id + "/edit").body()).contains("value=\"" + name + "\"", "name=\"version\" value=\"0\"");

        String changed = name + " renamed";
        String form = "name=" + changed.replace(" ", "+") + "&channelId=" + channel + "&startsOn=2026-03-01&endsOn=2026-04-15&cost=1500&currency=USD";
        assertThat(admin.form("/campaigns/" + id, form + "&version=0").status()).isEqualTo(302);
        Api.Response after = api.get("/api/v1/campaigns/" + id);
        assertThat(after.json().get("name").asString()).isEqualTo(changed);
        assertThat(after.json().get("endsOn").asString()).isEqualTo("2026-04-15");
        assertThat(after.json().get("cost").decimalValue()).isEqualByComparingTo("1500.00");

        Api.Response stale = admin.form("/campaigns/" + id, form.replace("cost=1500", "cost=99") + "&version=0");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("role=\"alert\"", "Someone changed this record after you opened it.");
        assertThat(api.get("/api/v1/campaigns/" + id).json().get("cost").decimalValue()).isEqualByComparingTo("1500.00");
        Api.Response invalid = admin.form("/campaigns/" + id, form.replace("endsOn=2026-04-15", "endsOn=2026-02-01") + "&version=1");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("field-error");
    }

    @Test
    void aTargetIsRemovedFromItsRowOrThroughTheApiAtTheVersionRead() {
        Api admin = Api.admin(port);
        Api api = new Api(port);
        Api.Response first = api.post("/api/v1/targets", """
                {"scope": "PROGRAM", "metric": "REVENUE", "periodStart": "2031-01-01", "periodEnd": "2031-02-01", "value": 1000}""");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(admin.form("/targets/" + first.id() + "/delete", "version=5").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/targets/" + first.id()).status()).as("a stale removal removes nothing").isEqualTo(200);
        assertThat(admin.form("/targets/" + first.id() + "/delete", "version=0").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/targets/" + first.id()).status()).isEqualTo(404);

        Api.Response second = api.post("/api/v1/targets", """
                {"scope": "PROGRAM", "metric": "DEAL_COUNT", "periodStart": "2031-01-01", "periodEnd": "2031-02-01", "value": 10}""");
        assertThat(api.delete("/api/v1/targets/" + second.id(), null).status()).isEqualTo(428);
        assertThat(api.delete("/api/v1/targets/" + second.id(), "\"3\"").status()).isEqualTo(409);
        assertThat(api.delete("/api/v1/targets/" + second.id(), second.etag()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/audit?entityType=target&entityId=" + second.id()).body()).contains("target.deleted");
    }
}
