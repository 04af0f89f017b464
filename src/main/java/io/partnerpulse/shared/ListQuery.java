package io.partnerpulse.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A paged, sorted, filtered list query. The SQL is made only of fragments written in the code (the
 * select, each condition, the sortable columns); every value a client sends is a bound parameter, and
 * a sort on anything but a listed column is refused with a 400.
 */
public final class ListQuery {

    public static final int MAX_SIZE = 500;

    private final String select;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private String orderBy;

    private ListQuery(String select) {
        this.select = select;
    }

    /** {@code select} is "select ... from ... [join ...]" without where or order by. */
    public static ListQuery from(String select) {
        return new ListQuery(select);
    }

    /** Adds {@code condition} (with {@code :name}) when the value is given. */
    public ListQuery where(String condition, String name, Object value) {
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds the condition of a manager's scope (see {@link CurrentActor.OrgScope#ownerIn}) when there is one. */
    public ListQuery inScope(CurrentActor.OrgScope scope, String condition) {
        if (scope != null) {
            conditions.add(condition);
            params.put("scopeUnit", scope.businessUnitId());
            params.put("scopeDepartment", scope.departmentId());
        }
        return this;
    }

    /** Binds a parameter that the select itself uses (not a filter). */
    public ListQuery bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Adds a condition without parameters when {@code apply} is true. */
    public ListQuery whereIf(boolean apply, String condition) {
        if (apply) {
            conditions.add(condition);
        }
        return this;
    }

    /** Case-insensitive containment search of {@code text} in the given expression. */
    public ListQuery search(String expression, String text) {
        if (text != null && !text.isBlank()) {
            conditions.add("lower(" + expression + ") like :q escape '\\'");
            params.put("q", "%" + text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return this;
    }

    /**
     * Orders by {@code sort} ("field" or "field,desc"), one of {@code sortable} (API field → column), or by
     * {@code fallback} (a column with its direction) when no sort is asked for; then by {@code tieBreaker}
     * so that pages never overlap.
     */
    public ListQuery sort(String sort, Map<String, String> sortable, String fallback, String tieBreaker) {
        if (sort == null || sort.isBlank()) {
            orderBy = fallback + " nulls last, " + tieBreaker;
            return this;
        }
        String[] parts = sort.split(",");
        String column = sortable.get(parts[0].trim());
        if (column == null) {
            throw ApiError.invalidParameter("sort", "sort must be one of " + sortable.keySet() + ", optionally followed by ,asc or ,desc.",
                    List.copyOf(sortable.keySet()));
        }
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiError.invalidParameter("sort", "The sort direction must be asc or desc.", List.of("asc", "desc"));
        }
        orderBy = column + " " + direction + " nulls last, " + tieBreaker;
        return this;
    }

    /** The select with its filters and their parameters, to use as a subquery (no order, no paging). */
    public record Filtered(String sql, Map<String, Object> params) {
    }

    public Filtered filtered() {
        // a parameter may be null (a scope without a department): no Map.copyOf
        return new Filtered(select + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions)),
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params)));
    }

    public <T> Page<T> page(JdbcClient jdbc, int page, int size, RowMapper<T> mapper) {
        if (page < 0) {
            throw ApiError.invalidParameter("page", "page counts from 0.", null);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiError.invalidParameter("size", "size must be from 1 to " + MAX_SIZE + ".", null);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from (" + select + where + ") counted").params(params).query(Long.class).single();
        if (Exports.requested()) {
            // a file holds every row the filters select, not one page of them
            if (total > Exports.MAX_ROWS) {
                throw ApiError.invalidParameter("format", "The list has " + total + " rows; an export holds at most "
                        + Exports.MAX_ROWS + ". Narrow the filters.", null);
            }
            page = 0;
            size = (int) Math.max(1, total);
        }
        List<T> items = jdbc.sql(select + where + " order by " + (orderBy == null ? "1" : orderBy) + " limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size).query(mapper).list();
        return new Page<>(items, page, size, total);
    }
}
