package io.partnerpulse.deal.internal;

import java.util.List;

import io.partnerpulse.deal.DealNote;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.security.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's notes: on partner 2's three largest open deals, its user and the channel manager talk
 * about next steps, and the manager keeps one internal note (which partner 2's user does not see).
 * Written once, when the demo users exist and no note is written yet, through the notes' own service as
 * those users, as they would write them on the deal's page.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoNotes {

    private static final Logger log = LoggerFactory.getLogger(DemoNotes.class);

    private final JdbcClient jdbc;
    private final OpportunityManagement opportunities;
    private final RunAs runAs;

    DemoNotes(JdbcClient jdbc, OpportunityManagement opportunities, RunAs runAs) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.runAs = runAs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void writeDemoNotes() {
        boolean any = jdbc.sql("select exists (select 1 from deal_note)").query(Boolean.class).single();
        Long manager = jdbc.sql("select id from app_user where email = 'manager@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        Long partnerUser = jdbc.sql("select id from app_user where email = 'partner2@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        if (any || manager == null || partnerUser == null) {
            return;
        }
        List<Long> deals = jdbc.sql("select id from opportunity where partner_id = 2 and closed_at is null order by amount desc, id limit 3")
                .query(Long.class).list();
        for (long deal : deals) {
            write(partnerUser, deal, "The customer asked for a second demo with their IT team; we are proposing next Tuesday.", false);
            write(manager, deal, "Thanks. I can join the demo and bring a solutions engineer; send me the invite.", false);
            write(manager, deal, "Internal: if they push on price, hold the discount at 10% (the margin on this one is thin).", true);
        }
        if (!deals.isEmpty()) {
            log.info("Demo notes written on {} of partner 2's deals: see their pages under /deals", deals.size());
        }
    }

    private void write(long user, long deal, String body, boolean internal) {
        runAs.user(user, () -> opportunities.addNote(deal, new DealNote.Form(body, internal)));
    }
}
