package io.partnerpulse.lead.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.partnerpulse.lead.AssignmentView;
import io.partnerpulse.lead.LeadStatus;
import io.partnerpulse.lead.LeadView;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leads and their assignments, in plain SQL. */
@Repository
public class LeadRepository {

    private static final String COLUMNS = """
            l.id, l.external_id, l.created_at, l.contact_name, l.company_name, l.email, l.channel_id, l.campaign_id,
            l.partner_id, l.owner_id, l.country, l.region, l.city, l.status, l.status_changed_at, l.disqualified_reason,
            l.converted_at, (select o.id from opportunity o where o.lead_id = l.id) as opportunity_id, l.version""";

    private final JdbcClient jdbc;

    LeadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LeadView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from lead l where l.id = :id").param("id", id).query(LeadRepository::view).optional();
    }

    Optional<Lead> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from lead l where l.id = :id for update of l").param("id", id)
                .query(LeadRepository::view).optional().map(Lead::restore);
    }

    long insert(Lead lead) {
        return jdbc.sql("""
                insert into lead (external_id, created_at, contact_name, company_name, email, channel_id, campaign_id, partner_id,
                                  owner_id, country, region, city, status, status_changed_at)
                values (:externalId, :createdAt, :contact, :company, :email, :channel, :campaign, :partner, :owner, :country,
                        :region, :city, :status, :statusChangedAt)
                returning id""").params(params(lead)).query(Long.class).single();
    }

    void update(Lead lead, long expectedVersion) {
        if (lead.version() != expectedVersion) {
            throw ApiError.staleVersion("lead", lead.id(), expectedVersion);
        }
        int rows = jdbc.sql("""
                update lead set external_id = :externalId, contact_name = :contact, company_name = :company, email = :email,
                       channel_id = :channel, campaign_id = :campaign, partner_id = :partner, owner_id = :owner,
                       country = :country, region = :region, city = :city, status = :status,
                       status_changed_at = :statusChangedAt, disqualified_reason = :reason, converted_at = :convertedAt,
                       version = version + 1
                where id = :id and version = :version""")
                .params(params(lead)).param("reason", lead.disqualifiedReason()).param("convertedAt", utc(lead.convertedAt()))
                .param("id", lead.id()).param("version", expectedVersion).update();
        if (rows == 0) {
            throw ApiError.staleVersion("lead", lead.id(), expectedVersion);
        }
    }

    void recordAssignment(long leadId, long partnerId, Instant at, String by, String reason) {
        jdbc.sql("insert into lead_assignment (lead_id, partner_id, assigned_at, assigned_by, reason) values (:l, :p, :at, :by, :r)")
                .param("l", leadId).param("p", partnerId).param("at", utc(at)).param("by", by).param("r", reason).update();
    }

    public List<AssignmentView> assignments(long leadId) {
        return jdbc.sql("""
                select a.lead_id, a.partner_id, p.name, a.reason, a.assigned_at from lead_assignment a join partner p on p.id = a.partner_id
                where a.lead_id = :l order by a.assigned_at, a.id""").param("l", leadId)
                .query((rs, n) -> new AssignmentView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** Unassigned new or qualified leads, oldest first, locked and skipping any another instance is routing. */
    List<Long> lockUnassigned(List<Long> only, int limit) {
        return jdbc.sql("""
                select id from lead where partner_id is null and status in ('NEW', 'QUALIFIED')
                  and (cast(:only as bigint[]) is null or id = any(:only))
                order by created_at, id limit :limit for update skip locked""")
                .param("only", only == null || only.isEmpty() ? null : only.toArray(Long[]::new)).param("limit", limit)
                .query(Long.class).list();
    }

    /** Open (new or qualified) leads per partner. */
    Map<Long, Integer> openLeadsByPartner() {
        Map<Long, Integer> open = new HashMap<>();
        jdbc.sql("select partner_id, count(*) from lead where partner_id is not null and status in ('NEW', 'QUALIFIED') group by partner_id")
                .query(rs -> {
                    open.put(rs.getLong(1), rs.getInt(2));
                });
        return open;
    }

    public record Filter(List<Long> partnerIds, Long ownerId, List<LeadStatus> statuses, Long channelId, Long campaignId,
                         String country, Boolean unassigned, Instant createdFrom, Instant createdTo, String q) {

        public Filter withPartners(List<Long> partners) {
            return new Filter(partners, ownerId, statuses, channelId, campaignId, country, unassigned, createdFrom, createdTo, q);
        }
    }

    public Page<LeadView> list(Filter f, io.partnerpulse.shared.CurrentActor.OrgScope scope, String sort, int page, int size) {
        return ListQuery.from("select " + COLUMNS + " from lead l")
                .inScope(scope, io.partnerpulse.shared.CurrentActor.OrgScope.ownerIn("l.owner_id"))
                .where("l.partner_id = any(:partners)", "partners", f.partnerIds() == null ? null : f.partnerIds().toArray(Long[]::new))
                .where("l.owner_id = :owner", "owner", f.ownerId())
                .where("l.status = any(:statuses)", "statuses", f.statuses() == null || f.statuses().isEmpty() ? null
                        : f.statuses().stream().filter(java.util.Objects::nonNull).map(Enum::name).toArray(String[]::new))
                .where("l.channel_id = :channel", "channel", f.channelId())
                .where("l.campaign_id = :campaign", "campaign", f.campaignId())
                .where("l.country = :country", "country", f.country())
                .whereIf(Boolean.TRUE.equals(f.unassigned()), "l.partner_id is null")
                .where("l.created_at >= :createdFrom", "createdFrom", utc(f.createdFrom()))
                .where("l.created_at < :createdTo", "createdTo", utc(f.createdTo()))
                .search("coalesce(l.company_name, '') || ' ' || coalesce(l.contact_name, '') || ' ' || coalesce(l.email, '') || ' ' || coalesce(l.external_id, '')", f.q())
                .sort(sort, Map.of("createdAt", "l.created_at", "companyName", "l.company_name", "status", "l.status",
                        "country", "l.country"), "l.created_at desc", "l.id")
                .page(jdbc, page, size, LeadRepository::view);
    }

    private static Map<String, Object> params(Lead l) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", l.externalId());
        p.put("createdAt", utc(l.createdAt()));
        p.put("contact", l.contactName());
        p.put("company", l.companyName());
        p.put("email", l.email());
        p.put("channel", l.channelId());
        p.put("campaign", l.campaignId());
        p.put("partner", l.partnerId());
        p.put("owner", l.ownerId());
        p.put("country", l.country());
        p.put("region", l.region());
        p.put("city", l.city());
        p.put("status", l.status().name());
        p.put("statusChangedAt", utc(l.statusChangedAt()));
        return p;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static LeadView view(ResultSet rs, int row) throws SQLException {
        return new LeadView(rs.getLong("id"), rs.getString("external_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("contact_name"), rs.getString("company_name"), rs.getString("email"),
                (Long) rs.getObject("channel_id"), (Long) rs.getObject("campaign_id"), (Long) rs.getObject("partner_id"),
                (Long) rs.getObject("owner_id"), rs.getString("country") == null ? null : rs.getString("country").trim(),
                rs.getString("region"), rs.getString("city"), LeadStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_changed_at").toInstant(), rs.getString("disqualified_reason"),
                rs.getTimestamp("converted_at") == null ? null : rs.getTimestamp("converted_at").toInstant(),
                (Long) rs.getObject("opportunity_id"), rs.getLong("version"));
    }
}
