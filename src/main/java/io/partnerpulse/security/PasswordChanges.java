package io.partnerpulse.security;

import java.util.Map;

import io.partnerpulse.audit.AuditTrail;
import io.partnerpulse.security.internal.UserAccounts;
import io.partnerpulse.shared.ApiError;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user changes their own password, knowing the current one. */
@Service
@Transactional
public class PasswordChanges {

    public record PasswordForm(@NotBlank String currentPassword, @NotBlank @Size(min = 12, max = 200) String newPassword) {
    }

    private final UserAccounts users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;

    PasswordChanges(UserAccounts users, PasswordEncoder encoder, AuditTrail audit) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
    }

    public void change(long userId, PasswordForm form) {
        var user = users.byId(userId).orElseThrow(() -> ApiError.notFound("user", userId));
        if (!encoder.matches(form.currentPassword(), user.passwordHash())) {
            throw ApiError.invalid("currentPassword", "is not your current password", "password.error.current");
        }
        if (form.newPassword().equals(form.currentPassword())) {
            throw ApiError.invalid("newPassword", "must differ from the current password", "password.error.same");
        }
        users.changePassword(userId, encoder.encode(form.newPassword()));
        audit.record(user.email(), "user.password-changed", "user", userId, null, Map.of("email", user.email()));
    }
}
