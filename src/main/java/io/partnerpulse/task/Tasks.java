package io.partnerpulse.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.deal.OpportunityManagement;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.ListQuery;
import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.shared.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups. Each is its assignee's and its writer's: nobody else sees it (a lookup by another is a
 * 404). One about a deal is written only by someone who sees that deal. Staff may give one to another
 * active channel manager or administrator; a partner user writes its own only. Done and opened again
 * at the version read. Audited.
 */
@Service
@Transactional
public class Tasks {

    private static final String SELECT = """
            select t.id, t.title, t.due_on, t.assignee_id, a.display_name, t.created_by_id, c.display_name, t.opportunity_id, o.name,
                   t.created_at, t.done_at, t.version
            from task t join app_user a on a.id = t.assignee_id join app_user c on c.id = t.created_by_id
            left join opportunity o on o.id = t.opportunity_id""";

    private final JdbcClient jdbc;
    private final CurrentActor actor;
    private final OpportunityManagement opportunities;
    private final AuditTrail audit;
    private final OrganizationSettings organization;
    private final Clock clock;
    private final io.partnerpulse.security.RunAs runAs;

    Tasks(JdbcClient jdbc, CurrentActor actor, OpportunityManagement opportunities, AuditTrail audit, OrganizationSettings organization,
          Clock clock, io.partnerpulse.security.RunAs runAs) {
        this.runAs = runAs;
        this.jdbc = jdbc;
        this.actor = actor;
        this.opportunities = opportunities;
        this.audit = audit;
        this.organization = organization;
        this.clock = clock;
    }

    /** Which of one's follow-ups a list shows. */
    public enum Showing {
        /** Open ones, the earliest due first. */
        OPEN,
        /** Open ones due before today. */
        OVERDUE,
        /** Done ones, the last done first. */
        DONE
    }

    /**
     * The current user's follow-ups (given to them, or written by them for someone else), narrowed to
     * one deal when {@code opportunityId} is given.
     */
    @Transactional(readOnly = true)
    public Page<TaskView> mine(Showing showing, Long opportunityId, int page, int size) {
        long me = me();
        Showing show = showing == null ? Showing.OPEN : showing;
        return ListQuery.from(SELECT)
                .where("(t.assignee_id = :me or t.created_by_id = :me)", "me", me)
                .where("t.opportunity_id = :opportunity", "opportunity", opportunityId)
                .whereIf(show != Showing.DONE, "t.done_at is null")
                .whereIf(show == Showing.DONE, "t.done_at is not null")
                .where("t.due_on < :today", "today", show == Showing.OVERDUE ? today() : null)
                .sort(null, Map.of(), show == Showing.DONE ? "t.done_at desc" : "t.due_on, t.created_at", "t.id")
                .page(jdbc, page, size, Tasks::view);
    }

    @Transactional(readOnly = true)
    public TaskView get(long id) {
        long me = me();
        return jdbc.sql(SELECT + " where t.id = :id and (t.assignee_id = :me or t.created_by_id = :me)").param("id", id).param("me", me)
                .query(Tasks::view).optional().orElseThrow(() -> ApiError.notFound("task", id));
    }

    /** The current user's open follow-ups due today or before, the earliest first (for the dashboard); none without an account. */
    @Transactional(readOnly = true)
    public java.util.List<TaskView> dueMine(int size) {
        return actor.userId().map(me -> jdbc.sql(SELECT + " where t.assignee_id = :me and t.done_at is null and t.due_on <= :today"
                        + " order by t.due_on, t.id limit :n").param("me", me).param("today", today()).param("n", size)
                .query(Tasks::view).list()).orElse(java.util.List.of());
    }

    /** How many of the current user's open follow-ups are due today or before (for the header). */
    @Transactional(readOnly = true)
    public int dueCount() {
        return actor.userId().map(me -> jdbc.sql("select count(*) from task where assignee_id = :me and done_at is null and due_on <= :today")
                .param("me", me).param("today", today()).query(Integer.class).single()).orElse(0);
    }

