package io.partnerpulse.partner.internal;

import java.util.List;
import java.util.Locale;

import io.partnerpulse.partner.PartnerListing;
import io.partnerpulse.partner.PartnerListings;
import io.partnerpulse.security.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's public directory: the active Platinum and Gold partners listed by the channel manager,
 * each with a website (under example.com) and a line on what it does. Written once, when the demo's
 * manager exists and nothing is listed yet, through the service as that manager.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoListings {

    private static final Logger log = LoggerFactory.getLogger(DemoListings.class);
    private static final String[] WHAT = {"Cloud migrations and managed services", "Network design and installation",
            "Licensing, deployment and training", "Security assessments and support", "Data platforms and analytics projects"};
    private static final String[] FOR = {"for retailers", "for manufacturers", "for banks and insurers", "for hospitals and clinics",
            "for public sector buyers", "for small businesses"};

    private final JdbcClient jdbc;
    private final PartnerListings listings;
    private final RunAs runAs;

    DemoListings(JdbcClient jdbc, PartnerListings listings, RunAs runAs) {
        this.jdbc = jdbc;
        this.listings = listings;
        this.runAs = runAs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void listDemoPartners() {
        boolean any = jdbc.sql("select exists (select 1 from partner_listing)").query(Boolean.class).single();
        Long manager = jdbc.sql("select id from app_user where email = 'manager@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        if (any || manager == null) {
            return;
        }
        record Partner(long id, String name, String city) {
        }
        List<Partner> partners = jdbc.sql("""
                select id, name, coalesce(city, region) from partner where status = 'ACTIVE' and tier in ('PLATINUM', 'GOLD') order by id""")
                .query((rs, n) -> new Partner(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        runAs.user(manager, () -> {
            for (Partner p : partners) {
                String site = "https://" + p.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".example.com";
                String summary = WHAT[(int) (p.id() % WHAT.length)] + " " + FOR[(int) (p.id() % FOR.length)] + " in and around " + p.city() + ".";
                listings.change(p.id(), new PartnerListing.Form(true, site, summary), 0);
            }
            return null;
        });
        log.info("Demo directory: {} partners listed (see /directory, open without signing in)", partners.size());
    }
}
