package io.partnerpulse.partner;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public partner directory and each partner's listing in it. The channel team lists or unlists a
 * partner; the partner's users (and the team) write its website and summary. The directory shows the
 * active, listed partners to anyone, with their tier, place, website, summary and the certifications
 * their people hold today (never a person's name, nor anything of their deals).
 */
@Service
@Transactional
public class PartnerListings {

    /** A website: http or https, no spaces or markup characters. */
    private static final java.util.regex.Pattern WEBSITE = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    private final JdbcClient jdbc;
    private final PartnerManagement partners;
    private final AuditTrail audit;
    private final CurrentActor actor;
    private final OrganizationSettings organization;
    private final Clock clock;

    PartnerListings(JdbcClient jdbc, PartnerManagement partners, AuditTrail audit, CurrentActor actor, OrganizationSettings organization,
                    Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.audit = audit;
        this.actor = actor;
        this.organization = organization;
        this.clock = clock;
    }

    /** A partner's listing, for someone who sees the partner (a partner user its own). */
    @Transactional(readOnly = true)
    public PartnerListing get(long partnerId) {
        partners.get(partnerId);
        return jdbc.sql("select partner_id, listed, website, summary, version from partner_listing where partner_id = :id")
                .param("id", partnerId)
                .query((rs, n) -> new PartnerListing(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .optional().orElse(new PartnerListing(partnerId, false, null, null, 0));
    }

    /**
     * Changes a listing at the version read: the website and summary (empty clears them; left out keeps
     * them) by the partner's users or the team; whether it is listed by the team only.
     */
    public PartnerListing change(long partnerId, PartnerListing.Form form, long version) {
        PartnerListing before = get(partnerId);
        if (form.listed() != null && form.listed() != before.listed() && actor.partner().isPresent()) {
            throw new ApiError(HttpStatus.FORBIDDEN, "listing.listed-by-team", "Forbidden",
                    "The channel team decides which partners the directory lists; a partner writes its website and summary.", Map.of());
        }
        String website = form.website() == null ? before.website() : blankToNull(form.website());
        String summary = form.summary() == null ? before.summary() : blankToNull(form.summary());
        List<ApiError.FieldProblem> problems = new java.util.ArrayList<>();
        if (website != null && (website.length() > 300 || !WEBSITE.matcher(website).matches())) {
            problems.add(ApiError.FieldProblem.saying("website", "must be a web address starting with https:// or http://",
                    "problem.listing.website"));
        }
        if (summary != null && summary.length() > 1000) {
            problems.add(ApiError.FieldProblem.saying("summary", "must be at most 1,000 characters", "problem.listing.summary"));
        }
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems);
        }
        boolean listed = form.listed() == null ? before.listed() : form.listed();
        jdbc.sql("insert into partner_listing (partner_id, updated_by) values (:id, :by) on conflict do nothing")
                .param("id", partnerId).param("by", actor.name()).update();
        int changed = jdbc.sql("""
                        update partner_listing set listed = :listed, website = :website, summary = :summary, updated_by = :by,
                               updated_at = now(), version = version + 1
                        where partner_id = :id and version = :version""")
                .param("listed", listed).param("website", website).param("summary", summary).param("by", actor.name())
                .param("id", partnerId).param("version", version).update();
        if (changed == 0) {
            throw ApiError.staleVersion("partner-listing", partnerId, version);
        }
        PartnerListing after = get(partnerId);
        audit.record(actor.name(), "partner.listing-changed", "partner", partnerId, before, after);
        return after;
    }

    /**
     * The directory: active, listed partners whose name, place or summary holds {@code q}, of one
     * country and one tier when asked, the better tiers first and then by name. Anyone may read it.
     */
    @Transactional(readOnly = true)
    public Page<PartnerListing.Entry> directory(String q, String country, PartnerTier tier, int page, int size) {
        LocalDate today = LocalDate.now(clock.withZone(organization.timeZone()));
        return ListQuery.from("""
                        select p.id, p.name, p.tier, p.country, p.region, p.city, l.website, l.summary, t.rank,
                               array(select distinct c.name from certification c where c.partner_id = p.id and c.earned_on <= :today
                                       and (c.expires_on is null or c.expires_on > :today) order by 1) as certifications
                        from partner p join partner_listing l on l.partner_id = p.id join partner_tier t on t.code = p.tier""")
                .bind("today", today)
                .whereIf(true, "l.listed and p.status = 'ACTIVE'")
                .where("p.country = :country", "country", country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT))
                .where("p.tier = :tier", "tier", tier == null ? null : tier.name())
                .search("p.name || ' ' || coalesce(p.city, '') || ' ' || p.region || ' ' || coalesce(l.summary, '')", q)
                .sort(null, Map.of(), "t.rank asc, lower(p.name) asc", "p.id")
                .page(jdbc, page, size, (rs, n) -> new PartnerListing.Entry(rs.getLong("id"), rs.getString("name"),
                        PartnerTier.valueOf(rs.getString("tier")), rs.getString("country"), rs.getString("region"), rs.getString("city"),
                        rs.getString("website"), rs.getString("summary"), List.of((String[]) rs.getArray("certifications").getArray())));
    }

    /** The countries of the listed partners, for the directory's choice. */
    @Transactional(readOnly = true)
    public List<String> countries() {
        return jdbc.sql("""
                select distinct p.country from partner p join partner_listing l on l.partner_id = p.id
                where l.listed and p.status = 'ACTIVE' order by 1""").query(String.class).list();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
