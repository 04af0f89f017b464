package io.partnerpulse.security.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A user who signed in with a one-time password must choose a password of their own before anything
 * else: pages lead to the password page, the API answers 403 except for the password change itself.
 */
class PasswordChangeFilter extends OncePerRequestFilter {

    static final String PAGE = "/account/password";
    static final String API = "/api/v1/users/me/password";

    private final UserAccounts users;
    private final ProblemResponses problems;

    PasswordChangeFilter(UserAccounts users, ProblemResponses problems) {
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof AppUser user && !path.equals(PAGE) && !path.equals(API)
                && !path.equals("/logout") && !path.startsWith("/css/") && mustChange(user)) {
            if (SecurityConfiguration.isApi(request)) {
                problems.write(request, response, 403, "auth.password-change-required", "Password change required",
                        "Choose a password of your own first: POST " + API + ".");
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean mustChange(AppUser user) {
        // the principal in a session may be older than the change: ask the database when it says "must"
        return user.mustChangePassword() && users.byId(user.id()).map(AppUser::mustChangePassword).orElse(false);
    }
}
