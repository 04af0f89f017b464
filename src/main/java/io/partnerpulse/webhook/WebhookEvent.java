package io.partnerpulse.webhook;

import java.util.Arrays;
import java.util.List;

/** The events a subscriber can ask for, by the name they carry in the payload and the X-PartnerPulse-Event header. */
public enum WebhookEvent {
    DEAL_WON("deal.won"),
    DEAL_LOST("deal.lost"),
    REGISTRATION_APPROVED("registration.approved"),
    REGISTRATION_REJECTED("registration.rejected"),
    LEAD_CONVERTED("lead.converted"),
    COMMISSION_ACCRUED("commission.accrued"),
    FUND_REQUEST_APPROVED("fund.request-approved"),
    FUND_CLAIM_APPROVED("fund.claim-approved"),
    FUND_CLAIM_PAID("fund.claim-paid");

    private final String type;

    WebhookEvent(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static List<String> types() {
        return Arrays.stream(values()).map(WebhookEvent::type).toList();
    }
}
