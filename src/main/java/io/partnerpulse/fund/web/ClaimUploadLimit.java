package io.partnerpulse.fund.web;

import java.io.IOException;
import java.util.regex.Pattern;

import io.partnerpulse.fund.ClaimDocuments;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an upload to a claim that says it is larger than a claim's files may be, before anything
 * reads it: the application takes files of gigabytes for its imports, and the server would otherwise
 * spool such a body to disk before the claim's own limit refused it. A 413, as a problem document on
 * the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ClaimUploadLimit extends OncePerRequestFilter {

    /** Every file a claim may hold at once, and room for the form's fields and the multipart framing. */
    static final long MAX_BODY = (long) ClaimDocuments.MAX_FILES * ClaimDocuments.MAX_BYTES + 1024 * 1024;

    private static final Pattern CLAIM_UPLOADS = Pattern.compile("(/api/v1)?/funds/claims(/\\d+/documents)?");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !CLAIM_UPLOADS.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setStatus(413);
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"https://partnerpulse.io/problems/request.too-large\",\"title\":\"Too large\","
                        + "\"status\":413,\"detail\":\"A claim's files are at most 10 MB each and 10 a claim.\",\"code\":\"request.too-large\"}");
            } else {
                response.sendError(413, "A claim's files are at most 10 MB each and 10 a claim.");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
