package io.partnerpulse.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

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
 * Hands a message to the SMTP server set by {@code spring.mail.*}; without one (a first start, a
 * trial) it writes the same message as an .eml file into the outbox folder, where any mail program
 * opens it, and says so once in the log. Callers keep their own outbox table and retry what was not
 * sent: this only hands over.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    /** How a message left: "smtp" or "folder". */
    public record Sent(String via) {
    }

    /** A file attached to a message. */
    public record Attachment(String fileName, byte[] content, String contentType) {
    }

    /** The message could not be handed over; worth trying again later. */
    public static final class NotSent extends RuntimeException {
        NotSent(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final JavaMailSender smtp;
    private final JavaMailSender local = new JavaMailSenderImpl();
    private final MailSettings settings;

    Mailer(ObjectProvider<JavaMailSender> smtp, MailSettings settings) {
        this.smtp = smtp.getIfAvailable();
        this.settings = settings;
        if (this.smtp == null) {
            log.info("No SMTP server is set (spring.mail.host): e-mail (scheduled reports, notifications) is written to {}",
                    outbox().orElseThrow());
        }
    }

    /** Where messages go without an SMTP server; empty when there is one. */
    public Optional<Path> outbox() {
        return smtp == null ? Optional.of(settings.outbox().toAbsolutePath().normalize()) : Optional.empty();
    }

    /**
     * Sends one message, or writes it to the outbox as {@code <name>.eml}; {@code name} ("report-delivery-5") also goes
     * into its {@code X-PartnerPulse-Message} header.
     */
    public Sent send(String name, List<String> recipients, String subject, String text, Attachment attachment) {
        try {
            MimeMessage message = (smtp == null ? local : smtp).createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(recipients.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(text);
            if (attachment != null) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
            message.setHeader("X-PartnerPulse-Message", name);
            if (smtp != null) {
                smtp.send(message);
                return new Sent("smtp");
            }
            write(name, message);
            return new Sent("folder");
        } catch (MailException | MessagingException | IOException e) {
            throw new NotSent(io.partnerpulse.shared.Retries.describe(e), e);
        }
    }

    private void write(String name, MimeMessage message) throws IOException, MessagingException {
        Path folder = outbox().orElseThrow();
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".eml");
        Path part = folder.resolve(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part)) {
            message.writeTo(out);
        }
        // whole or not at all: a reader of the folder never sees half a message
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
