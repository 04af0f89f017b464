package io.partnerpulse.fund.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.partnerpulse.currency.ExchangeRates;
import io.partnerpulse.fund.ClaimStatus;
import io.partnerpulse.fund.FundRecords.AllocationForm;
import io.partnerpulse.fund.FundRecords.AllocationView;
import io.partnerpulse.fund.FundRecords.CampaignChoice;
import io.partnerpulse.fund.FundRecords.ClaimView;
import io.partnerpulse.fund.FundRecords.DocumentContent;
import io.partnerpulse.fund.FundRecords.DocumentView;
import io.partnerpulse.fund.FundRecords.FundReturn;
import io.partnerpulse.fund.FundRecords.RequestForm;
import io.partnerpulse.fund.FundRecords.RequestView;
import io.partnerpulse.fund.FundRecords.Totals;
import io.partnerpulse.fund.RequestStatus;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor.OrgScope;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fund tables in SQL: each view reads its record with what has been done with it (approved,
 * claimed, paid), joined to its partner so that a manager's scope (the partner's manager) can filter it.
 */
@Component
public class FundStore {

    /** The filters every fund list takes; a null is no filter. {@code year} keeps the allocations overlapping it. */
    public record Filter(Long partnerId, Integer year, Long allocationId, Long requestId, String status) {
    }

    private static final String ALLOCATIONS = """
            select a.id, a.partner_id, a.period_start, a.period_end, a.amount, a.currency, a.note,
                   coalesce(r.approved, 0), coalesce(c.claimed, 0), coalesce(c.paid, 0), a.amount - coalesce(r.approved, 0), a.version
            from fund_allocation a
            join partner p on p.id = a.partner_id
            left join lateral (select sum(q.approved_amount) as approved from fund_request q
                               where q.allocation_id = a.id and q.status = 'APPROVED') r on true
            left join lateral (select sum(x.amount) filter (where x.status <> 'REJECTED') as claimed,
                                      sum(x.amount) filter (where x.status = 'PAID') as paid
                               from fund_claim x join fund_request q on q.id = x.request_id where q.allocation_id = a.id) c on true""";

    private static final String REQUESTS = """
            select q.id, q.allocation_id, q.partner_id, q.activity, q.description, q.campaign_id, q.starts_on, q.ends_on,
                   q.requested_amount, q.approved_amount, a.currency, q.status, q.submitted_at, q.submitted_by, q.decided_at,
                   q.decided_by, q.reason,
                   coalesce((select sum(x.amount) from fund_claim x where x.request_id = q.id and x.status <> 'REJECTED'), 0), q.version
            from fund_request q
            join fund_allocation a on a.id = q.allocation_id
            join partner p on p.id = q.partner_id""";

    private static final String CLAIMS = """
            select x.id, x.request_id, x.partner_id, x.amount, a.currency, x.proof, x.status, x.submitted_at, x.submitted_by,
                   x.decided_at, x.decided_by, x.reason, x.paid_on, x.payment_reference, x.version
            from fund_claim x
            join fund_request q on q.id = x.request_id
            join fund_allocation a on a.id = q.allocation_id
            join partner p on p.id = x.partner_id""";

    /** An amount in the base currency: at the rate of {@code day} (the latest one on or before it). */
    private static String inBase(String amount, String currency, String day) {
        return amount + " * coalesce((select r.rate_to_base from exchange_rate r where r.currency = " + currency
                + " and r.rate_date <= " + day + " order by r.rate_date desc limit 1), case when " + currency + " = :base then 1 end)";
    }

    /**
     * What each approved request's campaign brought back. Deals are the campaign's of the request's
     * partner; won revenue at the rate of the day won (in the organization's time zone), open pipeline and
     * paid claims at the rates of today and of the day paid.
     */
    private static final String RETURNS = """
            select q.id, q.partner_id, p.name, q.activity, q.campaign_id, q.ends_on,
                   (select count(*) from lead l where l.campaign_id = q.campaign_id and l.partner_id = q.partner_id),
                   coalesce(w.deals, 0), coalesce(w.revenue, 0), coalesce(o.pipeline, 0), coalesce(pd.paid, 0)
            from fund_request q
            join fund_allocation a on a.id = q.allocation_id
            join partner p on p.id = q.partner_id
            left join lateral (select count(*) as deals, round(sum(%s), 2) as revenue from opportunity d
                               where d.campaign_id = q.campaign_id and d.partner_id = q.partner_id and d.stage = 'WON') w on true
            left join lateral (select round(sum(%s), 2) as pipeline from opportunity d
                               where d.campaign_id = q.campaign_id and d.partner_id = q.partner_id and d.closed_at is null) o on true
            left join lateral (select round(sum(%s), 2) as paid from fund_claim x where x.request_id = q.id and x.status = 'PAID') pd on true"""
            .formatted(inBase("d.amount", "d.currency", "cast(d.closed_at at time zone :zone as date)"),
                    inBase("d.amount", "d.currency", ":today"), inBase("x.amount", "a.currency", "x.paid_on"));

