package io.partnerpulse.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subscribers and their delivery log. */
@Service
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subscriber. The secret is shown only when it is created. */
    public record Subscription(long id, String url, List<String> events, boolean active, String createdBy, Instant createdAt,
                               long version, String secret) implements io.partnerpulse.shared.Versioned {
    }

    public record SubscriptionForm(String url, String secret, List<String> events, Boolean active) {
    }

    /** A delivery's states: PENDING until a 2xx answer (DELIVERED) or until its attempts run out (FAILED). */
    public static final List<String> DELIVERY_STATUSES = List.of("PENDING", "DELIVERED", "FAILED");

    public record Delivery(long id, String eventId, long subscriptionId, String eventType, String payload, String status,
                           int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError, Long replayOf,
                           Instant createdAt, Instant deliveredAt) {
    }

    @Transactional
    public Subscription create(SubscriptionForm form, String actor) {
        List<String> events = check(form);
        String secret = form.secret() == null || form.secret().isBlank() ? HexFormat.of().formatHex(randomBytes()) : form.secret();
        if (secret.length() < 16 || secret.length() > 200) {
            throw ApiError.invalid("secret", "a secret has 16 to 200 characters (leave it out to have one made)", "problem.webhook.secret");
        }
        long id = jdbc.sql("insert into webhook_subscription (url, secret, events, active, created_by) values (?, ?, ?, ?, ?) returning id")
                .params(form.url().trim(), secret, events.toArray(String[]::new), form.active() == null || form.active(), actor)
                .query(Long.class).single();
        Subscription created = get(id);
        return new Subscription(created.id(), created.url(), created.events(), created.active(), created.createdBy(),
                created.createdAt(), created.version(), secret);
    }

    @Transactional
    public Subscription edit(long id, SubscriptionForm form, long version) {
        List<String> events = check(form);
        Subscription before = get(id);
        if (before.version() != version) {
            throw ApiError.staleVersion("webhook", id, version);
        }
        if (form.secret() != null && !form.secret().isBlank() && (form.secret().length() < 16 || form.secret().length() > 200)) {
            throw ApiError.invalid("secret", "a secret has 16 to 200 characters", "problem.webhook.secret");
        }
        jdbc.sql("update webhook_subscription set url = ?, events = ?, active = ?, secret = coalesce(?, secret), version = version + 1"
                        + " where id = ? and version = ?")
                .params(form.url().trim(), events.toArray(String[]::new), form.active() == null || form.active(),
                        form.secret() == null || form.secret().isBlank() ? null : form.secret(), id, version).update();
        return get(id);
    }

    private static List<String> check(SubscriptionForm form) {
        if (form == null || form.url() == null || form.url().isBlank()) {
            throw ApiError.invalid("url", "the URL to send events to is required", "problem.webhook.url-required");
        }
        try {
            URI uri = URI.create(form.url().trim());
            if (uri.getHost() == null || !List.of("http", "https").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
                throw ApiError.invalid("url", "an absolute http or https URL is required", "problem.webhook.url-absolute");
            }
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("url", "is not a URL", "problem.webhook.url-absolute");
        }
        if (form.events() == null || form.events().isEmpty()) {
            throw ApiError.invalid("events", "name at least one of " + WebhookEvent.types(), "problem.webhook.events");
        }
        for (String event : form.events()) {
            if (!WebhookEvent.types().contains(event)) {
                throw ApiError.invalid("events", "\"" + event + "\" is not one of " + WebhookEvent.types(), "problem.webhook.events");
            }
        }
        return form.events().stream().distinct().toList();
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public Subscription get(long id) {
        return jdbc.sql("select * from webhook_subscription where id = ?").param(id).query((rs, n) -> subscription(rs)).optional()
                .orElseThrow(() -> ApiError.notFound("webhook", id));
    }

    public List<Subscription> list() {
        return jdbc.sql("select * from webhook_subscription order by id").query((rs, n) -> subscription(rs)).list();
    }

    private static Subscription subscription(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Subscription(rs.getLong("id"), rs.getString("url"), List.of((String[]) rs.getArray("events").getArray()),
                rs.getBoolean("active"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"), null);
    }

    /** How many deliveries each subscription has in each status (PENDING, DELIVERED, FAILED); a subscription without any is absent. */
    public Map<Long, Map<String, Long>> deliveryCounts() {
        Map<Long, Map<String, Long>> counts = new java.util.HashMap<>();
        jdbc.sql("select subscription_id, status, count(*) from webhook_delivery group by subscription_id, status")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong(1), id -> new java.util.HashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    public Page<Delivery> deliveries(long subscriptionId, String status, int page, int size) {
        get(subscriptionId);
        if (size < 1 || size > 500 || page < 0) {
            throw ApiError.invalidParameter("size", "size is 1 to 500 and page counts from 0", null);
        }
        if (status != null && !DELIVERY_STATUSES.contains(status)) {
            throw ApiError.invalidParameter("status", "status is one of " + DELIVERY_STATUSES, DELIVERY_STATUSES);
        }
        String where = " where subscription_id = :s" + (status == null ? "" : " and status = :status");
        Map<String, Object> params = status == null ? Map.of("s", subscriptionId) : Map.of("s", subscriptionId, "status", status);
        long total = jdbc.sql("select count(*) from webhook_delivery" + where).params(params).query(Long.class).single();
        List<Delivery> items = jdbc.sql("select * from webhook_delivery" + where + " order by id desc limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query((rs, n) -> delivery(rs)).list();
        return new Page<>(items, page, size, total);
    }

    static Delivery delivery(java.sql.ResultSet rs) throws java.sql.SQLException {
        var delivered = rs.getTimestamp("delivered_at");
        return new Delivery(rs.getLong("id"), rs.getString("event_id"), rs.getLong("subscription_id"), rs.getString("event_type"),
                rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), rs.getTimestamp("next_attempt_at").toInstant(),
                (Integer) rs.getObject("last_status_code"), rs.getString("last_error"), (Long) rs.getObject("replay_of"),
                rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
    }

    /** Sends a delivery again, as a new entry in the log that points at the one it replays. */
    @Transactional
    public Delivery replay(long subscriptionId, long deliveryId) {
        Subscription subscription = get(subscriptionId);
        if (!subscription.active()) {
            throw ApiError.conflict("webhook.inactive", "The subscription is switched off; switch it on to replay deliveries.")
                    .saying("problem.webhook.inactive");
        }
        long id = jdbc.sql("insert into webhook_delivery (event_id, subscription_id, event_type, payload, status, replay_of)"
                        + " select event_id, subscription_id, event_type, payload, 'PENDING', id from webhook_delivery"
                        + " where id = ? and subscription_id = ? returning id")
                .params(deliveryId, subscriptionId).query(Long.class).optional()
                .orElseThrow(() -> ApiError.notFound("webhook-delivery", deliveryId));
        return jdbc.sql("select * from webhook_delivery where id = ?").param(id).query((rs, n) -> delivery(rs)).single();
    }
}
