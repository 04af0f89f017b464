package io.partnerpulse.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The last line of a start: where to open the app. A person who ran {@code ./mvnw spring-boot:run}
 * finds the address at the end of the log instead of in the README. Not for the command line's
 * import, which serves nothing.
 */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final Environment environment;

    ReadyLine(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String line = line();
        if (line != null) {
            log.info(line);
        }
    }

    /** What the log says, or null when no web server runs. */
    String line() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return null;
        }
        return "PartnerPulse is ready: open http://localhost:" + port + environment.getProperty("server.servlet.context-path", "")
                + "/ and sign in (the first administrator's password is above, the first time; demo users: README)";
    }
}
