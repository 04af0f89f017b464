package io.partnerpulse.deal;

import java.math.BigDecimal;

/**
 * Stages of an opportunity. The open stages carry a default win probability (configurable for the
 * KPIs); WON and LOST close the deal.
 */
public enum Stage {
    PROSPECTING("0.10"), QUALIFICATION("0.25"), PROPOSAL("0.50"), NEGOTIATION("0.75"), WON("1"), LOST("0");

    private final BigDecimal defaultProbability;

    Stage(String defaultProbability) {
        this.defaultProbability = new BigDecimal(defaultProbability);
    }

    public BigDecimal defaultProbability() {
        return defaultProbability;
    }

    public boolean isClosed() {
        return this == WON || this == LOST;
    }

    /** The open stages in the order a deal moves through them. */
    public static Stage[] openStages() {
        return new Stage[] {PROSPECTING, QUALIFICATION, PROPOSAL, NEGOTIATION};
    }
}
