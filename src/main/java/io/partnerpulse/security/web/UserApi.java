package io.partnerpulse.security.web;

import java.util.List;

import io.partnerpulse.security.ApiTokens;
import io.partnerpulse.security.Role;
import io.partnerpulse.security.UserManagement;
import io.partnerpulse.security.UserManagement.UserForm;
import io.partnerpulse.security.UserManagement.UserView;
import io.partnerpulse.security.internal.AppUser;
import io.partnerpulse.shared.Page;
import io.partnerpulse.shared.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users and API tokens", description = "Accounts (administrators only) and each user's own personal API tokens")
class UserApi {

    private final UserManagement users;
    private final ApiTokens tokens;
    private final io.partnerpulse.security.PasswordChanges passwords;

    UserApi(UserManagement users, ApiTokens tokens, io.partnerpulse.security.PasswordChanges passwords) {
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
    }

    @GetMapping("/api/v1/users")
    Page<UserView> list(@RequestParam(required = false) Role role, @RequestParam(required = false) Long partnerId,
                        @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return users.list(role, partnerId, q, sort, page, size);
    }

    @GetMapping("/api/v1/users/{id}")
    ResponseEntity<UserView> get(@PathVariable long id) {
        return Versions.ok(users.get(id));
    }

    @PostMapping("/api/v1/users")
    ResponseEntity<UserView> create(@Valid @RequestBody UserForm form) {
        UserView view = users.create(form);
        return Versions.created("/api/v1/users/" + view.id(), view);
    }

    @PutMapping("/api/v1/users/{id}")
    @Operation(summary = "Change role, partner, name, password (optional) or deactivate (active=false)")
    ResponseEntity<UserView> edit(@PathVariable long id, @Valid @RequestBody UserForm form,
                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return Versions.ok(users.edit(id, form, Versions.required(ifMatch, form.version())));
    }

    @PostMapping("/api/v1/users/me/password")
    @Operation(summary = "Change your own password (required after signing in with a one-time password)")
    ResponseEntity<Void> changePassword(@Parameter(hidden = true) @AuthenticationPrincipal AppUser user,
                                        @Valid @RequestBody io.partnerpulse.security.PasswordChanges.PasswordForm form) {
        passwords.change(user.id(), form);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "Your API tokens (never the tokens themselves)")
    List<ApiTokens.TokenView> tokens(@Parameter(hidden = true) @AuthenticationPrincipal AppUser user) {
        return tokens.list(user.id());
    }

    @PostMapping("/api/v1/tokens")
    @Operation(summary = "Make an API token; the answer is the only time the token is shown. Use it as Authorization: Bearer <token>.")
    ResponseEntity<ApiTokens.NewToken> create(@Parameter(hidden = true) @AuthenticationPrincipal AppUser user,
                                              @Valid @RequestBody ApiTokens.TokenForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(tokens.create(user.id(), user.email(), form));
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @Operation(summary = "Revoke one of your tokens")
    ApiTokens.TokenView revoke(@Parameter(hidden = true) @AuthenticationPrincipal AppUser user, @PathVariable long id) {
        return tokens.revoke(user.id(), id, user.email());
    }
}
