package io.partnerpulse.report;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param poll          how often due reports and pending deliveries are looked for
 * @param sendAt        the time of day (organization's time zone) reports are sent on the first day of a period
 * @param maxAttempts   attempts to hand a message to the SMTP server before the delivery is given up (FAILED)
 * @param backoff       wait after the first failed attempt; it doubles after each further one
 * @param maxBackoff    the longest wait between two attempts
 * @param maxRecipients the most recipients a subscription may have
 */
@ConfigurationProperties("partnerpulse.reports")
public record ReportProperties(@DefaultValue("15s") Duration poll, @DefaultValue("07:00") LocalTime sendAt,
                               @DefaultValue("6") int maxAttempts, @DefaultValue("1m") Duration backoff,
                               @DefaultValue("1h") Duration maxBackoff, @DefaultValue("20") int maxRecipients) {
}
