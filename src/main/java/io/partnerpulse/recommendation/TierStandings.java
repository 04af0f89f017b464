package io.partnerpulse.recommendation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.kpi.Dimension;
import io.partnerpulse.kpi.KpiQuery;
import io.partnerpulse.kpi.KpiReport;
import io.partnerpulse.kpi.Kpis;
import io.partnerpulse.partner.Certifications;
import io.partnerpulse.partner.PartnerDirectory;
import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.TierRequirements;
import io.partnerpulse.partner.TierRequirements.Requirement;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.stereotype.Service;

/**
 * Where each active partner stands against the tier requirements: its won revenue and won deals over
 * each tier's window (ending today, from the KPIs, so within what the user may see) and its certified
 * people today, against its own tier's minimums and those of the tiers above it.
 */
@Service
public class TierStandings {

    /** QUALIFIES_HIGHER: meets a better tier's requirements; MEETS: its own tier's; BELOW: misses its own tier's. */
    public enum Status { QUALIFIES_HIGHER, MEETS, BELOW }

    /** A partner's won revenue and won deals over a window, and its certified people today. */
    public record Figures(BigDecimal wonRevenue, long wonDeals, long certifiedPeople) {
        static final Figures NONE = new Figures(BigDecimal.ZERO, 0, 0);

        Figures withCertifiedPeople(long people) {
            return new Figures(wonRevenue, wonDeals, people);
        }
    }

    /**
     * @param qualifiesFor the best tier above its own whose requirements it meets (QUALIFIES_HIGHER only)
     * @param wonRevenue   over its own tier's window, in the organization's currency
     * @param revenueShort what its own tier asks for beyond what it won (BELOW only, else zero)
     * @param dealsShort   the deals its own tier asks for beyond those it won (BELOW only, else zero)
     * @param peopleShort  the certified people its own tier asks for beyond those it has (BELOW only, else zero)
     * @param certifiedPeopleSoon its people whose certifications still hold {@link #SOON_DAYS} days from today
     */
    public record Standing(long partnerId, String partnerName, PartnerTier tier, Status status, PartnerTier qualifiesFor,
                           BigDecimal wonRevenue, long wonDeals, int months, BigDecimal requiredRevenue, long requiredDeals,
                           BigDecimal revenueShort, long dealsShort, long certifiedPeople, long requiredPeople, long peopleShort,
                           long certifiedPeopleSoon) {

        Standing withCertifiedPeopleSoon(long people) {
            return new Standing(partnerId, partnerName, tier, status, qualifiesFor, wonRevenue, wonDeals, months, requiredRevenue, requiredDeals,
                    revenueShort, dealsShort, certifiedPeople, requiredPeople, peopleShort, people);
        }

        /** Whether it has the certified people its tier asks for today, but will not once the certifications ending soon have ended. */
        public boolean certificationsLapsing() {
            return requiredPeople > 0 && certifiedPeople >= requiredPeople && certifiedPeopleSoon < requiredPeople;
        }
    }

    /** How far ahead the standings look at certifications ending (the certifications' own warning). */
    public static final int SOON_DAYS = Certifications.EXPIRING_WITHIN_DAYS;

    private final Kpis kpis;
    private final PartnerDirectory partners;
    private final TierRequirements requirements;
    private final OrganizationSettings organization;
    private final Clock clock;
    private final CurrentActor actor;
    private final Certifications certifications;

    TierStandings(Kpis kpis, PartnerDirectory partners, TierRequirements requirements, OrganizationSettings organization, Clock clock,
                  CurrentActor actor, Certifications certifications) {
        this.actor = actor;
        this.certifications = certifications;
        this.kpis = kpis;
        this.partners = partners;
        this.requirements = requirements;
        this.organization = organization;
        this.clock = clock;
    }

    /** Every active partner the user may see (or only {@code partnerId}), with its standing; {@code status} narrows them. */
    public List<Standing> standings(Long partnerId, Status status) {
        List<Requirement> ladder = requirements.list();
        LocalDate today = LocalDate.now(clock.withZone(organization.timeZone()));
        Map<Integer, Map<Long, Figures>> byWindow = new HashMap<>();
        for (Requirement r : ladder) {
            byWindow.computeIfAbsent(r.months(), months -> figures(today.minusMonths(months).plusDays(1), today.plusDays(1),
                    actor.partner().orElse(partnerId)));
        }
        List<Standing> found = new ArrayList<>();
        Long only = actor.partner().orElse(partnerId);
        if (partnerId != null && !partnerId.equals(only)) {
            actor.partnerFilter(List.of(partnerId));
        }
        List<PartnerDirectory.Candidate> active = partners.activePartners(only, actor.orgScope().orElse(null));
        List<Long> ids = active.stream().map(PartnerDirectory.Candidate::id).toList();
        Map<Long, Long> certified = certifications.certifiedPeople(ids, today);
        Map<Long, Long> certifiedSoon = certifications.certifiedPeople(ids, today.plusDays(SOON_DAYS));
        for (PartnerDirectory.Candidate partner : active) {
            long people = certified.getOrDefault(partner.id(), 0L);
            Standing now = classify(partner.id(), partner.name(), partner.tier(), ladder,
                    months -> byWindow.get(months).getOrDefault(partner.id(), Figures.NONE).withCertifiedPeople(people));
            Standing standing = now.withCertifiedPeopleSoon(certifiedSoon.getOrDefault(partner.id(), 0L));
            if (status == null || standing.status() == status) {
                found.add(standing);
            }
        }
        // those below their tier first (the furthest below first), then those above it (the most revenue first), then the rest by name
        found.sort(java.util.Comparator.comparing((Standing t) -> t.status() == Status.BELOW ? 0 : t.status() == Status.QUALIFIES_HIGHER ? 1 : 2)
                .thenComparing(t -> t.status() == Status.BELOW ? t.revenueShort().negate() : t.wonRevenue().negate())
                .thenComparing(t -> -t.dealsShort()).thenComparing(t -> -t.peopleShort()).thenComparing(Standing::partnerName)
                .thenComparing(Standing::partnerId));
        return found;
    }

