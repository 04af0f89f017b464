package io.partnerpulse.web;

import java.net.URI;

import io.partnerpulse.shared.ApiErrorHandler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A request no controller answers: an address nothing is mapped to, or a method its address does not
 * take. A person following a stale link gets the error page in their language; a client of the API an
 * RFC 9457 problem with a stable {@code code}, like every other API failure.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class NoHandlerErrors {

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "request.not-found", "Not found",
                "Nothing answers " + request.getMethod() + " " + request.getRequestURI() + ".", new HttpHeaders());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            headers.setAllow(e.getSupportedHttpMethods());
        }
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "request.method-not-allowed", "Method not allowed",
                request.getRequestURI() + " does not take " + request.getMethod() + "; it takes "
                        + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()) + ".", headers);
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, String code, String title, String detail,
                                 HttpHeaders headers) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ApiErrorHandler.problem(status, title, detail, code);
            problem.setInstance(URI.create(request.getRequestURI()));
            return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return PageErrorHandler.page(status);
    }
}
