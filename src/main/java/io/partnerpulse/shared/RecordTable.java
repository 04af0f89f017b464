package io.partnerpulse.shared;

import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plain read-and-write steps of a table of simple records (units, channels, targets...): find by
 * id, list with filters, insert, and update under optimistic locking. The SQL is the caller's; this
 * class only runs it the same way every time.
 *
 * @param <V> the record's view
 */
public final class RecordTable<V extends Versioned> {

    private final JdbcClient jdbc;
    private final String entity;
    private final String select;
    private final String idColumn;
    private final RowMapper<V> mapper;
    private Audit audit = (action, entity, id, before, after) -> { };

    /** Where {@link #create} and {@link #edit} record what they did. */
    @FunctionalInterface
    public interface Audit {
        void record(String action, String entity, long id, Object before, Object after);
    }

    /** Records every create and edit in the audit log, as "entity.created" and "entity.edited". */
    public RecordTable<V> audited(Audit audit) {
        this.audit = audit;
        return this;
    }

    /** {@link #insert}, then records the new record in the audit log. */
    public V create(String sql, Map<String, ?> params) {
        V view = insert(sql, params);
        audit.record(entity + ".created", entity, view.id(), null, view);
        return view;
    }

    /** {@link #update}, then records the record before and after in the audit log. */
    public V edit(long id, long version, String sql, Map<String, ?> params) {
        V before = get(id);
        V after = update(id, version, sql, params);
        audit.record(entity + ".edited", entity, id, before, after);
        return after;
    }

    /**
     * @param entity   the record's name in error codes and messages ("business-unit")
     * @param select   "select ... from table alias" without where
     * @param idColumn the id column with its alias ("u.id")
     */
    public RecordTable(JdbcClient jdbc, String entity, String select, String idColumn, RowMapper<V> mapper) {
        this.jdbc = jdbc;
        this.entity = entity;
        this.select = select;
        this.idColumn = idColumn;
        this.mapper = mapper;
    }

    public Optional<V> find(long id) {
        return jdbc.sql(select + " where " + idColumn + " = :id").param("id", id).query(mapper).optional();
    }

    public V get(long id) {
        return find(id).orElseThrow(() -> ApiError.notFound(entity, id));
    }

    public Page<V> list(UnaryOperator<ListQuery> filters, String sort, Map<String, String> sortable, String fallback, int page, int size) {
        return filters.apply(ListQuery.from(select)).sort(sort, sortable, fallback, idColumn).page(jdbc, page, size, mapper);
    }

    /** Runs an insert that ends in "returning id" and reads the new record back. */
    public V insert(String sql, Map<String, ?> params) {
        long id;
        try {
            id = jdbc.sql(sql).params(params).query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ApiError.duplicate();
        }
        return get(id);
    }

    /**
     * Runs an update whose where clause ends in "id = :id and version = :version" (and that sets
     * version = version + 1); a 404 if the record is gone, a 409 if its version moved on.
     */
    public V update(long id, long version, String sql, Map<String, ?> params) {
        return updateRow(id, version, sql, params);
    }

    /**
     * Deletes the record at the version the client read, and records it in the audit log as
     * "entity.deleted"; a 404 if it is gone, a 409 if its version moved on.
     */
    public void remove(long id, long version, String table) {
        V before = get(id);
        int rows = jdbc.sql("delete from " + table + " where id = :id and version = :version").param("id", id).param("version", version).update();
        if (rows == 0) {
            throw ApiError.staleVersion(entity, id, version);
        }
        audit.record(entity + ".deleted", entity, id, before, null);
    }

    private V updateRow(long id, long version, String sql, Map<String, ?> params) {
        get(id);
        int rows;
        try {
            rows = jdbc.sql(sql).params(params).param("id", id).param("version", version).update();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw ApiError.duplicate();
        }
        if (rows == 0) {
            throw ApiError.staleVersion(entity, id, version);
        }
        return get(id);
    }
}
