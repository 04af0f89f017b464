package io.partnerpulse.shared;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's controller method by the literal start of its path first. A path with a
 * variable in it ({@code /api/v1/opportunities/42/move}) has no direct entry, so Spring MVC tries
 * every one of the app's mappings, and checks each one's method, headers, media types, CORS
 * pre-flight and then its path pattern, reading the request through every wrapper of the security
 * chain: measured with Java Flight Recorder under a load of API writes, that lookup was a quarter of
 * the app's CPU. Here a mapping none of whose patterns' literal starts ({@code /api/v1/opportunities/}
 * for {@code /api/v1/opportunities/{id}/move}) begins the path is set aside after a string
 * comparison; the others are checked as before, so the answer is the mapping Spring would find.
 * Paths with an escaped character or a {@code ;} are matched on their decoded segments by Spring
 * and are not compared as text.
 */
@Configuration(proxyBeanMethods = false)
class HandlerLookup {

    @Bean
    WebMvcRegistrations literalPrefixMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new LiteralPrefixFirst();
            }
        };
    }

    static final class LiteralPrefixFirst extends RequestMappingHandlerMapping {

        private static final String[] ANY = new String[0];
        private static final ThreadLocal<String> PLAIN_PATH = new ThreadLocal<>();
        /** Each mapping's literal starts, by identity (looked up for every mapping on every request); never changed once set. */
        private volatile Map<RequestMappingInfo, String[]> prefixes = Map.of();

        @Override
        protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            super.handlerMethodsInitialized(handlerMethods);
            Map<RequestMappingInfo, String[]> starts = new IdentityHashMap<>();
            handlerMethods.keySet().forEach(info -> starts.put(info, literalStarts(info)));
            prefixes = starts;
        }

        /** How many mappings are set aside by their literal starts (all of them, once started). */
        int mappingsWithStarts() {
            return prefixes.size();
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
            PLAIN_PATH.set(plain ? lookupPath : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                PLAIN_PATH.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = PLAIN_PATH.get();
            // a mapping registered after start-up has no entry and is checked in full
            if (path != null && !startsWithAny(path, prefixes.getOrDefault(info, ANY))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean startsWithAny(String path, String[] starts) {
            if (starts == ANY) {
                return true;
            }
            for (String start : starts) {
                if (path.startsWith(start)) {
                    return true;
                }
            }
            return false;
        }

        /** Each pattern's text up to its first variable or wildcard; ANY when the mapping has no path patterns. */
        static String[] literalStarts(RequestMappingInfo info) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths == null || paths.getPatterns().isEmpty()) {
                return ANY;
            }
            return paths.getPatterns().stream().map(PathPattern::getPatternString).map(LiteralPrefixFirst::literalStart)
                    .toArray(String[]::new);
        }

        static String literalStart(String pattern) {
            int end = pattern.length();
            for (char wild : new char[] {'{', '*', '?'}) {
                int at = pattern.indexOf(wild);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            return pattern.substring(0, end);
        }
    }
}
