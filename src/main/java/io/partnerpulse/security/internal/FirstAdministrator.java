package io.partnerpulse.security.internal;

import java.security.SecureRandom;

import io.partnerpulse.security.AdminSettings;
import io.partnerpulse.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator at the first start, from PARTNERPULSE_ADMIN_EMAIL and
 * PARTNERPULSE_ADMIN_PASSWORD; without a password, with a one-time password printed once in the log.
 * There is no built-in default password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final AdminSettings settings;

    FirstAdministrator(UserAccounts users, PasswordEncoder encoder, AdminSettings settings) {
        this.users = users;
        this.encoder = encoder;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyAdministrator()) {
            return;
        }
        String email = settings.emailOrDefault();
        boolean generated = settings.password() == null || settings.password().isBlank();
        String password = generated ? oneTimePassword() : settings.password();
        users.create(email, "Administrator", encoder.encode(password), Role.ADMIN, null, generated);
        if (generated) {
            log.warn("Created the first administrator {} with the one-time password {} (it is shown only this once; "
                    + "set PARTNERPULSE_ADMIN_PASSWORD to choose one instead)", email, password);
        } else {
            log.info("Created the first administrator {} with the password from PARTNERPULSE_ADMIN_PASSWORD", email);
        }
    }

    private static String oneTimePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
