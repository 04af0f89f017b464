package io.partnerpulse.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.partnerpulse.shared.ApiErrorHandler;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to a request it refuses before the application sees it, such as an address with
 * a malformed percent-encoding ({@code /api/v1/partners/a%ZZ}): on the API the problem document
 * every other failure of the API gets ({@link ApiErrorHandler#problem}); elsewhere Tomcat's short
 * page, without the server's name and version. Failures the application answers itself never come here.
 */
class RefusedRequestReport extends ErrorReportValve {

    private final JsonMapper json;

    RefusedRequestReport(JsonMapper json) {
        this.json = json;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (uri == null || !uri.startsWith("/api/") || status == null) {
            super.report(request, response, throwable);
            return;
        }
        if (!status.isError() || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String code = status == HttpStatus.BAD_REQUEST ? "request.malformed" : "request." + status.name().toLowerCase().replace('_', '-');
        String body = json.writeValueAsString(ApiErrorHandler.problem(status, status.getReasonPhrase(),
                "The request was refused before it reached PartnerPulse: its address or headers are malformed"
                        + " (such as a % not followed by two hexadecimal digits).", code));
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing else to say
        }
    }
}
