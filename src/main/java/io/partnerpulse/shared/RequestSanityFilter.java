package io.partnerpulse.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses query parameters with control characters (a NUL byte cannot be stored or searched in
 * PostgreSQL text) before anything else reads them: a 400, never a database error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSanityFilter extends OncePerRequestFilter {

    /** Percent-encoded C0 control characters but tab, line feed and carriage return, and DEL. */
    private static final java.util.regex.Pattern CONTROL = java.util.regex.Pattern.compile("(?i)%(0[0-8bcef]|1[0-9a-f]|7f)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && CONTROL.matcher(query).find()) {
            response.setStatus(400);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://partnerpulse.io/problems/request.invalid-character\",\"title\":\"Invalid character\","
                    + "\"status\":400,\"detail\":\"A query parameter contains a control character.\",\"code\":\"request.invalid-character\"}");
            return;
        }
        chain.doFilter(request, response);
    }

}
