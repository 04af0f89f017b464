package io.partnerpulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Hostile values in every query parameter of every GET endpoint (read from the application's own
 * mappings): SQL fragments, very long strings, invalid UTF-8 and values of the wrong type. Each is
 * answered as a plain value or refused with a 4xx, never with a 5xx, and the answer leaks nothing
 * about the server's insides: to an administrator, and to a partner user, whose lists are confined to
 * its partner on another path.
 */
@PartnerPulseIntegrationTest
class HostileInputSystemTests {

    private static final List<String> HOSTILE = List.of(
            "1%27%20or%20%271%27%3D%271",                       // 1' or '1'='1
            "x%3B%20drop%20table%20partner%3B%20--",            // x; drop table partner; --
            "a".repeat(3000),
            "%C3%28",                                           // invalid UTF-8
            "-99999999999999999999999",
            "%00",
            "null",
            "+",                                                // a blank value
            "2026-02-30");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void answersHostileValuesInEveryParameterWithoutA500OrALeak() {
        assertThat(tryEveryParameter(new Api(port))).isGreaterThan(300);
    }

    @Test
    void answersAPartnerUsersHostileValuesWithoutA500OrALeak() {
        long partner = new io.partnerpulse.support.Fixtures(jdbc).activePartner("US", "GOLD");
        assertThat(tryEveryParameter(new Api(port).newPartnerUser(partner, "hostile").withToken())).isGreaterThan(300);
    }

    private int tryEveryParameter(Api caller) {
        int tried = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                String path = pattern.replace("{kpi}", "dealCount").replace("{currency}", "EUR").replace("{day}", "2026-01-01")
                        .replaceAll("\\{[^}]+}", "1");
                for (String name : parameterNames(entry.getValue(), pattern)) {
                    for (String value : HOSTILE) {
                        Api.Response response = caller.get(path + "?" + name + "=" + value);
                        assertThat(response.status()).as("GET %s?%s=%s", path, name, value.length() > 40 ? value.substring(0, 40) : value)
                                .isLessThan(500);
                        assertThat(response.body()).as(path + " " + name)
                                .doesNotContain("Exception", "org.postgresql", "SQLState", "\tat ", "syntax error");
                        tried++;
                    }
                }
            }
        }
        return tried;
    }

    /** The query parameters a handler reads: its @RequestParam names, or the KPI API's documented ones. */
    private static List<String> parameterNames(HandlerMethod handler, String pattern) {
        if (pattern.startsWith("/api/v1/kpis")) {
            return List.of("from", "to", "groupBy", "partnerId", "tier", "city", "compare", "closeRate", "averageDealSize", "at",
                    "group", "page", "size");
        }
        return java.util.Arrays.stream(handler.getMethod().getParameters())
                .filter(p -> p.isAnnotationPresent(RequestParam.class))
                .map(HostileInputSystemTests::name)
                .filter(n -> !n.isEmpty())
                .toList();
    }

    private static String name(Parameter parameter) {
        RequestParam param = parameter.getAnnotation(RequestParam.class);
        String name = !param.name().isEmpty() ? param.name() : param.value();
        return name.isEmpty() ? parameter.getName() : name;
    }
}
