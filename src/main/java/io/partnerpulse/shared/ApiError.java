package io.partnerpulse.shared;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure a client of the REST API caused or should know about, with a stable code (such as
 * {@code kpi.invalid-parameter}) and extra properties for the RFC 9457 problem document.
 */
public class ApiError extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final Map<String, Object> properties;

    public ApiError(HttpStatus status, String code, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    /** A request parameter with a value the API cannot use: 400, naming the parameter. */
    public static ApiError invalidParameter(String parameter, String detail, java.util.List<String> allowed) {
        return new ApiError(HttpStatus.BAD_REQUEST, "request.invalid-parameter", "Invalid request parameter", detail,
                allowed == null ? Map.of("parameter", parameter) : Map.of("parameter", parameter, "allowed", allowed));
    }

    /** One invalid field of a request and why. */
    public record FieldProblem(String field, String reason) {
    }

    /** Input the API cannot accept: 422 listing every invalid field with its reason. */
    public static ApiError invalid(java.util.List<FieldProblem> problems) {
        String detail = problems.stream().map(p -> p.field() + ": " + p.reason()).collect(java.util.stream.Collectors.joining("; "));
        return new ApiError(HttpStatus.UNPROCESSABLE_CONTENT, "request.invalid-fields", "Invalid fields", detail,
                Map.of("errors", java.util.List.copyOf(problems)));
    }

    public static ApiError invalid(String field, String reason) {
        return invalid(java.util.List.of(new FieldProblem(field, reason)));
    }

    /** No {@code entity} with this id: 404 with code {@code entity.not-found}. */
    public static ApiError notFound(String entity, Object id) {
        return new ApiError(HttpStatus.NOT_FOUND, entity + ".not-found", "Not found",
                "There is no " + entity.replace('-', ' ') + " with id " + id + ".", Map.of("id", String.valueOf(id)));
    }

    /** The change is not allowed from the record's current state: 409 with a stable code. */
    public static ApiError conflict(String code, String detail) {
        return new ApiError(HttpStatus.CONFLICT, code, "Conflict", detail, Map.of());
    }

    /** The client changed a record it read at another version: 409, nothing changed. */
    public static ApiError staleVersion(String entity, Object id, long sent) {
        return new ApiError(HttpStatus.CONFLICT, "request.stale-version", "Stale version",
                "The " + entity.replace('-', ' ') + " " + id + " has changed since version " + sent
                        + " was read; read it again and repeat the change.", Map.of("id", String.valueOf(id), "version", sent));
    }

    /** An update without the version it read: 428. */
    public static ApiError versionRequired() {
        return new ApiError(HttpStatus.PRECONDITION_REQUIRED, "request.version-required", "Version required",
                "Send the version you read, as an If-Match header (the ETag of the GET) or a version field.", Map.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
