package io.partnerpulse.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import io.partnerpulse.mail.Mailer;
import io.partnerpulse.report.ReportFrequency;
import io.partnerpulse.report.ReportProperties;
import io.partnerpulse.report.ScorecardRenderer;
import io.partnerpulse.security.RunAs;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.OrganizationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns due subscriptions into deliveries and sends pending deliveries.
 *
 * <p>A due subscription gets one delivery for the last period that ended (once: the period's row is
 * unique) and its next date, in the same transaction, so a restart neither loses nor repeats one; a
 * server that was down over a date sends the latest period when it is back. A delivery's scorecard is
 * made as the subscription's owner and kept with the delivery; a message the SMTP server does not take
 * is tried again after a doubling wait, and given up (FAILED) when the attempts run out. A scorecard
 * that cannot be made (the owner switched off, the partner gone, the owner no longer allowed to see
 * it) fails at once with the reason. Rows are claimed with {@code for update skip locked}, so several
 * instances share the work and never send one delivery twice.
 */
@Component
class ReportScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReportScheduler.class);

    private record Due(long id, long subscriptionId, String name, String scope, Long scopeId, LocalDate from, LocalDate to,
                       List<String> recipients, String locale, long ownerId, int attempts) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ReportProperties properties;
    private final OrganizationSettings settings;
    private final Clock clock;
    private final RunAs runAs;
    private final ScorecardRenderer renderer;
    private final Mailer mailer;
    private final MessageSource messages;
    private final io.partnerpulse.mail.MailSettings mail;

    ReportScheduler(JdbcClient jdbc, TransactionTemplate transactions, ReportProperties properties, OrganizationSettings settings,
                    Clock clock, RunAs runAs, ScorecardRenderer renderer, Mailer mailer, MessageSource messages,
                    io.partnerpulse.mail.MailSettings mail) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
        this.runAs = runAs;
        this.renderer = renderer;
        this.mailer = mailer;
        this.messages = messages;
    }

    @Scheduled(fixedDelayString = "${partnerpulse.reports.poll:15s}", initialDelayString = "${partnerpulse.reports.poll:15s}")
    void run() {
        transactions.executeWithoutResult(status -> schedule());
        int sent;
        do {
            Integer batch = transactions.execute(status -> sendBatch());
            sent = batch == null ? 0 : batch;
        } while (sent > 0);
    }

    /** Due subscriptions: a delivery for the period that ended, and the next date. */
    void schedule() {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(settings.timeZone());
        List<Object[]> due = jdbc.sql("""
                        select id, frequency from report_subscription where active and next_run_at <= ?
                        order by next_run_at limit 100 for update skip locked""")
                .params(Timestamp.from(now.toInstant())).query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
        for (Object[] row : due) {
            long id = (Long) row[0];
            ReportFrequency frequency = ReportFrequency.valueOf((String) row[1]);
            ReportFrequency.Period period = frequency.lastEnded(now.toLocalDate());
            jdbc.sql("""
                            insert into report_delivery (subscription_id, period_from, period_to, recipients, status)
                            select id, ?, ?, recipients, 'PENDING' from report_subscription where id = ?
                            on conflict (subscription_id, period_from) where requested_by is null do nothing""")
                    .params(period.from(), period.to(), id).update();
            jdbc.sql("update report_subscription set next_run_at = ? where id = ?")
                    .params(Timestamp.from(frequency.nextRun(now, properties.sendAt(), settings.timeZone()).toInstant()), id).update();
        }
    }

    private int sendBatch() {
        List<Due> due = jdbc.sql("""
                        select d.id, d.subscription_id, s.name, s.scope, s.scope_id, d.period_from, d.period_to, d.recipients, s.locale,
                               s.owner_id, d.attempts
                        from report_delivery d join report_subscription s on s.id = d.subscription_id
                        where d.status = 'PENDING' and d.next_attempt_at <= ?
                        order by d.id limit 5 for update of d skip locked""")
                .params(Timestamp.from(clock.instant()))
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), List.of((String[]) rs.getArray(8).getArray()),
                        rs.getString(9), rs.getLong(10), rs.getInt(11)))
                .list();
        for (Due delivery : due) {
            send(delivery);
        }
        return due.size();
    }

    private void send(Due delivery) {
        Locale locale = Locale.forLanguageTag(delivery.locale());
        ScorecardRenderer.Scorecard scorecard;
        try {
            scorecard = runAs.user(delivery.ownerId(),
                    () -> renderer.render(delivery.scope(), delivery.scopeId(), delivery.from(), delivery.to(), locale));
        } catch (RunAs.AccountUnavailable | ApiError e) {
            // nothing to wait for: the owner or the record is gone, or the owner may no longer see it
            fail(delivery, e instanceof ApiError api ? api.getMessage() + " (" + api.code() + ")" : e.getMessage());
            return;
        } catch (RuntimeException e) {
            log.warn("Report delivery {} ({}): the scorecard could not be made", delivery.id(), delivery.name(), e);
            retryLater(delivery, "the scorecard could not be made: " + io.partnerpulse.shared.Retries.describe(e));
            return;
        }
        jdbc.sql("update report_delivery set file_name = ?, document = ? where id = ?")
                .params(scorecard.fileName(), scorecard.pdf(), delivery.id()).update();
        try {
            Mailer.Sent sent = mailer.send("report-delivery-" + delivery.id(), delivery.recipients(), subject(delivery, scorecard, locale),
                    text(delivery, scorecard, locale), new Mailer.Attachment(scorecard.fileName(), scorecard.pdf(), "application/pdf"));
            jdbc.sql("update report_delivery set status = 'SENT', attempts = ?, via = ?, last_error = null, sent_at = now() where id = ?")
                    .params(delivery.attempts() + 1, sent.via(), delivery.id()).update();
        } catch (Mailer.NotSent e) {
            retryLater(delivery, e.getMessage());
        }
    }

    /** Counts the attempt, and tries again after a doubling wait, or gives up (FAILED) when the attempts have run out. */
    private void retryLater(Due delivery, String reason) {
        int attempts = delivery.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        Duration wait = backoff(attempts);
        String said = reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbc.sql("""
                        update report_delivery set status = ?, attempts = ?, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                        where id = ?""")
                .params(giveUp ? "FAILED" : "PENDING", attempts, said, wait.toMillis() / 1000.0, delivery.id()).update();
        log.info("Report delivery {} ({}) not sent, attempt {}: {}{}", delivery.id(), delivery.name(), attempts, said,
                giveUp ? "; giving up" : "; trying again in " + wait);
    }

    private void fail(Due delivery, String reason) {
        String said = reason == null ? "the scorecard could not be made" : reason.length() > 500 ? reason.substring(0, 500) : reason;
        jdbc.sql("update report_delivery set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
                .params(said, delivery.id()).update();
        log.info("Report delivery {} ({}) failed: {}", delivery.id(), delivery.name(), said);
    }

    Duration backoff(int attempts) {
        return io.partnerpulse.shared.Retries.backoff(properties.backoff(), properties.maxBackoff(), attempts);
    }

    private String subject(Due delivery, ScorecardRenderer.Scorecard scorecard, Locale locale) {
        return messages.getMessage("reports.mail.subject", new Object[] {scorecard.title(), day(delivery.from(), locale),
                day(delivery.to().minusDays(1), locale)}, locale);
    }

    /** A day as the pages and the scorecard write it, in the reader's language. */
    private static String day(java.time.LocalDate day, Locale locale) {
        return new io.partnerpulse.shared.Format(locale, null).date(day);
    }

    private String text(Due delivery, ScorecardRenderer.Scorecard scorecard, Locale locale) {
        StringBuilder text = new StringBuilder();
        text.append(messages.getMessage("reports.mail.intro", new Object[] {scorecard.title(), day(delivery.from(), locale),
                day(delivery.to().minusDays(1), locale)}, locale)).append("\n\n");
        for (String line : scorecard.headlines()) {
            text.append("  ").append(line).append('\n');
        }
        String base = mail.baseUrl().strip();
        if (!base.isEmpty()) {
            text.append('\n').append(messages.getMessage("reports.mail.link", new Object[] {
                    (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/reports/" + delivery.subscriptionId()}, locale))
                    .append('\n');
        }
        text.append('\n').append(messages.getMessage("reports.mail.footer", new Object[] {delivery.name()}, locale)).append('\n');
        return text.toString();
    }
}
