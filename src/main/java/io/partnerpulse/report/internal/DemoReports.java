package io.partnerpulse.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import io.partnerpulse.report.ReportFrequency;
import io.partnerpulse.report.ReportProperties;
import io.partnerpulse.shared.OrganizationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * With the demo data, two scheduled reports, so that the reports page shows one working: the channel
 * manager's monthly program scorecard and partner 2's user's own monthly scorecard, each with last
 * month's already on its way (to the outbox folder unless an SMTP server is set). Made once, when the
 * demo users exist (they are made after the demo data) and no report is scheduled yet.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoReports {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

    private final JdbcClient jdbc;
    private final ReportProperties properties;
    private final OrganizationSettings settings;
    private final Clock clock;

    DemoReports(JdbcClient jdbc, ReportProperties properties, OrganizationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void scheduleDemoReports() {
        boolean any = jdbc.sql("select exists (select 1 from report_subscription)").query(Boolean.class).single();
        Long manager = jdbc.sql("select id from app_user where email = 'manager@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        Long partnerUser = jdbc.sql("select id from app_user where email = 'partner2@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        if (any || manager == null || partnerUser == null) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(settings.timeZone());
        Timestamp next = Timestamp.from(ReportFrequency.MONTHLY.nextRun(now, properties.sendAt(), settings.timeZone()).toInstant());
        ReportFrequency.Period month = ReportFrequency.MONTHLY.lastEnded(now.toLocalDate());
        schedule("Monthly program scorecard", "program", null, "channel-team@example.com", manager, "manager@demo.partnerpulse.io", next, month);
        schedule("Our monthly scorecard", "partner", 2L, "partner2@demo.partnerpulse.io", partnerUser, "partner2@demo.partnerpulse.io", next, month);
        log.info("Demo scheduled reports made: see /reports");
    }

    private void schedule(String name, String scope, Long scopeId, String recipient, long owner, String by, Timestamp next,
                          ReportFrequency.Period month) {
        long id = jdbc.sql("""
                        insert into report_subscription (name, scope, scope_id, frequency, recipients, owner_id, next_run_at, created_by)
                        values (?, ?, ?, 'MONTHLY', ?, ?, ?, ?) returning id""")
                .params(name, scope, scopeId, new String[] {recipient}, owner, next, by).query(Long.class).single();
        LocalDate from = month.from();
        jdbc.sql("""
                        insert into report_delivery (subscription_id, period_from, period_to, recipients, status, requested_by)
                        values (?, ?, ?, ?, 'PENDING', ?)""")
                .params(id, from, month.to(), new String[] {recipient}, by).update();
    }
}
