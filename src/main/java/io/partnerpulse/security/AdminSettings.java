package io.partnerpulse.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at first start ({@code PARTNERPULSE_ADMIN_EMAIL},
 * {@code PARTNERPULSE_ADMIN_PASSWORD}). Without a password a one-time password is generated and
 * printed once in the log.
 */
@ConfigurationProperties("partnerpulse.admin")
public record AdminSettings(String email, String password) {

    public String emailOrDefault() {
        return email == null || email.isBlank() ? "admin@partnerpulse.local" : email.trim();
    }
}
