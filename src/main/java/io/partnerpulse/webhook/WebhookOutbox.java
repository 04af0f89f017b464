package io.partnerpulse.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.partnerpulse.commission.CommissionEvents;
import io.partnerpulse.deal.DealEvents;
import io.partnerpulse.fund.FundEvents;
import io.partnerpulse.lead.LeadEvents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: each event becomes one delivery per subscriber that asked for it,
 * written by a synchronous listener inside the transaction that made the change. If that
 * transaction rolls back, so do the deliveries; once it commits, the dispatcher sends them, also
 * after a restart.
 */
@Component
class WebhookOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(DealEvents.DealWon event) {
        enqueue(WebhookEvent.DEAL_WON, event.closedAt(), event);
    }

    @EventListener
    void on(DealEvents.DealLost event) {
        enqueue(WebhookEvent.DEAL_LOST, event.closedAt(), event);
    }

    @EventListener
    void on(DealEvents.RegistrationApproved event) {
        enqueue(WebhookEvent.REGISTRATION_APPROVED, event.at(), event);
    }

    @EventListener
    void on(DealEvents.RegistrationRejected event) {
        enqueue(WebhookEvent.REGISTRATION_REJECTED, event.at(), event);
    }

    @EventListener
    void on(LeadEvents.LeadConverted event) {
        enqueue(WebhookEvent.LEAD_CONVERTED, event.at(), event);
    }

    @EventListener
    void on(CommissionEvents.CommissionAccrued event) {
        enqueue(WebhookEvent.COMMISSION_ACCRUED, event.at(), event);
    }

    @EventListener
    void on(FundEvents.FundRequestApproved event) {
        enqueue(WebhookEvent.FUND_REQUEST_APPROVED, event.at(), event);
    }

    @EventListener
    void on(FundEvents.FundClaimApproved event) {
        enqueue(WebhookEvent.FUND_CLAIM_APPROVED, event.at(), event);
    }

    @EventListener
    void on(FundEvents.FundClaimPaid event) {
        enqueue(WebhookEvent.FUND_CLAIM_PAID, event.at(), event);
    }

    private void enqueue(WebhookEvent event, Instant occurredAt, Object data) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", id);
        payload.put("type", event.type());
        payload.put("occurredAt", occurredAt);
        payload.put("data", data);
        jdbc.sql("insert into webhook_delivery (event_id, subscription_id, event_type, payload, status)"
                        + " select ?::uuid, id, ?, ?, 'PENDING' from webhook_subscription where active and ? = any (events)")
                .params(id, event.type(), json.writeValueAsString(payload), event.type()).update();
    }
}
