package io.partnerpulse.partner;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may ask about partners: who can take leads, and what commission a partner earns. */
@Service
@Transactional(readOnly = true)
public class PartnerDirectory {

    /** An active partner that can take leads, with its tier's lead weight. */
    public record Candidate(long id, String name, PartnerTier tier, BigDecimal leadWeight, String country, String region) {
    }

    private final JdbcClient jdbc;

    PartnerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Candidate> activePartners() {
        return jdbc.sql("""
                select p.id, p.name, p.tier, t.lead_weight, p.country, p.region
                from partner p join partner_tier t on t.code = p.tier
                where p.status = 'ACTIVE' order by p.id""")
                .query(PartnerDirectory::candidate).list();
    }

    /**
     * The active partners one user may see: only {@code partner} when given (a partner user's own), else
     * those managed within {@code scope} when given (a scoped manager's), else all of them.
     */
    public List<Candidate> activePartners(Long partner, io.partnerpulse.shared.CurrentActor.OrgScope scope) {
        return jdbc.sql("""
                select p.id, p.name, p.tier, t.lead_weight, p.country, p.region
                from partner p join partner_tier t on t.code = p.tier
                where p.status = 'ACTIVE' and (cast(:partner as bigint) is null or p.id = :partner)
                  and (not :scoped or %s) order by p.id""".formatted(io.partnerpulse.shared.CurrentActor.OrgScope.ownerIn("p.partner_manager_id")))
                .param("partner", partner).param("scoped", scope != null)
                .param("scopeUnit", scope == null ? null : scope.businessUnitId())
                .param("scopeDepartment", scope == null ? null : scope.departmentId())
                .query(PartnerDirectory::candidate).list();
    }

    private static Candidate candidate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Candidate(rs.getLong(1), rs.getString(2), PartnerTier.valueOf(rs.getString(3)),
                rs.getBigDecimal(4), rs.getString(5).trim(), rs.getString(6));
    }

    /** The partner's commission rate: its own override, else its tier's default. */
    public Optional<BigDecimal> commissionRate(long partnerId) {
        return jdbc.sql("""
                select coalesce(p.commission_rate, t.default_commission_rate)
                from partner p join partner_tier t on t.code = p.tier where p.id = :id""")
                .param("id", partnerId).query(BigDecimal.class).optional();
    }

    /** Up to {@code limit} active partners of this tier other than {@code except}, by name: the peers to compare with. */
    public List<Candidate> peers(PartnerTier tier, long except, int limit) {
        return jdbc.sql("""
                select p.id, p.name, p.tier, t.lead_weight, p.country, p.region
                from partner p join partner_tier t on t.code = p.tier
                where p.status = 'ACTIVE' and p.tier = :tier and p.id <> :except order by p.name, p.id limit :limit""")
                .param("tier", tier.name()).param("except", except).param("limit", limit)
                .query(PartnerDirectory::candidate).list();
    }

    /** Partner names by id, for showing lists of records that name partners. */
    public java.util.Map<Long, String> names(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from partner where id = any(:ids)").param("ids", ids.stream().distinct().toArray(Long[]::new))
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    public Optional<PartnerStatus> status(long partnerId) {
        return jdbc.sql("select status from partner where id = :id").param("id", partnerId)
                .query(String.class).optional().map(PartnerStatus::valueOf);
    }
}
