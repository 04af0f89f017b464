package io.partnerpulse.kpi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the rows of a KPI example in a few readable lines. Times are written "2026-02-10" (midnight
 * UTC) or "2026-02-10T12:00". Every deal gets the stage history its life implies.
 */
final class KpiFixtures {

    private final JdbcClient jdbc = KpiTestDatabase.jdbc();
    private long defaultEmployee;
    private long defaultChannel;

    KpiFixtures() {
        long unit = jdbc.sql("insert into business_unit (name) values ('Unit A') returning id").query(Long.class).single();
        long department = jdbc.sql("insert into department (name, business_unit_id) values ('Dept A', :u) returning id")
                .param("u", unit).query(Long.class).single();
        defaultEmployee = employee("Erin Example", department);
        defaultChannel = channel("Search Ads", "PAID");
    }

    static Instant at(String time) {
        return time.length() == 10 ? LocalDate.parse(time).atStartOfDay(ZoneOffset.UTC).toInstant()
                : java.time.LocalDateTime.parse(time).toInstant(ZoneOffset.UTC);
    }

    long defaultEmployee() {
        return defaultEmployee;
    }

    long defaultChannel() {
        return defaultChannel;
    }

    long unit(String name) {
        return jdbc.sql("insert into business_unit (name) values (:n) returning id").param("n", name).query(Long.class).single();
    }

    long department(String name, long unit) {
        return jdbc.sql("insert into department (name, business_unit_id) values (:n, :u) returning id")
                .param("n", name).param("u", unit).query(Long.class).single();
    }

    long employee(String name, long department) {
        return jdbc.sql("insert into employee (full_name, department_id, hire_date) values (:n, :d, date '2020-01-01') returning id")
                .param("n", name).param("d", department).query(Long.class).single();
    }

    long partner(String name, String tier, String country) {
        long id = jdbc.sql("""
                insert into partner (name, tier, status, status_changed_at, country, region, joined_on)
                values (:n, :t, 'ACTIVE', timestamptz '2020-01-01', :c, (select default_region from country where code = :c),
                        date '2020-01-01') returning id""")
                .param("n", name).param("t", tier).param("c", country).query(Long.class).single();
        jdbc.sql("insert into partner_status_change (partner_id, status, changed_at, changed_by) values (:p, 'ACTIVE', timestamptz '2020-01-01', 'test')")
                .param("p", id).update();
        return id;
    }

    /** Two-tier distribution: {@code distributor} becomes one, and the {@code resellers} buy through it. */
    void distributes(long distributor, long... resellers) {
        jdbc.sql("update partner set distributor = true where id = :d").param("d", distributor).update();
        for (long reseller : resellers) {
            jdbc.sql("update partner set distributor_id = :d where id = :r").param("d", distributor).param("r", reseller).update();
        }
    }

    void terminate(long partner, String when) {
        jdbc.sql("update partner set status = 'TERMINATED', status_changed_at = :at where id = :p")
                .param("at", OffsetDateTime.ofInstant(at(when), ZoneOffset.UTC)).param("p", partner).update();
        jdbc.sql("insert into partner_status_change (partner_id, status, changed_at, changed_by) values (:p, 'TERMINATED', :at, 'test')")
                .param("p", partner).param("at", OffsetDateTime.ofInstant(at(when), ZoneOffset.UTC)).update();
    }

    long channel(String name, String type) {
        return jdbc.sql("insert into marketing_channel (name, type) values (:n, :t) returning id")
                .param("n", name).param("t", type).query(Long.class).single();
    }

    long campaign(long channel, String from, String toInclusive, String cost) {
        return jdbc.sql("""
                insert into campaign (name, channel_id, starts_on, ends_on, cost, currency)
                values ('Campaign', :c, cast(:f as date), cast(:t as date), cast(:cost as numeric), 'USD') returning id""")
                .param("c", channel).param("f", from).param("t", toInclusive).param("cost", cost).query(Long.class).single();
    }

    long account(String name) {
        return jdbc.sql("insert into customer_account (name) values (:n) returning id").param("n", name).query(Long.class).single();
    }

    long productLine(String name) {
        return jdbc.sql("insert into product_line (name) values (:n) returning id").param("n", name).query(Long.class).single();
    }

    void rate(String currency, String day, String rate) {
        jdbc.sql("insert into exchange_rate values (:c, cast(:d as date), cast(:r as numeric))")
                .param("c", currency).param("d", day).param("r", rate).update();
    }

    void target(String scope, Long id, String metric, String from, String to, String value) {
        String column = switch (scope) {
            case "PARTNER" -> "partner_id";
            case "EMPLOYEE" -> "employee_id";
            case "DEPARTMENT" -> "department_id";
            case "UNIT" -> "business_unit_id";
            default -> null;
        };
        if (column == null) {
            jdbc.sql("insert into target (scope, metric, period_start, period_end, value) values ('PROGRAM', :m, cast(:f as date), cast(:t as date), cast(:v as numeric))")
                    .param("m", metric).param("f", from).param("t", to).param("v", value).update();
        } else {
            jdbc.sql("insert into target (scope, " + column + ", metric, period_start, period_end, value) values (:s, :id, :m, cast(:f as date), cast(:t as date), cast(:v as numeric))")
                    .param("s", scope).param("id", id).param("m", metric).param("f", from).param("t", to).param("v", value).update();
        }
    }

