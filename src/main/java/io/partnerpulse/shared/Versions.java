package io.partnerpulse.shared;

/**
 * Optimistic locking over HTTP: a GET answers with the record's version as its ETag; a change sends
 * it back in If-Match (or as a version field), and a change made against an older version is a 409
 * that changes nothing.
 */
public final class Versions {

    private Versions() {
    }

    /** 200 with the record and its version as ETag. */
    public static <V extends Versioned> org.springframework.http.ResponseEntity<V> ok(V view) {
        return ok(view, view.version());
    }

    /** 201 with the new record, where it lives, and its version as ETag. */
    public static <V extends Versioned> org.springframework.http.ResponseEntity<V> created(String location, V view) {
        return created(location, view, view.version());
    }

    /** 200 with the record and its version as ETag. */
    public static <V> org.springframework.http.ResponseEntity<V> ok(V view, long version) {
        return org.springframework.http.ResponseEntity.ok().eTag(etag(version)).body(view);
    }

    /** 201 with the new record, where it lives, and its version as ETag. */
    public static <V> org.springframework.http.ResponseEntity<V> created(String location, V view, long version) {
        return org.springframework.http.ResponseEntity.created(java.net.URI.create(location)).eTag(etag(version)).body(view);
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
