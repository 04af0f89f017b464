package io.partnerpulse.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.partnerpulse.PartnerPulseIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The app's handler lookup (literal path starts first) finds, for every mapping of the app, the same
 * controller method as Spring's own lookup, or fails the same way: with each mapping's own method,
 * with every other method, with a trailing slash, and with a letter of the path escaped.
 */
@PartnerPulseIntegrationTest
class HandlerLookupSystemTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    @Test
    void findsTheSameControllerMethodAsSpringsOwnLookupForEveryMappingOfTheApp() throws Exception {
        assertThat(mappings).isInstanceOf(HandlerLookup.LiteralPrefixFirst.class);
        assertThat(((HandlerLookup.LiteralPrefixFirst) mappings).mappingsWithStarts()).as("every mapping's literal starts known")
                .isEqualTo(mappings.getHandlerMethods().size());
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setApplicationContext(context);
        spring.setPatternParser(mappings.getPatternParser());
        spring.setContentNegotiationManager(mappings.getContentNegotiationManager());
        spring.setEmbeddedValueResolver(context.getEnvironment()::resolvePlaceholders);
        spring.afterPropertiesSet();
        assertThat(spring.getHandlerMethods().keySet()).isEqualTo(mappings.getHandlerMethods().keySet());

        List<String> paths = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                String path = pattern.replace("/**", "/a/b").replace("*", "x").replaceAll("\\{[^}]+}", "7");
                paths.add(path);
                paths.add(path + "/");
                paths.add(path.replaceFirst("a", "%61"));
            }
        }
        paths.addAll(List.of("/", "/nothing-here", "/api/v1/nothing", "/api/v1/opportunities/7/nothing"));
        int compared = 0;
        for (String path : paths) {
            for (RequestMethod method : RequestMethod.values()) {
                assertThat(found(mappings, method, path)).as("%s %s", method, path).isEqualTo(found(spring, method, path));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(2_000);
    }

    /** The controller method found, or the kind of failure (405, 415, …) when none is. */
    private static String found(RequestMappingHandlerMapping mapping, RequestMethod method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
        request.setContentType("application/json");
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : chain.getHandler().toString();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
