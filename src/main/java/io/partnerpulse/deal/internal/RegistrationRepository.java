package io.partnerpulse.deal.internal;

import static io.partnerpulse.deal.internal.OpportunityRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.partnerpulse.deal.RegistrationOutcome;
import io.partnerpulse.deal.RegistrationView;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deal registrations in plain SQL. */
@Repository
public class RegistrationRepository {

    private static final String COLUMNS = """
            r.id, r.external_id, r.partner_id, r.opportunity_id, r.lead_id, r.account_id, r.product_line_id, r.customer_name,
            r.estimated_amount, r.currency, r.submitted_at, r.expires_at, r.decided_at, r.decided_by, r.outcome, r.reason,
            r.conflicting_registration_id, r.conflicting_opportunity_id, r.flagged, r.version""";

    private final JdbcClient jdbc;

    RegistrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RegistrationView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from deal_registration r where r.id = :id").param("id", id)
                .query(RegistrationRepository::view).optional();
    }

    Optional<RegistrationView> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from deal_registration r where r.id = :id for update").param("id", id)
                .query(RegistrationRepository::view).optional();
    }

    /**
     * Serializes submissions for one customer and product line until the transaction ends, so that of
     * two submissions of the same deal at the same moment the second sees the first.
     */
    void lockClaim(Long accountId, String customerName, Long productLineId) {
        String key = (accountId != null ? "account:" + accountId : "customer:" + normalized(customerName)) + "/product:" + productLineId;
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query().singleValue();
    }

    /** A live registration of another partner for the same customer and product line, submitted since {@code since}. */
    Optional<RegistrationView> conflictingRegistration(long partnerId, Long accountId, String customerName, Long productLineId,
                                                       Instant since) {
        return jdbc.sql("select " + COLUMNS + """
                 from deal_registration r
                where r.partner_id <> :partner and r.outcome in ('PENDING', 'APPROVED') and r.submitted_at >= :since
                  and r.product_line_id is not distinct from :product
                  and (r.account_id = :account or (:account::bigint is null and lower(trim(r.customer_name)) = :customer))
                order by r.submitted_at, r.id limit 1""")
                .param("partner", partnerId).param("since", utc(since)).param("product", productLineId)
                .param("account", accountId).param("customer", normalized(customerName))
                .query(RegistrationRepository::view).optional();
    }

    /** An open opportunity for the same account and product line that is not this partner's. */
    Optional<Long> conflictingOpportunity(long partnerId, Long accountId, Long productLineId) {
        if (accountId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id from opportunity
                where account_id = :account and product_line_id is not distinct from :product and closed_at is null
                  and partner_id is distinct from :partner
                order by created_at, id limit 1""")
                .param("account", accountId).param("product", productLineId).param("partner", partnerId)
                .query(Long.class).optional();
    }

    long insert(RegistrationView r) {
        return jdbc.sql("""
                insert into deal_registration (external_id, partner_id, opportunity_id, lead_id, account_id, product_line_id, customer_name,
                                               estimated_amount, currency, submitted_at, expires_at, decided_at, decided_by,
                                               outcome, reason, conflicting_registration_id, conflicting_opportunity_id, flagged)
                values (:externalId, :partner, :opportunity, :lead, :account, :product, :customer, :amount, :currency, :submitted,
                        :expires, :decided, :decidedBy, :outcome, :reason, :conflictRegistration, :conflictOpportunity, :flagged)
                returning id""")
                .param("externalId", r.externalId()).param("partner", r.partnerId()).param("opportunity", r.opportunityId())
                .param("lead", r.leadId()).param("account", r.accountId()).param("product", r.productLineId()).param("customer", r.customerName())
                .param("amount", r.estimatedAmount()).param("currency", r.currency()).param("submitted", utc(r.submittedAt()))
                .param("expires", utc(r.expiresAt())).param("decided", utc(r.decidedAt())).param("decidedBy", r.decidedBy())
                .param("outcome", r.outcome().name()).param("reason", r.reason())
                .param("conflictRegistration", r.conflictingRegistrationId()).param("conflictOpportunity", r.conflictingOpportunityId())
                .param("flagged", r.flagged()).query(Long.class).single();
    }

    /** Records a decision on a pending registration read at {@code version}; false if it changed meanwhile. */
    boolean decide(long id, long version, RegistrationOutcome outcome, Instant at, String by, String reason, Long opportunityId) {
        return jdbc.sql("""
                update deal_registration
                   set outcome = :outcome, decided_at = :at, decided_by = :by, reason = coalesce(:reason, reason),
                       opportunity_id = coalesce(:opportunity, opportunity_id), version = version + 1
                 where id = :id and version = :version and outcome = 'PENDING'""")
                .param("outcome", outcome.name()).param("at", utc(at)).param("by", by).param("reason", reason)
                .param("opportunity", opportunityId).param("id", id).param("version", version).update() == 1;
    }

    /** Pending registrations past their expiry, locked, skipping any another instance is deciding. */
    List<RegistrationView> lockExpired(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from deal_registration r where r.outcome = 'PENDING' and r.expires_at <= :now
                order by r.expires_at, r.id limit :limit for update skip locked""")
                .param("now", utc(now)).param("limit", limit).query(RegistrationRepository::view).list();
    }

    public record Filter(List<Long> partnerIds, List<RegistrationOutcome> outcomes, Boolean flagged, Long opportunityId,
                         Instant submittedFrom, Instant submittedTo, String q) {

        public Filter withPartners(List<Long> partners) {
            return new Filter(partners, outcomes, flagged, opportunityId, submittedFrom, submittedTo, q);
        }
    }

    public Page<RegistrationView> list(Filter f, io.partnerpulse.shared.CurrentActor.OrgScope scope, String sort, int page, int size) {
        return ListQuery.from("select " + COLUMNS + " from deal_registration r")
                .inScope(scope, "(r.opportunity_id in (select o.id from opportunity o where "
                        + io.partnerpulse.shared.CurrentActor.OrgScope.ownerIn("o.owner_id") + ") or r.partner_id in (select p.id from partner p where "
                        + io.partnerpulse.shared.CurrentActor.OrgScope.ownerIn("p.partner_manager_id") + "))")
                .where("r.partner_id = any(:partners)", "partners", f.partnerIds() == null ? null : f.partnerIds().toArray(Long[]::new))
                .where("r.outcome = any(:outcomes)", "outcomes", f.outcomes() == null || f.outcomes().isEmpty() ? null
                        : f.outcomes().stream().filter(java.util.Objects::nonNull).map(Enum::name).toArray(String[]::new))
                .where("r.flagged = :flagged", "flagged", f.flagged())
                .where("r.opportunity_id = :opportunity", "opportunity", f.opportunityId())
                .where("r.submitted_at >= :submittedFrom", "submittedFrom", utc(f.submittedFrom()))
                .where("r.submitted_at < :submittedTo", "submittedTo", utc(f.submittedTo()))
                .search("r.customer_name", f.q())
                .sort(sort, Map.of("submittedAt", "r.submitted_at", "expiresAt", "r.expires_at", "customerName", "r.customer_name",
                        "outcome", "r.outcome"), "r.submitted_at desc", "r.id")
                .page(jdbc, page, size, RegistrationRepository::view);
    }

    static String normalized(String name) {
        return name == null ? null : name.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    static RegistrationView view(ResultSet rs, int row) throws SQLException {
        return new RegistrationView(rs.getLong("id"), rs.getString("external_id"), rs.getLong("partner_id"),
                (Long) rs.getObject("opportunity_id"), (Long) rs.getObject("lead_id"), (Long) rs.getObject("account_id"), (Long) rs.getObject("product_line_id"),
                rs.getString("customer_name"), rs.getBigDecimal("estimated_amount"),
                rs.getString("currency") == null ? null : rs.getString("currency").trim(),
                rs.getTimestamp("submitted_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(), rs.getString("decided_by"),
                RegistrationOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                (Long) rs.getObject("conflicting_registration_id"), (Long) rs.getObject("conflicting_opportunity_id"),
                rs.getBoolean("flagged"), rs.getLong("version"));
    }
}
