package io.partnerpulse.security.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.partnerpulse.security.Role;
import io.partnerpulse.security.SecuritySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** Accounts in the app_user table: loading them for login, counting failures, locking. */
@Repository
public class UserAccounts implements UserDetailsService {

    private static final String SELECT = """
            select id, email, display_name, password_hash, role, partner_id, business_unit_id, department_id, active, locked_until,
                   must_change_password from app_user""";

    private final JdbcClient jdbc;
    private final SecuritySettings settings;
    private final Clock clock;
    private final TokenUsers tokenUsers;

    UserAccounts(JdbcClient jdbc, SecuritySettings settings, Clock clock, TokenUsers tokenUsers) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.tokenUsers = tokenUsers;
    }

    @Override
    public AppUser loadUserByUsername(String email) {
        return byEmail(email).orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    public Optional<AppUser> byEmail(String email) {
        return jdbc.sql(SELECT + " where lower(email) = lower(:e)").param("e", email == null ? "" : email.trim())
                .query((rs, n) -> user(rs)).optional();
    }

    public Optional<AppUser> byId(long id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query((rs, n) -> user(rs)).optional();
    }

    /** The user a live (not revoked) API token with this SHA-256 hash belongs to (kept a moment by {@link TokenUsers}). */
    public Optional<AppUser> byTokenHash(String tokenHash) {
        return jdbc.sql(SELECT + " where id = (select t.user_id from api_token t where t.token_hash = :h and t.revoked_at is null)")
                .param("h", tokenHash).query((rs, n) -> user(rs)).optional();
    }

    public boolean anyAdministrator() {
        return jdbc.sql("select exists (select 1 from app_user where role = 'ADMIN')").query(Boolean.class).single();
    }

    public long create(String email, String displayName, String passwordHash, Role role, Long partnerId, boolean mustChange) {
        return jdbc.sql("""
                insert into app_user (email, display_name, password_hash, role, partner_id, must_change_password)
                values (:e, :n, :h, :r, :p, :m) returning id""")
                .param("e", email).param("n", displayName).param("h", passwordHash).param("r", role.name()).param("p", partnerId)
                .param("m", mustChange).query(Long.class).single();
    }

    public void changePassword(long id, String hash) {
        jdbc.sql("update app_user set password_hash = :h, must_change_password = false, version = version + 1 where id = :id")
                .param("h", hash).param("id", id).update();
        tokenUsers.forgetAll();
    }

    /** A user was changed (role, partner, organization, active): API tokens' users are read again. */
    public void changed() {
        tokenUsers.forgetAll();
    }

    /** Counts a failed login; returns the failures in a row, locking the account at the limit. */
    public int failed(String email) {
        Instant lockUntil = clock.instant().plus(settings.lockDuration());
        int failures = jdbc.sql("""
                update app_user set failed_logins = failed_logins + 1,
                       locked_until = case when failed_logins + 1 >= :max then :until else locked_until end
                where lower(email) = lower(:e) returning failed_logins""")
                .param("max", settings.maxFailedLogins()).param("until", OffsetDateTime.ofInstant(lockUntil, ZoneOffset.UTC))
                .param("e", email == null ? "" : email.trim()).query(Integer.class).optional().orElse(0);
        if (failures >= settings.maxFailedLogins()) {
            tokenUsers.forgetAll();   // locked: its API tokens stop working too
        }
        return failures;
    }

    /** Clears the failures of an account that signed in (touches no row when there were none). */
    public void succeeded(long id) {
        int unlocked = jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id and (failed_logins > 0 or locked_until is not null)")
                .param("id", id).update();
        if (unlocked > 0) {
            tokenUsers.forgetAll();
        }
    }

    public void loggedIn(long id) {
        jdbc.sql("update app_user set last_login_at = :now where id = :id")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", id).update();
    }

    private static AppUser user(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AppUser(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), (Long) rs.getObject("partner_id"), (Long) rs.getObject("business_unit_id"),
                (Long) rs.getObject("department_id"), rs.getBoolean("active"),
                rs.getTimestamp("locked_until") == null ? null : rs.getTimestamp("locked_until").toInstant(),
                rs.getBoolean("must_change_password"));
    }
}
