package io.partnerpulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrators' users pages: add someone, change them, deactivate them, set a password; nobody else gets in. */
@PartnerPulseIntegrationTest
class UserPagesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api page() {
        return Api.admin(port);
    }

    static String form(String email, String role, Object partner, String password, boolean active, Long version) {
        return "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&displayName=Paged+User&role=" + role
                + "&partnerId=" + (partner == null ? "" : partner) + "&businessUnitId=&departmentId=&active=" + active
                + "&password=" + (password == null ? "" : URLEncoder.encode(password, StandardCharsets.UTF_8))
                + (version == null ? "" : "&version=" + version);
    }

    /** A form posted by a browser that asks for Urdu. */
    String inUrdu(String path, String form) {
        return page().form(path, form, "ur").body();
    }

    @Test
    void anAdministratorAddsAPartnerUserChangesThemAndDeactivatesThemFromThePages() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String email = Fixtures.unique("paged").replace(" ", "").toLowerCase() + "@users.example";
        long before = jdbc.sql("select count(*) from app_user").query(Long.class).single();

        Api.Response noPartner = page().form("/users", form(email, "PARTNER_USER", null, "first-password-1", true, null));
        assertThat(noPartner.status()).isEqualTo(200);
        assertThat(noPartner.body()).contains("field-error", "is required for a partner user", "value=\"" + email + "\"");
        assertThat(page().form("/users", form(email, "PARTNER_USER", partner, "short", true, null)).body())
                .contains("field-error", "size must be between 12 and 200");
        assertThat(inUrdu("/users", form(email, "PARTNER_USER", partner, "short", true, null)))
                .as("a field's problem in the page's language").contains("field-error", "کی لمبائی 12 اور 200 کے درمیان ہونی چاہیے");
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).as("nothing written").isEqualTo(before);

        Api.Response created = page().form("/users", form(email, "PARTNER_USER", partner, "first-password-1", true, null));
        assertThat(created.status()).isEqualTo(302);
        long id = jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).single();
        Api user = new Api(port, Api.basic(email, "first-password-1"));
        assertThat(user.get("/partners/" + partner).status()).as("the new partner user signs in and sees its partner").isEqualTo(200);
        assertThat(page().get("/users?q=" + email).body()).contains(email, "<td>Partner user</td>", "<td>Active</td>");
        assertThat(page().get("/users/" + id).body()).contains("value=\"" + partner + "\"", "never signed in");

        String hash = jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).single();
        assertThat(page().form("/users/" + id, form(email, "PARTNER_USER", partner, null, true, 5L)).body())
                .contains("role=\"alert\"", "Someone changed this record after you opened it.");
        assertThat(page().form("/users/" + id, form(email, "PARTNER_USER", partner, null, false, 0L)).status()).isEqualTo(302);
        assertThat(jdbc.sql("select password_hash from app_user where id = ?").param(id).query(String.class).single())
                .as("a password left empty is kept").isEqualTo(hash);
        assertThat(user.get("/partners/" + partner).status()).as("a deactivated user cannot sign in").isEqualTo(401);
        assertThat(page().get("/users?q=" + email).body()).contains("<td>Deactivated</td>").doesNotContain("<td>Active</td>");

        assertThat(page().form("/users/" + id, form(email, "PARTNER_USER", partner, "second-password-2", true, 1L)).status()).isEqualTo(302);
        assertThat(new Api(port, Api.basic(email, "second-password-2")).get("/partners/" + partner).status()).isEqualTo(200);
        assertThat(new Api(port, Api.basic(email, "first-password-1")).get("/partners/" + partner).status()).isEqualTo(401);
        assertThat(new Api(port).get("/api/v1/audit?entityType=user&entityId=" + id).body()).contains("user.created", "user.edited");
    }

    @Test
    void saysWhenSomeoneLastSignedInAsPeopleWriteTheDay() {
        String email = Fixtures.unique("signed").replace(" ", "").toLowerCase() + "@users.example";
        assertThat(page().form("/users", form(email, "ANALYST", null, "signed-password-1", true, null)).status()).isEqualTo(302);
        long id = jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).single();
        jdbc.sql("update app_user set last_login_at = timestamptz '2026-03-05 12:30Z' where id = ?").param(id).update();

        assertThat(page().get("/users/" + id).body()).contains("last signed in Mar 5, 2026").doesNotContain("2026-03-05");
        assertThat(page().get("/users?q=" + email).body()).contains(">Mar 5, 2026<");
    }

    @Test
    void aUserGivenAPasswordByAnAdministratorCanBeMadeToChooseTheirOwnAtTheNextSignIn() {
        String email = Fixtures.unique("newcomer").replace(" ", "").toLowerCase() + "@users.example";
        assertThat(page().form("/users", form(email, "ANALYST", null, "given-password-1", true, null) + "&mustChangePassword=true").status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select must_change_password from app_user where email = ?").param(email).query(Boolean.class).single()).isTrue();
        Api newcomer = new Api(port, Api.basic(email, "given-password-1"));
        Api.Response dashboard = newcomer.get("/");
        assertThat(dashboard.status()).isEqualTo(302);
        assertThat(newcomer.get("/api/v1/partners").json().get("code").asString()).isEqualTo("auth.password-change-required");
        assertThat(page().get("/users").body()).as("offered, and checked, when adding someone")
                .contains("name=\"mustChangePassword\" value=\"true\" checked");

        long id = jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).single();
        assertThat(page().form("/users/" + id, form(email, "ANALYST", null, "another-password-2", true, 0L)).status()).isEqualTo(302);
        assertThat(jdbc.sql("select must_change_password from app_user where id = ?").param(id).query(Boolean.class).single())
                .as("left unchecked on a change, it stays as it was").isTrue();
    }

    @Test
    void onlyAdministratorsReachTheUsersPages() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        for (String role : List.of("CHANNEL_MANAGER", "ANALYST", "PARTNER_USER")) {
            String email = Fixtures.unique(role.toLowerCase()).replace(" ", "") + "@users.example";
            Api.Response made = new Api(port).post("/api/v1/users", """
                    {"email": "%s", "displayName": "Not an admin", "role": "%s", "partnerId": %s, "password": "users-password-1"}"""
                    .formatted(email, role, role.equals("PARTNER_USER") ? partner : null));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            Api someone = new Api(port, Api.basic(email, "users-password-1"));
            assertThat(someone.get("/users").status()).as(role).isEqualTo(403);
            assertThat(someone.get("/users/" + made.id()).status()).as(role).isEqualTo(403);
            assertThat(someone.form("/users", form("x" + email, "ADMIN", null, "users-password-1", true, null)).status()).as(role).isEqualTo(403);
            assertThat(someone.form("/users/" + made.id(), form(email, "ADMIN", null, null, true, 0L)).status()).as(role).isEqualTo(403);
            assertThat(someone.get("/").body()).as(role + " is not offered the link").doesNotContain("href=\"/users\"");
        }
        assertThat(page().get("/").body()).contains("href=\"/users\"");
        assertThat(page().get("/users/987654321").status()).isEqualTo(404);
    }

    @Test
    void aUserChangesTheirOwnPasswordOnThePasswordPageAndIsToldPlainlyWhatIsWrong() {
        String email = Fixtures.unique("self").replace(" ", "").toLowerCase() + "@users.example";
        assertThat(page().post("/api/v1/users", """
                {"email": "%s", "displayName": "Self", "role": "ANALYST", "password": "first-password-1"}""".formatted(email)).status())
                .isEqualTo(201);
        Api user = new Api(port, Api.basic(email, "first-password-1"));
        assertThat(user.get("/account/password").status()).isEqualTo(200);

        assertThat(user.form("/account/password", "currentPassword=first-password-1&newPassword=second-password-2&confirmPassword=other-password-22")
                .body()).contains("role=\"alert\">The two new passwords differ.");
        assertThat(user.form("/account/password", "currentPassword=first-password-1&newPassword=short&confirmPassword=short").body())
                .contains("Choose a password of 12 to 200 characters.");
        assertThat(user.form("/account/password", "currentPassword=wrong-password-9&newPassword=second-password-2&confirmPassword=second-password-2")
                .body()).contains("That is not your current password.");
        assertThat(user.form("/account/password", "currentPassword=first-password-1&newPassword=first-password-1&confirmPassword=first-password-1")
                .body()).contains("The new password must differ from the current one.");
        assertThat(user.form("/account/password", "currentPassword=first-password-1&newPassword=second-password-2&confirmPassword=x", "ur")
                .body()).as("in the page's language").contains("دونوں نئے پاس ورڈ مختلف ہیں۔");

        Api.Response changed = user.form("/account/password",
                "currentPassword=first-password-1&newPassword=second-password-2&confirmPassword=second-password-2");
        assertThat(changed.status()).isEqualTo(302);
        assertThat(new Api(port, Api.basic(email, "second-password-2")).get("/api/v1/partners?size=1").status()).isEqualTo(200);
        assertThat(user.get("/api/v1/partners?size=1").status()).as("the old password no longer works").isEqualTo(401);
    }

    @Test
    void aServicesRefusalIsSaidInThePagesLanguageWhileTheApiKeepsItsEnglishDetail() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String email = Fixtures.unique("refused").replace(" ", "").toLowerCase() + "@users.example";

        assertThat(inUrdu("/users", form(email, "PARTNER_USER", null, "first-password-1", true, null)))
                .as("a rule of the service, beside its field").contains("field-error", "پارٹنر صارف کے لیے لازمی ہے")
                .doesNotContain("is required for a");
        assertThat(inUrdu("/users", form(email, "ANALYST", 987654321L, "first-password-1", true, null)))
                .as("a missing record, with its id as digits").contains("شناخت 987654321 کا کوئی ریکارڈ موجود نہیں");
        assertThat(page().form("/users", form(email, "ANALYST", null, "first-password-1", true, null)).status()).isEqualTo(302);
        assertThat(inUrdu("/users", form(email, "ANALYST", null, "first-password-1", true, null)))
                .as("a conflict of the service, for the form as a whole").contains("role=\"alert\"", "اس ای میل کا صارف پہلے سے موجود ہے۔");
        long id = jdbc.sql("select id from app_user where email = ?").param(email).query(Long.class).single();
        assertThat(inUrdu("/users/" + id, form(email, "ANALYST", null, null, true, 7L)))
                .as("a stale version").contains("role=\"alert\"", "آپ کے کھولنے کے بعد کسی نے یہ ریکارڈ بدل دیا ہے۔");

        Api.Response api = page().send("POST", "/api/v1/users", "application/json", """
                {"email": "x%s", "displayName": "Api", "role": "PARTNER_USER", "password": "first-password-1"}""".formatted(email));
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.json().get("detail").asString()).contains("partnerId: is required for a PARTNER_USER");
        assertThat(api.json().get("errors").get(0).propertyNames()).as("the page's message key is no part of the API")
                .containsExactlyInAnyOrder("field", "reason");
    }
}
