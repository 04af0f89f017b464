package io.partnerpulse.task;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindAt the time of day (the organization's time zone) from which each person's daily
 *                 reminder of the follow-ups due is made
 * @param poll     how often the reminder job looks whether that time has come
 */
@ConfigurationProperties("partnerpulse.tasks")
public record TaskProperties(@DefaultValue("07:00") LocalTime remindAt, @DefaultValue("5m") Duration poll) {
}
