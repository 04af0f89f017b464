package io.partnerpulse.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param poll        how often waiting notifications are sent
 * @param gather      how long a notification waits for others of the same kind to the same person, to be sent as one message
 * @param maxAttempts attempts to hand a message to the SMTP server before it is given up (FAILED)
 * @param backoff     wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff  the longest wait between two attempts
 */
@ConfigurationProperties("partnerpulse.notifications")
public record NotificationProperties(@DefaultValue("5s") Duration poll, @DefaultValue("1m") Duration gather,
                                     @DefaultValue("6") int maxAttempts, @DefaultValue("1m") Duration backoff,
                                     @DefaultValue("1h") Duration maxBackoff) {
}
