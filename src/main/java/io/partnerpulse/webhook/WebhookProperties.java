package io.partnerpulse.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param poll        how often the dispatcher looks for due deliveries
 * @param timeout     how long a subscriber may take to answer
 * @param maxAttempts attempts before a delivery is given up (FAILED; it can still be replayed)
 * @param backoff     wait after the first failure; it doubles after each further one
 * @param maxBackoff  the longest wait between two attempts
 */
@ConfigurationProperties("partnerpulse.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration poll, @DefaultValue("10s") Duration timeout,
                                @DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration backoff,
                                @DefaultValue("1h") Duration maxBackoff) {
}
