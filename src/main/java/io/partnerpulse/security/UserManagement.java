package io.partnerpulse.security;

import java.time.Instant;
import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.security.internal.UserAccounts;
import io.partnerpulse.shared.ApiError;
import io.partnerpulse.shared.CurrentActor;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.RecordTable;
import io.partnerpulse.shared.References;
import io.partnerpulse.shared.References.Kind;
import io.partnerpulse.shared.Versioned;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts, managed by administrators. A partner user belongs to exactly one partner. */
@Service
@Transactional
public class UserManagement {

    public record UserView(long id, String email, String displayName, Role role, Long partnerId, Long businessUnitId,
                           Long departmentId, boolean active,
                           boolean mustChangePassword, Instant lastLoginAt, Instant lockedUntil, long version) implements Versioned {
    }

    /**
     * businessUnitId or departmentId scope a channel manager or analyst to one unit or department.
     * mustChangePassword: the user chooses a password of their own at the next sign-in (for a password
     * an administrator gave them); left out, a new user need not and an existing one stays as they are.
     */
    public record UserForm(@NotBlank @Email @Size(max = 200) String email, @NotBlank @Size(max = 200) String displayName,
                           @NotNull Role role, @Positive Long partnerId, @Positive Long businessUnitId, @Positive Long departmentId,
                           @Size(min = 12, max = 200) String password,
                           Boolean active, Long version, Boolean mustChangePassword) {
    }

    private final RecordTable<UserView> table;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final References references;
    private final AuditTrail audit;
    private final CurrentActor actor;

    UserManagement(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder encoder, References references, AuditTrail audit,
                   CurrentActor actor) {
        this.table = new RecordTable<>(jdbc, "user", """
                select u.id, u.email, u.display_name, u.role, u.partner_id, u.business_unit_id, u.department_id, u.active,
                       u.must_change_password, u.last_login_at, u.locked_until, u.version from app_user u""", "u.id",
                (rs, n) -> new UserView(rs.getLong(1), rs.getString(2), rs.getString(3), Role.valueOf(rs.getString(4)),
                        (Long) rs.getObject(5), (Long) rs.getObject(6), (Long) rs.getObject(7), rs.getBoolean(8), rs.getBoolean(9),
                        rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant(),
                        rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(), rs.getLong(12)));
        this.accounts = accounts;
        this.encoder = encoder;
        this.references = references;
        this.audit = audit;
        this.actor = actor;
    }

    public UserView create(UserForm form) {
        check(form);
        if (form.password() == null) {
            throw ApiError.invalid("password", "is required for a new user (at least 12 characters)", "problem.user.password");
        }
        if (accounts.byEmail(form.email()).isPresent()) {
            throw ApiError.conflict("user.email-taken", "A user with this email exists already.").saying("problem.user.email-taken");
        }
        long id = accounts.create(form.email().trim(), form.displayName().trim(), encoder.encode(form.password()), form.role(),
                form.partnerId(), Boolean.TRUE.equals(form.mustChangePassword()));
        if (form.businessUnitId() != null || form.departmentId() != null) {
            table.update(id, 0, "update app_user set business_unit_id = :unit, department_id = :department, version = version + 1 "
                    + "where id = :id and version = :version", params(form));
        }
        UserView view = table.get(id);
        audit.record(actor.name(), "user.created", "user", id, null, view);
        return view;
    }

    public UserView edit(long id, UserForm form, long version) {
        check(form);
        UserView before = table.get(id);
        UserView after = table.update(id, version, """
                update app_user set email = :email, display_name = :name, role = :role, partner_id = :partner,
                       business_unit_id = :unit, department_id = :department, active = :active,
                       password_hash = coalesce(:hash, password_hash),
                       must_change_password = coalesce(:mustChange, must_change_password), version = version + 1
                where id = :id and version = :version""", params(form));
        accounts.changed();
        audit.record(actor.name(), "user.edited", "user", id, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public UserView get(long id) {
        return table.get(id);
    }

    @Transactional(readOnly = true)
    public Page<UserView> list(Role role, Long partnerId, String q, String sort, int page, int size) {
        return table.list(query -> query.where("u.role = :role", "role", role == null ? null : role.name())
                        .where("u.partner_id = :partner", "partner", partnerId).search("u.email || ' ' || u.display_name", q),
                sort, Map.of("email", "u.email", "role", "u.role", "lastLoginAt", "u.last_login_at"), "u.email", page, size);
    }

    private void check(UserForm form) {
        boolean scoped = form.businessUnitId() != null || form.departmentId() != null;
        references.check().exists("partnerId", Kind.PARTNER, form.partnerId())
                .exists("businessUnitId", Kind.UNIT, form.businessUnitId())
                .exists("departmentId", Kind.DEPARTMENT, form.departmentId())
                .rule((form.role() == Role.PARTNER_USER) == (form.partnerId() != null), "partnerId",
                        "is required for a PARTNER_USER and must be empty for every other role", "problem.user.partner")
                .rule(form.businessUnitId() == null || form.departmentId() == null, "departmentId",
                        "scope a user to a business unit or a department, not both", "problem.user.one-scope")
                .rule(!scoped || form.role() == Role.CHANNEL_MANAGER || form.role() == Role.ANALYST, "role",
                        "only a CHANNEL_MANAGER or an ANALYST can be scoped to a unit or department", "problem.user.scoped-role")
                .orThrow();
    }

    private Map<String, Object> params(UserForm form) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("email", form.email().trim());
        p.put("name", form.displayName().trim());
        p.put("role", form.role().name());
        p.put("partner", form.partnerId());
        p.put("unit", form.businessUnitId());
        p.put("department", form.departmentId());
        p.put("active", form.active() == null || form.active());
        p.put("hash", form.password() == null ? null : encoder.encode(form.password()));
        p.put("mustChange", form.mustChangePassword());
        return p;
    }
}
