package io.partnerpulse.deal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deal registration rules.
 *
 * @param expiry         a pending registration expires this long after its submission
 * @param conflictWindow registrations older than this do not conflict with a new one
 * @param conflictRule   REJECT: a conflicting submission is rejected at once, naming what it conflicts with;
 *                       FLAG: it stays pending, flagged, for a channel manager to decide
 * @param expiryCheck    how often pending registrations are checked for expiry
 */
@ConfigurationProperties("partnerpulse.registration")
public record RegistrationProperties(@DefaultValue("90d") Duration expiry,
                                     @DefaultValue("180d") Duration conflictWindow,
                                     @DefaultValue("REJECT") ConflictRule conflictRule,
                                     @DefaultValue("1h") Duration expiryCheck) {

    public enum ConflictRule {
        REJECT, FLAG
    }
}
