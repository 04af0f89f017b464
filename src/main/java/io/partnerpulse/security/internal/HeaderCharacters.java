package io.partnerpulse.security.internal;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rules for header and parameter names and values, as {@link StrictHttpFirewall}
 * states them (assigned characters, no control characters; a tab is allowed in a header value), in
 * plain code instead of its regular expressions. The firewall checks a header every time something
 * reads it, dozens of times a request (each handler mapping's CORS check reads {@code Origin}); the
 * expressions were a sixth of the app's CPU under a load of API writes (measured with Java Flight
 * Recorder). Printable ASCII is decided without a lookup; other characters by their Unicode type.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Names: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static final Predicate<String> NAME = s -> allowed(s, false);

    /** Header values: {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static final Predicate<String> VALUE = s -> allowed(s, true);

    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(NAME);
        firewall.setAllowedHeaderValues(VALUE);
        firewall.setAllowedParameterNames(NAME);
        return firewall;
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            int codePoint = s.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
