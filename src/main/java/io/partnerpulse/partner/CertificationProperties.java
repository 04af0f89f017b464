package io.partnerpulse.partner;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindAt   the time of day (the organization's time zone) from which the day's reminders of
 *                   certifications coming to their end are made
 * @param remindDays how many days before its end a certification is told (once) to its partner's users
 *                   and channel managers
 * @param poll       how often the reminder job looks whether that time has come
 */
@ConfigurationProperties("partnerpulse.certifications")
public record CertificationProperties(@DefaultValue("07:00") LocalTime remindAt, @DefaultValue("30") int remindDays,
                                      @DefaultValue("1h") Duration poll) {
}
