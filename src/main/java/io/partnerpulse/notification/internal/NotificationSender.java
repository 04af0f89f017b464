package io.partnerpulse.notification.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.mail.MailSettings;
import io.partnerpulse.mail.Mailer;
import io.partnerpulse.notification.NotificationKind;
import io.partnerpulse.notification.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notifications that are due. Each is first claimed in a short transaction (its attempt
 * counted, and a lease of ten minutes, so another instance leaves it alone and new news for the same
 * person starts a new message), then sent without holding a lock, then marked: sent, tried again after
 * a doubling wait, given up (FAILED) when its attempts have run out, or SKIPPED when its reader has
 * switched e-mail off or is switched off. A crash between claim and mark sends it again after the
 * lease: a notification is sent at least once.
 */
@Component
class NotificationSender {

    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    /** A notification claimed for sending; {@code language} is its reader's, the e-mail's. */
    private record Due(long id, String email, boolean wanted, NotificationKind kind, String about, List<String> items, int total,
                       String link, int attempts, Locale language) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final MailSettings mail;
    private final Mailer mailer;
    private final MessageSource messages;

    NotificationSender(JdbcClient jdbc, TransactionTemplate transactions, NotificationProperties properties, MailSettings mail,
                       Mailer mailer, MessageSource messages) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.mail = mail;
        this.mailer = mailer;
        this.messages = messages;
    }

    @Scheduled(fixedDelayString = "${partnerpulse.notifications.poll:5s}", initialDelayString = "${partnerpulse.notifications.poll:5s}")
    void run() {
        List<Due> due;
        do {
            due = transactions.execute(status -> claim());
            for (Due notification : due) {
                send(notification);
            }
        } while (!due.isEmpty());
    }

    private List<Due> claim() {
        return jdbc.sql("""
                        update notification n set attempts = n.attempts + 1, next_attempt_at = now() + interval '10 minutes'
                        from app_user u
                        where u.id = n.user_id and n.id in (select id from notification where status = 'PENDING' and next_attempt_at <= now()
                                                            order by id limit 20 for update skip locked)
                        returning n.id, u.email, u.active and u.notify_by_email, n.kind, n.about, n.items, n.total, n.link, n.attempts, u.language""")
                .query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getBoolean(3), NotificationKind.valueOf(rs.getString(4)),
                        rs.getString(5), List.of((String[]) rs.getArray(6).getArray()), rs.getInt(7), rs.getString(8), rs.getInt(9),
                        Locale.forLanguageTag(rs.getString(10))))
                .list();
    }

    private void send(Due notification) {
        if (!notification.wanted()) {
            jdbc.sql("update notification set status = 'SKIPPED', last_error = ? where id = ?")
                    .params("e-mail notifications are switched off for this account", notification.id()).update();
            return;
        }
        String subject = subject(notification);
        try {
            Mailer.Sent sent = mailer.send("notification-" + notification.id(), List.of(notification.email()), subject, text(notification), null);
            jdbc.sql("update notification set status = 'SENT', via = ?, subject = ?, last_error = null, sent_at = now() where id = ?")
                    .params(sent.via(), subject, notification.id()).update();
        } catch (Mailer.NotSent e) {
            boolean giveUp = notification.attempts() >= properties.maxAttempts();
            Duration wait = backoff(notification.attempts());
            jdbc.sql("""
                            update notification set status = ?, subject = ?, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                            where id = ?""")
                    .params(giveUp ? "FAILED" : "PENDING", subject, e.getMessage(), wait.toMillis() / 1000.0, notification.id()).update();
            log.info("Notification {} to {} not sent, attempt {}: {}{}", notification.id(), notification.email(), notification.attempts(),
                    e.getMessage(), giveUp ? "; giving up" : "; trying again in " + wait);
        }
    }

    Duration backoff(int attempts) {
        return io.partnerpulse.shared.Retries.backoff(properties.backoff(), properties.maxBackoff(), attempts);
    }

    private String subject(Due n) {
        return messages.getMessage("notifications.kind." + n.kind().name(), new Object[] {n.total(), n.about() == null ? "" : n.about()},
                n.language());
    }

    private String text(Due n) {
        StringBuilder text = new StringBuilder(subject(n)).append(":\n\n");
        for (String item : n.items()) {
            text.append("  • ").append(item).append('\n');
        }
        if (n.total() > n.items().size()) {
            text.append("  ").append(messages.getMessage("notifications.more", new Object[] {n.total() - n.items().size()}, n.language()))
                    .append('\n');
        }
        String base = mail.baseUrl().strip();
        String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        text.append('\n').append(messages.getMessage("notifications.open", new Object[] {root + n.link()}, n.language())).append("\n\n")
                .append(messages.getMessage("notifications.footer", new Object[] {n.email(), root + "/account/notifications"}, n.language()))
                .append('\n');
        return text.toString();
    }
}
