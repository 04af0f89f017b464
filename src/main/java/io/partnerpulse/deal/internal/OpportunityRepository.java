package io.partnerpulse.deal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.partnerpulse.currency.ExchangeRates;
import io.partnerpulse.deal.OpportunityView;
import io.partnerpulse.deal.Stage;
import io.partnerpulse.deal.StageChangeView;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.SqlParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opportunities and their stage history, in plain SQL. */
@Repository
public class OpportunityRepository {

    static final String COLUMNS = """
            o.id, o.external_id, o.name, o.account_id, o.partner_id, o.owner_id, o.lead_id, o.channel_id, o.campaign_id,
            o.product_line_id, o.country, o.region, o.city, o.amount, o.currency, o.stage, o.created_at, o.closed_at,
            o.expected_close_on, o.lost_reason, o.competitor, o.version""";

    private final JdbcClient jdbc;
    private final ExchangeRates exchangeRates;
    private final io.partnerpulse.shared.OrganizationSettings organization;

    OpportunityRepository(JdbcClient jdbc, ExchangeRates exchangeRates, io.partnerpulse.shared.OrganizationSettings organization) {
        this.jdbc = jdbc;
        this.exchangeRates = exchangeRates;
        this.organization = organization;
    }

    /**
     * A deal's worth: its amount in the base currency at today's rates ({@link ExchangeRates#today}),
     * what "largest first" sorts by and a column of the board adds up. An open deal's worth is what the
     * KPIs count it at; a closed one's revenue the KPIs convert at the rate of its close day, but the
     * list sorts all at one day's rates. A million deals (the API's first page, sorted): by the figure
     * 0.13 s, by worth so 0.37–0.44 s; with each deal's rate of its own day (looked up per currency and
     * day, remembered) it took 1.2 s (measured here). Binds the rates into {@code query}; the expression
     * reads deals {@code o}.
     */
    private static String worth(ListQuery query, ExchangeRates.Worth rates) {
        rates.bind(query);
        return rates.of("o.amount", "o.currency");
    }

