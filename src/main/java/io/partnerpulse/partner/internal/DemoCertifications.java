package io.partnerpulse.partner.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import io.partnerpulse.partner.Certification;
import io.partnerpulse.partner.Certifications;
import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.TierRequirements;
import io.partnerpulse.security.RunAs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's certifications: the active partners' people certified in the program's three courses
 * (the better the tier, the more people), some expiring within weeks and a few expired; and the Gold
 * and Platinum tiers asking for 2 and 3 certified people. Recorded once, when the demo's channel manager
 * exists and none is recorded yet, through the service as that manager (from the same seed each time).
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoCertifications {

    private static final Logger log = LoggerFactory.getLogger(DemoCertifications.class);
    private static final String[] COURSES = {"Certified Sales Professional", "Solutions Architect", "Implementation Specialist"};
    private static final String[] FIRST = {"Amira", "Bilal", "Camila", "Daniel", "Elif", "Farah", "Hassan", "Ines", "Jonas", "Kiran",
            "Lena", "Mateo", "Nadia", "Omar", "Priya", "Rafael", "Sana", "Tariq", "Yara", "Zoe"};
    private static final String[] LAST = {"Ahmed", "Becker", "Costa", "Dubois", "Ekström", "Farouk", "García", "Haddad", "Ito", "Jensen",
            "Khan", "Lopez", "Malik", "Novak", "Okafor", "Qureshi", "Rossi", "Silva", "Tanaka", "Weber"};

    private final JdbcClient jdbc;
    private final Certifications certifications;
    private final TierRequirements requirements;
    private final RunAs runAs;

    DemoCertifications(JdbcClient jdbc, Certifications certifications, TierRequirements requirements, RunAs runAs) {
        this.jdbc = jdbc;
        this.certifications = certifications;
        this.requirements = requirements;
        this.runAs = runAs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recordDemoCertifications() {
        boolean any = jdbc.sql("select exists (select 1 from certification)").query(Boolean.class).single();
        Long manager = jdbc.sql("select id from app_user where email = 'manager@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        if (any || manager == null) {
            return;
        }
        record Partner(long id, PartnerTier tier) {
        }
        List<Partner> partners = jdbc.sql("select id, tier from partner where status = 'ACTIVE' order by id")
                .query((rs, n) -> new Partner(rs.getLong(1), PartnerTier.valueOf(rs.getString(2)))).list();
        LocalDate today = certifications.today();
        SplittableRandom random = new SplittableRandom(42);
        int recorded = runAs.user(manager, () -> {
            int count = 0;
            for (Partner partner : partners) {
                int people = switch (partner.tier()) {
                    case PLATINUM -> 2 + random.nextInt(3);
                    case GOLD -> 1 + random.nextInt(3);
                    case SILVER -> random.nextInt(3);
                    default -> random.nextInt(2);
                };
                for (int person = 0; person < people; person++) {
                    String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                    int courses = 1 + random.nextInt(2);
                    for (int c = 0; c < courses; c++) {
                        LocalDate earned = today.minusDays(30 + random.nextInt(800));
                        // two years' validity: earned 670 to 730 days ago, it ends within two months; earlier, it has ended
                        LocalDate expires = random.nextInt(5) == 0 ? null : earned.plusYears(2);
                        if (expires != null && !expires.isAfter(earned)) {
                            continue;
                        }
                        certifications.add(new Certification.Form(partner.id(), name, null, COURSES[(person + c) % COURSES.length], earned, expires));
                        count++;
                    }
                }
            }
            TierRequirements.Requirement gold = requirements.get(PartnerTier.GOLD);
            TierRequirements.Requirement platinum = requirements.get(PartnerTier.PLATINUM);
            requirements.edit(PartnerTier.PLATINUM, new TierRequirements.RequirementForm(platinum.minWonRevenue(), platinum.minWonDeals(),
                    platinum.months(), 3L, platinum.version()), platinum.version());
            requirements.edit(PartnerTier.GOLD, new TierRequirements.RequirementForm(gold.minWonRevenue(), gold.minWonDeals(),
                    gold.months(), 2L, gold.version()), gold.version());
            return count;
        });
        log.info("Demo certifications recorded: {} for {} active partners; Gold asks for 2 certified people, Platinum for 3 (see /certifications)",
                recorded, partners.size());
    }

}
