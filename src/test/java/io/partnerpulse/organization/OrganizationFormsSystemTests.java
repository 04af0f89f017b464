package io.partnerpulse.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Building the organization from its pages: a unit, a department in it, an employee in that under a
 * manager typed by name; every bad field named beside it with nothing written; a change at the
 * version shown; an employee who leaves; and who may do it (not analysts, not a manager scoped to a
 * part of the organization, not partner users).
 */
@PartnerPulseIntegrationTest
class OrganizationFormsSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long idOf(String table, String column, String value) {
        return jdbc.sql("select id from " + table + " where " + column + " = ?").param(value).query(Long.class).single();
    }

    @Test
    void staffAddAUnitADepartmentInItAndAnEmployeeUnderAManagerTypedByName() {
        Api admin = Api.admin(port);
        String unit = Fixtures.unique("Channel Unit");
        assertThat(admin.form("/organization/unit/new", "name=" + enc(unit)).status()).isEqualTo(302);
        long unitId = idOf("business_unit", "name", unit);

        Api.Response noUnit = admin.form("/organization/department/new", "name=Partner+Sales");
        assertThat(noUnit.status()).isEqualTo(200);
        assertThat(noUnit.body()).contains("Choose the business unit it belongs to.");
        String department = Fixtures.unique("Partner Sales");
        Api.Response made = admin.form("/organization/department/new", "name=" + enc(department) + "&businessUnitId=" + unitId);
        assertThat(made.status()).isEqualTo(302);
        long departmentId = idOf("department", "name", department);
        assertThat(admin.get("/organization/department/" + departmentId).body()).contains(department, "/organization/department/" + departmentId + "/edit");

        String boss = Fixtures.unique("Boss");
        admin.form("/organization/employee/new", "name=" + enc(boss) + "&departmentId=" + departmentId + "&hireDate=2020-01-01&active=true");
        long bossId = idOf("employee", "full_name", boss);
        String name = Fixtures.unique("Seller");
        Api.Response bad = admin.form("/organization/employee/new", "name=&email=not-mail&hireDate=2020-13-45&manager=Nobody+zz&active=true");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Give it a name.", "Choose the department they work in.", "Type a date, such as 2026-12-31.",
                "No employee is named “Nobody zz”.", "field-error");
        Api.Response future = admin.form("/organization/employee/new", "name=" + enc(name) + "&departmentId=" + departmentId
                + "&hireDate=2999-01-01&active=true");
        assertThat(future.body()).contains("field-error");
        assertThat(jdbc.sql("select count(*) from employee where full_name = ?").param(name).query(Long.class).single()).as("nothing written").isZero();

        assertThat(admin.form("/organization/employee/new", "name=" + enc(name) + "&title=Channel+rep&email=seller%40example.com&departmentId="
                + departmentId + "&manager=" + enc(boss) + "&hireDate=2024-02-01&active=true").status()).isEqualTo(302);
        long id = idOf("employee", "full_name", name);
        assertThat(jdbc.sql("select title || ' ' || email || ' ' || department_id || ' ' || manager_id || ' ' || hire_date || ' ' || active"
                + " from employee where id = ?").param(id).query(String.class).single())
                .isEqualTo("Channel rep seller@example.com " + departmentId + " " + bossId + " 2024-02-01 true");

        String form = admin.get("/organization/employee/" + id + "/edit").body();
        assertThat(form).contains("value=\"" + boss + "\"", "value=\"2024-02-01\"", "checked");
        // leaves: the box unticked
        assertThat(admin.form("/organization/employee/" + id + "/edit", "name=" + enc(name) + "&departmentId=" + departmentId
                + "&manager=" + enc(boss) + "&hireDate=2024-02-01&version=0").status()).isEqualTo(302);
        assertThat(jdbc.sql("select active from employee where id = ?").param(id).query(Boolean.class).single()).isFalse();
        Api.Response stale = admin.form("/organization/employee/" + id + "/edit", "name=Renamed&departmentId=" + departmentId
                + "&hireDate=2024-02-01&version=0");
        assertThat(stale.body()).as("a stale version writes nothing").contains("role=\"alert\"");
        Api.Response ownManager = admin.form("/organization/employee/" + bossId + "/edit", "name=" + enc(boss) + "&departmentId=" + departmentId
                + "&manager=" + enc(boss) + "&hireDate=2020-01-01&active=true&version=0");
        assertThat(ownManager.body()).as("nobody is their own manager").contains("No employee is named");
        assertThat(admin.get("/organization").body()).contains("/organization/employee/new");
    }

    @Test
    void analystsScopedManagersAndPartnerUsersChangeNothing() {
        Api admin = Api.admin(port);
        String unit = Fixtures.unique("Guarded Unit");
        long unitId = admin.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(unit)).id();
        Api analyst = admin.newUser("ANALYST", "Reader");
        assertThat(analyst.get("/organization/unit/" + unitId + "/edit").status()).isEqualTo(403);
        assertThat(analyst.form("/organization/unit/" + unitId + "/edit", "name=Mine&version=0").status()).isEqualTo(403);
        assertThat(analyst.get("/organization").body()).doesNotContain("/organization/employee/new");

        String managerEmail = Fixtures.unique("scoped").replace(" ", "").toLowerCase() + "@example.com";
        assertThat(admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "Scoped", "role": "CHANNEL_MANAGER", "password": "manager-password-1", "businessUnitId": %d}"""
                .formatted(managerEmail, unitId)).status()).isEqualTo(201);
        Api scoped = new Api(port, Api.basic(managerEmail, "manager-password-1"));
        assertThat(scoped.form("/organization/unit/" + unitId + "/edit", "name=Mine&version=0").status()).isEqualTo(403);
        assertThat(scoped.get("/organization/unit/" + unitId + "/edit").status()).isEqualTo(403);
        assertThat(scoped.get("/organization/unit/" + unitId).body()).as("no link to a form it may not use").doesNotContain("/edit\"");
        Api.Response api = scoped.post("/api/v1/departments", "{\"name\": \"Sneaky\", \"businessUnitId\": %d}".formatted(unitId));
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().get("code").asString()).isEqualTo("organization.scoped");

        Api partnerUser = admin.newPartnerUser(new Fixtures(jdbc).activePartner("US", "GOLD"), "outsider");
        assertThat(partnerUser.form("/organization/unit/new", "name=Mine").status()).isEqualTo(403);
        assertThat(jdbc.sql("select name from business_unit where id = ?").param(unitId).query(String.class).single()).isEqualTo(unit);
        assertThat(jdbc.sql("select count(*) from department where name = 'Sneaky'").query(Long.class).single()).isZero();
    }
}
