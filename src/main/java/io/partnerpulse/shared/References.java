package io.partnerpulse.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks that the ids a request refers to exist, so that a wrong id is a 422 naming the field rather
 * than a foreign key failure. The table names come from {@link Kind}, never from the request.
 */
@Component
public class References {

    public enum Kind {
        PARTNER("partner", "partner"), EMPLOYEE("employee", "employee"), ACCOUNT("customer_account", "customer account"),
        CHANNEL("marketing_channel", "marketing channel"), CAMPAIGN("campaign", "campaign"),
        PRODUCT_LINE("product_line", "product line"), LEAD("lead", "lead"), OPPORTUNITY("opportunity", "opportunity"),
        DEPARTMENT("department", "department"), UNIT("business_unit", "business unit");

        private final String table;
        private final String noun;

        Kind(String table, String noun) {
            this.table = table;
            this.noun = noun;
        }
    }

    private final JdbcClient jdbc;

    References(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the employee belongs to the manager's scope (an unowned record belongs to no scope). */
    public boolean inScope(Long employeeId, CurrentActor.OrgScope scope) {
        if (employeeId == null) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from employee x where " + CurrentActor.OrgScope.ownerIn("x.id") + " and x.id = :id)")
                .param("scopeUnit", scope.businessUnitId()).param("scopeDepartment", scope.departmentId()).param("id", employeeId)
                .query(Boolean.class).single();
    }

    public Check check() {
        return new Check();
    }

    public boolean exists(Kind kind, long id) {
        return jdbc.sql("select exists (select 1 from " + kind.table + " where id = :id)").param("id", id).query(Boolean.class).single();
    }

    /** Collects every missing reference of a request, then fails once with all of them. */
    public final class Check {
        private final List<ApiError.FieldProblem> problems = new ArrayList<>();

        public Check exists(String field, Kind kind, Long id) {
            if (id != null && !References.this.exists(kind, id)) {
                problems.add(new ApiError.FieldProblem(field, "there is no " + kind.noun + " with id " + id));
            }
            return this;
        }

        public Check country(String field, String code) {
            if (code != null && !jdbc.sql("select exists (select 1 from country where code = :c)").param("c", code).query(Boolean.class).single()) {
                problems.add(new ApiError.FieldProblem(field, "is not a country PartnerPulse knows (ISO 3166 alpha-2)"));
            }
            return this;
        }

        /** The currency is the base currency or has at least one exchange rate to it. */
        public Check currency(String field, String code, String base) {
            if (code != null && !code.equals(base) && !jdbc.sql("select exists (select 1 from exchange_rate where currency = :c)")
                    .param("c", code).query(Boolean.class).single()) {
                problems.add(new ApiError.FieldProblem(field, "has no exchange rate to " + base + " yet; add one under /api/v1/exchange-rates first"));
            }
            return this;
        }

        public Check rule(boolean holds, String field, String reason) {
            if (!holds) {
                problems.add(new ApiError.FieldProblem(field, reason));
            }
            return this;
        }

        public void orThrow() {
            if (!problems.isEmpty()) {
                throw ApiError.invalid(problems);
            }
        }
    }
}
