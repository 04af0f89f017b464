package io.partnerpulse.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries: POST of the JSON payload with {@code X-PartnerPulse-Event},
 * {@code X-PartnerPulse-Delivery}, {@code X-PartnerPulse-Timestamp} and
 * {@code X-PartnerPulse-Signature: t=<timestamp>,v1=<hex HMAC-SHA256 of "timestamp.body" with the secret>}.
 * A 2xx answer delivers it; anything else is tried again after a doubling wait until the attempts
 * run out. Rows are claimed with {@code for update skip locked}, so several instances share the work
 * and never send one delivery twice at the same time.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final String SIGNATURE = "X-PartnerPulse-Signature";

    private record Due(long id, String eventId, String type, String payload, int attempts, String url, String secret) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookProperties properties;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(JdbcClient jdbc, TransactionTemplate transactions, WebhookProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${partnerpulse.webhooks.poll:1s}", initialDelayString = "${partnerpulse.webhooks.poll:1s}")
    void dispatch() {
        int sent;
        do {
            Integer batch = transactions.execute(status -> sendBatch());
            sent = batch == null ? 0 : batch;
        } while (sent > 0);
    }

    private int sendBatch() {
        List<Due> due = jdbc.sql("""
                select d.id, d.event_id, d.event_type, d.payload, d.attempts, s.url, s.secret
                from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= now() and s.active
                order by d.id limit 20 for update of d skip locked""")
                .query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7))).list();
        for (Due delivery : due) {
            send(delivery);
        }
        return due.size();
    }

    private void send(Due delivery) {
        long timestamp = clock.instant().getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "PartnerPulse-Webhooks/1")
                    .header("X-PartnerPulse-Event", delivery.type())
                    .header("X-PartnerPulse-Delivery", Long.toString(delivery.id()))
                    .header("X-PartnerPulse-Event-Id", delivery.eventId())
                    .header("X-PartnerPulse-Timestamp", Long.toString(timestamp))
                    .header(SIGNATURE, "t=" + timestamp + ",v1=" + sign(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                error = "answered " + status;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int attempts = delivery.attempts() + 1;
        if (error == null) {
            jdbc.sql("update webhook_delivery set status = 'DELIVERED', attempts = ?, last_status_code = ?, last_error = null,"
                    + " delivered_at = now() where id = ?").params(attempts, status, delivery.id()).update();
            return;
        }
        boolean giveUp = attempts >= properties.maxAttempts();
        Duration wait = backoff(attempts);
        jdbc.sql("update webhook_delivery set status = ?, attempts = ?, last_status_code = ?, last_error = ?,"
                        + " next_attempt_at = now() + make_interval(secs => ?) where id = ?")
                .params(giveUp ? "FAILED" : "PENDING", attempts, status, error.length() > 500 ? error.substring(0, 500) : error,
                        wait.toMillis() / 1000.0, delivery.id()).update();
        log.info("Webhook delivery {} ({}) to {} failed, attempt {}: {}{}", delivery.id(), delivery.type(), delivery.url(), attempts,
                error, giveUp ? "; giving up" : "; trying again in " + wait);
    }

    /** What went wrong, for the delivery log: the failure's kind and the first message on its chain ("ConnectException: Connection refused"). */
    static String describe(Exception e) {
        return io.partnerpulse.shared.Retries.describe(e);
    }

    Duration backoff(int attempts) {
        return io.partnerpulse.shared.Retries.backoff(properties.backoff(), properties.maxBackoff(), attempts);
    }

    /** Hex HMAC-SHA256 of "timestamp.body" with the subscriber's secret. */
    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
