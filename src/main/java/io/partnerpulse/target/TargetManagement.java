package io.partnerpulse.target;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.RecordTable;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets: what a partner, employee, department, unit or the program should reach in a period.
 * The KPIs prorate a target by the days it shares with the period asked for.
 */
@Service
@Transactional
public class TargetManagement {

    /** @param periodEnd exclusive; {@code scopeId} is null for the program */
    public record TargetView(long id, TargetScope scope, Long scopeId, TargetMetric metric, LocalDate periodStart,
                             LocalDate periodEnd, BigDecimal value, long version) implements io.partnerpulse.shared.Versioned {
    }

    public record TargetForm(@NotNull TargetScope scope, @Positive Long scopeId, @NotNull TargetMetric metric,
                             @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
                             @NotNull @DecimalMin("0.00") @Digits(integer = 16, fraction = 2) BigDecimal value, Long version) {
    }

    private final RecordTable<TargetView> targets;
    private final References references;
    private final AuditTrail audit;
    private final CurrentActor actor;

    TargetManagement(JdbcClient jdbc, References references, AuditTrail audit, CurrentActor actor) {
        this.targets = new RecordTable<>(jdbc, "target", """
                select t.id, t.scope, coalesce(t.partner_id, t.employee_id, t.department_id, t.business_unit_id), t.metric,
                       t.period_start, t.period_end, t.value, t.version from target t""", "t.id",
                (rs, n) -> new TargetView(rs.getLong(1), TargetScope.valueOf(rs.getString(2)), (Long) rs.getObject(3),
                        TargetMetric.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getBigDecimal(7), rs.getLong(8))).audited(this::audit);
        this.references = references;
        this.audit = audit;
        this.actor = actor;
    }

    public TargetView create(TargetForm form) {
        return targets.create("""
                insert into target (scope, partner_id, employee_id, department_id, business_unit_id, metric, period_start, period_end, value)
                values (:scope, :partner, :employee, :department, :unit, :metric, :start, :end, :value) returning id""", params(form));
    }

    public TargetView edit(long id, TargetForm form, long version) {
        return targets.edit(id, version, """
                update target set scope = :scope, partner_id = :partner, employee_id = :employee, department_id = :department,
                       business_unit_id = :unit, metric = :metric, period_start = :start, period_end = :end, value = :value,
                       version = version + 1
                where id = :id and version = :version""", params(form));
    }

    /** Removes a target (a target is a plan, not a fact: nothing else refers to it). */
    @Transactional
    public void delete(long id, long version) {
        targets.remove(id, version, "target");
    }

    @Transactional(readOnly = true)
    public TargetView get(long id) {
        return targets.get(id);
    }

    @Transactional(readOnly = true)
    public Page<TargetView> list(TargetScope scope, Long scopeId, TargetMetric metric, LocalDate overlapsFrom, LocalDate overlapsTo,
                                 String sort, int page, int size) {
        return targets.list(query -> query.where("t.scope = :scope", "scope", scope == null ? null : scope.name())
                        .where("coalesce(t.partner_id, t.employee_id, t.department_id, t.business_unit_id) = :scopeId", "scopeId", scopeId)
                        .where("t.metric = :metric", "metric", metric == null ? null : metric.name())
                        .where("t.period_end > :from", "from", overlapsFrom).where("t.period_start < :to", "to", overlapsTo),
                sort, Map.of("periodStart", "t.period_start", "value", "t.value"), "t.period_start desc", page, size);
    }

    private Map<String, Object> params(TargetForm form) {
        Kind kind = switch (form.scope()) {
            case PARTNER -> Kind.PARTNER;
            case EMPLOYEE -> Kind.EMPLOYEE;
            case DEPARTMENT -> Kind.DEPARTMENT;
            case UNIT -> Kind.UNIT;
            case PROGRAM -> null;
        };
        references.check()
                .rule(kind == null ? form.scopeId() == null : form.scopeId() != null, "scopeId",
                        kind == null ? "must be empty for a program target" : "is required for a " + form.scope() + " target",
                        kind == null ? "problem.target.no-scope" : "problem.target.scope")
                .rule(form.periodEnd().isAfter(form.periodStart()), "periodEnd", "must be after periodStart (it is exclusive)",
                        "problem.target.period")
                .exists("scopeId", kind == null ? Kind.PARTNER : kind, kind == null ? null : form.scopeId())
                .orThrow();
        Map<String, Object> p = new HashMap<>();
        p.put("scope", form.scope().name());
        p.put("partner", form.scope() == TargetScope.PARTNER ? form.scopeId() : null);
        p.put("employee", form.scope() == TargetScope.EMPLOYEE ? form.scopeId() : null);
        p.put("department", form.scope() == TargetScope.DEPARTMENT ? form.scopeId() : null);
        p.put("unit", form.scope() == TargetScope.UNIT ? form.scopeId() : null);
        p.put("metric", form.metric().name());
        p.put("start", form.periodStart());
        p.put("end", form.periodEnd());
        p.put("value", form.value());
        return p;
    }

    private void audit(String action, String entity, long id, Object before, Object after) {
        audit.record(actor.name(), action, entity, id, before, after);
    }
}
