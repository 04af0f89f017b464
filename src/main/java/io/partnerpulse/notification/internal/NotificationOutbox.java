package io.partnerpulse.notification.internal;

import java.math.BigDecimal;
import java.util.List;

import io.partnerpulse.deal.DealEvents;
import io.partnerpulse.fund.FundEvents;
import io.partnerpulse.lead.LeadEvents;
import io.partnerpulse.notification.NotificationKind;
import io.partnerpulse.notification.NotificationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns events into notifications, inside the transaction that made the change: if it rolls back,
 * nobody is told. A partner's users hear about their partner's registrations, leads and funds; the
 * channel managers whose scope holds the partner (all of them when unscoped) about registrations
 * waiting for a decision. Only active accounts with e-mail notifications on are told. What comes
 * for one person, of one kind and one partner, while the first of it waits to be sent ({@code
 * gather}) joins that message instead of making another (the names of the first 50, and a count).
 *
 * <p>It reads the names it tells (a customer, a lead's company, a fund's activity) from the other
 * modules' tables, as the KPIs do.
 */
@Component
class NotificationOutbox {

    /** The most items one message names; the rest are counted. */
    static final int ITEMS = 50;

    private final JdbcClient jdbc;
    private final NotificationProperties properties;

    NotificationOutbox(JdbcClient jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener
    void on(DealEvents.RegistrationSubmitted event) {
        String item = jdbc.sql("""
                        select r.customer_name || ' (' || p.name || ')' from deal_registration r join partner p on p.id = r.partner_id
                        where r.id = ?""").params(event.registrationId()).query(String.class).single();
        enqueue(managersOf(event.partnerId()), NotificationKind.REGISTRATION_SUBMITTED, null, item);
    }

    /**
     * A note on a deal tells the other side: a partner user's, the channel managers over that partner
     * (as a registration does); staff's shared note, the partner's users. An internal note tells nobody.
     * Gathered per deal; the link is the deal's page.
     */
    @EventListener
    void on(DealEvents.NoteAdded event) {
        if (event.internal() || event.partnerId() == null) {
            return;
        }
        String deal = jdbc.sql("select name || ' (#' || id || ')' from opportunity where id = ?").params(event.opportunityId())
                .query(String.class).single();
        String item = jdbc.sql("select author || ': ' || left(regexp_replace(body, '\\s+', ' ', 'g'), 200) || case when length(body) > 200 then '…' else '' end"
                + " from deal_note where id = ?").params(event.noteId()).query(String.class).single();
        String link = "/deals/" + event.opportunityId() + "#notes";
        if (event.byPartner()) {
            enqueue(managersOf(event.partnerId()), NotificationKind.NOTE_FROM_PARTNER, deal, item, link);
        } else {
            enqueue(partnerUsers(event.partnerId()), NotificationKind.NOTE_FROM_TEAM, deal, item, link);
        }
    }

    /**
     * The day's reminder of one's follow-ups due: one message naming them (its reader's e-mail switch
     * decides, as for every notification). Not gathered with another day's.
     */
    @EventListener
    void on(io.partnerpulse.task.TaskEvents.FollowUpsDue event) {
        List<Long> reader = jdbc.sql("select id from app_user where id = ? and active and notify_by_email").params(event.userId())
                .query(Long.class).list();
        if (reader.isEmpty() || event.items().isEmpty()) {
            return;
        }
        double gather = properties.gather().toMillis() / 1000.0;
        jdbc.sql("""
                        insert into notification (user_id, kind, about, items, total, link, next_attempt_at)
                        values (?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?))""")
                .params(event.userId(), NotificationKind.FOLLOW_UPS_DUE.name(), event.day().toString(), event.items().toArray(String[]::new),
                        event.total(), NotificationKind.FOLLOW_UPS_DUE.page(), gather).update();
    }

    /**
     * Certifications of a partner's people coming to their end: one message to its users and one to the
     * channel managers who see it, naming them (gathered with others of the same partner still waiting).
     */
    @EventListener
    void on(io.partnerpulse.partner.CertificationEvents.Expiring event) {
        String partner = jdbc.sql("select name from partner where id = ?").params(event.partnerId()).query(String.class).single();
        List<Long> readers = new java.util.ArrayList<>(partnerUsers(event.partnerId()));
        readers.addAll(managersOf(event.partnerId()));
        double gather = properties.gather().toMillis() / 1000.0;
        String link = NotificationKind.CERTIFICATIONS_EXPIRING.page() + "&partnerId=" + event.partnerId();
        for (long reader : readers) {
            jdbc.sql("""
                            insert into notification (user_id, kind, about, items, total, link, next_attempt_at)
                            values (?, ?, ?, ?, ?, ?, now() + make_interval(secs => ?))
                            on conflict (user_id, kind, coalesce(about, '')) where status = 'PENDING' and attempts = 0
                            do update set items = (notification.items || excluded.items)[1:?], total = notification.total + excluded.total""")
                    .params(reader, NotificationKind.CERTIFICATIONS_EXPIRING.name(), partner, event.items().toArray(String[]::new),
                            event.total(), link, gather, ITEMS).update();
        }
    }

    /** The channel managers who see the partner: unscoped ones, and those scoped over its partner manager. */
    private List<Long> managersOf(long partnerId) {
        return jdbc.sql("""
                        select u.id from app_user u
                        where u.role = 'CHANNEL_MANAGER' and u.active and u.notify_by_email
                          and (u.business_unit_id is null and u.department_id is null
                               or exists (select 1 from partner p join employee e on e.id = p.partner_manager_id
                                          join department d on d.id = e.department_id
                                          where p.id = ? and (u.department_id = e.department_id or u.business_unit_id = d.business_unit_id)))
                        order by u.id""").params(partnerId).query(Long.class).list();
    }

    @EventListener
    void on(DealEvents.RegistrationApproved event) {
        toPartner(event.partnerId(), NotificationKind.REGISTRATION_APPROVED, customer(event.registrationId()));
    }

    @EventListener
    void on(DealEvents.RegistrationRejected event) {
        toPartner(event.partnerId(), NotificationKind.REGISTRATION_REJECTED, customer(event.registrationId()) + reason(event.reason()));
    }

    @EventListener
    void on(DealEvents.RegistrationExpired event) {
        toPartner(event.partnerId(), NotificationKind.REGISTRATION_EXPIRED, customer(event.registrationId()));
    }

    @EventListener
    void on(LeadEvents.LeadAssigned event) {
        String company = jdbc.sql("select coalesce(nullif(trim(company_name), ''), 'Lead ' || id) from lead where id = ?")
                .params(event.leadId()).query(String.class).single();
        toPartner(event.partnerId(), NotificationKind.LEAD_ASSIGNED, company);
    }

    @EventListener
    void on(FundEvents.FundRequestApproved event) {
        String activity = activity(event.requestId());
        toPartner(event.partnerId(), NotificationKind.FUND_REQUEST_APPROVED, activity + " — " + money(event.amount(), event.currency()));
    }

    @EventListener
    void on(FundEvents.FundClaimApproved event) {
        String activity = activity(event.requestId());
        toPartner(event.partnerId(), NotificationKind.FUND_CLAIM_APPROVED, activity + " — " + money(event.amount(), event.currency()));
    }

    @EventListener
    void on(FundEvents.FundRequestRejected event) {
        String activity = activity(event.requestId());
        toPartner(event.partnerId(), NotificationKind.FUND_REQUEST_REJECTED, activity + reason(event.reason()));
    }

    @EventListener
    void on(FundEvents.FundClaimRejected event) {
        String activity = activity(event.requestId());
        toPartner(event.partnerId(), NotificationKind.FUND_CLAIM_REJECTED, activity + reason(event.reason()));
    }

    @EventListener
    void on(FundEvents.FundClaimPaid event) {
        String activity = activity(event.requestId());
        String reference = event.paymentReference() == null || event.paymentReference().isBlank() ? "" : ", " + event.paymentReference();
        toPartner(event.partnerId(), NotificationKind.FUND_CLAIM_PAID, activity + " — " + money(event.amount(), event.currency())
                + " (" + event.paidOn() + reference + ")");
    }

    private String activity(long fundRequestId) {
        return jdbc.sql("select activity from fund_request where id = ?").params(fundRequestId).query(String.class).single();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private String customer(long registrationId) {
        return jdbc.sql("select customer_name from deal_registration where id = ?").params(registrationId).query(String.class).single();
    }

    private static String money(BigDecimal amount, String currency) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " " + currency;
    }

    private void toPartner(long partnerId, NotificationKind kind, String item) {
        String partner = jdbc.sql("select name from partner where id = ?").params(partnerId).query(String.class).single();
        enqueue(partnerUsers(partnerId), kind, partner, item);
    }

    private List<Long> partnerUsers(long partnerId) {
        return jdbc.sql("""
                        select id from app_user where role = 'PARTNER_USER' and partner_id = ? and active and notify_by_email order by id""")
                .params(partnerId).query(Long.class).list();
    }

    private void enqueue(List<Long> users, NotificationKind kind, String about, String item) {
        enqueue(users, kind, about, item, kind.page());
    }

    private void enqueue(List<Long> users, NotificationKind kind, String about, String item, String link) {
        double gather = properties.gather().toMillis() / 1000.0;
        for (long user : users) {
            jdbc.sql("""
                            insert into notification (user_id, kind, about, items, link, next_attempt_at)
                            values (?, ?, ?, ?, ?, now() + make_interval(secs => ?))
                            on conflict (user_id, kind, coalesce(about, '')) where status = 'PENDING' and attempts = 0
                            do update set items = case when cardinality(notification.items) < ? then notification.items || excluded.items
                                                       else notification.items end,
                                          total = notification.total + 1""")
                    .params(user, kind.name(), about, new String[] {item}, link, gather, ITEMS).update();
        }
    }
}
