package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ReadyLineTests {

    @Test
    void tellsWhereToOpenTheAppOnceItsServerListens() {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "8080");
        assertThat(new ReadyLine(environment).line()).startsWith("PartnerPulse is ready: open http://localhost:8080/ and sign in");
        assertThat(new ReadyLine(environment.withProperty("server.servlet.context-path", "/crm")).line())
                .contains("http://localhost:8080/crm/");
    }

    @Test
    void saysNothingWhenNoServerRunsAsForTheImportCommand() {
        assertThat(new ReadyLine(new MockEnvironment()).line()).isNull();
    }
}
