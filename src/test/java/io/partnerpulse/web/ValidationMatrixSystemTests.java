package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Bad input on every write endpoint: each gets a problem document naming what is wrong, never a 500.
 */
@PartnerPulseIntegrationTest
class ValidationMatrixSystemTests {

    @LocalServerPort
    int port;

    static Stream<Arguments> emptyBodies() {
        return Stream.of(
                Arguments.of("/api/v1/partners", List.of("country", "name")),
                Arguments.of("/api/v1/opportunities", List.of("amount", "currency", "name")),
                Arguments.of("/api/v1/registrations", List.of("customerName", "partnerId")),
                Arguments.of("/api/v1/business-units", List.of("name")),
                Arguments.of("/api/v1/departments", List.of("businessUnitId", "name")),
                Arguments.of("/api/v1/employees", List.of("departmentId", "fullName", "hireDate")),
                Arguments.of("/api/v1/accounts", List.of("name")),
                Arguments.of("/api/v1/channels", List.of("name", "type")),
                Arguments.of("/api/v1/campaigns", List.of("channelId", "cost", "currency", "endsOn", "name", "startsOn")),
                Arguments.of("/api/v1/product-lines", List.of("name")),
                Arguments.of("/api/v1/targets", List.of("metric", "periodEnd", "periodStart", "scope", "value")));
    }

    @ParameterizedTest(name = "{0} lists every missing field")
    @MethodSource("emptyBodies")
    void listsEveryMissingFieldOfAnEmptyBody(String path, List<String> fields) {
        Api.Response response = new Api(port).post(path, "{}");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("request.invalid-fields");
        assertThat(Api.invalidFields(response)).containsExactlyElementsOf(fields);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("/api/v1/opportunities", "{\"name\": \"x\", \"amount\": \"lots\", \"currency\": \"USD\"}", "amount"),
                Arguments.of("/api/v1/partners", "{\"name\": \"x\", \"country\": \"PK\", \"tier\": \"DIAMOND\"}", "tier"),
                Arguments.of("/api/v1/employees", "{\"fullName\": \"x\", \"departmentId\": 1, \"hireDate\": \"yesterday\"}", "hireDate"),
                Arguments.of("/api/v1/channels", "{\"name\": \"x\", \"type\": \"VIRAL\"}", "type"),
                Arguments.of("/api/v1/targets", "{\"scope\": \"PROGRAM\", \"metric\": \"REVENUE\", \"periodStart\": \"2026-01-01\", "
                        + "\"periodEnd\": \"2026-04-01\", \"value\": [1]}", "value"));
    }

    @ParameterizedTest(name = "{0} names {2}")
    @MethodSource("wrongTypes")
    void namesAFieldOfTheWrongType(String path, String body, String field) {
        Api.Response response = new Api(port).post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(Api.invalidFields(response)).containsExactly(field);
    }

    @org.junit.jupiter.api.Test
    void refusesAControlCharacterInABodyOrAQuery() {
        Api api = new Api(port);
        Api.Response body = api.post("/api/v1/business-units", "{\"name\": \"Nul\\u0000Unit\"}");
        assertThat(body.status()).as(body.body()).isEqualTo(422);
        Api.Response query = api.get("/api/v1/partners?q=a%00b");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json().get("code").asString()).isEqualTo("request.invalid-character");
    }

    static Stream<String> writePaths() {
        return Stream.of("/api/v1/partners", "/api/v1/opportunities", "/api/v1/registrations", "/api/v1/leads",
                "/api/v1/business-units", "/api/v1/departments", "/api/v1/employees", "/api/v1/accounts", "/api/v1/channels",
                "/api/v1/campaigns", "/api/v1/product-lines", "/api/v1/targets");
    }

    @ParameterizedTest(name = "{0} refuses malformed JSON")
    @MethodSource("writePaths")
    void refusesMalformedJsonWithA400(String path) {
        Api.Response response = new Api(port).post(path, "{\"name\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("request.unreadable-body");
    }

    @ParameterizedTest(name = "{0} refuses a sort on an unknown field")
    @MethodSource("writePaths")
    void refusesASortOnAnUnknownFieldAndAnImpossiblePage(String path) {
        Api api = new Api(port);
        Api.Response sort = api.get(path + "?sort=password;drop%20table%20partner");
        assertThat(sort.status()).as(sort.body()).isEqualTo(400);
        assertThat(sort.json().get("parameter").asString()).isEqualTo("sort");
        Api.Response size = api.get(path + "?size=0");
        assertThat(size.status()).isEqualTo(400);
        assertThat(api.get(path + "?page=-1").status()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}/987654321 is a 404")
    @MethodSource("writePaths")
    void answersAnUnknownIdWithA404(String path) {
        Api.Response response = new Api(port).get(path + "/987654321");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).endsWith(".not-found");
    }

    @ParameterizedTest(name = "{0}/abc is a 400")
    @MethodSource("writePaths")
    void refusesAnIdThatIsNotANumber(String path) {
        Api.Response response = new Api(port).get(path + "/abc");
        assertThat(response.status()).isEqualTo(400);
    }
}
