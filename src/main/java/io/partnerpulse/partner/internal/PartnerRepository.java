package io.partnerpulse.partner.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.partnerpulse.partner.PartnerHistoryView;
import io.partnerpulse.partner.PartnerStatus;
import io.partnerpulse.partner.PartnerTier;
import io.partnerpulse.partner.PartnerView;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners, their status and tier history, in plain SQL. */
@Repository
public class PartnerRepository {

    private static final String SELECT = """
            select p.id, p.external_id, p.name, p.tier, p.status, p.status_changed_at, p.country, p.region, p.city,
                   p.commission_rate, coalesce(p.commission_rate, t.default_commission_rate) as effective_rate,
                   p.partner_manager_id, p.joined_on, p.distributor, p.distributor_id, p.version
            from partner p join partner_tier t on t.code = p.tier""";

    private final JdbcClient jdbc;

    PartnerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PartnerView> find(long id) {
        return jdbc.sql(SELECT + " where p.id = :id").param("id", id).query(PartnerRepository::view).optional();
    }

    public Optional<PartnerView> lock(long id) {
        return jdbc.sql(SELECT + " where p.id = :id for update of p").param("id", id).query(PartnerRepository::view).optional();
    }

    public long insert(String externalId, String name, PartnerTier tier, Instant now, String country, String region, String city,
                       java.math.BigDecimal rate, Long manager, LocalDate joinedOn, String by) {
        long id = jdbc.sql("""
                insert into partner (external_id, name, tier, status, status_changed_at, country, region, city, commission_rate,
                                     partner_manager_id, joined_on)
                values (:externalId, :name, :tier, 'PROSPECT', :now, :country, :region, :city, :rate, :manager, :joined)
                returning id""")
                .param("externalId", externalId).param("name", name).param("tier", tier.name()).param("now", utc(now))
                .param("country", country).param("region", region).param("city", city).param("rate", rate)
                .param("manager", manager).param("joined", joinedOn).query(Long.class).single();
        recordStatus(id, PartnerStatus.PROSPECT, now, by, "Created");
        recordTier(id, null, tier, now, by, "Joined the program");
        return id;
    }

    /** Applies an edit made at {@code version}; false when the row changed meanwhile. */
    public boolean update(long id, long version, String externalId, String name, String country, String region, String city,
                          java.math.BigDecimal rate, Long manager, LocalDate joinedOn) {
        return jdbc.sql("""
                update partner set external_id = :externalId, name = :name, country = :country, region = :region, city = :city,
                       commission_rate = :rate, partner_manager_id = :manager, joined_on = :joined, version = version + 1
                where id = :id and version = :version""")
                .param("externalId", externalId).param("name", name).param("country", country).param("region", region)
                .param("city", city).param("rate", rate).param("manager", manager).param("joined", joinedOn)
                .param("id", id).param("version", version).update() == 1;
    }

    public boolean changeStatus(long id, long version, PartnerStatus status, Instant at, String by, String note) {
        boolean changed = jdbc.sql("update partner set status = :s, status_changed_at = :at, version = version + 1 where id = :id and version = :v")
                .param("s", status.name()).param("at", utc(at)).param("id", id).param("v", version).update() == 1;
        if (changed) {
            recordStatus(id, status, at, by, note);
        }
        return changed;
    }

    public boolean changeTier(long id, long version, PartnerTier from, PartnerTier to, Instant at, String by, String reason) {
        boolean changed = jdbc.sql("update partner set tier = :t, version = version + 1 where id = :id and version = :v")
                .param("t", to.name()).param("id", id).param("v", version).update() == 1;
        if (changed) {
            recordTier(id, from, to, at, by, reason);
        }
        return changed;
    }

    private void recordStatus(long id, PartnerStatus status, Instant at, String by, String note) {
        jdbc.sql("insert into partner_status_change (partner_id, status, changed_at, changed_by, note) values (:p, :s, :at, :by, :n)")
                .param("p", id).param("s", status.name()).param("at", utc(at)).param("by", by).param("n", note).update();
    }

    private void recordTier(long id, PartnerTier from, PartnerTier to, Instant at, String by, String reason) {
        jdbc.sql("insert into partner_tier_change (partner_id, from_tier, to_tier, changed_at, changed_by, reason) values (:p, :f, :t, :at, :by, :r)")
                .param("p", id).param("f", from == null ? null : from.name()).param("t", to.name()).param("at", utc(at))
                .param("by", by).param("r", reason).update();
    }