    /** The standing in words: "Qualifies for Gold", "Meets its tier", "Below its tier: $1,200, 2 deals and 1 certified person short". */
    public static String said(Standing s, org.springframework.context.MessageSource messages, io.partnerpulse.shared.Format format,
                              java.util.Locale locale) {
        return switch (s.status()) {
            case QUALIFIES_HIGHER -> messages.getMessage("tiers.qualifies",
                    new Object[] {messages.getMessage("tier." + s.qualifiesFor().name(), null, locale)}, locale);
            case MEETS -> messages.getMessage("tiers.meets", null, locale);
            case BELOW -> {
                List<String> short_ = new ArrayList<>();
                if (s.revenueShort().signum() > 0) {
                    short_.add(format.money(s.revenueShort()));
                }
                if (s.dealsShort() > 0) {
                    short_.add(messages.getMessage("tiers.short.deals", new Object[] {s.dealsShort()}, locale));
                }
                if (s.peopleShort() > 0) {
                    short_.add(messages.getMessage("tiers.short.people", new Object[] {s.peopleShort()}, locale));
                }
                String last = short_.remove(short_.size() - 1);
                String all = short_.isEmpty() ? last : messages.getMessage("tiers.short.and",
                        new Object[] {String.join(messages.getMessage("tiers.short.comma", null, locale), short_), last}, locale);
                yield messages.getMessage("tiers.below", new Object[] {all}, locale);
            }
        };
    }

    /**
     * A partner's standing: the best tier above its own whose minimums it reaches (revenue, deals and
     * certified people, each at least the minimum) qualifies it higher; else its own tier's decide
     * whether it meets it.
     */
    static Standing classify(long id, String name, PartnerTier tier, List<Requirement> ladder, java.util.function.IntFunction<Figures> over) {
        Requirement own = ladder.stream().filter(r -> r.tier() == tier).findFirst().orElseThrow();
        PartnerTier higher = null;
        for (Requirement r : ladder) {
            if (r.rank() < own.rank() && meets(over.apply(r.months()), r)) {
                higher = r.tier();
                break;
            }
        }
        Figures figures = over.apply(own.months());
        boolean meets = meets(figures, own);
        Status status = higher != null ? Status.QUALIFIES_HIGHER : meets ? Status.MEETS : Status.BELOW;
        BigDecimal revenueShort = meets ? BigDecimal.ZERO : own.minWonRevenue().subtract(figures.wonRevenue()).max(BigDecimal.ZERO);
        long dealsShort = meets ? 0 : Math.max(0, own.minWonDeals() - figures.wonDeals());
        long peopleShort = meets ? 0 : Math.max(0, own.minCertifiedPeople() - figures.certifiedPeople());
        return new Standing(id, name, tier, status, higher, figures.wonRevenue(), figures.wonDeals(), own.months(), own.minWonRevenue(),
                own.minWonDeals(), revenueShort, dealsShort, figures.certifiedPeople(), own.minCertifiedPeople(), peopleShort,
                figures.certifiedPeople());
    }

    private static boolean meets(Figures figures, Requirement r) {
        return figures.wonRevenue().compareTo(r.minWonRevenue()) >= 0 && figures.wonDeals() >= r.minWonDeals()
                && figures.certifiedPeople() >= r.minCertifiedPeople();
    }

    /** Won revenue and deals per partner from {@code from} to {@code to} (exclusive), as the KPIs count them for this user. */
    private Map<Long, Figures> figures(LocalDate from, LocalDate to, Long partnerId) {
        KpiQuery query = KpiQuery.of(from, to).withGroupBy(Dimension.PARTNER);
        if (partnerId != null) {
            query = query.withFilters(Map.of(Dimension.PARTNER, List.of(partnerId.toString())));
        }
        Map<Long, Figures> byPartner = new HashMap<>();
        for (KpiReport.Group g : kpis.report(query).groups()) {
            try {
                byPartner.put(Long.parseLong(g.key()), new Figures(g.kpis().wonRevenue().value(), g.kpis().dealCount().value(), 0));
            } catch (NumberFormatException e) {
                // the group of deals without a partner
            }
        }
        return byPartner;
    }
}
