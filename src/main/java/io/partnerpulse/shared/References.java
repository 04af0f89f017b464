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
        PARTNER("partner", "partner", "name"), EMPLOYEE("employee", "employee", "full_name"),
        ACCOUNT("customer_account", "customer account", "name"), CHANNEL("marketing_channel", "marketing channel", "name"),
        CAMPAIGN("campaign", "campaign", "name"), PRODUCT_LINE("product_line", "product line", "name"),
        LEAD("lead", "lead", "company_name"), OPPORTUNITY("opportunity", "opportunity", "name"),
        DEPARTMENT("department", "department", "name"), UNIT("business_unit", "business unit", "name");

        private final String table;
        private final String noun;
        private final String nameColumn;

        Kind(String table, String noun, String nameColumn) {
            this.table = table;
            this.noun = noun;
            this.nameColumn = nameColumn;
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

    /** The names of these records of a kind, by id (for showing whom a row is about); ids that do not exist are absent. */
    public java.util.Map<Long, String> names(Kind kind, java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, " + kind.nameColumn + " from " + kind.table + " where id = any(:ids)")
                    .param("ids", ids.stream().distinct().toArray(Long[]::new)).query(rs -> {
                        names.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return names;
    }

    /**
     * Up to {@code limit} records of a kind whose name holds {@code text} (any case), id → name: the
     * ones named exactly so first, then in name order (for finding a record by what someone typed).
     */
    private java.util.Map<Long, String> matching(Kind kind, String text, int limit) {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        if (text.indexOf('\0') >= 0) {
            return names; // no name holds one, and PostgreSQL takes no NUL in a text
        }
        jdbc.sql("select id, " + kind.nameColumn + " from " + kind.table + " where strpos(lower(" + kind.nameColumn + "), lower(:text)) > 0"
                        + " order by lower(" + kind.nameColumn + ") = lower(:text) desc, 2, 1 limit :limit")
                .param("text", text.strip()).param("limit", limit)
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** What a typed name names: the record ({@code id}), or when it names none or several, the candidates (id → name). */
    public record Named(Long id, java.util.Map<Long, String> candidates) {
    }

    /**
     * The record of a kind that someone means by what they typed (a form's name field): the only one
     * whose name holds it, or the one named exactly so (any case); otherwise up to {@code limit}
     * candidates to choose from. {@code except} (may be null) is never meant (the record the page is about).
     */
    public Named named(Kind kind, String typed, int limit, Long except) {
        String text = typed.strip();
        java.util.Map<Long, String> matches = new java.util.LinkedHashMap<>(matching(kind, text.length() > 200 ? text.substring(0, 200) : text,
                limit + 1));
        if (except != null) {
            matches.remove(except);
        }
        boolean one = matches.size() == 1 || matches.values().stream().findFirst().filter(text::equalsIgnoreCase).isPresent();
        return one ? new Named(matches.keySet().iterator().next(), java.util.Map.of())
                : new Named(null, matches.entrySet().stream().limit(limit).collect(java.util.stream.Collectors.toMap(
                        java.util.Map.Entry::getKey, java.util.Map.Entry::getValue, (a, b) -> a, java.util.LinkedHashMap::new)));
    }

    /** Up to {@code limit} records of a kind by name, id → name in name order (for a form's choices). */
    public java.util.Map<Long, String> choices(Kind kind, int limit) {
        java.util.Map<Long, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, " + kind.nameColumn + " from " + kind.table + " order by 2, 1 limit :limit").param("limit", limit)
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    /** Collects every missing reference of a request, then fails once with all of them. */
    public final class Check {
        private final List<ApiError.FieldProblem> problems = new ArrayList<>();

        public Check exists(String field, Kind kind, Long id) {
            if (id != null && !References.this.exists(kind, id)) {
                problems.add(ApiError.FieldProblem.saying(field, "there is no " + kind.noun + " with id " + id, "problem.field.no-record", id));
            }
            return this;
        }

        /**
         * A manager scoped to a unit or department ({@code scope} present) keeps what it writes within
         * its scope: the record's owner is one of the scope's employees, or the record would leave the
         * manager's sight once saved. Nothing is asked of anyone else.
         */
        public Check ownedInScope(String field, Long employeeId, java.util.Optional<CurrentActor.OrgScope> scope) {
            if (scope.isEmpty() || problems.stream().anyMatch(p -> p.field().equals(field))) {
                return this;
            }
            if (employeeId == null) {
                problems.add(ApiError.FieldProblem.saying(field, "is required: a manager of one unit or department gives each record an owner there",
                        "problem.field.owner-in-scope-required"));
            } else if (!inScope(employeeId, scope.get())) {
                problems.add(ApiError.FieldProblem.saying(field, "must be someone in your unit or department", "problem.field.owner-out-of-scope"));
            }
            return this;
        }

        /**
         * A campaign the one asking may name: for a partner user ({@code partner} its partner) the
         * program's campaigns and its own partner's co-marketing ones; another partner's reads as missing.
         */
        public Check campaign(String field, Long id, Long partner) {
            if (id != null && partner != null && !jdbc.sql("select exists (select 1 from campaign where id = :id and (partner_id is null or partner_id = :p))")
                    .param("id", id).param("p", partner).query(Boolean.class).single()) {
                problems.add(ApiError.FieldProblem.saying(field, "there is no campaign with id " + id, "problem.field.no-record", id));
                return this;
            }
            return exists(field, Kind.CAMPAIGN, id);
        }

        public Check country(String field, String code) {
            if (code != null && !jdbc.sql("select exists (select 1 from country where code = :c)").param("c", code).query(Boolean.class).single()) {
                problems.add(ApiError.FieldProblem.saying(field, "is not a country PartnerPulse knows (ISO 3166 alpha-2)", "problem.field.country"));
            }
            return this;
        }

        /** The currency is the base currency or has at least one exchange rate to it. */
        public Check currency(String field, String code, String base) {
            if (code != null && !code.equals(base) && !jdbc.sql("select exists (select 1 from exchange_rate where currency = :c)")
                    .param("c", code).query(Boolean.class).single()) {
                problems.add(ApiError.FieldProblem.saying(field, "has no exchange rate to " + base + " yet; add one under /api/v1/exchange-rates first",
                        "problem.field.no-rate", base));
            }
            return this;
        }

        /** A rule the request must keep; a page names a broken one by the message {@code key}. */
        public Check rule(boolean holds, String field, String reason, String key, Object... arguments) {
            if (!holds) {
                problems.add(ApiError.FieldProblem.saying(field, reason, key, arguments));
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
