package io.partnerpulse.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.security.internal.AppUser;
import io.partnerpulse.security.internal.TokenUsers;
import io.partnerpulse.security.internal.UserAccounts;
import io.partnerpulse.shared.ApiError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens for scripts: shown once when made, stored only as a SHA-256 hash, revocable,
 * with the time they were last used.
 */
@Service
@Transactional
public class ApiTokens {

    public record TokenForm(@NotBlank @Size(max = 100) String name) {
    }

    public record TokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    /** The one answer that carries the token itself. */
    public record NewToken(long id, String name, String token, String prefix, Instant createdAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Clock clock;
    private final TokenUsers tokenUsers;

    ApiTokens(JdbcClient jdbc, UserAccounts users, AuditTrail audit, Clock clock, TokenUsers tokenUsers) {
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.tokenUsers = tokenUsers;
    }

    public NewToken create(long userId, String actor, TokenForm form) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "pp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = token.substring(0, 10);
        Instant now = clock.instant();
        long id = jdbc.sql("insert into api_token (user_id, name, token_hash, prefix, created_at) values (:u, :n, :h, :p, :at) returning id")
                .param("u", userId).param("n", form.name().trim()).param("h", hash(token)).param("p", prefix)
                .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).query(Long.class).single();
        audit.record(actor, "token.created", "api-token", id, null, new TokenView(id, form.name().trim(), prefix, now, null, null));
        return new NewToken(id, form.name().trim(), token, prefix, now);
    }

    @Transactional(readOnly = true)
    public List<TokenView> list(long userId) {
        return jdbc.sql("select id, name, prefix, created_at, last_used_at, revoked_at from api_token where user_id = :u order by id")
                .param("u", userId).query((rs, n) -> view(rs)).list();
    }

    public TokenView revoke(long userId, long tokenId, String actor) {
        int rows = jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, :now) where id = :id and user_id = :u")
                .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", tokenId).param("u", userId).update();
        if (rows == 0) {
            throw ApiError.notFound("api-token", tokenId);
        }
        tokenUsers.forgetAll();
        TokenView view = jdbc.sql("select id, name, prefix, created_at, last_used_at, revoked_at from api_token where id = :id")
                .param("id", tokenId).query((rs, n) -> view(rs)).single();
        audit.record(actor, "token.revoked", "api-token", tokenId, null, view);
        return view;
    }

    private final java.util.Map<String, Instant> lastRecorded = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The active user a live token belongs to; records that the token was used. Runs on every API
     * request: the token's user as {@link TokenUsers} keeps it for a moment, else one read; no
     * transaction of its own (the rare last-use write commits by itself).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<AppUser> authenticate(String token) {
        String hash = hash(token);
        Optional<AppUser> found = tokenUsers.user(hash, users::byTokenHash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // the last use is kept to the minute: this instance writes it at most once a minute per token
        Instant now = clock.instant();
        Instant recorded = lastRecorded.get(hash);
        if (recorded == null || recorded.isBefore(now.minusSeconds(60))) {
            jdbc.sql("""
                    update api_token set last_used_at = :now
                    where token_hash = :h and (last_used_at is null or last_used_at < :now - interval '1 minute')""")
                    .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("h", hash).update();
            lastRecorded.put(hash, now);
        }
        return found.filter(AppUser::isEnabled).filter(AppUser::isAccountNonLocked);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TokenView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new TokenView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant());
    }
}
