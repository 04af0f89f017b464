package io.partnerpulse.shared;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
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
 * the app's CPU. Here the mappings are kept by the literal starts of their patterns
 * ({@code /api/v1/opportunities/} for {@code /api/v1/opportunities/{id}/move}), made once at start:
 * a request's path is compared with each distinct start once, and only the mappings under the starts
 * that begin it are checked as Spring checks them, so the answer is the mapping Spring would find
 * (the first version of this lookup still went through every mapping, and was a tenth of the app's
 * CPU under writes in stop 19's measurements). Paths with an escaped character or a {@code ;} are
 * matched on their decoded segments by Spring and are left to Spring's lookup.
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
        /** The mappings by path and by literal start; null before start and once a mapping was added or removed at run time. */
        private volatile Index index;

        /**
         * {@code direct}: the mappings of each path without a variable (Spring's own first lookup);
         * {@code starts[i]}: a literal start, {@code byStart[i]} the mappings with a pattern beginning with it;
         * {@code anywhere}: the mappings without path patterns; {@code handlers}: each mapping's method.
         */
        private record Index(Map<String, List<RequestMappingInfo>> direct, String[] starts, List<RequestMappingInfo>[] byStart,
                             List<RequestMappingInfo> anywhere, Map<RequestMappingInfo, HandlerMethod> handlers) {
        }

        @Override
        protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
            super.handlerMethodsInitialized(handlerMethods);
            Map<String, List<RequestMappingInfo>> direct = new HashMap<>();
            Map<String, List<RequestMappingInfo>> byStart = new LinkedHashMap<>();
            List<RequestMappingInfo> anywhere = new ArrayList<>();
            handlerMethods.keySet().forEach(info -> {
                getDirectPaths(info).forEach(path -> direct.computeIfAbsent(path, p -> new ArrayList<>()).add(info));
                String[] starts = literalStarts(info);
                if (starts == ANY) {
                    anywhere.add(info);
                }
                for (String start : new LinkedHashSet<>(Arrays.asList(starts))) {
                    byStart.computeIfAbsent(start, p -> new ArrayList<>()).add(info);
                }
            });
            @SuppressWarnings("unchecked")
            List<RequestMappingInfo>[] lists = byStart.values().toArray(new List[0]);
            index = new Index(direct, byStart.keySet().toArray(String[]::new), lists, anywhere, new IdentityHashMap<>(handlerMethods));
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            index = null;
            super.registerMapping(mapping, handler, method);
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            index = null;
            super.unregisterMapping(mapping);
        }

        /** How many mappings the index holds (all of them, once started); 0 when Spring's own lookup is used. */
        int mappingsWithStarts() {
            Index current = index;
            return current == null ? 0 : current.handlers().size();
        }

        /**
         * The one best match among the mappings whose literal start begins the path (after those of
         * the path itself, as Spring does). Spring's own lookup decides whenever this one would not
         * be sure to find what it finds: no index, an escaped character or {@code ;} in the path (Spring
         * matches decoded segments), a CORS pre-flight, no match (Spring tells 404 from 405 and 415),
         * or two equally good matches (Spring's error names both).
         */
        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            Index current = index;
            if (current == null || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0 || CorsUtils.isPreFlightRequest(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            List<RequestMappingInfo> matches = new ArrayList<>(2);
            List<RequestMappingInfo> originals = new ArrayList<>(2);
            List<RequestMappingInfo> direct = current.direct().get(lookupPath);
            if (direct != null) {
                addMatches(direct, request, matches, originals);
            }
            if (matches.isEmpty()) {
                String[] starts = current.starts();
                for (int i = 0; i < starts.length; i++) {
                    if (lookupPath.startsWith(starts[i])) {
                        addMatches(current.byStart()[i], request, matches, originals);
                    }
                }
                addMatches(current.anywhere(), request, matches, originals);
            }
            if (matches.isEmpty()) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            int best = 0;
            if (matches.size() > 1) {
                Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
                int ties = 0;
                for (int i = 1; i < matches.size(); i++) {
                    int c = comparator.compare(matches.get(i), matches.get(best));
                    if (c < 0) {
                        best = i;
                        ties = 0;
                    } else if (c == 0) {
                        ties++;
                    }
                }
                if (ties > 0) {
                    return super.lookupHandlerMethod(lookupPath, request);
                }
            }
            HandlerMethod handler = current.handlers().get(originals.get(best));
            request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
            handleMatch(matches.get(best), lookupPath, request);
            return handler;
        }

        /** Adds each mapping that matches the request (a mapping under several starts is checked once per start; it matches the same each time, and only once is kept). */
        private void addMatches(List<RequestMappingInfo> mappings, HttpServletRequest request, List<RequestMappingInfo> matches,
                                List<RequestMappingInfo> originals) {
            for (RequestMappingInfo mapping : mappings) {
                RequestMappingInfo match = getMatchingMapping(mapping, request);
                if (match != null && !containsIdentical(originals, mapping)) {
                    matches.add(match);
                    originals.add(mapping);
                }
            }
        }

        private static boolean containsIdentical(List<RequestMappingInfo> mappings, RequestMappingInfo mapping) {
            for (RequestMappingInfo m : mappings) {
                if (m == mapping) {
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
