package io.partnerpulse.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.SqlParams;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an entry for every change, in the transaction of the change itself: a change that rolls back
 * leaves no entry, and no committed change is without one.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CurrentActor actor;

    AuditTrail(JdbcClient jdbc, JsonMapper json, CurrentActor actor) {
        this.jdbc = jdbc;
        this.json = json;
        this.actor = actor;
    }

    /** Records a change; {@code before} and {@code after} are the views of the record (null when absent). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String entityType, Object entityId, Object before, Object after) {
        jdbc.sql("""
                insert into audit_log (actor, action, entity_type, entity_id, before, after)
                values (:actor, :action, :type, :id, cast(:before as jsonb), cast(:after as jsonb))""")
                .param("actor", actor).param("action", action).param("type", entityType)
                .param("id", SqlParams.text(entityId == null ? null : entityId.toString()))
                .param("before", SqlParams.text(before == null ? null : json.writeValueAsString(before)))
                .param("after", SqlParams.text(after == null ? null : json.writeValueAsString(after)))
                .update();
    }

    /** Records an event that is not a change of a record (a login, say), in a transaction of its own. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordEvent(String actor, String action, String entityType, Object entityId, Object details) {
        record(actor, action, entityType, entityId, null, details);
    }

    public record Entry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
                        Object before, Object after) {
    }

    public record Filter(String entityType, String entityId, String actor, String action, Instant from, Instant to) {
    }

    /**
     * The entries that match, newest first. The log holds every record's before and after, whoever's
     * it is: a partner user, or a manager or analyst scoped to a unit or department (who sees only its
     * people's records elsewhere), may not read it.
     */
    @Transactional(readOnly = true)
    public Page<Entry> find(Filter filter, String sort, int page, int size) {
        actor.requireStaff();
        if (actor.orgScope().isPresent()) {
            throw new ApiError(HttpStatus.FORBIDDEN, "audit.unscoped", "Forbidden",
                    "The audit log covers the whole program; a user scoped to a unit or department cannot read it.", Map.of())
                    .saying("problem.audit.scoped");
        }
        return ListQuery.from("select id, occurred_at, actor, action, entity_type, entity_id, before::text as before, after::text as after from audit_log")
                .where("entity_type = :type", "type", filter.entityType())
                .where("entity_id = :entityId", "entityId", filter.entityId())
                .where("actor = :actor", "actor", filter.actor())
                .where("action = :action", "action", filter.action())
                .where("occurred_at >= :from", "from", filter.from() == null ? null : OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC))
                .where("occurred_at < :to", "to", filter.to() == null ? null : OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC))
                .sort(sort, java.util.Map.of("occurredAt", "occurred_at", "actor", "actor", "entityType", "entity_type"),
                        "occurred_at desc, id", "id desc")
                .page(jdbc, page, size, (rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"), rs.getString("entity_id"),
                        parse(rs.getString("before")), parse(rs.getString("after"))));
    }

    /** The kinds of record the log holds entries for, in name order (one index probe per kind, however long the log). */
    @Transactional(readOnly = true)
    public java.util.List<String> types() {
        return jdbc.sql("""
                with recursive kind(type) as (
                    select min(entity_type) from audit_log
                    union all
                    select (select min(entity_type) from audit_log where entity_type > kind.type) from kind where kind.type is not null)
                select type from kind where type is not null""").query(String.class).list();
    }

    private Object parse(String text) {
        return text == null ? null : json.readTree(text);
    }
}