    public TaskView create(TaskView.Form form) {
        long me = me();
        Map<String, String> problems = new LinkedHashMap<>();
        String title = form.title() == null ? "" : form.title().strip();
        if (title.isEmpty() || title.length() > 300) {
            problems.put("title", "must hold 1 to 300 characters");
        }
        if (form.dueOn() == null || form.dueOn().getYear() < 2000 || form.dueOn().getYear() > 2200) {
            problems.put("dueOn", "must be a day between 2000 and 2200");
        }
        long assignee = form.assigneeId() == null ? me : form.assigneeId();
        if (assignee != me && (actor.partner().isPresent() || !jdbc.sql("""
                select exists (select 1 from app_user where id = :id and active and role in ('ADMIN', 'CHANNEL_MANAGER'))""")
                .param("id", assignee).query(Boolean.class).single())) {
            problems.put("assigneeId", "must be yourself, or for staff an active channel manager or administrator");
        }
        if (!problems.isEmpty()) {
            throw ApiError.invalid(problems.entrySet().stream().map(p -> new ApiError.FieldProblem(p.getKey(), p.getValue())).toList());
        }
        if (form.opportunityId() != null) {
            opportunities.get(form.opportunityId()); // someone who does not see the deal gets its 404
            if (assignee != me && !sees(assignee, form.opportunityId())) {
                // a manager of one unit or department would read the name of a deal outside it on its follow-ups
                throw ApiError.invalid("assigneeId", "does not see this deal: give it to someone who does", "problem.task.assignee-unseen");
            }
        }
        long id = jdbc.sql("""
                        insert into task (title, due_on, assignee_id, created_by_id, opportunity_id)
                        values (:title, :due, :assignee, :me, :opportunity) returning id""")
                .param("title", title).param("due", form.dueOn()).param("assignee", assignee).param("me", me)
                .param("opportunity", io.partnerpulse.shared.SqlParams.id(form.opportunityId())).query(Long.class).single();
        TaskView created = get(id);
        audit.record(actor.name(), "task.created", "task", id, null, created);
        return created;
    }

    /** Whether that person may see the deal (as the deal's page would decide for them). */
    private boolean sees(long person, long opportunityId) {
        try {
            return runAs.user(person, () -> opportunities.get(opportunityId)) != null;
        } catch (ApiError e) {
            return false;
        }
    }

    /** Marks it done ({@code done} true) or open again, at the version read. */
    public TaskView finish(long id, boolean done, long version) {
        TaskView before = get(id);
        if (before.version() != version) {
            throw ApiError.staleVersion("task", id, version);
        }
        int changed = jdbc.sql("update task set done_at = " + (done ? "coalesce(done_at, :now)" : "null")
                        + ", version = version + 1 where id = :id and version = :version")
                .param("now", java.time.OffsetDateTime.now(clock)).param("id", id).param("version", version).update();
        if (changed == 0) {
            throw ApiError.staleVersion("task", id, version);
        }
        TaskView after = get(id);
        audit.record(actor.name(), done ? "task.done" : "task.reopened", "task", id, before, after);
        return after;
    }

    /** Who a follow-up may be given to by the current user, id → name: itself, and for staff the active channel managers and administrators. */
    @Transactional(readOnly = true)
    public Map<Long, String> assignees() {
        long me = me();
        Map<Long, String> people = new LinkedHashMap<>();
        jdbc.sql("select id, display_name from app_user where id = :me").param("me", me).query(rs -> {
            people.put(rs.getLong(1), rs.getString(2));
        });
        if (actor.partner().isEmpty()) {
            jdbc.sql("select id, display_name from app_user where active and role in ('ADMIN', 'CHANNEL_MANAGER') and id <> :me order by display_name, id limit 500")
                    .param("me", me).query(rs -> {
                        people.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return people;
    }

    /** Today in the organization's time zone: what "due" and "overdue" are measured against. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(organization.timeZone()));
    }

    private long me() {
        return actor.userId().orElseThrow(() -> new ApiError(org.springframework.http.HttpStatus.FORBIDDEN, "task.no-account", "Forbidden",
                "Follow-ups belong to a signed-in account.", Map.of()));
    }

    private static TaskView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.time.OffsetDateTime done = rs.getObject(11, java.time.OffsetDateTime.class);
        return new TaskView(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getLong(4), rs.getString(5), rs.getLong(6),
                rs.getString(7), (Long) rs.getObject(8), rs.getString(9), rs.getObject(10, java.time.OffsetDateTime.class).toInstant(),
                done == null ? null : done.toInstant(), rs.getLong(12));
    }
}
