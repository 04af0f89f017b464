package io.partnerpulse.target;

/** What a target measures. */
public enum TargetMetric {
    REVENUE, DEAL_COUNT, PIPELINE
}
