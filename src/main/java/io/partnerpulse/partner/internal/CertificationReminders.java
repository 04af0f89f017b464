package io.partnerpulse.partner.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.partnerpulse.partner.CertificationEvents;
import io.partnerpulse.partner.CertificationProperties;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, from {@code partnerpulse.certifications.remind-at} in the organization's time zone, the
 * certifications of active partners that end within {@code remind-days} and were not told yet are told,
 * one {@link CertificationEvents.Expiring} per partner (the notifications e-mail its users and the
 * channel managers who see it). Each certification is marked told in the same transaction: once,
 * however often and wherever the job runs.
 */
@Component
public class CertificationReminders {

    static final int ITEMS = 50;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final OrganizationSettings organization;
    private final CertificationProperties properties;
    private final Clock clock;

    CertificationReminders(JdbcClient jdbc, ApplicationEventPublisher events, OrganizationSettings organization,
                           CertificationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.organization = organization;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${partnerpulse.certifications.poll:1h}", initialDelayString = "${partnerpulse.certifications.poll:1h}")
    @Transactional
    public void run() {
        organization.dayOnceItIs(clock, properties.remindAt()).ifPresent(this::remind);
    }

    /** Tells the certifications ending after {@code day} and within the reminder's days that were not told yet; how many partners were told. */
    @Transactional
    public int remind(LocalDate day) {
        record Told(long partnerId, String item) {
        }
        List<Told> told = jdbc.sql("""
                        update certification c set reminded_on = :day
                        from partner p
                        where p.id = c.partner_id and p.status = 'ACTIVE' and c.reminded_on is null
                          and c.expires_on > :day and c.expires_on <= :last
                        returning c.partner_id, c.person_name || ': ' || c.name || ' (' || to_char(c.expires_on, 'YYYY-MM-DD') || ')'""")
                .param("day", day).param("last", day.plusDays(properties.remindDays()))
                .query((rs, n) -> new Told(rs.getLong(1), rs.getString(2))).list();
        java.util.Map<Long, List<String>> byPartner = new java.util.TreeMap<>();
        told.forEach(t -> byPartner.computeIfAbsent(t.partnerId(), p -> new java.util.ArrayList<>()).add(t.item()));
        byPartner.forEach((partner, items) -> {
            List<String> sorted = items.stream().sorted(java.util.Comparator.comparing((String i) -> i.substring(i.lastIndexOf('(')))
                    .thenComparing(java.util.Comparator.naturalOrder())).toList();
            events.publishEvent(new CertificationEvents.Expiring(partner, day, sorted.subList(0, Math.min(ITEMS, sorted.size())), sorted.size()));
        });
        return byPartner.size();
    }
}
