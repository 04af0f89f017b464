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