    private final JdbcClient jdbc;
    private final ExchangeRates exchangeRates;

    FundStore(JdbcClient jdbc, ExchangeRates exchangeRates) {
        this.jdbc = jdbc;
        this.exchangeRates = exchangeRates;
    }

    /**
     * {@code column}, an amount in the allocation's currency, as the list sorts it: by its worth in the
     * base currency when sorted by {@code field} ({@link ExchangeRates#sortable}), so that funds of
     * several currencies sort by what they are worth, not by their figures.
     */
    private String sortable(ListQuery query, String sort, String field, String column) {
        return exchangeRates.sortable(query, sort, field, column, "a.currency");
    }

    // ----- reading

    public Optional<AllocationView> allocation(long id) {
        return jdbc.sql(ALLOCATIONS + " where a.id = :id").param("id", id).query(FundStore::allocation).optional();
    }

    public Optional<RequestView> request(long id) {
        return jdbc.sql(REQUESTS + " where q.id = :id").param("id", id).query(FundStore::request).optional();
    }

    public Optional<ClaimView> claim(long id) {
        return jdbc.sql(CLAIMS + " where x.id = :id").param("id", id).query(FundStore::claim).optional();
    }

    public Page<AllocationView> allocations(Filter f, OrgScope scope, String sort, int page, int size) {
        ListQuery query = filtered(ListQuery.from(ALLOCATIONS), "a", f, scope)
                .where("a.id = :allocation", "allocation", f.allocationId());
        return query.sort(sort, Map.of("periodStart", "a.period_start", "amount", sortable(query, sort, "amount", "a.amount"),
                                "partnerId", "a.partner_id"),
                        "a.period_start desc", "a.id")
                .page(jdbc, page, size, FundStore::allocation);
    }

    public Page<RequestView> requests(Filter f, OrgScope scope, String sort, int page, int size) {
        ListQuery query = filtered(ListQuery.from(REQUESTS), "a", f, scope)
                .where("q.allocation_id = :allocation", "allocation", f.allocationId())
                .where("q.id = :request", "request", f.requestId())
                .where("q.status = :status", "status", f.status());
        return query.sort(sort, Map.of("submittedAt", "q.submitted_at",
                                "requestedAmount", sortable(query, sort, "requestedAmount", "q.requested_amount"), "startsOn", "q.starts_on"),
                        "(q.status = 'SUBMITTED') desc, q.submitted_at desc", "q.id")
                .page(jdbc, page, size, FundStore::request);
    }

    public Page<ClaimView> claims(Filter f, OrgScope scope, String sort, int page, int size) {
        ListQuery query = filtered(ListQuery.from(CLAIMS), "a", f, scope)
                .where("q.allocation_id = :allocation", "allocation", f.allocationId())
                .where("x.request_id = :request", "request", f.requestId())
                .where("x.status = :status", "status", f.status());
        return query.sort(sort, Map.of("submittedAt", "x.submitted_at", "amount", sortable(query, sort, "amount", "x.amount"),
                                "paidOn", "x.paid_on"),
                        "(x.status = 'SUBMITTED') desc, (x.status = 'APPROVED') desc, x.submitted_at desc", "x.id")
                .page(jdbc, page, size, FundStore::claim);
    }

