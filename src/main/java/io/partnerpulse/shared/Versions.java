package io.partnerpulse.shared;

/**
 * Optimistic locking over HTTP: a GET answers with the record's version as its ETag; a change sends
 * it back in If-Match (or as a version field), and a change made against an older version is a 409
 * that changes nothing.
 */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version the client read: from If-Match, else from the body; required. */
    public static long required(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String value = ifMatch.trim();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw ApiError.invalidParameter("If-Match", "If-Match must be the ETag of the record, such as \"3\".", null);
            }
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        throw ApiError.versionRequired();
    }
}