    public List<PartnerHistoryView> history(long id) {
        return jdbc.sql("""
                select 'STATUS' as kind, lag(status) over (order by changed_at, id) as from_value, status as to_value,
                       changed_at, changed_by, note from partner_status_change where partner_id = :id
                union all
                select 'TIER', from_tier, to_tier, changed_at, changed_by, reason from partner_tier_change where partner_id = :id
                order by changed_at, kind""").param("id", id)
                .query((rs, n) -> new PartnerHistoryView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6))).list();
    }

    /** {@code distributorId}: the resellers of that distributor only. */
    public record Filter(List<PartnerTier> tiers, List<PartnerStatus> statuses, String country, String region, Long managerId, String q,
                         Long distributorId) {

        public Filter(List<PartnerTier> tiers, List<PartnerStatus> statuses, String country, String region, Long managerId, String q) {
            this(tiers, statuses, country, region, managerId, q, null);
        }
    }

    public Page<PartnerView> list(Filter f, io.partnerpulse.shared.CurrentActor.OrgScope scope, String sort, int page, int size) {
        return ListQuery.from(SELECT)
                .inScope(scope, io.partnerpulse.shared.CurrentActor.OrgScope.ownerIn("p.partner_manager_id"))
                .where("p.tier = any(:tiers)", "tiers", f.tiers() == null || f.tiers().isEmpty() ? null : f.tiers().stream().filter(java.util.Objects::nonNull).map(Enum::name).toArray(String[]::new))
                .where("p.status = any(:statuses)", "statuses", f.statuses() == null || f.statuses().isEmpty() ? null
                        : f.statuses().stream().filter(java.util.Objects::nonNull).map(Enum::name).toArray(String[]::new))
                .where("p.country = :country", "country", f.country())
                .where("p.region = :region", "region", f.region())
                .where("p.partner_manager_id = :manager", "manager", f.managerId())
                .where("p.distributor_id = :distributor", "distributor", f.distributorId())
                .search("p.name", f.q())
                .sort(sort, Map.of("name", "p.name", "tier", "t.rank", "status", "p.status", "joinedOn", "p.joined_on",
                        "country", "p.country"), "p.name", "p.id")
                .page(jdbc, page, size, PartnerRepository::view);
    }

    /**
     * Sets whether the partner is a distributor and the distributor it buys through, at
     * {@code version}; false when the row changed meanwhile. The caller has checked the two tiers.
     */
    public boolean setDistribution(long id, long version, boolean distributor, Long distributorId) {
        return jdbc.sql("update partner set distributor = :d, distributor_id = :by, version = version + 1 where id = :id and version = :v")
                .param("d", distributor).param("by", distributorId).param("id", id).param("v", version).update() == 1;
    }

    /** The distributors not terminated (id and name), by name, that a scoped manager's {@code scope} holds (null: all). */
    public Map<Long, String> distributors(io.partnerpulse.shared.CurrentActor.OrgScope scope) {
        Map<Long, String> names = new java.util.LinkedHashMap<>();
        ListQuery.from(SELECT)
                .inScope(scope, io.partnerpulse.shared.CurrentActor.OrgScope.ownerIn("p.partner_manager_id"))
                .where("p.distributor = :distributor", "distributor", true)
                .where("p.status <> :terminated", "terminated", PartnerStatus.TERMINATED.name())
                .sort("name", Map.of("name", "p.name"), "p.name", "p.id")
                .page(jdbc, 0, 500, PartnerRepository::view).items().forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    /** How many partners buy through this one. */
    public long resellerCount(long distributorId) {
        return jdbc.sql("select count(*) from partner where distributor_id = :id").param("id", distributorId).query(Long.class).single();
    }

    public Optional<String> defaultRegion(String country) {
        return jdbc.sql("select default_region from country where code = :c").param("c", country).query(String.class).optional();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static PartnerView view(ResultSet rs, int n) throws SQLException {
        return new PartnerView(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
                PartnerTier.valueOf(rs.getString("tier")), PartnerStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("status_changed_at").toInstant(), rs.getString("country").trim(), rs.getString("region"),
                rs.getString("city"), rs.getBigDecimal("commission_rate"), rs.getBigDecimal("effective_rate"),
                (Long) rs.getObject("partner_manager_id"), rs.getObject("joined_on", LocalDate.class), rs.getBoolean("distributor"),
                (Long) rs.getObject("distributor_id"), rs.getLong("version"));
    }
}
