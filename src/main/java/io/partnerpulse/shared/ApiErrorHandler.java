package io.partnerpulse.shared;

import java.net.URI;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Maps every failure of a REST controller, once, to an RFC 9457 {@code application/problem+json}
 * document with a stable {@code code}. What a client sent wrong is a 4xx naming the parameter; an
 * unexpected failure is a 500 that says nothing about the server's insides (the log has the rest).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiError.class)
    ResponseEntity<ProblemDetail> apiError(ApiError e) {
        ProblemDetail problem = problem(e.status(), e.title(), e.getMessage(), e.code());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return apiError(ApiError.invalidParameter(e.getName(), e.getName() + " has a value of the wrong type.", null));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return apiError(new ApiError(HttpStatus.BAD_REQUEST, "request.missing-parameter", "Missing request parameter",
                e.getParameterName() + " is required.", Map.of("parameter", e.getParameterName())));
    }

    /** Tomcat refuses parameters that are not valid percent-encoded UTF-8 when they are first read. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodable(org.apache.tomcat.util.http.InvalidParameterException e) {
        return apiError(new ApiError(HttpStatus.BAD_REQUEST, "request.invalid-encoding", "Malformed request parameters",
                "The query string is not valid percent-encoded UTF-8, or has too many parameters.", Map.of()));
    }

    @ExceptionHandler(org.springframework.web.bind.MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(org.springframework.web.bind.MethodArgumentNotValidException e) {
        java.util.List<ApiError.FieldProblem> problems = new java.util.ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(error -> problems.add(new ApiError.FieldProblem(error.getField(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(error -> problems.add(new ApiError.FieldProblem(error.getObjectName(),
                error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
        problems.sort(java.util.Comparator.comparing(ApiError.FieldProblem::field));
        return apiError(ApiError.invalid(problems));
    }

    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> optimisticLock(org.springframework.dao.OptimisticLockingFailureException e) {
        return apiError(new ApiError(HttpStatus.CONFLICT, "request.stale-version", "Stale version",
                "The record changed while this request was changing it; read it again and repeat the change.", Map.of())
                .saying("problem.stale-version"));
    }

    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(org.springframework.dao.DuplicateKeyException e) {
        return apiError(ApiError.duplicate());
    }

    /** PostgreSQL refused a value itself (SQLSTATE class 22: a NUL byte, a number out of range...). */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(org.springframework.dao.DataAccessException e) throws Exception {
        if (e instanceof org.springframework.dao.DataIntegrityViolationException integrity) {
            return integrity(integrity);
        }
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            log.info("A request carried a value the database refused: {}", sql.getMessage());
            return apiError(new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "request.invalid-value", "Invalid value",
                    "A value in the request cannot be stored or compared (a control character, or a number out of range).", Map.of()));
        }
        return unexpected(e);
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(org.springframework.dao.DataIntegrityViolationException e) {
        log.info("A write broke a database rule: {}", e.getMostSpecificCause().getMessage());
        return apiError(new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "request.rule-violated", "Rule violated",
                "The change breaks a rule of the data (a reference to a missing record, a value out of range, or "
                        + "inconsistent dates or stages).", Map.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.databind.DatabindException databind && !databind.getPath().isEmpty()) {
                String field = databind.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
                return apiError(ApiError.invalid(field, FormBinding.WRONG_TYPE));
            }
        }
        return apiError(new ApiError(HttpStatus.BAD_REQUEST, "request.unreadable-body", "Unreadable request body",
                "The request body is not valid JSON of the expected shape.", Map.of()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse response) {
            ProblemDetail body = response.getBody();
            body.setProperty("code", "request." + HttpStatus.valueOf(response.getStatusCode().value()).name().toLowerCase().replace('_', '-'));
            return ResponseEntity.status(response.getStatusCode()).body(body);
        }
        log.error("Unexpected failure of an API request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error", "The server could not complete the request.", "server.internal-error"));
    }

    /** The problem document every failure of the API is answered with: its {@code type} and {@code code} name the failure. */
    public static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://partnerpulse.io/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }

}
