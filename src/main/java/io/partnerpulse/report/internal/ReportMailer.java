package io.partnerpulse.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.partnerpulse.report.ReportProperties;
import io.partnerpulse.report.ScorecardRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a scorecard to the SMTP server set by {@code spring.mail.*}; without one (a first start, a
 * trial) it writes the same message as an .eml file into the outbox folder, where any mail program
 * opens it, and says so once in the log.
 */
@Component
class ReportMailer {

    private static final Logger log = LoggerFactory.getLogger(ReportMailer.class);

    /** How a message left: "smtp" or "folder". */
    record Sent(String via) {
    }

    /** The message could not be handed over; worth trying again later. */
    static final class NotSent extends RuntimeException {
        NotSent(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final JavaMailSender smtp;
    private final JavaMailSender local = new JavaMailSenderImpl();
    private final ReportProperties properties;

    ReportMailer(ObjectProvider<JavaMailSender> smtp, ReportProperties properties) {
        this.smtp = smtp.getIfAvailable();
        this.properties = properties;
        if (this.smtp == null) {
            log.info("No SMTP server is set (spring.mail.host): scheduled reports are written to {}", outbox());
        }
    }

    /** Where messages go without an SMTP server; null when there is one. */
    Path outbox() {
        return smtp == null ? properties.outbox().toAbsolutePath().normalize() : null;
    }

    Sent send(long deliveryId, List<String> recipients, String subject, String text, ScorecardRenderer.Scorecard scorecard) {
        try {
            MimeMessage message = (smtp == null ? local : smtp).createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(text);
            helper.addAttachment(scorecard.fileName(), new ByteArrayResource(scorecard.pdf()), "application/pdf");
            message.setHeader("X-PartnerPulse-Delivery", Long.toString(deliveryId));
            if (smtp != null) {
                smtp.send(message);
                return new Sent("smtp");
            }
            write(deliveryId, message);
            return new Sent("folder");
        } catch (MailException | MessagingException | IOException e) {
            throw new NotSent(describe(e), e);
        }
    }

    private void write(long deliveryId, MimeMessage message) throws IOException, MessagingException {
        Path folder = outbox();
        Files.createDirectories(folder);
        Path file = folder.resolve("report-delivery-" + deliveryId + ".eml");
        Path part = folder.resolve(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part)) {
            message.writeTo(out);
        }
        // whole or not at all: a reader of the folder never sees half a message
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The failure's kind and the first message on its chain, for the delivery log. */
    static String describe(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                String said = e.getClass().getSimpleName() + ": " + cause.getMessage().strip();
                return said.length() > 500 ? said.substring(0, 500) : said;
            }
        }
        return e.getClass().getSimpleName();
    }
}
