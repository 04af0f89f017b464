package io.partnerpulse.security.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.partnerpulse.security.Role;
import io.partnerpulse.shared.ActorPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person: their role, and for a partner user their partner. */
public record AppUser(long id, String email, String displayName, String passwordHash, Role role, Long partnerId,
                      Long businessUnitId, Long departmentId, boolean active, Instant lockedUntil, boolean mustChangePassword)
        implements UserDetails, ActorPrincipal {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public Long userId() {
        return id;
    }

    @Override
    public String actorName() {
        return email;
    }
}
