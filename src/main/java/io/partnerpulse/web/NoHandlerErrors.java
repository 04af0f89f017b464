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
 * A request no controller answers: an address nothing is mapped to, a method its address does not
 * take, or an upload that cannot be read. A person following a stale link gets the error page in
 * their language; a client of the API an RFC 9457 problem with a stable {@code code}, like every
 * other API failure.
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

    /**
     * A multipart upload (an import's file) that cannot be read: cut off, or not multipart at all. It
     * fails before any controller is chosen, so only an advice for every request sees it.
     */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    Object unreadableUpload(org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException tooLarge) {
            return answer(request, HttpStatus.CONTENT_TOO_LARGE, "request.upload-too-large", "Upload too large",
                    "The file is larger than this server takes"
                            + (tooLarge.getMaxUploadSize() > 0 ? " (" + tooLarge.getMaxUploadSize() + " bytes)" : "") + ".",
                    new HttpHeaders());
        }
        return answer(request, HttpStatus.BAD_REQUEST, "request.unreadable-upload", "Unreadable upload",
                "The request is not a complete multipart upload (multipart/form-data with a file part).", new HttpHeaders());
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
