package io.partnerpulse.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in person's own notifications, and whether they are e-mailed to them. */
@Service
public class Notifications {

    public static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "SKIPPED");

    /** A notification: what it tells ({@code kind}, about which partner, the items it names and how many in all), and how its e-mail went. */
    public record Notification(long id, NotificationKind kind, String about, List<String> items, int total, String link, String subject,
                               String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
    }

    /**
     * Whether notifications are e-mailed, and in which language ("en" or "ur"); a change that leaves
     * one out keeps it as it is.
     */
    public record Settings(Boolean email, String language) {
    }

    /** The languages e-mails are written in. */
    public static final List<String> LANGUAGES = List.of("en", "ur");

    private final JdbcClient jdbc;
    private final CurrentActor actor;
    private final io.partnerpulse.audit.AuditTrail audit;

    Notifications(JdbcClient jdbc, CurrentActor actor, io.partnerpulse.audit.AuditTrail audit) {
        this.jdbc = jdbc;
        this.actor = actor;
        this.audit = audit;
    }

    public Page<Notification> mine(int page, int size) {
        return io.partnerpulse.shared.ListQuery.from("select id, kind, about, items, total, link, subject, status, attempts, last_error,"
                        + " created_at, sent_at from notification")
                .where("user_id = :me", "me", me()).sort(null, java.util.Map.of(), "id desc", "id")
                .page(jdbc, page, size, (rs, n) -> {
                    Timestamp sent = rs.getTimestamp("sent_at");
                    return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")), rs.getString("about"),
                            List.of((String[]) rs.getArray("items").getArray()), rs.getInt("total"), rs.getString("link"), rs.getString("subject"),
                            rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                            sent == null ? null : sent.toInstant());
                });
    }

    public Settings settings() {
        return jdbc.sql("select notify_by_email, language from app_user where id = ?").params(me())
                .query((rs, n) -> new Settings(rs.getBoolean(1), rs.getString(2))).single();
    }

    /**
     * Switches the e-mails on or off (off, nothing more is written for this person, and what waits is
     * not sent) and chooses their language.
     */
    @Transactional
    public Settings change(Settings settings) {
        if (settings == null || settings.email() == null && settings.language() == null) {
            throw ApiError.invalid("email", "say whether notifications are e-mailed (true or false), or in which language (en or ur)");
        }
        if (settings.language() != null && !LANGUAGES.contains(settings.language())) {
            throw ApiError.invalid("language", "must be one of " + LANGUAGES, "problem.field.choose");
        }
        long me = me();
        Settings before = settings();
        Settings after = new Settings(settings.email() != null ? settings.email() : before.email(),
                settings.language() != null ? settings.language() : before.language());
        jdbc.sql("update app_user set notify_by_email = ?, language = ? where id = ?").params(after.email(), after.language(), me).update();
        if (!before.equals(after)) {
            audit.record(actor.name(), "notifications.changed", "user", me, before, after);
        }
        return after;
    }

    /**
     * Remembers the language the signed-in person switched the pages to, for their e-mails (nothing
     * for a language e-mails are not written in, or without an account).
     */
    @Transactional
    public void rememberLanguage(String language) {
        if (LANGUAGES.contains(language)) {
            actor.userId().ifPresent(me -> jdbc.sql("update app_user set language = ? where id = ? and language <> ?")
                    .params(language, me, language).update());
        }
    }

    private long me() {
        return actor.userId().orElseThrow(() -> new ApiError(org.springframework.http.HttpStatus.FORBIDDEN, "notification.no-account",
                "Forbidden", "Notifications belong to a signed-in account.", java.util.Map.of()));
    }
}
