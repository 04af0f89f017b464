package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every list answers a page in its default order and in every order it offers. */
@PartnerPulseIntegrationTest
class ListSystemTests {

    @LocalServerPort
    int port;

    static Stream<String> lists() {
        return Stream.of("/api/v1/partners", "/api/v1/partners?sort=tier,desc", "/api/v1/opportunities",
                "/api/v1/opportunities?sort=amount,desc&open=true", "/api/v1/registrations", "/api/v1/registrations?sort=expiresAt",
                "/api/v1/leads", "/api/v1/leads?sort=companyName&unassigned=true", "/api/v1/business-units", "/api/v1/departments",
                "/api/v1/employees?sort=hireDate,desc", "/api/v1/accounts", "/api/v1/channels?type=PAID", "/api/v1/campaigns",
                "/api/v1/campaigns?sort=cost,desc", "/api/v1/product-lines", "/api/v1/targets", "/api/v1/exchange-rates",
                "/api/v1/exchange-rates?currency=EUR&sort=day", "/api/v1/audit", "/api/v1/audit?sort=actor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lists")
    void answersAPage(String path) {
        Api.Response response = new Api(port).get(path + (path.contains("?") ? "&" : "?") + "size=5");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("size").asInt()).isEqualTo(5);
        assertThat(response.json().has("total")).isTrue();
        assertThat(response.json().get("items").isArray()).isTrue();
    }
}
