package io.partnerpulse.security.internal;

import io.partnerpulse.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * One demo user per role beside the demo data (listed in the README), made once, only when the demo
 * data set is there: a channel manager, an analyst, and partner users of a strong and a weak partner.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "partnerpulse-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final PasswordEncoder encoder;

    DemoUsers(JdbcClient jdbc, UserAccounts users, PasswordEncoder encoder) {
        this.jdbc = jdbc;
        this.users = users;
        this.encoder = encoder;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean demoData = jdbc.sql("select exists (select 1 from audit_log where action = 'demo-data.generated')").query(Boolean.class).single();
        if (!demoData || users.byEmail("manager@demo.partnerpulse.io").isPresent()) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        users.create("manager@demo.partnerpulse.io", "Demo Channel Manager", hash, Role.CHANNEL_MANAGER, null, false);
        users.create("analyst@demo.partnerpulse.io", "Demo Analyst", hash, Role.ANALYST, null, false);
        // partner 2 is one of the generator's strong partners (every tenth from the second), partner 4 a weak one
        users.create("partner2@demo.partnerpulse.io", "Demo user of partner 2", hash, Role.PARTNER_USER, 2L, false);
        users.create("partner4@demo.partnerpulse.io", "Demo user of partner 4", hash, Role.PARTNER_USER, 4L, false);
        log.info("Demo users created: manager@, analyst@, partner2@ and partner4@demo.partnerpulse.io (password: {})", PASSWORD);
    }
}
