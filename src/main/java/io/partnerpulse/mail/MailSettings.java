package io.partnerpulse.mail;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from   the sender of every message
 * @param outbox where messages are written as .eml files when no SMTP server is set ({@code spring.mail.host})
 * @param baseUrl the address PartnerPulse is reached at, for the links in messages (relative links when empty)
 */
@ConfigurationProperties("partnerpulse.mail")
public record MailSettings(@DefaultValue("PartnerPulse <no-reply@partnerpulse.invalid>") String from,
                           @DefaultValue("./data/mail-outbox") Path outbox, @DefaultValue("") String baseUrl) {
}
