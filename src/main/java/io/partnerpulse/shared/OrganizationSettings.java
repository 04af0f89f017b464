package io.partnerpulse.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the organization that runs the program.
 *
 * @param currency base currency every amount is reported in (ISO 4217, e.g. USD or PKR)
 * @param timeZone time zone in which periods and days begin and end
 */
@ConfigurationProperties("partnerpulse.organization")
public record OrganizationSettings(@DefaultValue("USD") String currency, @DefaultValue("UTC") ZoneId timeZone) {

    public OrganizationSettings {
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("partnerpulse.organization.currency must be a three-letter ISO 4217 code, was: " + currency);
        }
    }

    /**
     * Today in the organization's time zone once its clocks show {@code at} or later; empty before
     * (a daily job's "has the time come": reminders, from their time of day).
     */
    public Optional<LocalDate> dayOnceItIs(Clock clock, LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(timeZone));
        return now.toLocalTime().isBefore(at) ? Optional.empty() : Optional.of(now.toLocalDate());
    }
}
