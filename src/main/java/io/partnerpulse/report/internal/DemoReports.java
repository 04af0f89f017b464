package io.partnerpulse.report.internal;

import java.util.List;
import java.util.Locale;

import io.partnerpulse.report.ReportFrequency;
import io.partnerpulse.report.ReportSubscriptions;
import io.partnerpulse.security.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With the demo data, two scheduled reports, so that the reports page shows one working: the channel
 * manager's monthly program scorecard and partner 2's user's own monthly scorecard, each with last
 * month's already on its way (to the outbox folder unless an SMTP server is set). Made once, when the
 * demo users exist (they are made after the demo data) and no report is scheduled yet, through the
 * reports' own service as those users, as they would make them on the page.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoReports {

    private static final Logger log = LoggerFactory.getLogger(DemoReports.class);

    private final JdbcClient jdbc;
    private final ReportSubscriptions reports;
    private final RunAs runAs;

    DemoReports(JdbcClient jdbc, ReportSubscriptions reports, RunAs runAs) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.runAs = runAs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void scheduleDemoReports() {
        boolean any = jdbc.sql("select exists (select 1 from report_subscription)").query(Boolean.class).single();
        Long manager = jdbc.sql("select id from app_user where email = 'manager@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        Long partnerUser = jdbc.sql("select id from app_user where email = 'partner2@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        if (any || manager == null || partnerUser == null) {
            return;
        }
        schedule(manager, new ReportSubscriptions.SubscriptionForm("Monthly program scorecard", "program", null, ReportFrequency.MONTHLY,
                List.of("channel-team@example.com"), true));
        schedule(partnerUser, new ReportSubscriptions.SubscriptionForm("Our monthly scorecard", "partner", 2L, ReportFrequency.MONTHLY,
                List.of("partner2@demo.partnerpulse.io"), true));
        log.info("Demo scheduled reports made: see /reports");
    }

    private void schedule(long user, ReportSubscriptions.SubscriptionForm form) {
        runAs.user(user, () -> reports.sendNow(reports.create(form, Locale.ENGLISH).id()));
    }
}