    public Optional<OpportunityView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from opportunity o where o.id = :id").param("id", id)
                .query(OpportunityRepository::view).optional();
    }

    /** Reads and locks the row for the rest of the transaction (the read before a change). */
    public Optional<OpportunityView> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from opportunity o where o.id = :id for update").param("id", id)
                .query(OpportunityRepository::view).optional();
    }

    /** Inserts the new opportunity and its first stage; the row as written. */
    OpportunityView insert(Opportunity o) {
        return jdbc.sql("""
                with o as (
                    insert into opportunity as o (external_id, name, account_id, partner_id, owner_id, lead_id, channel_id, campaign_id,
                                                  product_line_id, country, region, city, amount, currency, stage, created_at,
                                                  expected_close_on)
                    values (:externalId, :name, :account, :partner, :owner, :lead, :channel, :campaign, :productLine, :country,
                            :region, :city, :amount, :currency, :stage, :createdAt, :expected)
                    returning\s""" + COLUMNS + ")" + WRITE_CHANGES + " select * from o")
                .params(params(o)).params(changes(o)).param("lead", SqlParams.id(o.leadId())).param("createdAt", utc(o.createdAt()))
                .query(OpportunityRepository::view).single();
    }

    /** Writes the changes made at {@code expectedVersion}; a 409 if someone else changed it since. The row as written. */
    OpportunityView update(Opportunity o, long expectedVersion) {
        if (o.version() != expectedVersion) {
            throw ApiError.staleVersion("opportunity", o.id(), expectedVersion);
        }
        return jdbc.sql("""
                with o as (update opportunity o set external_id = :externalId, name = :name, account_id = :account, partner_id = :partner,
                       owner_id = :owner, channel_id = :channel, campaign_id = :campaign, product_line_id = :productLine,
                       country = :country, region = :region, city = :city, amount = :amount, currency = :currency,
                       stage = :stage, closed_at = :closedAt, expected_close_on = :expected, lost_reason = :lostReason,
                       competitor = :competitor, version = o.version + 1
                where o.id = :id and o.version = :version
                returning\s""" + COLUMNS + ")" + WRITE_CHANGES + " select * from o")
                .params(params(o)).params(changes(o)).param("closedAt", SqlParams.instant(o.closedAt()))
                .param("lostReason", SqlParams.text(o.lostReason())).param("competitor", SqlParams.text(o.competitor()))
                .param("id", o.id()).param("version", expectedVersion)
                .query(OpportunityRepository::view).optional()
                .orElseThrow(() -> ApiError.staleVersion("opportunity", o.id(), expectedVersion));
    }

    /**
     * The stage changes a write made, inserted by the same statement as the deal's row (one round
     * trip, one statement fewer per write): none when the row was not written (a stale version).
     */
    private static final String WRITE_CHANGES = """
            , h as (
                insert into stage_change (opportunity_id, from_stage, to_stage, changed_at, changed_by)
                select o.id, c.from_stage, c.to_stage, c.changed_at, c.changed_by
                from o, unnest(cast(:froms as text[]), cast(:tos as text[]), cast(:ats as timestamptz[]), cast(:bys as text[]))
                        as c (from_stage, to_stage, changed_at, changed_by))""";

    /** The changes as four arrays of one length (always arrays, so the statement stays prepared). */
    private static Map<String, Object> changes(Opportunity o) {
        List<Opportunity.Change> changes = o.changes();
        String[] froms = new String[changes.size()];
        String[] tos = new String[changes.size()];
        String[] ats = new String[changes.size()];
        String[] bys = new String[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            Opportunity.Change change = changes.get(i);
            froms[i] = change.from() == null ? null : change.from().name();
            tos[i] = change.to().name();
            ats[i] = change.at().toString();
            bys[i] = change.by();
        }
        return Map.of("froms", froms, "tos", tos, "ats", ats, "bys", bys);
    }

    public List<StageChangeView> history(long id) {
        return jdbc.sql("""
                select id, from_stage, to_stage, changed_at, changed_by from stage_change
                where opportunity_id = :id order by changed_at, id""").param("id", id)
                .query((rs, n) -> new StageChangeView(rs.getLong(1), rs.getString(2) == null ? null : Stage.valueOf(rs.getString(2)),
                        Stage.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5))).list();
    }

    /** @param pastExpectedClose true: only open deals whose expected close is before today (in the organization's zone) */
    public record Filter(List<Long> partnerIds, Long ownerId, List<Stage> stages, Boolean open, Long accountId, Long leadId,
                         Instant createdFrom, Instant createdTo, Instant closedFrom, Instant closedTo, String q, Boolean pastExpectedClose) {

        public Filter(List<Long> partnerIds, Long ownerId, List<Stage> stages, Boolean open, Long accountId, Long leadId,
                      Instant createdFrom, Instant createdTo, Instant closedFrom, Instant closedTo, String q) {
            this(partnerIds, ownerId, stages, open, accountId, leadId, createdFrom, createdTo, closedFrom, closedTo, q, null);
        }

        public Filter withPartners(List<Long> partners) {
            return new Filter(partners, ownerId, stages, open, accountId, leadId, createdFrom, createdTo, closedFrom, closedTo, q,
                    pastExpectedClose);
        }
    }

    public Page<OpportunityView> list(Filter f, io.partnerpulse.shared.CurrentActor.OrgScope scope, String sort, int page, int size) {
        ListQuery query = filtered(f, scope);
        // the rates are read only for the sort that needs them
        String worth = exchangeRates.sortable(query, sort, "amount", "o.amount", "o.currency");
        return query.sort(sort, Map.of("name", "o.name", "amount", worth, "createdAt", "o.created_at", "closedAt", "o.closed_at",
                        "stage", "o.stage", "expectedCloseOn", "o.expected_close_on"), "o.created_at desc", "o.id")
                .page(jdbc, page, size, OpportunityRepository::view);
    }

    /** The deals of a stage: how many and their worth in the base currency (null: none has a known rate). */
    public record StageWorth(Stage stage, long deals, java.math.BigDecimal worth) {
    }

    /** The board's columns: each stage's count and worth, and its largest deals. */
    public record Board(Map<Stage, StageWorth> worth, Map<Stage, List<OpportunityView>> largest) {
    }

    /**
     * The {@code perStage} largest deals (by worth, {@link #worth}) of each of {@code stages} that a
     * filter selects, and every stage's count and worth: two queries at one day's rates. The largest in
     * one query, a sorted top per stage (the board at a million deals: 0.39–0.41 s for its four
     * columns, where four sorted lists with their counts took 0.68 s and one sort of every open deal by
     * stage and worth 0.61–0.71 s).
     */
    public Board board(Filter f, io.partnerpulse.shared.CurrentActor.OrgScope scope, List<Stage> stages, int perStage) {
        ExchangeRates.Worth rates = exchangeRates.today();
        ListQuery counted = filtered(f, scope);
        String worth = worth(counted, rates);
        ListQuery.Filtered all = counted.filtered();
        Map<Stage, StageWorth> byStage = new java.util.EnumMap<>(Stage.class);
        jdbc.sql("select o.stage, count(*), round(sum(" + worth + "), 2) from (" + all.sql() + ") o group by o.stage")
                .params(all.params())
                .query((rs, n) -> byStage.put(Stage.valueOf(rs.getString(1)), new StageWorth(Stage.valueOf(rs.getString(1)), rs.getLong(2),
                        rs.getBigDecimal(3)))).list();
        Map<Stage, List<OpportunityView>> largest = new java.util.EnumMap<>(Stage.class);
        jdbc.sql("select d.* from unnest(cast(:boardStages as text[])) s(stage) cross join lateral (select * from (" + all.sql()
                        + ") o where o.stage = s.stage order by " + worth + " desc nulls last, o.id limit :perStage) d")
                .params(all.params()).param("boardStages", stages.stream().map(Enum::name).toArray(String[]::new)).param("perStage", perStage)
                .query(OpportunityRepository::view).list()
                .forEach(deal -> largest.computeIfAbsent(deal.stage(), s -> new java.util.ArrayList<>()).add(deal));
        return new Board(byStage, largest);
    }

    private ListQuery filtered(Filter f, io.partnerpulse.shared.CurrentActor.OrgScope scope) {
        return ListQuery.from("select " + COLUMNS + " from opportunity o")
                .inScope(scope, io.partnerpulse.shared.CurrentActor.OrgScope.ownerIn("o.owner_id"))
                .where("o.partner_id = any(:partners)", "partners", f.partnerIds() == null ? null : f.partnerIds().toArray(Long[]::new))
                .where("o.owner_id = :owner", "owner", f.ownerId())
                .where("o.stage = any(:stages)", "stages", f.stages() == null || f.stages().isEmpty() ? null
                        : f.stages().stream().filter(java.util.Objects::nonNull).map(Enum::name).toArray(String[]::new))
                .whereIf(Boolean.TRUE.equals(f.open()), "o.closed_at is null")
                .whereIf(Boolean.FALSE.equals(f.open()), "o.closed_at is not null")
                .where("o.account_id = :account", "account", f.accountId())
                .where("o.lead_id = :lead", "lead", f.leadId())
                .where("o.created_at >= :createdFrom", "createdFrom", utc(f.createdFrom()))
                .where("o.created_at < :createdTo", "createdTo", utc(f.createdTo()))
                .where("o.closed_at >= :closedFrom", "closedFrom", utc(f.closedFrom()))
                .where("o.closed_at < :closedTo", "closedTo", utc(f.closedTo()))
                // an open deal whose expected close has passed: the pipeline to clean up
                .where("o.closed_at is null and o.expected_close_on < :expectedBefore", "expectedBefore",
                        Boolean.TRUE.equals(f.pastExpectedClose()) ? LocalDate.now(organization.timeZone()) : null)
                .search("o.name || ' ' || coalesce(o.external_id, '')", f.q());
    }

    /** The values an insert and an update share; nullable ones typed (see {@link SqlParams}). */
    private static Map<String, Object> params(Opportunity o) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("externalId", SqlParams.text(o.externalId()));
        p.put("name", o.name());
        p.put("account", SqlParams.id(o.accountId()));
        p.put("partner", SqlParams.id(o.partnerId()));
        p.put("owner", SqlParams.id(o.ownerId()));
        p.put("channel", SqlParams.id(o.channelId()));
        p.put("campaign", SqlParams.id(o.campaignId()));
        p.put("productLine", SqlParams.id(o.productLineId()));
        p.put("country", SqlParams.text(o.country()));
        p.put("region", SqlParams.text(o.region()));
        p.put("city", SqlParams.text(o.city()));
        p.put("amount", SqlParams.number(o.amount()));
        p.put("currency", o.currency());
        p.put("stage", o.stage().name());
        p.put("expected", SqlParams.date(o.expectedCloseOn()));
        return p;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static OpportunityView view(ResultSet rs, int row) throws SQLException {
        return new OpportunityView(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"),
                (Long) rs.getObject("account_id"), (Long) rs.getObject("partner_id"), (Long) rs.getObject("owner_id"),
                (Long) rs.getObject("lead_id"), (Long) rs.getObject("channel_id"), (Long) rs.getObject("campaign_id"),
                (Long) rs.getObject("product_line_id"), trim(rs.getString("country")), rs.getString("region"),
                rs.getString("city"), rs.getBigDecimal("amount"), rs.getString("currency").trim(),
                Stage.valueOf(rs.getString("stage")), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                rs.getObject("expected_close_on", LocalDate.class), rs.getString("lost_reason"), rs.getString("competitor"),
                rs.getLong("version"));
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}
