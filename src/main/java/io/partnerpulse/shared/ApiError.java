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
    private final String messageKey;
    private final Object[] messageArguments;

    public ApiError(HttpStatus status, String code, String title, String detail, Map<String, Object> properties) {
        this(status, code, title, detail, properties, null, new Object[0]);
    }

    private ApiError(HttpStatus status, String code, String title, String detail, Map<String, Object> properties,
                     String messageKey, Object[] messageArguments) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.properties = Map.copyOf(properties);
        this.messageKey = messageKey;
        this.messageArguments = messageArguments;
    }

    /**
     * The same failure, which a page says in its reader's language by the message {@code key} of
     * the bundles with these arguments; the API's problem document keeps the English detail.
     */
    public ApiError saying(String key, Object... arguments) {
        return new ApiError(status, code, title, getMessage(), properties, key, plain(arguments));
    }

    /** Ids and counts as their digits (a message format would group them: "id 1,234"). */
    private static Object[] plain(Object[] arguments) {
        return java.util.Arrays.stream(arguments).map(a -> a instanceof Long || a instanceof Integer ? a.toString() : a).toArray();
    }

    /** A request parameter with a value the API cannot use: 400, naming the parameter. */
    public static ApiError invalidParameter(String parameter, String detail, java.util.List<String> allowed) {
        return new ApiError(HttpStatus.BAD_REQUEST, "request.invalid-parameter", "Invalid request parameter", detail,
                allowed == null ? Map.of("parameter", parameter) : Map.of("parameter", parameter, "allowed", allowed));
    }

    /**
     * One invalid field of a request and why; a page says the reason by the message {@code key}
     * with its {@code arguments} when it has one (neither is part of the API's answer).
     */
    public record FieldProblem(String field, String reason,
                               @com.fasterxml.jackson.annotation.JsonIgnore String key,
                               @com.fasterxml.jackson.annotation.JsonIgnore java.util.List<Object> arguments) {

        public FieldProblem(String field, String reason) {
            this(field, reason, null, java.util.List.of());
        }

        /** A problem a page says by the message {@code key} of the bundles. */
        public static FieldProblem saying(String field, String reason, String key, Object... arguments) {
            return new FieldProblem(field, reason, key, java.util.List.of(plain(arguments)));
        }
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

    /** One invalid field, which a page names by the message {@code key} with these arguments. */
    public static ApiError invalid(String field, String reason, String key, Object... arguments) {
        return invalid(java.util.List.of(FieldProblem.saying(field, reason, key, arguments)));
    }

    /** A unique value (an external id, a name) another record has already: 409 with code {@code request.duplicate}. */
    public static ApiError duplicate() {
        return new ApiError(HttpStatus.CONFLICT, "request.duplicate", "Duplicate",
                "A record with the same unique value (such as its external id or name) exists already.", Map.of())
                .saying("problem.duplicate");
    }

    /** No {@code entity} with this id: 404 with code {@code entity.not-found}. */
    public static ApiError notFound(String entity, Object id) {
        return new ApiError(HttpStatus.NOT_FOUND, entity + ".not-found", "Not found",
                "There is no " + entity.replace('-', ' ') + " with id " + id + ".", Map.of("id", String.valueOf(id)))
                .saying("problem.not-found", String.valueOf(id));
    }

    /** The change is not allowed from the record's current state: 409 with a stable code. */
    public static ApiError conflict(String code, String detail) {
        return new ApiError(HttpStatus.CONFLICT, code, "Conflict", detail, Map.of());
    }

    /** The client changed a record it read at another version: 409, nothing changed. */
    public static ApiError staleVersion(String entity, Object id, long sent) {
        return new ApiError(HttpStatus.CONFLICT, "request.stale-version", "Stale version",
                "The " + entity.replace('-', ' ') + " " + id + " has changed since version " + sent
                        + " was read; read it again and repeat the change.", Map.of("id", String.valueOf(id), "version", sent))
                .saying("problem.stale-version");
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

    /** The message key a page says this failure by, or null: the page shows the English detail. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] messageArguments() {
        return messageArguments.clone();
    }
}
