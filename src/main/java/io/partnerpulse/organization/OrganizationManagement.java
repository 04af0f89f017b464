package io.partnerpulse.organization;

import static io.partnerpulse.organization.OrganizationRecords.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.RecordTable;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Business units, their departments and the employees in them. */
@Service
@Transactional
public class OrganizationManagement {

    private final RecordTable<UnitView> units;
    private final RecordTable<DepartmentView> departments;
    private final RecordTable<EmployeeView> employees;
    private final References references;
    private final AuditTrail audit;
    private final CurrentActor actor;

    OrganizationManagement(JdbcClient jdbc, References references, AuditTrail audit, CurrentActor actor) {
        this.units = new RecordTable<>(jdbc, "business-unit", "select u.id, u.external_id, u.name, u.version from business_unit u",
                "u.id", (rs, n) -> new UnitView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).audited(this::audit);
        this.departments = new RecordTable<>(jdbc, "department",
                "select d.id, d.external_id, d.name, d.business_unit_id, d.version from department d", "d.id",
                (rs, n) -> new DepartmentView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5))).audited(this::audit);
        this.employees = new RecordTable<>(jdbc, "employee", """
                select e.id, e.external_id, e.full_name, e.email, e.title, e.department_id, e.manager_id, e.hire_date, e.active,
                       e.version from employee e""", "e.id",
                (rs, n) -> new EmployeeView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), (Long) rs.getObject(7), rs.getObject(8, LocalDate.class), rs.getBoolean(9), rs.getLong(10))).audited(this::audit);
        this.references = references;
        this.audit = audit;
        this.actor = actor;
    }

    // ---- business units ----
    public UnitView createUnit(UnitForm form) {
        requireWholeOrganization();
        return units.create("insert into business_unit (external_id, name) values (:externalId, :name) returning id", unit(form));
    }

    public UnitView editUnit(long id, UnitForm form, long version) {
        requireWholeOrganization();
        return units.edit(id, version, """
                update business_unit set external_id = :externalId, name = :name, version = version + 1
                where id = :id and version = :version""", unit(form));
    }

    @Transactional(readOnly = true)
    public UnitView unit(long id) {
        return units.get(id);
    }

    @Transactional(readOnly = true)
    public Page<UnitView> units(String q, String sort, int page, int size) {
        return units.list(query -> query.search("u.name", q), sort, Map.of("name", "u.name"), "u.name", page, size);
    }

    // ---- departments ----
    public DepartmentView createDepartment(DepartmentForm form) {
        requireWholeOrganization();
        references.check().exists("businessUnitId", Kind.UNIT, form.businessUnitId()).orThrow();
        return departments.create("""
                insert into department (external_id, name, business_unit_id) values (:externalId, :name, :unit) returning id""",
                department(form));
    }

    public DepartmentView editDepartment(long id, DepartmentForm form, long version) {
        requireWholeOrganization();
        references.check().exists("businessUnitId", Kind.UNIT, form.businessUnitId()).orThrow();
        return departments.edit(id, version, """
                update department set external_id = :externalId, name = :name, business_unit_id = :unit, version = version + 1
                where id = :id and version = :version""", department(form));
    }

    @Transactional(readOnly = true)
    public DepartmentView department(long id) {
        return departments.get(id);
    }

    @Transactional(readOnly = true)
    public Page<DepartmentView> departments(Long unitId, String q, String sort, int page, int size) {
        return departments.list(query -> query.where("d.business_unit_id = :unit", "unit", unitId).search("d.name", q),
                sort, Map.of("name", "d.name"), "d.name", page, size);
    }

    // ---- employees ----
    public EmployeeView createEmployee(EmployeeForm form) {
        requireWholeOrganization();
        checkEmployee(form, null);
        return employees.create("""
                insert into employee (external_id, full_name, email, title, department_id, manager_id, hire_date, active)
                values (:externalId, :name, :email, :title, :department, :manager, :hired, :active) returning id""", employee(form));
    }

    public EmployeeView editEmployee(long id, EmployeeForm form, long version) {
        requireWholeOrganization();
        checkEmployee(form, id);
        return employees.edit(id, version, """
                update employee set external_id = :externalId, full_name = :name, email = :email, title = :title,
                       department_id = :department, manager_id = :manager, hire_date = :hired, active = :active,
                       version = version + 1
                where id = :id and version = :version""", employee(form));
    }

    @Transactional(readOnly = true)
    public EmployeeView employee(long id) {
        return employees.get(id);
    }

    @Transactional(readOnly = true)
    public Page<EmployeeView> employees(Long departmentId, Long managerId, Boolean active, String q, String sort, int page, int size) {
        return employees.list(query -> query.where("e.department_id = :department", "department", departmentId)
                        .where("e.manager_id = :manager", "manager", managerId).where("e.active = :active", "active", active)
                        .search("e.full_name || ' ' || coalesce(e.email, '')", q),
                sort, Map.of("fullName", "e.full_name", "hireDate", "e.hire_date"), "e.full_name", page, size);
    }

    /** Whether the current user sees the whole organization, as changing it takes (its role aside: see {@link #requireWholeOrganization}). */
    public boolean seesWholeOrganization() {
        return actor.partner().isEmpty() && actor.orgScope().isEmpty();
    }

    /**
     * The organization is changed by staff who see all of it: a manager scoped to a unit or a
     * department, whose numbers are that part's, would otherwise move people into or out of its scope.
     */
    public void requireWholeOrganization() {
        actor.requireStaff();
        if (actor.orgScope().isPresent()) {
            throw new io.partnerpulse.shared.ApiError(org.springframework.http.HttpStatus.FORBIDDEN, "organization.scoped", "Forbidden",
                    "A manager scoped to a business unit or department does not change the organization.", Map.of())
                    .saying("problem.organization.scoped");
        }
    }

    private void checkEmployee(EmployeeForm form, Long id) {
        references.check().exists("departmentId", Kind.DEPARTMENT, form.departmentId())
                .exists("managerId", Kind.EMPLOYEE, form.managerId())
                .rule(id == null || !id.equals(form.managerId()), "managerId", "an employee cannot be their own manager", "problem.employee.own-manager")
                .orThrow();
    }

    private static Map<String, Object> unit(UnitForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", form.externalId());
        p.put("name", form.name().trim());
        return p;
    }

    private static Map<String, Object> department(DepartmentForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", form.externalId());
        p.put("name", form.name().trim());
        p.put("unit", form.businessUnitId());
        return p;
    }

    private static Map<String, Object> employee(EmployeeForm form) {
        Map<String, Object> p = new HashMap<>();
        p.put("externalId", form.externalId());
        p.put("name", form.fullName().trim());
        p.put("email", form.email());
        p.put("title", form.title());
        p.put("department", form.departmentId());
        p.put("manager", form.managerId());
        p.put("hired", form.hireDate());
        p.put("active", form.active() == null || form.active());
        return p;
    }

    private void audit(String action, String entity, long id, Object before, Object after) {
        audit.record(actor.name(), action, entity, id, before, after);
    }
}