    /** @param endedFrom, endedBefore when given, only the activities whose last day falls from one to before the other */
    public Page<FundReturn> returns(Filter f, OrgScope scope, Rates rates, LocalDate endedFrom, LocalDate endedBefore, int page, int size) {
        return filtered(ListQuery.from(RETURNS), "a", f, scope)
                .where("q.allocation_id = :allocation", "allocation", f.allocationId())
                .where("q.id = :request", "request", f.requestId())
                .where("q.ends_on >= :endedFrom", "endedFrom", endedFrom)
                .where("q.ends_on < :endedBefore", "endedBefore", endedBefore)
                .whereIf(true, "q.status = 'APPROVED'")
                .bind("base", rates.base()).bind("zone", rates.zone()).bind("today", rates.today())
                .sort(null, Map.of(), "coalesce(w.revenue, 0) desc, q.submitted_at desc", "q.id")
                .page(jdbc, page, size, (rs, n) -> {
                    BigDecimal revenue = rs.getBigDecimal(9);
                    BigDecimal paid = rs.getBigDecimal(11);
                    return new FundReturn(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5),
                            rs.getObject(6, LocalDate.class), rs.getLong(7), rs.getLong(8), revenue, rs.getBigDecimal(10), paid, roi(revenue, paid));
                });
    }

    /** The base currency, the organization's time zone (the day a deal was won) and today, for amounts in the base currency. */
    public record Rates(String base, String zone, LocalDate today) {
    }

    /** The allocations a filter keeps, as the lists keep them (partner, year, a manager's scope). */
    private static final String CHOSEN = "select a.id, a.partner_id, a.amount, a.currency from fund_allocation a join partner p on p.id = a.partner_id";

    private static final String TOTALS = """
            with chosen as (%%s),
            funded as (select distinct q.partner_id, q.campaign_id from fund_request q join chosen a on a.id = q.allocation_id
                       where q.status = 'APPROVED' and q.campaign_id is not null),
            won as (select d.amount, d.currency, d.closed_at from funded f
                    join opportunity d on d.campaign_id = f.campaign_id and d.partner_id = f.partner_id where d.stage = 'WON')
            select (select round(coalesce(sum(%s), 0), 2) from chosen a),
                   (select round(coalesce(sum(%s), 0), 2) from fund_request q join chosen a on a.id = q.allocation_id where q.status = 'APPROVED'),
                   (select round(coalesce(sum(%s), 0), 2) from fund_claim x join fund_request q on q.id = x.request_id
                    join chosen a on a.id = q.allocation_id where x.status <> 'REJECTED'),
                   (select round(coalesce(sum(%s), 0), 2) from fund_claim x join fund_request q on q.id = x.request_id
                    join chosen a on a.id = q.allocation_id where x.status = 'PAID'),
                   (select count(*) from funded), (select count(*) from won d),
                   (select round(coalesce(sum(%s), 0), 2) from won d)""".formatted(inBase("a.amount", "a.currency", ":today"),
            inBase("q.approved_amount", "a.currency", ":today"), inBase("x.amount", "a.currency", ":today"),
            inBase("x.amount", "a.currency", "x.paid_on"), inBase("d.amount", "d.currency", "cast(d.closed_at at time zone :zone as date)"));

    /** The funds of the allocations the filter keeps (its partner and year), in the base currency. */
    public Totals totals(Filter f, OrgScope scope, Rates rates) {
        ListQuery.Filtered chosen = filtered(ListQuery.from(CHOSEN), "a", f, scope).filtered();
        Map<String, Object> p = new HashMap<>(chosen.params());
        p.put("base", rates.base());
        p.put("zone", rates.zone());
        p.put("today", rates.today());
        return jdbc.sql(TOTALS.formatted(chosen.sql())).params(p).query((rs, n) -> {
            BigDecimal allocated = rs.getBigDecimal(1);
            BigDecimal approved = rs.getBigDecimal(2);
            BigDecimal paid = rs.getBigDecimal(4);
            BigDecimal revenue = rs.getBigDecimal(7);
            return new Totals(allocated, approved, rs.getBigDecimal(3), paid, allocated.subtract(approved), rs.getLong(5), rs.getLong(6),
                    revenue, roi(revenue, paid));
        }).single();
    }

    /** (revenue − paid) ÷ paid, to four places; empty when nothing was paid. */
    public static BigDecimal roi(BigDecimal revenue, BigDecimal paid) {
        return paid.signum() == 0 ? null : revenue.subtract(paid).divide(paid, 4, java.math.RoundingMode.HALF_UP);
    }

    private static ListQuery filtered(ListQuery query, String allocation, Filter f, OrgScope scope) {
        return query.where(allocation + ".partner_id = :partner", "partner", f.partnerId())
                .where(allocation + ".period_end > make_date(:year, 1, 1) and " + allocation + ".period_start < make_date(:year + 1, 1, 1)",
                        "year", f.year())
                .inScope(scope, OrgScope.ownerIn("p.partner_manager_id"));
    }

    // ----- writing

    public long insertAllocation(AllocationForm form) {
        return jdbc.sql("""
                insert into fund_allocation (partner_id, period_start, period_end, amount, currency, note)
                values (:partner, :start, :end, :amount, :currency, :note) returning id""")
                .params(allocationParams(form)).query(Long.class).single();
    }

    public boolean updateAllocation(long id, long version, AllocationForm form) {
        return jdbc.sql("""
                update fund_allocation set period_start = :start, period_end = :end, amount = :amount, currency = :currency,
                       note = :note, version = version + 1
                where id = :id and version = :version""")
                .params(allocationParams(form)).param("id", id).param("version", version).update() == 1;
    }

    public boolean deleteAllocation(long id, long version) {
        return jdbc.sql("delete from fund_allocation where id = :id and version = :version").param("id", id).param("version", version).update() == 1;
    }

    /** Locks the allocation until the transaction ends (requests are approved against it one at a time). */
    public void lockAllocation(long id) {
        jdbc.sql("select id from fund_allocation where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(() -> ApiError.notFound("fund-allocation", id));
    }

    public boolean hasRequests(long allocationId) {
        return jdbc.sql("select exists (select 1 from fund_request where allocation_id = :id)").param("id", allocationId)
                .query(Boolean.class).single();
    }

    /** The earliest and latest activity days of the allocation's live requests (empty when it has none). */
    public Optional<LocalDate[]> requestSpan(long allocationId) {
        return jdbc.sql("""
                select min(starts_on), max(starts_on) from fund_request where allocation_id = :id and status in ('SUBMITTED', 'APPROVED')
                having count(*) > 0""").param("id", allocationId)
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)}).optional();
    }

    /** Whether the campaign is a co-marketing campaign of the partner. */
    public boolean campaignOf(long campaignId, long partnerId) {
        return jdbc.sql("select exists (select 1 from campaign where id = :c and partner_id = :p)").param("c", campaignId)
                .param("p", partnerId).query(Boolean.class).single();
    }

    public long insertRequest(RequestForm form, long partnerId, Instant now, String by) {
        return jdbc.sql("""
                insert into fund_request (allocation_id, partner_id, activity, description, campaign_id, starts_on, ends_on,
                                          requested_amount, status, submitted_at, submitted_by)
                values (:allocation, :partner, :activity, :description, :campaign, :start, :end, :amount, 'SUBMITTED', :now, :by)
                returning id""")
                .param("allocation", form.allocationId()).param("partner", partnerId).param("activity", form.activity().trim())
                .param("description", blankToNull(form.description())).param("campaign", form.campaignId())
                .param("start", form.startsOn()).param("end", form.endsOn()).param("amount", form.requestedAmount())
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).param("by", by).query(Long.class).single();
    }

    public Optional<FundRequest> lockRequest(long id) {
        return jdbc.sql("select id, status, requested_amount, approved_amount, reason from fund_request where id = :id for update")
                .param("id", id).query((rs, n) -> new FundRequest(rs.getLong(1), RequestStatus.valueOf(rs.getString(2)),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5))).optional();
    }

    public boolean saveRequest(FundRequest next, long version, Instant now, String by) {
        return jdbc.sql("""
                update fund_request set status = :status, approved_amount = :approved, reason = :reason, decided_at = :now,
                       decided_by = :by, version = version + 1
                where id = :id and version = :version""")
                .param("status", next.status().name()).param("approved", next.approvedAmount()).param("reason", next.reason())
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).param("by", by).param("id", next.id())
                .param("version", version).update() == 1;
    }

    public long insertClaim(long requestId, long partnerId, BigDecimal amount, String proof, Instant now, String by) {
        return jdbc.sql("""
                insert into fund_claim (request_id, partner_id, amount, proof, status, submitted_at, submitted_by)
                values (:request, :partner, :amount, :proof, 'SUBMITTED', :now, :by) returning id""")
                .param("request", requestId).param("partner", partnerId).param("amount", amount).param("proof", proof.trim())
                .param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).param("by", by).query(Long.class).single();
    }

    public Optional<FundClaim> lockClaim(long id) {
        return jdbc.sql("select id, status, reason, paid_on, payment_reference from fund_claim where id = :id for update")
                .param("id", id).query((rs, n) -> new FundClaim(rs.getLong(1), ClaimStatus.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getString(5))).optional();
    }

    /** Writes a claim's new state; a decision records when and by whom, a payment keeps the approval's. */
    public boolean saveClaim(FundClaim next, long version, Instant now, String by) {
        return jdbc.sql("""
                update fund_claim set status = :status, reason = :reason, paid_on = :paidOn, payment_reference = :reference,
                       decided_at = coalesce(decided_at, :now), decided_by = coalesce(decided_by, :by), version = version + 1
                where id = :id and version = :version""")
                .param("status", next.status().name()).param("reason", next.reason()).param("paidOn", next.paidOn())
                .param("reference", next.paymentReference()).param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .param("by", by).param("id", next.id()).param("version", version).update() == 1;
    }

    /** The co-marketing campaigns of a partner (or of every partner, when null), newest first, at most {@code limit}. */
    public List<CampaignChoice> campaigns(Long partnerId, int limit) {
        return jdbc.sql("""
                select k.id, k.name, k.partner_id from campaign k
                where k.partner_id is not null and (cast(:partner as bigint) is null or k.partner_id = :partner)
                order by k.starts_on desc, k.id desc limit :limit""")
                .param("partner", partnerId).param("limit", limit)
                .query((rs, n) -> new CampaignChoice(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    // ----- the files that prove a claim

    private static final String DOCUMENTS = """
            select d.id, d.claim_id, d.file_name, d.content_type, d.size_bytes, d.sha256, d.uploaded_at, d.uploaded_by
            from fund_claim_document d""";

    public long insertDocument(long claimId, String fileName, String contentType, byte[] content, String sha256, Instant now, String by) {
        return jdbc.sql("""
                insert into fund_claim_document (claim_id, file_name, content_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
                values (:claim, :name, :type, :size, :sha, :content, :now, :by) returning id""")
                .param("claim", claimId).param("name", fileName).param("type", contentType).param("size", content.length)
                .param("sha", sha256).param("content", content).param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .param("by", by).query(Long.class).single();
    }

    /** The files of these claims, by claim, oldest first. */
    public Map<Long, List<DocumentView>> documents(java.util.Collection<Long> claimIds) {
        Map<Long, List<DocumentView>> byClaim = new HashMap<>();
        if (claimIds.isEmpty()) {
            return byClaim;
        }
        jdbc.sql(DOCUMENTS + " where d.claim_id in (:claims) order by d.claim_id, d.id").param("claims", claimIds)
                .query(FundStore::document).list()
                .forEach(d -> byClaim.computeIfAbsent(d.claimId(), k -> new java.util.ArrayList<>()).add(d));
        return byClaim;
    }

    public Optional<DocumentContent> document(long claimId, long documentId) {
        return jdbc.sql(DOCUMENTS.replace("d.uploaded_by", "d.uploaded_by, d.content") + " where d.claim_id = :claim and d.id = :id")
                .param("claim", claimId).param("id", documentId)
                .query((rs, n) -> new DocumentContent(document(rs, n), rs.getBytes(9))).optional();
    }

    private static DocumentView document(ResultSet rs, int n) throws SQLException {
        return new DocumentView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6).trim(),
                instant(rs, 7), rs.getString(8));
    }

    /** The partners' manager, for a manager's scope. */
    public Long partnerManager(long partnerId) {
        return jdbc.sql("select partner_manager_id from partner where id = :p").param("p", partnerId).query(Long.class).optional().orElse(null);
    }

    private static Map<String, Object> allocationParams(AllocationForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("partner", form.partnerId());
        p.put("start", form.periodStart());
        p.put("end", form.periodEnd());
        p.put("amount", form.amount());
        p.put("currency", form.currency());
        p.put("note", blankToNull(form.note()));
        return p;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static AllocationView allocation(ResultSet rs, int n) throws SQLException {
        return new AllocationView(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                rs.getBigDecimal(5), rs.getString(6).trim(), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
                rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getLong(12));
    }

    private static RequestView request(ResultSet rs, int n) throws SQLException {
        return new RequestView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), (Long) rs.getObject(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getBigDecimal(9), rs.getBigDecimal(10),
                rs.getString(11).trim(), RequestStatus.valueOf(rs.getString(12)), instant(rs, 13), rs.getString(14), instant(rs, 15),
                rs.getString(16), rs.getString(17), rs.getBigDecimal(18), rs.getLong(19));
    }

    private static ClaimView claim(ResultSet rs, int n) throws SQLException {
        return new ClaimView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), rs.getString(5).trim(), rs.getString(6),
                ClaimStatus.valueOf(rs.getString(7)), instant(rs, 8), rs.getString(9), instant(rs, 10), rs.getString(11),
                rs.getString(12), rs.getObject(13, LocalDate.class), rs.getString(14), rs.getLong(15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
