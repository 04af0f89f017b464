package io.partnerpulse.support;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reference rows for system tests, each with a unique name so that tests sharing one database never
 * collide.
 */
public final class Fixtures {

    private final JdbcClient jdbc;

    public Fixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public long employee() {
        long unit = jdbc.sql("insert into business_unit (name) values (:n) returning id").param("n", unique("Unit")).query(Long.class).single();
        long department = jdbc.sql("insert into department (name, business_unit_id) values (:n, :u) returning id")
                .param("n", unique("Dept")).param("u", unit).query(Long.class).single();
        return jdbc.sql("insert into employee (full_name, department_id, hire_date) values (:n, :d, date '2020-01-01') returning id")
                .param("n", unique("Employee")).param("d", department).query(Long.class).single();
    }

    public long channel(String type) {
        return jdbc.sql("insert into marketing_channel (name, type) values (:n, :t) returning id")
                .param("n", unique("Channel")).param("t", type).query(Long.class).single();
    }

    public long account() {
        return jdbc.sql("insert into customer_account (name) values (:n) returning id").param("n", unique("Account")).query(Long.class).single();
    }

    public long productLine() {
        return jdbc.sql("insert into product_line (name) values (:n) returning id").param("n", unique("Product")).query(Long.class).single();
    }

    /** An active partner in the given country. */
    public long activePartner(String country, String tier) {
        long id = jdbc.sql("""
                insert into partner (name, tier, status, status_changed_at, country, region, joined_on)
                values (:n, :t, 'ACTIVE', now(), :c, (select default_region from country where code = :c), current_date) returning id""")
                .param("n", unique("Partner")).param("t", tier).param("c", country).query(Long.class).single();
        jdbc.sql("insert into partner_status_change (partner_id, status, changed_at, changed_by) values (:p, 'ACTIVE', now(), 'test')")
                .param("p", id).update();
        return id;
    }
}
