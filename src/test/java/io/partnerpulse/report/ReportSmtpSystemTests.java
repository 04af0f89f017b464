package io.partnerpulse.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled reports through a real SMTP server (GreenMail): a message the server does not take because
 * it is down is tried again, and arrives, with its PDF, once the server is up.
 */
@PartnerPulseIntegrationTest
class ReportSmtpSystemTests {

    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
        registry.add("partnerpulse.reports.max-attempts", () -> 100);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportSubscriptions reports;

    GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aMessageTheServerDidNotTakeIsTriedAgainAndArrivesWithItsScorecard() throws Exception {
        assertThat(reports.outbox()).as("with an SMTP server set, nothing goes to the folder").isEmpty();
        Api api = new Api(port);
        long id = api.post("/api/v1/report-subscriptions", """
                {"name": "Program by mail", "scope": "program", "frequency": "WEEKLY", "recipients": ["cfo@example.com", "cmo@example.com"]}""")
                .id();
        jdbc.sql("update report_subscription set next_run_at = now() where id = ?").param(id).update();

        // no server listening: the delivery waits with the reason and its attempts counted
        Eventually.until(() -> {
            JsonNode items = api.get("/api/v1/report-subscriptions/" + id + "/deliveries").json().get("items");
            return items.size() == 1 && items.get(0).get("attempts").asInt() >= 1;
        });
        JsonNode waiting = api.get("/api/v1/report-subscriptions/" + id + "/deliveries").json().get("items").get(0);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("lastError").asString()).containsIgnoringCase("connect");

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        // (GreenMail's waitForIncomingEmail counts only what arrives after it is called; the retry may be quicker)
        Eventually.until(() -> smtp.getReceivedMessages().length == 2);
        assertThat(smtp.getReceivedMessages()).as("one message, to both recipients").hasSize(2);
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).startsWith("Scorecard: The whole program · ");
        Multipart parts = (Multipart) received.getContent();
        boolean pdf = false;
        for (int i = 0; i < parts.getCount(); i++) {
            pdf |= parts.getBodyPart(i).isMimeType("application/pdf")
                    && new String(parts.getBodyPart(i).getInputStream().readNBytes(5)).equals("%PDF-");
        }
        assertThat(pdf).as("the scorecard is attached").isTrue();
        Eventually.until(() -> api.get("/api/v1/report-subscriptions/" + id + "/deliveries").json().get("items").get(0)
                .get("status").asString().equals("SENT"));
        JsonNode sent = api.get("/api/v1/report-subscriptions/" + id + "/deliveries").json().get("items").get(0);
        assertThat(sent.get("via").asString()).isEqualTo("smtp");
        assertThat(sent.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(sent.get("lastError").isNull()).isTrue();
    }
}
