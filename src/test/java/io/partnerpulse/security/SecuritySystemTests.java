package io.partnerpulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Logins, tokens, roles and headers over real HTTP. */
@PartnerPulseIntegrationTest
class SecuritySystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** A user made by the administrator through the API, with a password. */
    private static Api.Response newUser(Api admin, String email, String displayName, String role, String password) {
        return admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "%s", "role": "%s", "password": "%s"}""".formatted(email, displayName, role, password));
    }

    @Test
    void refusesAnonymousRequestsEverywhereButLoginTheDirectoryHealthAndStaticFiles() {
        Api anonymous = Api.anonymous(port);
        int checked = 0;
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    String path = pattern.replaceAll("\\{[^}]+}", "1");
                    Api.Response response = anonymous.send(method.name(), path, method == RequestMethod.GET ? null : "{}");
                    if (pattern.equals("/login")) {
                        assertThat(response.status()).isEqualTo(200);
                    } else if (pattern.equals("/directory") || pattern.equals("/directory.json")) {
                        // the one public page (and its JSON): the partners the channel team listed (DirectorySystemTests says what it shows)
                        assertThat(response.status()).as(method + " " + path).isEqualTo(method == RequestMethod.GET ? 200 : 403);
                    } else if (pattern.startsWith("/api/v1/")) {
                        assertThat(response.status()).as(method + " " + path).isEqualTo(401);
                        assertThat(response.contentType()).startsWith("application/problem+json");
                    } else {
                        assertThat(response.status()).as(method + " " + path).isIn(302, 401, 403);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/css/app.css").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/docs/openapi.json").status()).isIn(302, 401);
    }

    @Test
    void signsInThroughTheLoginFormWhichNeedsItsCsrfToken() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();

        HttpResponse<String> forged = browser.send(form(base + "/login", "username=" + Api.ADMIN_EMAIL + "&password=" + Api.ADMIN_PASSWORD),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> login = browser.send(form(base + "/login", "username=" + enc(Api.ADMIN_EMAIL) + "&password="
                + enc(Api.ADMIN_PASSWORD) + "&_csrf=" + enc(csrf.group(1))), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains(Api.ADMIN_EMAIL);
        String cookie = login.headers().allValues("Set-Cookie").toString();
        assertThat(cookie).contains("HttpOnly");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'login.succeeded' and actor = :a").param("a", Api.ADMIN_EMAIL)
                .query(Long.class).single()).isPositive();
    }

    @Test
    void sendsAContentSecurityPolicyThatAllowsOnlyTheAppsOwnScriptsAndStyles() {
        Api.Response page = Api.anonymous(port).get("/login");
        HttpResponse<String> raw = rawGet("/login");
        assertThat(raw.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'");
        assertThat(raw.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(raw.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).doesNotContain("<style>", "<script>");
    }

    @Test
    void locksAnAccountAfterRepeatedFailedLogins() {
        Api admin = new Api(port);
        String email = Fixtures.unique("locked").replace(" ", "") + "@example.com";
        newUser(admin, email, "Often wrong", "ANALYST", "right-password-123");
        Api wrong = new Api(port, Api.basic(email, "wrong-password"));
        for (int i = 0; i < 5; i++) {
            assertThat(wrong.get("/api/v1/partners").status()).isEqualTo(401);
        }
        Api right = new Api(port, Api.basic(email, "right-password-123"));
        assertThat(right.get("/api/v1/partners").status()).as("locked even with the right password").isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'login.failed' and actor = :e").param("e", email)
                .query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select locked_until > now() from app_user where email = :e").param("e", email).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aPasswordRememberedForBasicAuthenticationStopsWorkingAtOnceWhenChangedOrItsUserDeactivated() {
        Api admin = new Api(port);
        String email = Fixtures.unique("basic").replace(" ", "") + "@example.com";
        Api.Response user = newUser(admin, email, "Basic script", "ANALYST", "first-password-123");
        Api first = new Api(port, Api.basic(email, "first-password-123"));
        assertThat(first.get("/api/v1/partners").status()).isEqualTo(200);
        assertThat(first.get("/api/v1/partners").status()).as("remembered").isEqualTo(200);

        assertThat(first.post("/api/v1/users/me/password", """
                {"currentPassword": "first-password-123", "newPassword": "second-password-123"}""").status()).isEqualTo(204);
        assertThat(first.get("/api/v1/partners").status()).as("the old password, just remembered").isEqualTo(401);
        Api second = new Api(port, Api.basic(email, "second-password-123"));
        assertThat(second.get("/api/v1/partners").status()).isEqualTo(200);

        Api.Response current = admin.get("/api/v1/users/" + user.id());
        assertThat(admin.put("/api/v1/users/" + user.id(), """
                {"email": "%s", "displayName": "Basic script", "role": "ANALYST", "active": false}""".formatted(email), current.etag())
                .status()).isEqualTo(200);
        assertThat(second.get("/api/v1/partners").status()).as("deactivated, though its password is remembered").isEqualTo(401);
    }

    @Test
    void authenticatesScriptsWithHashedRevocableTokens() {
        Api admin = new Api(port);
        Api.Response made = admin.post("/api/v1/tokens", "{\"name\": \"nightly export\"}");
        assertThat(made.status()).isEqualTo(201);
        String token = made.json().get("token").asString();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t").param("t", token).query(Long.class).single()).isZero();

        Api script = new Api(port, "Bearer " + token);
        assertThat(script.get("/api/v1/partners").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/tokens").body()).contains("nightly export").doesNotContain(token);
        assertThat(jdbc.sql("select last_used_at is not null from api_token where id = :id").param("id", made.id()).query(Boolean.class).single()).isTrue();

        assertThat(admin.delete("/api/v1/tokens/" + made.id(), null).status()).isEqualTo(200);
        Api.Response revoked = script.get("/api/v1/partners");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("code").asString()).isEqualTo("auth.invalid-token");
    }

    @Test
    void aTokenStopsWorkingAtOnceWhenItsUserIsDeactivatedOrLockedAndWorksAgainWhenReactivated() {
        Api admin = new Api(port);
        String email = Fixtures.unique("scripted").replace(" ", "") + "@example.com";
        Api.Response user = newUser(admin, email, "Script owner", "ANALYST", "script-password-123");
        String token = new Api(port, Api.basic(email, "script-password-123")).post("/api/v1/tokens", "{\"name\": \"cron\"}")
                .json().get("token").asString();
        Api script = new Api(port, "Bearer " + token);
        assertThat(script.get("/api/v1/partners").status()).isEqualTo(200);

        String form = """
                {"email": "%s", "displayName": "Script owner", "role": "ANALYST", "active": %s}""";
        Api.Response off = admin.put("/api/v1/users/" + user.id(), form.formatted(email, false), user.etag());
        assertThat(off.status()).isEqualTo(200);
        assertThat(script.get("/api/v1/partners").status()).as("deactivated, read again at once").isEqualTo(401);
        assertThat(admin.put("/api/v1/users/" + user.id(), form.formatted(email, true), off.etag()).status()).isEqualTo(200);
        assertThat(script.get("/api/v1/partners").status()).isEqualTo(200);

        Api wrong = new Api(port, Api.basic(email, "wrong-password"));
        for (int i = 0; i < 5; i++) {
            wrong.get("/api/v1/partners");
        }
        assertThat(script.get("/api/v1/partners").status()).as("locked by failed logins").isEqualTo(401);
    }

    @Test
    void letsAnAnalystReadEverythingAndChangeNothing() {
        Api admin = new Api(port);
        String email = Fixtures.unique("analyst").replace(" ", "") + "@example.com";
        newUser(admin, email, "Reader", "ANALYST", "analyst-password-123");
        Api analyst = new Api(port, Api.basic(email, "analyst-password-123"));
        assertThat(analyst.get("/api/v1/partners").status()).isEqualTo(200);
        assertThat(analyst.get("/api/v1/audit").status()).isEqualTo(200);
        Api.Response write = analyst.post("/api/v1/business-units", "{\"name\": \"Not allowed\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("code").asString()).isEqualTo("auth.forbidden");
        assertThat(analyst.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void keepsUserAdministrationToAdministrators() {
        Api admin = new Api(port);
        String email = Fixtures.unique("manager").replace(" ", "") + "@example.com";
        newUser(admin, email, "Manager", "CHANNEL_MANAGER", "manager-password-123");
        Api manager = new Api(port, Api.basic(email, "manager-password-123"));
        assertThat(manager.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(Fixtures.unique("Allowed"))).status()).isEqualTo(201);
        assertThat(manager.post("/api/v1/users", "{}").status()).isEqualTo(403);
        Api.Response partnerUserWithoutPartner = admin.post("/api/v1/users", """
                {"email": "x%s", "displayName": "x", "role": "PARTNER_USER", "password": "password-123456"}""".formatted(email));
        assertThat(partnerUserWithoutPartner.status()).isEqualTo(422);
    }

    private HttpResponse<String> rawGet(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