    long lead(String created, Long partner, String country) {
        return lead(created, partner, country, defaultChannel);
    }

    long lead(String created, Long partner, String country, long channel) {
        return jdbc.sql("""
                insert into lead (created_at, channel_id, partner_id, owner_id, country, status, status_changed_at)
                values (:c, :ch, :p, :o, :country, 'NEW', :c) returning id""")
                .param("c", OffsetDateTime.ofInstant(at(created), ZoneOffset.UTC)).param("ch", channel).param("p", partner)
                .param("o", defaultEmployee).param("country", country).query(Long.class).single();
    }

    /** Marks a lead as brought in by a campaign. */
    void leadCampaign(long lead, long campaign) {
        jdbc.sql("update lead set campaign_id = :c where id = :l").param("c", campaign).param("l", lead).update();
    }

    /** A deal builder; call {@link Deal#save()} at the end. */
    Deal deal(String amount) {
        return new Deal(amount);
    }

    final class Deal {
        private final String amount;
        private String currency = "USD";
        private String created = "2026-01-01";
        private String[] moves = {};
        private String closed;
        private String outcome;
        private Long partner;
        private Long owner = defaultEmployee;
        private Long lead;
        private Long account;
        private Long product;
        private long channel = defaultChannel;
        private Long campaign;
        private String country = "US";
        private String competitor;

        Deal(String amount) {
            this.amount = amount;
        }

        Deal currency(String c) { currency = c; return this; }
        Deal created(String t) { created = t; return this; }
        /** Stage moves after creation, as "PROPOSAL@2026-02-10". */
        Deal moves(String... m) { moves = m; return this; }
        Deal won(String t) { closed = t; outcome = "WON"; return this; }
        Deal lost(String t) { closed = t; outcome = "LOST"; return this; }
        Deal lostTo(String t, String rival) { lost(t); competitor = rival; return this; }
        Deal partner(Long p) { partner = p; return this; }
        Deal owner(Long o) { owner = o; return this; }
        Deal lead(Long l) { lead = l; return this; }
        Deal account(Long a) { account = a; return this; }
        Deal product(Long p) { product = p; return this; }
        Deal channel(long c) { channel = c; return this; }
        Deal campaign(long c) { campaign = c; return this; }
        Deal country(String c) { country = c; return this; }

        long save() {
            String stage = outcome != null ? outcome : moves.length > 0 ? moves[moves.length - 1].split("@")[0] : "PROSPECTING";
            long id = jdbc.sql("""
                    insert into opportunity (name, amount, currency, stage, created_at, closed_at, partner_id, owner_id, lead_id,
                                             account_id, product_line_id, channel_id, campaign_id, country, lost_reason, competitor)
                    values ('Deal', cast(:a as numeric), :cur, :s, :c, :cl, :p, :o, :l, :acc, :pl, :ch, :cmp, :country, :reason, :rival)
                    returning id""")
                    .param("a", amount).param("cur", currency).param("s", stage)
                    .param("c", OffsetDateTime.ofInstant(at(created), ZoneOffset.UTC))
                    .param("cl", closed == null ? null : OffsetDateTime.ofInstant(at(closed), ZoneOffset.UTC))
                    .param("p", partner).param("o", owner).param("l", lead).param("acc", account).param("pl", product)
                    .param("ch", channel).param("cmp", campaign).param("country", country)
                    .param("reason", "LOST".equals(outcome) ? (competitor != null ? "Lost to competitor" : "Price") : null)
                    .param("rival", competitor).query(Long.class).single();
            String previous = null;
            previous = history(id, previous, "PROSPECTING", created);
            for (String move : moves) {
                String[] parts = move.split("@");
                previous = history(id, previous, parts[0], parts[1]);
            }
            if (outcome != null) {
                history(id, previous, outcome, closed);
            }
            if (lead != null) {
                jdbc.sql("update lead set status = 'CONVERTED', converted_at = :c, status_changed_at = :c where id = :l")
                        .param("c", OffsetDateTime.ofInstant(at(created), ZoneOffset.UTC)).param("l", lead).update();
            }
            return id;
        }

        private String history(long id, String from, String to, String when) {
            jdbc.sql("insert into stage_change (opportunity_id, from_stage, to_stage, changed_at, changed_by) values (:o, :f, :t, :at, 'test')")
                    .param("o", id).param("f", from).param("t", to).param("at", OffsetDateTime.ofInstant(at(when), ZoneOffset.UTC)).update();
            return to;
        }
    }

    long registration(long partner, Long deal, String outcome, String submitted, String decided) {
        return jdbc.sql("""
                insert into deal_registration (partner_id, opportunity_id, customer_name, submitted_at, expires_at, decided_at, outcome, reason)
                values (:p, :d, 'Customer', :s, :s + interval '90 days', :dec, :o, :r) returning id""")
                .param("p", partner).param("d", deal).param("s", OffsetDateTime.ofInstant(at(submitted), ZoneOffset.UTC))
                .param("dec", decided == null ? null : OffsetDateTime.ofInstant(at(decided), ZoneOffset.UTC))
                .param("o", outcome).param("r", outcome.equals("REJECTED") ? "Conflict with another partner's registration" : null)
                .query(Long.class).single();
    }

    static BigDecimal money(String value) {
        return new BigDecimal(value);
    }
}
