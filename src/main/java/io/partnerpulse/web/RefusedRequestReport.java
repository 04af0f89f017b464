package io.partnerpulse.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's answer to a request it refuses before the application sees it, such as an address with
 * a malformed percent-encoding ({@code /api/v1/partners/a%ZZ}): on the API a problem document
 * with a code, as every other failure of the API; elsewhere Tomcat's short page, without the
 * server's name and version. Failures the application answers itself never come here.
 */
public class RefusedRequestReport extends ErrorReportValve {

    public RefusedRequestReport() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = StringManager.getManager("org.apache.catalina.valves").getString("http." + status + ".reason");
        String title = reason == null ? "Refused request" : reason;
        String code = status == 400 ? "request.malformed" : "request." + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        String json = "{\"type\":\"https://partnerpulse.io/problems/" + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"The request was refused before it reached PartnerPulse: its address or headers are malformed"
                + " (such as a % not followed by two hexadecimal digits).\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing else to say
        }
    }
}
