package io.partnerpulse.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login and API authentication settings.
 *
 * @param basicAuth       accept HTTP Basic on /api/** (scripts may use Bearer tokens instead)
 * @param maxFailedLogins failed logins in a row before the account is locked
 * @param lockDuration    how long a locked account stays locked
 */
@ConfigurationProperties("partnerpulse.security")
public record SecuritySettings(@DefaultValue("true") boolean basicAuth,
                               @DefaultValue("5") int maxFailedLogins,
                               @DefaultValue("15m") Duration lockDuration) {
}
