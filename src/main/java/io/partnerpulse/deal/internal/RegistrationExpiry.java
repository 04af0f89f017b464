package io.partnerpulse.deal.internal;

import io.partnerpulse.deal.RegistrationManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires pending registrations past their expiry, every {@code partnerpulse.registration.expiry-check}.
 * Safe with several instances: each locks the rows it expires and skips those another one holds.
 */
@Component
class RegistrationExpiry {

    private static final Logger log = LoggerFactory.getLogger(RegistrationExpiry.class);

    private final RegistrationManagement registrations;

    RegistrationExpiry(RegistrationManagement registrations) {
        this.registrations = registrations;
    }

    @Scheduled(fixedDelayString = "${partnerpulse.registration.expiry-check:1h}", initialDelayString = "1m")
    void expireDue() {
        int expired = registrations.expireDue();
        if (expired > 0) {
            log.info("Expired {} deal registrations without progress", expired);
        }
    }
}
