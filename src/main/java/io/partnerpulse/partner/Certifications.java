package io.partnerpulse.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.RecordTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The certifications partners' people hold: recorded and removed by channel staff (for a partner they
 * see), read by everyone who sees the partner (a partner user its own partner's only). A tier may ask
 * for so many <em>certified people</em>: the partner's people holding at least one certification valid
 * on the day, each counted once by name (case and spaces folded).
 */
@Service
@Transactional
public class Certifications {

    /** A certification ending within this many days is listed as expiring. */
    public static final int EXPIRING_WITHIN_DAYS = 60;

    private static final String SELECT = """
            select c.id, c.partner_id, p.name as partner_name, c.person_name, c.email, c.name, c.earned_on, c.expires_on,
                   c.created_by, c.created_at, c.version
            from certification c join partner p on p.id = c.partner_id""";
    private static final Map<String, String> SORTABLE = Map.of("expiresOn", "c.expires_on", "earnedOn", "c.earned_on",
            "personName", "lower(c.person_name)", "name", "lower(c.name)", "partner", "lower(p.name)");

    /**
     * The list's default order: those still valid, ending soonest first (those without an end after
     * them), then the expired ones, the most recently ended first.
     */
    private static final String NEEDING_ATTENTION_FIRST = """
            coalesce(c.expires_on <= :today, false),
            case when c.expires_on <= :today then :today - c.expires_on else c.expires_on - :today end""";

    private final JdbcClient jdbc;
    private final RecordTable<Certification> table;
    private final PartnerManagement partners;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final OrganizationSettings organization;
    private final Clock clock;

    Certifications(JdbcClient jdbc, PartnerManagement partners, AuditTrail audit, CurrentActor actor, OrganizationSettings organization,
                   Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.audit = audit;
        this.actor = actor;
        this.organization = organization;
        this.clock = clock;
        this.table = new RecordTable<>(jdbc, "certification", SELECT, "c.id", Certifications::row)
                .audited((action, entity, id, before, after) -> audit.record(actor.name(), action, entity, id, before, after));
    }

    /** Today in the organization's time zone: the day validity is judged on. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(organization.timeZone()));
    }

    /**
     * The certifications the user may see: of one partner or all (a partner user its own partner's, a
     * scoped manager those of the partners its people manage), of one status today, whose person or
     * certification holds {@code q}; by default the valid ones ending soonest first, then the expired ones.
     */
    @Transactional(readOnly = true)
    public Page<Certification> list(Long partnerId, Certification.Status status, String q, String sort, int page, int size) {
        if (partnerId != null) {
            partners.get(partnerId);
        }
        List<Long> only = actor.partnerFilter(partnerId == null ? null : List.of(partnerId));
        LocalDate today = today();
        return table.list(query -> query
                        .where("c.partner_id = any(:partners)", "partners", only == null ? null : only.toArray(Long[]::new))
                        .inScope(actor.orgScope().orElse(null), CurrentActor.OrgScope.ownerIn("p.partner_manager_id"))
                        .where(statusCondition(status), "today", status == null ? null : today)
                        .bind("soon", today.plusDays(EXPIRING_WITHIN_DAYS)).bind("today", today)
                        .search("c.person_name || ' ' || c.name || ' ' || coalesce(c.email, '')", q),
                sort, SORTABLE, NEEDING_ATTENTION_FIRST, page, size);
    }

    private static String statusCondition(Certification.Status status) {
        if (status == null) {
            return "true";
        }
        return switch (status) {
            case VALID -> "c.earned_on <= :today and (c.expires_on is null or c.expires_on > :soon)";
            case EXPIRING -> "c.earned_on <= :today and c.expires_on > :today and c.expires_on <= :soon";
            case EXPIRED -> "(c.expires_on <= :today or c.earned_on > :today)";
        };
    }

    @Transactional(readOnly = true)
    public Certification get(long id) {
        Certification found = table.get(id);
        actor.requireOwn(found.partnerId(), "certification", id);
        if (actor.orgScope().isPresent()) {
            try {
                partners.get(found.partnerId());
            } catch (ApiError e) {
                throw ApiError.notFound("certification", id);
            }
        }
        return found;
    }

    /** Records a certification of one of a partner's people (staff, for a partner they see). */
    public Certification add(Certification.Form form) {
        actor.requireStaff();
        try {
            partners.get(form.partnerId());
        } catch (ApiError e) {
            // a partner the user does not see reads as missing, and the request names it
            throw ApiError.invalid("partnerId", "there is no partner with id " + form.partnerId(), "problem.field.no-record", form.partnerId());
        }
        LocalDate today = today();
        List<ApiError.FieldProblem> problems = new java.util.ArrayList<>();
        if (form.earnedOn().isAfter(today)) {
            problems.add(ApiError.FieldProblem.saying("earnedOn", "must not be after today", "problem.field.future"));
        }
        if (form.expiresOn() != null && !form.expiresOn().isAfter(form.earnedOn())) {
            problems.add(ApiError.FieldProblem.saying("expiresOn", "must be after the day it was earned", "problem.certification.expires"));
        }
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        Map<String, Object> params = new HashMap<>();
        params.put("partner", form.partnerId());
        params.put("person", form.personName().strip());
        params.put("email", form.email() == null || form.email().isBlank() ? null : form.email().strip());
        params.put("name", form.name().strip());
        params.put("earned", form.earnedOn());
        params.put("expires", form.expiresOn());
        params.put("by", actor.name());
        return table.create("""
                insert into certification (partner_id, person_name, email, name, earned_on, expires_on, created_by)
                values (:partner, :person, :email, :name, :earned, :expires, :by) returning id""", params);
    }

    /** Removes one recorded by mistake, at the version read (staff). */
    public void remove(long id, long version) {
        actor.requireStaff();
        get(id);
        table.remove(id, version, "certification");
    }

    /** The names of the certifications recorded so far, most held first (at most 200), for a form to offer. */
    @Transactional(readOnly = true)
    public List<String> names() {
        return jdbc.sql("select name from certification group by name order by count(*) desc, name limit 200").query(String.class).list();
    }

    /**
     * The certified people of each partner on {@code day}: its people with at least one certification
     * valid that day, each counted once by name; partners with none are absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> certifiedPeople(Collection<Long> partnerIds, LocalDate day) {
        Map<Long, Long> counts = new HashMap<>();
        if (partnerIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                select partner_id, count(distinct lower(regexp_replace(btrim(person_name), '\\s+', ' ', 'g')))
                from certification
                where partner_id = any(:partners) and earned_on <= :day and (expires_on is null or expires_on > :day)
                group by partner_id""")
                .param("partners", partnerIds.toArray(Long[]::new)).param("day", day)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    private static Certification row(ResultSet rs, int n) throws SQLException {
        return new Certification(rs.getLong("id"), rs.getLong("partner_id"), rs.getString("partner_name"), rs.getString("person_name"),
                rs.getString("email"), rs.getString("name"), rs.getObject("earned_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
    }
}
