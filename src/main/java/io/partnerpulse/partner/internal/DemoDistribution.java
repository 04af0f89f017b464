package io.partnerpulse.partner.internal;

import java.util.List;

import io.partnerpulse.partner.PartnerManagement;
import io.partnerpulse.partner.PartnerRequests;
import io.partnerpulse.security.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's two-tier distribution: partner 2 (whose demo user is partner2@) is a distributor, and
 * five active Silver or Registered partners of its country (or any, if it has too few) buy through
 * it. Set once, by the demo's channel manager through the service, when the demo's manager exists
 * and nobody has set partner 2's distribution yet (its audit log says so): what a user changes later
 * stays, and other partners made distributors (by an import, by another user) do not stop it.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoDistribution {

    private static final Logger log = LoggerFactory.getLogger(DemoDistribution.class);
    static final long DISTRIBUTOR = 2;
    static final int RESELLERS = 5;

    private final JdbcClient jdbc;
    private final PartnerManagement partners;
    private final RunAs runAs;

    DemoDistribution(JdbcClient jdbc, PartnerManagement partners, RunAs runAs) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.runAs = runAs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void distribute() {
        boolean done = jdbc.sql("""
                select exists (select 1 from audit_log where action = 'partner.distribution-changed' and entity_type = 'partner'
                               and entity_id = :id)""").param("id", Long.toString(DISTRIBUTOR)).query(Boolean.class).single();
        Long manager = jdbc.sql("select id from app_user where email = 'manager@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        // whatever its status that day (the demo's history moves partners in and out of INACTIVE), unless it has ended
        boolean distributorExists = jdbc.sql("select exists (select 1 from partner where id = :id and status <> 'TERMINATED')")
                .param("id", DISTRIBUTOR).query(Boolean.class).single();
        if (done || manager == null || !distributorExists) {
            return;
        }
        List<Long> resellers = jdbc.sql("""
                select r.id from partner r, partner d
                where d.id = :id and r.id not in (:id, 4) and r.status = 'ACTIVE' and r.tier in ('SILVER', 'REGISTERED')
                  and not r.distributor and r.distributor_id is null
                order by r.country = d.country desc, r.id limit :n""")
                .param("id", DISTRIBUTOR).param("n", RESELLERS).query(Long.class).list();
        runAs.user(manager, () -> {
            partners.setDistribution(DISTRIBUTOR, new PartnerRequests.Distribution(true, null, null), partners.get(DISTRIBUTOR).version());
            for (long reseller : resellers) {
                partners.setDistribution(reseller, new PartnerRequests.Distribution(false, DISTRIBUTOR, null), partners.get(reseller).version());
            }
            return null;
        });
        log.info("Demo distribution: partner {} is a distributor with {} resellers (see /partners/{}/resellers)", DISTRIBUTOR,
                resellers.size(), DISTRIBUTOR);
    }
}
