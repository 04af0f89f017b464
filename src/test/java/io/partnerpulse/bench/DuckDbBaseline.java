package io.partnerpulse.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * The benchmark's baseline: the same KPI numbers as the API's (a) to (d), computed by DuckDB
 * in-process with plain SQL over the same rows, copied out of PostgreSQL into DuckDB tables once
 * (not timed, as our read model's load is not). Written from docs/kpis.md, not from our engine:
 * DuckDB does the conversion of every deal to the base currency (as-of join on the rates), the
 * stage each open deal was in (its history), the periods, the groups and every sum, count and
 * median; this class only turns those sums into ratios with the rounding the spec names (half-even,
 * 2 places for money and days, 4 for ratios). The answers are flat maps, path to value, in the
 * shape {@link ApiNumbers} reads from our JSON, so that the two compare key by key.
 *
 * <p>Assumes what the benchmark's data has: the organization in UTC, the default stage
 * probabilities and quality score weights, no filters.
 */
final class DuckDbBaseline implements AutoCloseable {

    private static final long OPEN = Long.MAX_VALUE;
    private static final String[] STAGES = {"PROSPECTING", "QUALIFICATION", "PROPOSAL", "NEGOTIATION"};
    private static final int[] PERCENT = {10, 25, 50, 75};

    private final Connection duck;

    DuckDbBaseline(DataSource postgres, String baseCurrency, LocalDate today, Path work) throws SQLException, IOException {
        this.duck = DriverManager.getConnection("jdbc:duckdb:");
        Files.createDirectories(work);
        try (Connection pg = postgres.getConnection()) {
            copy(pg, work, "rates", "select currency, rate_date, rate_to_base from exchange_rate",
                    "currency VARCHAR, day DATE, rate DECIMAL(20,10)");
            copy(pg, work, "deals_raw", """
                    select id, coalesce(partner_id, 0), coalesce(owner_id, 0), coalesce(channel_id, 0), stage,
                           floor(extract(epoch from created_at))::bigint, floor(extract(epoch from closed_at))::bigint,
                           amount, currency, competitor is not null, coalesce(campaign_id, 0)
                    from opportunity""",
                    "id BIGINT, partner INT, owner INT, channel INT, stage VARCHAR, created BIGINT, closed BIGINT, "
                            + "amount DECIMAL(18,2), currency VARCHAR, competitor BOOLEAN, campaign INT");
            copy(pg, work, "history", """
                    select opportunity_id, to_stage, floor(extract(epoch from changed_at))::bigint,
                           row_number() over (order by opportunity_id, changed_at, id)
                    from stage_change""", "opportunity_id BIGINT, stage VARCHAR, at BIGINT, seq BIGINT");
            copy(pg, work, "leads", """
                    select l.id, coalesce(l.partner_id, 0), coalesce(l.owner_id, 0), coalesce(l.channel_id, 0),
                           floor(extract(epoch from l.created_at))::bigint, o.id, coalesce(l.campaign_id, 0)
                    from lead l left join opportunity o on o.lead_id = l.id""",
                    "id BIGINT, partner INT, owner INT, channel INT, created BIGINT, deal_id BIGINT, campaign INT");
            copy(pg, work, "registrations", """
                    select partner_id, opportunity_id, outcome, floor(extract(epoch from decided_at))::bigint
                    from deal_registration""", "partner INT, deal_id BIGINT, outcome VARCHAR, decided BIGINT");
            copy(pg, work, "employees", "select id, department_id from employee", "id INT, department INT");
            copy(pg, work, "channels", "select id, type from marketing_channel", "id INT, type VARCHAR");
            copy(pg, work, "partners", "select id, joined_on from partner", "id INT, joined DATE");
            copy(pg, work, "status", """
                    select partner_id, floor(extract(epoch from changed_at))::bigint, status = 'TERMINATED',
                           row_number() over (order by partner_id, changed_at, id)
                    from partner_status_change""", "partner INT, at BIGINT, terminated BOOLEAN, seq BIGINT");
            copy(pg, work, "campaigns", "select id, channel_id, starts_on, ends_on, cost, currency from campaign",
                    "id INT, channel INT, starts DATE, ends DATE, cost DECIMAL(18,2), currency VARCHAR");
        }
        // every deal in cents of the base currency: the rate of its close day (today while open), the
        // latest known on or before that day, else the earliest; rounded half-even to the cent
        execute("""
                create table d as
                with x as (
                    select r.*, case when closed is null then date '%s' else cast(to_timestamp(closed) at time zone 'UTC' as date) end as rate_day
                    from deals_raw r),
                rated as (
                    select x.*, case when x.currency = '%s' then 1::DECIMAL(20,10)
                                     else coalesce(a.rate, (select arg_min(rate, day) from rates e where e.currency = x.currency)) end as rate
                    from x asof left join rates a on a.currency = x.currency and a.day <= x.rate_day),
                exact as (select rated.*, amount * rate * 100 as v from rated)
                select e.id, e.partner, e.owner, e.channel, e.campaign, e.stage, e.created, coalesce(e.closed, %d) as closed, e.competitor,
                       cast(floor(v) as BIGINT) + case when v - floor(v) > 0.5 or (v - floor(v) = 0.5 and cast(floor(v) as BIGINT) %% 2 = 1)
                                                       then 1 else 0 end as cents,
                       coalesce(em.department, 0) as department,
                       case c.type when 'PAID' then 'PAID' when 'EARNED' then 'EARNED' when 'OWNED' then 'OWNED' else 'none' end as channel_type
                from exact e left join employees em on em.id = e.owner left join channels c on c.id = e.channel
                """.formatted(today, baseCurrency, OPEN));
        execute("""
                create table l as
                select l.id, l.partner, l.created, coalesce(em.department, 0) as department, l.channel, l.campaign,
                       coalesce(c.type, 'none') as channel_type, coalesce(d.stage = 'WON', false) as won
                from leads l left join employees em on em.id = l.owner left join channels c on c.id = l.channel
                left join d on d.id = l.deal_id""");
        execute("""
                create table r as
                select r.partner, r.outcome, r.decided, d.stage as deal_stage, d.closed as deal_closed,
                       coalesce(d.department, 0) as department, coalesce(d.channel_type, 'none') as channel_type
                from registrations r left join d on d.id = r.deal_id""");
        execute("""
                create table spend as
                select c.id as campaign, c.channel, c.starts, c.ends, coalesce(ch.type, 'none') as channel_type,
                       cast(floor(v) as BIGINT) + case when v - floor(v) > 0.5 or (v - floor(v) = 0.5 and cast(floor(v) as BIGINT) %% 2 = 1)
                                                       then 1 else 0 end as cents
                from (select c.*, c.cost * case when c.currency = '%s' then 1::DECIMAL(20,10)
                        else coalesce(a.rate, (select arg_min(rate, day) from rates e where e.currency = c.currency)) end * 100 as v
                      from campaigns c asof left join rates a on a.currency = c.currency and a.day <= c.starts) c
                left join channels ch on ch.id = c.channel""".formatted(baseCurrency));
        execute("create table periods (k INT, f BIGINT, t BIGINT)");
    }

    private void copy(Connection pg, Path work, String table, String select, String columns) throws SQLException, IOException {
        Path file = work.resolve(table + ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            pg.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (" + select + ") to stdout (format csv)", out);
        }
        StringBuilder spec = new StringBuilder();
        for (String column : columns.split(", ")) {
            String[] parts = column.split(" ", 2);
            spec.append(spec.isEmpty() ? "" : ", ").append('\'').append(parts[0]).append("': '").append(parts[1]).append('\'');
        }
        execute("create table " + table + " as select * from read_csv('" + file + "', header = false, columns = {" + spec + "})");
        Files.delete(file);
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = duck.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }

    // =============================================================================================
    /** The sums of one group in one period. */
    static final class Sums {
        long won, wonCents, twiceMedianCents, lost, lostToCompetitor, created, createdCents, cycleSeconds, twiceMedianCycle;
        long open, openCents, openAtStart, openAtStartCents;
        final long[] stageCount = new long[4], stageCents = new long[4], stageWeighted = new long[4];
        long leads, leadsWon, outcomes, successes, approved, rejected;
        Integer qualityRank1, qualityRank2, peers;
    }

    /** Group key expressions per table for a dimension; null = program. */
    private static String key(String dimension, String table) {
        if (dimension == null) {
            return "'all'";
        }
        return switch (dimension) {
            case "partner" -> "case when " + table + ".partner = 0 then 'none' else cast(" + table + ".partner as VARCHAR) end";
            case "department" -> "case when " + table + ".department = 0 then 'none' else cast(" + table + ".department as VARCHAR) end";
            case "channelType" -> table + ".channel_type";
            default -> throw new IllegalArgumentException(dimension);
        };
    }

    /**
     * The KPI report of [from, to) with previous and last-year comparisons, program-wide
     * ({@code dimension} null) or grouped by partner (with the quality score), department or
     * channelType; its numbers are path → value like {@link ApiNumbers#report}'s.
     */
    Report report(LocalDate from, LocalDate to, String dimension) throws SQLException {
        LocalDate[][] periods = {{from, to}, {previous(from, to), from}, {from.minusYears(1), to.minusYears(1)}};
        execute("delete from periods");
        for (int k = 0; k < 3; k++) {
            execute("insert into periods values (" + k + ", " + epoch(periods[k][0]) + ", " + epoch(periods[k][1]) + ")");
        }
        Map<String, Sums[]> groups = new HashMap<>();
        String dk = key(dimension, "d");
        query("""
                select p.k, %s as g,
                  count(*) filter (where d.closed >= p.f and d.closed < p.t and d.stage = 'WON'),
                  coalesce(sum(d.cents) filter (where d.closed >= p.f and d.closed < p.t and d.stage = 'WON'), 0),
                  coalesce(2 * quantile_cont(d.cents::DOUBLE, 0.5) filter (where d.closed >= p.f and d.closed < p.t and d.stage = 'WON'), 0),
                  count(*) filter (where d.closed >= p.f and d.closed < p.t and d.stage = 'LOST'),
                  count(*) filter (where d.closed >= p.f and d.closed < p.t and d.stage = 'LOST' and d.competitor),
                  count(*) filter (where d.created >= p.f and d.created < p.t),
                  coalesce(sum(d.cents) filter (where d.created >= p.f and d.created < p.t), 0),
                  coalesce(sum(d.closed - d.created) filter (where d.closed >= p.f and d.closed < p.t and d.stage = 'WON'), 0),
                  coalesce(2 * quantile_cont((d.closed - d.created)::DOUBLE, 0.5) filter (where d.closed >= p.f and d.closed < p.t and d.stage = 'WON'), 0),
                  count(*) filter (where d.created < p.f and d.closed >= p.f),
                  coalesce(sum(d.cents) filter (where d.created < p.f and d.closed >= p.f), 0)
                from d, periods p group by all""".formatted(dk), rs -> {
            Sums x = sums(groups, rs);
            x.won = rs.getLong(3);
            x.wonCents = rs.getLong(4);
            x.twiceMedianCents = Math.round(rs.getDouble(5));
            x.lost = rs.getLong(6);
            x.lostToCompetitor = rs.getLong(7);
            x.created = rs.getLong(8);
            x.createdCents = rs.getLong(9);
            x.cycleSeconds = rs.getLong(10);
            x.twiceMedianCycle = Math.round(rs.getDouble(11));
            x.openAtStart = rs.getLong(12);
            x.openAtStartCents = rs.getLong(13);
        });
        // the open pipeline at the end: each deal in the stage its history says it was in just before
        query("""
                with last as (
                    select p.k, h.opportunity_id, arg_max(h.stage, h.seq) as stage
                    from history h join periods p on h.at < p.t group by all),
                open as (
                    select p.k, %s as g, d.cents,
                           coalesce(last.stage, case when d.stage in ('WON', 'LOST') then 'PROSPECTING' else d.stage end) as stage
                    from d join periods p on d.created < p.t and d.closed >= p.t
                    left join last on last.k = p.k and last.opportunity_id = d.id)
                select k, g, stage, count(*), sum(cents),
                       sum(cents * pct // 100 + case when cents * pct %% 100 > 50 or (cents * pct %% 100 = 50 and (cents * pct // 100) %% 2 = 1)
                                                     then 1 else 0 end)
                from (select open.*, case stage when 'PROSPECTING' then 10 when 'QUALIFICATION' then 25 when 'PROPOSAL' then 50
                                                when 'NEGOTIATION' then 75 end as pct from open) o
                where pct is not null group by all""".formatted(dk), rs -> {
            Sums x = sums(groups, rs);
            int stage = List.of(STAGES).indexOf(rs.getString(3));
            x.stageCount[stage] = rs.getLong(4);
            x.stageCents[stage] = rs.getLong(5);
            x.stageWeighted[stage] = rs.getLong(6);
            x.open += rs.getLong(4);
            x.openCents += rs.getLong(5);
        });
        query("""
                select p.k, %s as g, count(*), count(*) filter (where l.won)
                from l join periods p on l.created >= p.f and l.created < p.t group by all""".formatted(key(dimension, "l")), rs -> {
            Sums x = sums(groups, rs);
            x.leads = rs.getLong(3);
            x.leadsWon = rs.getLong(4);
        });
        query("""
                select k, g, count(*) filter (where outcome_in), count(*) filter (where outcome_in and outcome = 'APPROVED' and deal_stage = 'WON'),
                       count(*) filter (where approval_in and outcome = 'APPROVED'), count(*) filter (where approval_in and outcome = 'REJECTED')
                from (select p.k, %s as g, r.outcome, r.deal_stage,
                             case when r.outcome = 'APPROVED' and r.deal_stage is not null then r.deal_closed >= p.f and r.deal_closed < p.t
                                  else r.outcome in ('REJECTED', 'EXPIRED') and r.decided >= p.f and r.decided < p.t end as outcome_in,
                             coalesce(r.decided >= p.f and r.decided < p.t and r.outcome in ('APPROVED', 'REJECTED'), false) as approval_in
                      from r, periods p) x
                where outcome_in or approval_in group by all""".formatted(key(dimension, "r")), rs -> {
            Sums x = sums(groups, rs);
            x.outcomes = rs.getLong(3);
            x.successes = rs.getLong(4);
            x.approved = rs.getLong(5);
            x.rejected = rs.getLong(6);
        });
        if ("partner".equals(dimension)) {
            // peers: joined before the end, never terminated in the period; ranked ascending, ties share the lowest rank
            query("""
                    with term as (
                        select p.k, s.partner, coalesce(bool_or(s.terminated) filter (where s.at >= p.f and s.at < p.t), false)
                               or coalesce(arg_max(s.terminated, s.seq) filter (where s.at < p.f), false) as terminated
                        from status s, periods p group by all),
                    won as (
                        select p.k, d.partner, count(*) as won, sum(d.cents) as cents from d join periods p
                        on d.closed >= p.f and d.closed < p.t and d.stage = 'WON' group by all),
                    peers as (
                        select p.k, pa.id, coalesce(won.won, 0) as won, coalesce(won.cents, 0) as cents
                        from partners pa join periods p on epoch(pa.joined) < p.t
                        left join term on term.k = p.k and term.partner = pa.id
                        left join won on won.k = p.k and won.partner = pa.id
                        where not coalesce(term.terminated, false))
                    select k, cast(id as VARCHAR), rank() over (partition by k order by cents), rank() over (partition by k order by won),
                           count(*) over (partition by k)
                    from peers""", rs -> {
                Sums x = sums(groups, rs);
                x.qualityRank1 = rs.getInt(3);
                x.qualityRank2 = rs.getInt(4);
                x.peers = rs.getInt(5);
            });
        }
        return new Report(groups, "partner".equals(dimension));
    }

    /** The sums of every group in the three periods (current, previous, last year). */
    record Report(Map<String, Sums[]> groups, boolean quality) {

        /** Groups with something in the current period: they must be groups of our answer too. */
        java.util.Set<String> active() {
            java.util.Set<String> active = new java.util.TreeSet<>();
            groups.forEach((g, s) -> {
                Sums c = s[0];
                if (c != null && (c.won + c.lost + c.created + c.open + c.openAtStart + c.leads + c.outcomes + c.approved
                        + c.rejected > 0 || c.peers != null)) {
                    active.add(g);
                }
            });
            return active;
        }

        /** path → value for these groups; a group without any fact has the numbers of no facts. */
        Map<String, String> numbers(java.util.Collection<String> keys) {
            Map<String, String> out = new TreeMap<>();
            for (String g : keys) {
                put(out, g, groups.getOrDefault(g, new Sums[3]), quality);
            }
            return out;
        }
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (Statement statement = duck.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }

    private static Sums sums(Map<String, Sums[]> groups, ResultSet rs) throws SQLException {
        Sums[] s = groups.computeIfAbsent(rs.getString(2), g -> new Sums[3]);
        int k = rs.getInt(1);
        if (s[k] == null) {
            s[k] = new Sums();
        }
        return s[k];
    }

    private static void put(Map<String, String> out, String g, Sums[] s, boolean quality) {
        Sums c = s[0] == null ? new Sums() : s[0];
        Sums p = s[1] == null ? new Sums() : s[1];
        Sums y = s[2] == null ? new Sums() : s[2];
        String at = g + ".";
        trio(out, at + "averageDealSize", average(c), average(p), average(y));
        out.put(at + "averageDealSize.numerator", num(money(c.wonCents)));
        out.put(at + "averageDealSize.denominator", num(BigDecimal.valueOf(c.won)));
        out.put(at + "averageDealSize.median", c.won == 0 ? "null" : num(BigDecimal.valueOf(c.twiceMedianCents).divide(BigDecimal.valueOf(200), 2, RoundingMode.HALF_EVEN)));
        trio(out, at + "dealCount", BigDecimal.valueOf(c.won), BigDecimal.valueOf(p.won), BigDecimal.valueOf(y.won));
        out.put(at + "dealCount.createdCount", Long.toString(c.created));
        out.put(at + "dealCount.lostCount", Long.toString(c.lost));
        trio(out, at + "wonRevenue", money(c.wonCents), money(p.wonCents), money(y.wonCents));
        trio(out, at + "pipeline", money(c.openCents), money(p.openCents), money(y.openCents));
        out.put(at + "pipeline.count", Long.toString(c.open));
        out.put(at + "pipeline.amount", num(money(c.openCents)));
        long weighted = 0;
        for (int stage = 0; stage < 4; stage++) {
            out.put(at + "pipeline.byStage." + STAGES[stage] + ".count", Long.toString(c.stageCount[stage]));
            out.put(at + "pipeline.byStage." + STAGES[stage] + ".amount", num(money(c.stageCents[stage])));
            out.put(at + "pipeline.byStage." + STAGES[stage] + ".weightedAmount", num(money(c.stageWeighted[stage])));
            weighted += c.stageWeighted[stage];
        }
        out.put(at + "pipeline.weightedAmount", num(money(weighted)));
        out.put(at + "pipeline.createdCount", Long.toString(c.created));
        out.put(at + "pipeline.createdAmount", num(money(c.createdCents)));
        out.put(at + "pipeline.lostCount", Long.toString(c.lost));
        out.put(at + "pipeline.lostToCompetitorCount", Long.toString(c.lostToCompetitor));
        out.put(at + "pipeline.change.count", Long.toString(c.open - c.openAtStart));
        out.put(at + "pipeline.change.amount", num(money(c.openCents - c.openAtStartCents)));
        out.put(at + "pipeline.change.percent", num(ratio(c.openCents - c.openAtStartCents, c.openAtStartCents)));
        trio(out, at + "closeRate", ratio(c.leadsWon, c.leads), ratio(p.leadsWon, p.leads), ratio(y.leadsWon, y.leads));
        out.put(at + "closeRate.numerator", Long.toString(c.leadsWon));
        out.put(at + "closeRate.denominator", Long.toString(c.leads));
        trio(out, at + "winRate", ratio(c.won, c.won + c.lost), ratio(p.won, p.won + p.lost), ratio(y.won, y.won + y.lost));
        out.put(at + "winRate.numerator", Long.toString(c.won));
        out.put(at + "winRate.denominator", Long.toString(c.won + c.lost));
        trio(out, at + "salesCycleDays", cycle(c), cycle(p), cycle(y));
        out.put(at + "salesCycleDays.median", c.won == 0 ? "null"
                : num(BigDecimal.valueOf(c.twiceMedianCycle).divide(BigDecimal.valueOf(2 * 86_400), 2, RoundingMode.HALF_EVEN)));
        trio(out, at + "salesVelocity", velocity(c), velocity(p), velocity(y));
        out.put(at + "salesVelocity.openCount", Long.toString(c.open));
        trio(out, at + "dealSuccess", ratio(c.successes, c.outcomes), ratio(p.successes, p.outcomes), ratio(y.successes, y.outcomes));
        out.put(at + "dealSuccess.numerator", Long.toString(c.successes));
        out.put(at + "dealSuccess.denominator", Long.toString(c.outcomes));
        out.put(at + "dealSuccess.approvalRate.value", num(ratio(c.approved, c.approved + c.rejected)));
        if (quality && !g.equals("none")) {
            out.put(at + "qualityScore.value", num(quality(c)));
            out.put(at + "qualityScore.previous", num(quality(p)));
            out.put(at + "qualityScore.lastYear", num(quality(y)));
        }
    }

    private static void trio(Map<String, String> out, String path, BigDecimal value, BigDecimal previous, BigDecimal lastYear) {
        out.put(path + ".value", num(value));
        out.put(path + ".previous", num(previous));
        out.put(path + ".lastYear", num(lastYear));
    }

    /** 100 × mean of the two percent ranks (weights 0.5 and 0.5), exactly, rounded half-even to 2 places. */
    private static BigDecimal quality(Sums s) {
        if (s.peers == null) {
            return null;
        }
        if (s.peers == 1) {
            return new BigDecimal("100.00");
        }
        return BigDecimal.valueOf(50L * (s.qualityRank1 - 1 + s.qualityRank2 - 1))
                .divide(BigDecimal.valueOf(s.peers - 1), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal average(Sums s) {
        return s.won == 0 ? null : BigDecimal.valueOf(s.wonCents).divide(BigDecimal.valueOf(s.won * 100), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cycle(Sums s) {
        return s.won == 0 ? null : BigDecimal.valueOf(s.cycleSeconds).divide(BigDecimal.valueOf(s.won * 86_400), 2, RoundingMode.HALF_EVEN);
    }

    /** open × average deal size × win rate ÷ mean cycle, as one exact fraction, rounded once. */
    private static BigDecimal velocity(Sums s) {
        if (s.won == 0 || s.cycleSeconds == 0) {
            return null;
        }
        return BigDecimal.valueOf(s.open).multiply(BigDecimal.valueOf(s.wonCents)).multiply(BigDecimal.valueOf(s.won))
                .multiply(BigDecimal.valueOf(86_400))
                .divide(BigDecimal.valueOf(s.won + s.lost).multiply(BigDecimal.valueOf(s.cycleSeconds)).multiply(BigDecimal.valueOf(100)),
                        2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static BigDecimal ratio(long numerator, long denominator) {
        return denominator == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN);
    }

    static String num(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }

    // =============================================================================================
    /**
     * KPI 4 for [from, to): one row per channel type, one per channel and one per campaign (none as
     * {@code none}) and the total, like {@link ApiNumbers#channels}.
     */
    Map<String, String> channels(LocalDate from, LocalDate to) throws SQLException {
        Map<String, long[]> types = sums("channel_type", from, to);
        long[] total = new long[6];
        types.values().forEach(r -> {
            for (int i = 0; i < 6; i++) {
                total[i] += r[i];
            }
        });
        Map<String, String> out = new TreeMap<>();
        rows(out, "channelTypes.", types, total);
        rows(out, "channels.", byId(sums("channel", from, to)), total);
        rows(out, "campaigns.", byId(sums("campaign", from, to)), total);
        channelRow(out, "total.", total, total);
        return out;
    }

    /** Rows by a record's id, as the API keys them: without one (0) as {@code none}. */
    private static Map<String, long[]> byId(Map<String, long[]> rows) {
        Map<String, long[]> keyed = new HashMap<>();
        rows.forEach((id, r) -> keyed.put("0".equals(id) ? "none" : id, r));
        return keyed;
    }

    private static void rows(Map<String, String> out, String prefix, Map<String, long[]> rows, long[] total) {
        rows.forEach((key, r) -> {
            if (r[0] + r[2] + r[3] + r[5] > 0 || r[4] > 0) {
                channelRow(out, prefix + key + ".", r, total);
            }
        });
    }

    /** Leads, leads won, opportunities, won deals, won cents and spend cents by {@code column} of l, d and spend. */
    private Map<String, long[]> sums(String column, LocalDate from, LocalDate to) throws SQLException {
        long f = epoch(from);
        long t = epoch(to);
        Map<String, long[]> rows = new HashMap<>(); // leads, leadsWon, opportunities, won, wonCents, spendCents
        query("select %s, count(*), count(*) filter (where won) from l where created >= %d and created < %d group by all"
                .formatted(column, f, t), rs -> {
            long[] r = rows.computeIfAbsent(rs.getString(1), k -> new long[6]);
            r[0] = rs.getLong(2);
            r[1] = rs.getLong(3);
        });
        query("""
                select %3$s, count(*) filter (where created >= %1$d and created < %2$d),
                       count(*) filter (where stage = 'WON' and closed >= %1$d and closed < %2$d),
                       coalesce(sum(cents) filter (where stage = 'WON' and closed >= %1$d and closed < %2$d), 0)
                from d group by all""".formatted(f, t, column), rs -> {
            long[] r = rows.computeIfAbsent(rs.getString(1), k -> new long[6]);
            r[2] = rs.getLong(2);
            r[3] = rs.getLong(3);
            r[4] = rs.getLong(4);
        });
        // spend: each campaign's cents times its days in the period over its days, rounded half-even
        query("""
                select %3$s, sum(q + case when 2 * rem > days or (2 * rem = days and q %% 2 = 1) then 1 else 0 end)
                from (select %3$s, days, cents * overlap // days as q, cents * overlap %% days as rem
                      from (select %3$s, cents, datediff('day', starts, ends) + 1 as days,
                                   datediff('day', greatest(starts, date '%1$s'), least(ends + 1, date '%2$s')) as overlap
                            from spend) x where overlap > 0) y
                group by all""".formatted(from, to, column), rs -> rows.computeIfAbsent(rs.getString(1), k -> new long[6])[5] = rs.getLong(2));
        return rows;
    }

    private static void channelRow(Map<String, String> out, String at, long[] r, long[] total) {
        BigDecimal spend = money(r[5]);
        out.put(at + "leads", Long.toString(r[0]));
        out.put(at + "closeRate.value", num(ratio(r[1], r[0])));
        out.put(at + "opportunities", Long.toString(r[2]));
        out.put(at + "wonDeals", Long.toString(r[3]));
        out.put(at + "wonRevenue", num(money(r[4])));
        out.put(at + "spend", num(spend));
        out.put(at + "costPerLead", r[0] == 0 ? "null" : num(spend.divide(BigDecimal.valueOf(r[0]), 2, RoundingMode.HALF_EVEN)));
        out.put(at + "costPerWonDeal", r[3] == 0 ? "null" : num(spend.divide(BigDecimal.valueOf(r[3]), 2, RoundingMode.HALF_EVEN)));
        out.put(at + "roi", r[5] == 0 ? "null" : num(ratio(r[4] - r[5], r[5])));
        out.put(at + "revenueShare", num(ratio(r[4], total[4])));
    }

    private static long epoch(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** The period of the same length just before (whole months step by months). */
    static LocalDate previous(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1) {
            return from.minusMonths(java.time.temporal.ChronoUnit.MONTHS.between(from, to));
        }
        return from.minusDays(java.time.temporal.ChronoUnit.DAYS.between(from, to));
    }
}
