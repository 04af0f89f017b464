package io.partnerpulse.security;

import java.util.function.Supplier;

import io.partnerpulse.security.internal.AppUser;
import io.partnerpulse.security.internal.UserAccounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Work done later on someone's behalf (a scheduled report) runs as that account: it sees what the
 * account may see (a partner user its own partner, a scoped manager its unit or department) and no
 * more. An account that is gone or switched off does no more work.
 */
@Component
public class RunAs {

    /** The account is gone or switched off. */
    public static final class AccountUnavailable extends RuntimeException {
        AccountUnavailable(long userId) {
            super("the account " + userId + " that owns this work no longer exists or is switched off");
        }
    }

    private final UserAccounts users;

    RunAs(UserAccounts users) {
        this.users = users;
    }

    public <T> T user(long userId, Supplier<T> work) {
        AppUser user = users.byId(userId).filter(AppUser::active).orElseThrow(() -> new AccountUnavailable(userId));
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
