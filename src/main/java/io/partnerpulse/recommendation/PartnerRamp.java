package io.partnerpulse.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.OrganizationSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How fast partners start selling after they join: for each partner the days from its joining to its
 * first lead, its first deal registration and its first won deal (days in the organization's time
 * zone; a first that came before the joining, history imported from elsewhere, counts as day 0), and
 * per quarter of joining how many got that far and how fast. It reads the leads', registrations' and
 * deals' tables, as the KPIs do; a partner user sees its own partner, a scoped manager the partners
 * managed in its unit or department.
 */
@Service
public class PartnerRamp {

    /** A partner's way to its first sale. The days are null for what has not happened yet. */
    public record Ramp(long partnerId, String partnerName, String tier, String status, LocalDate joinedOn, LocalDate firstLeadOn,
                       LocalDate firstRegistrationOn, LocalDate firstWonOn, Integer daysToFirstLead, Integer daysToFirstRegistration,
                       Integer daysToFirstWon, long daysSinceJoined) {
    }

    /**
     * The partners that joined in a quarter: how many, how many registered a deal and won one (and which share), and
     * the median days to the first won deal of those that won one.
     */
    public record Cohort(String quarter, LocalDate from, LocalDate to, int partners, int registered, int won, BigDecimal registeredShare,
                         BigDecimal wonShare, Integer medianDaysToFirstWon) {
    }

    private final JdbcClient jdbc;
    private final CurrentActor actor;
    private final OrganizationSettings organization;
    private final Clock clock;

    PartnerRamp(JdbcClient jdbc, CurrentActor actor, OrganizationSettings organization, Clock clock) {
        this.jdbc = jdbc;
        this.actor = actor;
        this.organization = organization;
        this.clock = clock;
    }

    /** The partners the user may see (or only {@code partnerId}) that joined in [joinedFrom, joinedTo) (either may be null), latest joined first. */
    public List<Ramp> ramps(Long partnerId, LocalDate joinedFrom, LocalDate joinedTo) {
        Long only = actor.partner().orElse(partnerId);
        if (partnerId != null && !partnerId.equals(only)) {
            actor.partnerFilter(List.of(partnerId)); // another partner's: 403
        }
        LocalDate today = LocalDate.now(clock.withZone(organization.timeZone()));
        io.partnerpulse.shared.ListQuery.Filtered query = io.partnerpulse.shared.ListQuery.from("""
                        select p.id, p.name, p.tier, p.status, p.joined_on,
                               (select min(l.created_at) from lead l where l.partner_id = p.id) as first_lead,
                               (select min(r.submitted_at) from deal_registration r where r.partner_id = p.id) as first_registration,
                               (select min(o.closed_at) from opportunity o where o.partner_id = p.id and o.stage = 'WON') as first_won
                        from partner p""")
                .where("p.id = :partner", "partner", only)
                .where("p.joined_on >= :joinedFrom", "joinedFrom", joinedFrom)
                .where("p.joined_on < :joinedTo", "joinedTo", joinedTo)
                .inScope(actor.orgScope().orElse(null), CurrentActor.OrgScope.ownerIn("p.partner_manager_id"))
                .filtered();
        return jdbc.sql(query.sql() + " order by p.joined_on desc, p.id desc").params(query.params())
                .query((rs, n) -> {
                    LocalDate joined = rs.getObject("joined_on", LocalDate.class);
                    LocalDate lead = day(rs.getTimestamp("first_lead"));
                    LocalDate registration = day(rs.getTimestamp("first_registration"));
                    LocalDate won = day(rs.getTimestamp("first_won"));
                    return new Ramp(rs.getLong("id"), rs.getString("name"), rs.getString("tier"), rs.getString("status"), joined, lead,
                            registration, won, days(joined, lead), days(joined, registration), days(joined, won),
                            Math.max(0, ChronoUnit.DAYS.between(joined, today)));
                }).list();
    }

    /** The quarters of joining in [joinedFrom, joinedTo), latest first, with how far their partners got. */
    public List<Cohort> cohorts(LocalDate joinedFrom, LocalDate joinedTo) {
        Map<LocalDate, List<Ramp>> byQuarter = new LinkedHashMap<>();
        for (Ramp ramp : ramps(null, joinedFrom, joinedTo)) {
            LocalDate quarter = LocalDate.of(ramp.joinedOn().getYear(), ((ramp.joinedOn().getMonthValue() - 1) / 3) * 3 + 1, 1);
            byQuarter.computeIfAbsent(quarter, q -> new ArrayList<>()).add(ramp);
        }
        List<Cohort> cohorts = new ArrayList<>();
        byQuarter.forEach((quarter, ramps) -> {
            int registered = (int) ramps.stream().filter(r -> r.firstRegistrationOn() != null).count();
            List<Integer> toWon = ramps.stream().map(Ramp::daysToFirstWon).filter(d -> d != null).sorted().toList();
            cohorts.add(new Cohort(quarter.getYear() + "-Q" + ((quarter.getMonthValue() - 1) / 3 + 1), quarter, quarter.plusMonths(3),
                    ramps.size(), registered, toWon.size(), share(registered, ramps.size()), share(toWon.size(), ramps.size()), median(toWon)));
        });
        return cohorts;
    }

    /**
     * The partners, active or onboarding, that joined at least {@code days} ago and have won nothing yet (or only
     * {@code partnerId}, if it is one of them), longest waiting first.
     */
    public List<Ramp> slow(Long partnerId, int days) {
        return slow(partnerId, days, null, null);
    }

    /** The same, of the partners that joined in [joinedFrom, joinedTo) (either may be null). */
    public List<Ramp> slow(Long partnerId, int days, LocalDate joinedFrom, LocalDate joinedTo) {
        return ramps(partnerId, joinedFrom, joinedTo).stream()
                .filter(r -> r.firstWonOn() == null && r.daysSinceJoined() >= days && (r.status().equals("ACTIVE") || r.status().equals("ONBOARDING")))
                .sorted(Comparator.comparingLong(Ramp::daysSinceJoined).reversed().thenComparing(Ramp::partnerId))
                .toList();
    }

    private LocalDate day(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant().atZone(organization.timeZone()).toLocalDate();
    }

    private static Integer days(LocalDate joined, LocalDate first) {
        return first == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(joined, first));
    }

    private static BigDecimal share(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
    }

    /** The middle value; of an even number, the lower of the two middle ones' mean rounded down (days are whole). */
    static Integer median(List<Integer> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
