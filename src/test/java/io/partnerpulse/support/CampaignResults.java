package io.partnerpulse.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A campaign that has brought something in, made through the API as a user would: 3,000 over 30
 * days (from nine days ago, so 1,000 of it falls in the ten days through today), two leads from it,
 * one of them converted into a deal of 4,000 and won today.
 */
public record CampaignResults(String name, long campaign, long deal, LocalDate today) {

    public static CampaignResults make(Api api, long channel) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String name = Fixtures.unique("Results push");
        long campaign = api.post("/api/v1/campaigns", """
                {"name": "%s", "channelId": %d, "startsOn": "%s", "endsOn": "%s", "cost": 3000.00, "currency": "USD"}"""
                .formatted(name, channel, today.minusDays(9), today.plusDays(20))).id();
        Api.Response lead = api.post("/api/v1/leads", "{\"companyName\": \"%s\", \"channelId\": %d, \"campaignId\": %d, \"country\": \"US\"}"
                .formatted(Fixtures.unique("Campaign lead"), channel, campaign));
        api.post("/api/v1/leads", "{\"companyName\": \"Second\", \"channelId\": %d, \"campaignId\": %d, \"country\": \"US\"}"
                .formatted(channel, campaign));
        Api.Response qualified = api.post("/api/v1/leads/" + lead.id() + "/qualify", "{}", lead.etag());
        long deal = api.post("/api/v1/leads/" + lead.id() + "/convert", "{\"name\": \"Campaign deal\", \"amount\": 4000.00, \"currency\": \"USD\"}",
                qualified.etag()).json().get("opportunityId").asLong();
        assertThat(api.post("/api/v1/opportunities/" + deal + "/win", "{}", api.get("/api/v1/opportunities/" + deal).etag()).status())
                .isEqualTo(200);
        return new CampaignResults(name, campaign, deal, today);
    }
}
