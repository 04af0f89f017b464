package io.partnerpulse.security.internal;

import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Logins and failed logins go to the audit log. Failures in a row slow the next answer down (a
 * fifth of a second per failure, at most two seconds) and, at the limit, lock the account for a while.
 */
@Component
class LoginEvents {

    private final UserAccounts users;
    private final AuditTrail audit;

    LoginEvents(UserAccounts users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUser user) {
            users.succeeded(user.id());
        }
    }

    @EventListener
    void loggedIn(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AppUser user) {
            users.loggedIn(user.id());
            audit.recordEvent(user.email(), "login.succeeded", "user", user.id(), Map.of("role", user.role().name()));
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String email = event.getAuthentication().getName();
        int failures = users.failed(email);
        audit.recordEvent(email == null ? "unknown" : email, "login.failed", "user", null,
                Map.of("reason", event.getException().getClass().getSimpleName(), "failuresInARow", failures));
        try {
            Thread.sleep(Math.min(2_000L, 200L * Math.max(1, failures)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
