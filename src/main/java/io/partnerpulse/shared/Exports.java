package io.partnerpulse.shared;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Whether the current request asks for a file (CSV or XLSX) rather than JSON: lists then return
 * every row that matches the filters instead of one page, up to {@link #MAX_ROWS}.
 */
public final class Exports {

    /** The most rows one export holds; a larger list asks for narrower filters. */
    public static final int MAX_ROWS = 100_000;
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {
    }

    public static boolean requested() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return false;
        }
        String format = servlet.getRequest().getParameter("format");
        if (format != null) {
            return format.equalsIgnoreCase("csv") || format.equalsIgnoreCase("xlsx");
        }
        String accept = servlet.getRequest().getHeader("Accept");
        return accept != null && (accept.startsWith("text/csv") || accept.startsWith(XLSX));
    }
}
