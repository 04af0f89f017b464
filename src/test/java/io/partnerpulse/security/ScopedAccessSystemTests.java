package io.partnerpulse.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A manager scoped to a business unit, and a user who must choose a password first. */
@PartnerPulseIntegrationTest
class ScopedAccessSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** A unit in the north and one in the south, a sales rep in each (named uniquely), and a channel manager scoped to the north. */
    record NorthAndSouth(long northUnit, long southUnit, long northRep, long southRep, String northRepName, String southRepName, String email,
                         Api north) {
    }

    private NorthAndSouth northAndSouth(Api admin) {
        long northUnit = admin.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(Fixtures.unique("North"))).id();
        long southUnit = admin.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(Fixtures.unique("South"))).id();
        long northDept = admin.post("/api/v1/departments", "{\"name\": \"Sales\", \"businessUnitId\": %d}".formatted(northUnit)).id();
        long southDept = admin.post("/api/v1/departments", "{\"name\": \"Sales\", \"businessUnitId\": %d}".formatted(southUnit)).id();
        String northName = Fixtures.unique("North rep");
        String southName = Fixtures.unique("South rep");
        String employee = "{\"fullName\": \"%s\", \"departmentId\": %d, \"hireDate\": \"2020-01-01\"}";
        long northRep = admin.post("/api/v1/employees", employee.formatted(northName, northDept)).id();
        long southRep = admin.post("/api/v1/employees", employee.formatted(southName, southDept)).id();
        String email = Fixtures.unique("north").replace(" ", "") + "@example.com";
        Api.Response created = admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "North manager", "role": "CHANNEL_MANAGER", "businessUnitId": %d, "password": "north-password-123"}"""
                .formatted(email, northUnit));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new NorthAndSouth(northUnit, southUnit, northRep, southRep, northName, southName, email,
                new Api(port, Api.basic(email, "north-password-123")));
    }

    @Test
    void confinesAManagerScopedToAUnitToTheWorkOfItsEmployees() throws InterruptedException {
        Api admin = new Api(port);
        NorthAndSouth org = northAndSouth(admin);
        long northUnit = org.northUnit();
        long southUnit = org.southUnit();
        long northRep = org.northRep();
        long southRep = org.southRep();
        long northDeal = admin.post("/api/v1/opportunities", "{\"name\": \"North deal\", \"amount\": 100, \"currency\": \"USD\", \"ownerId\": %d}".formatted(northRep)).id();
        long southDeal = admin.post("/api/v1/opportunities", "{\"name\": \"South deal\", \"amount\": 900, \"currency\": \"USD\", \"ownerId\": %d}".formatted(southRep)).id();
        long southPartner = admin.post("/api/v1/partners", "{\"name\": \"%s\", \"tier\": \"GOLD\", \"country\": \"US\", \"partnerManagerId\": %d}"
                .formatted(Fixtures.unique("South partner"), southRep)).id();
        String email = org.email();
        Api north = org.north();

        assertThat(north.get("/api/v1/opportunities/" + northDeal).status()).isEqualTo(200);
        assertThat(north.get("/api/v1/opportunities/" + southDeal).status()).isEqualTo(404);
        assertThat(north.get("/api/v1/opportunities?size=500").body()).contains("North deal").doesNotContain("South deal");
        assertThat(north.get("/api/v1/partners/" + southPartner).status()).isEqualTo(404);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // the KPIs' read model takes the new deals a moment after they are written
        String todays = "/api/v1/kpis?from=%s&to=%s".formatted(today, today.plusDays(1));
        io.partnerpulse.support.Eventually.until(() -> north.get(todays).json().at("/groups/0/kpis/pipeline/amount").decimalValue().signum() > 0);
        Api.Response kpis = north.get(todays);
        assertThat(kpis.json().at("/groups/0/kpis/pipeline/amount").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(north.get("/api/v1/kpis?from=%s&to=%s&unitId=%d".formatted(today, today.plusDays(1), southUnit)).status()).isEqualTo(400);
        assertThat(north.post("/api/v1/leads/distribute", "{}").status()).isEqualTo(409);
        // the audit log holds every record's before and after, the south's deal too
        assertThat(north.get("/api/v1/audit?entityType=opportunity&entityId=" + southDeal).status()).isEqualTo(403);
        assertThat(north.get("/audit?entityType=opportunity&entityId=" + southDeal).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/audit?entityType=opportunity&entityId=" + southDeal).body()).contains("South deal");
        // the funds of a partner managed in the south are the south's business
        long northPartner = admin.post("/api/v1/partners", "{\"name\": \"%s\", \"tier\": \"GOLD\", \"country\": \"US\", \"partnerManagerId\": %d}"
                .formatted(Fixtures.unique("North partner"), northRep)).id();
        String fund = "{\"partnerId\": %d, \"periodStart\": \"2026-01-01\", \"periodEnd\": \"2027-01-01\", \"amount\": 1000, \"currency\": \"USD\", \"note\": \"%s\"}";
        long southFund = admin.post("/api/v1/funds/allocations", fund.formatted(southPartner, "South fund")).id();
        long northFund = admin.post("/api/v1/funds/allocations", fund.formatted(northPartner, "North fund")).id();
        assertThat(north.get("/api/v1/funds/allocations/" + southFund).status()).isEqualTo(404);
        assertThat(north.get("/api/v1/funds/allocations/" + northFund).status()).isEqualTo(200);
        assertThat(north.get("/api/v1/funds/allocations?size=500").body()).contains("North fund").doesNotContain("South fund");
        assertThat(north.get("/funds").body()).contains("North fund").doesNotContain("South fund");
        assertThat(north.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "x", "startsOn": "2026-02-01", "endsOn": "2026-02-01", "requestedAmount": 1}"""
                .formatted(southFund)).status()).isEqualTo(422);
        assertThat(north.get("/api/v1/funds/totals").json().get("allocated").decimalValue()).as("only the north's funds are summed")
                .isEqualByComparingTo(north.get("/api/v1/funds/allocations?size=500").json().get("items").valueStream()
                        .map(a -> a.get("amount").decimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        // onboarding lists the partners managed in its scope
        assertThat(north.get("/api/v1/onboarding").json().findValuesAsString("partnerId"))
                .contains(String.valueOf(northPartner)).doesNotContain(String.valueOf(southPartner));
        // a scheduled report's PDFs hold what its owner sees: the north sees its own reports, not the program's of an administrator
        String report = "{\"name\": \"%s\", \"scope\": \"program\", \"frequency\": \"MONTHLY\", \"recipients\": [\"%s@example.com\"]}";
        long adminsReport = admin.post("/api/v1/report-subscriptions", report.formatted("Whole program", "board")).id();
        long northsReport = north.post("/api/v1/report-subscriptions", report.formatted("North's program", "north")).id();
        assertThat(north.get("/api/v1/report-subscriptions").json().findValuesAsString("name")).containsExactly("North's program");
        assertThat(north.get("/api/v1/report-subscriptions/" + adminsReport + "/deliveries").status()).isEqualTo(404);
        assertThat(north.get("/reports").body()).contains("North&#39;s program").doesNotContain("Whole program");
        assertThat(admin.get("/api/v1/report-subscriptions").json().findValuesAsString("id"))
                .contains(String.valueOf(adminsReport), String.valueOf(northsReport));
    }

    @Test
    void keepsWhatAScopedManagerWritesWithinItsScopeByRefusingOwnersFromElsewhere() {
        Api admin = new Api(port);
        NorthAndSouth org = northAndSouth(admin);
        long northRep = org.northRep();
        long southRep = org.southRep();
        String email = org.email();
        Api north = org.north();
        String deal = "{\"name\": \"%s\", \"amount\": 100, \"currency\": \"USD\"%s}";

        Api.Response southOwned = north.post("/api/v1/opportunities", deal.formatted("Given south", ", \"ownerId\": " + southRep));
        assertThat(southOwned.status()).as(southOwned.body()).isEqualTo(422);
        assertThat(Api.invalidFields(southOwned)).containsExactly("ownerId");
        assertThat(southOwned.body()).contains("must be someone in your unit or department");
        Api.Response unowned = north.post("/api/v1/opportunities", deal.formatted("Nobody's", ""));
        assertThat(unowned.status()).isEqualTo(422);
        assertThat(Api.invalidFields(unowned)).containsExactly("ownerId");
        assertThat(jdbc.sql("select count(*) from opportunity where name in ('Given south', 'Nobody''s')").query(Long.class).single())
                .as("nothing was written").isZero();

        Api.Response northOwned = north.post("/api/v1/opportunities", deal.formatted("Kept north", ", \"ownerId\": " + northRep));
        assertThat(northOwned.status()).isEqualTo(201);
        Api.Response handedSouth = north.put("/api/v1/opportunities/" + northOwned.id(), deal.formatted("Kept north", ", \"ownerId\": " + southRep),
                "\"" + northOwned.json().get("version").asLong() + "\"");
        assertThat(handedSouth.status()).isEqualTo(422);
        assertThat(Api.invalidFields(handedSouth)).containsExactly("ownerId");
        assertThat(north.get("/api/v1/opportunities/" + northOwned.id()).json().get("ownerId").asLong())
                .as("the deal stays the north's and in sight").isEqualTo(northRep);
        // an administrator, who sees the whole organization, gives deals to anyone
        assertThat(admin.put("/api/v1/opportunities/" + northOwned.id(), deal.formatted("Kept north", ", \"ownerId\": " + southRep),
                "\"" + northOwned.json().get("version").asLong() + "\"").status()).isEqualTo(200);

        Api.Response lead = north.post("/api/v1/leads", "{\"companyName\": \"South lead\", \"country\": \"US\", \"ownerId\": %d}".formatted(southRep));
        assertThat(lead.status()).isEqualTo(422);
        assertThat(Api.invalidFields(lead)).containsExactly("ownerId");
        Api.Response partner = north.post("/api/v1/partners", "{\"name\": \"%s\", \"tier\": \"GOLD\", \"country\": \"US\", \"partnerManagerId\": %d}"
                .formatted(Fixtures.unique("South managed"), southRep));
        assertThat(partner.status()).isEqualTo(422);
        assertThat(Api.invalidFields(partner)).containsExactly("partnerManagerId");
        assertThat(north.post("/api/v1/partners", "{\"name\": \"%s\", \"tier\": \"GOLD\", \"country\": \"US\", \"partnerManagerId\": %d}"
                .formatted(Fixtures.unique("North managed"), northRep)).status()).isEqualTo(201);

        // the pages' forms name the owner or partner manager by name, and say the same beside that field
        Api.Response leadPage = north.form("/leads", "companyName=Paged+south+lead&country=US&owner=" + org.southRepName().replace(" ", "+"));
        assertThat(leadPage.status()).isEqualTo(200);
        assertThat(leadPage.body()).contains("must be someone in your unit or department");
        assertThat(north.form("/leads", "companyName=Paged+north+lead&country=US&owner=" + org.northRepName().replace(" ", "+")).status()).isEqualTo(302);
        String partnerName = Fixtures.unique("Paged partner");
        Api.Response partnerPage = north.form("/partners", "name=" + partnerName.replace(" ", "+") + "&tier=GOLD&country=US");
        assertThat(partnerPage.status()).isEqualTo(200);
        assertThat(partnerPage.body()).contains("is required: a manager of one unit or department gives each record an owner there");
        assertThat(north.form("/partners", "name=" + partnerName.replace(" ", "+") + "&tier=GOLD&country=US&partnerManager=" + org.northRepName().replace(" ", "+")).status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from lead where company_name = 'Paged south lead'").query(Long.class).single()).isZero();

        // a follow-up about a deal is given only to someone who sees that deal (its name would show on their list)
        long northManager = jdbc.sql("select id from app_user where email = :e").param("e", email).query(Long.class).single();
        long southDeal = admin.post("/api/v1/opportunities", deal.formatted("South only", ", \"ownerId\": " + southRep)).id();
        String task = "{\"title\": \"Call them\", \"dueOn\": \"2030-01-02\", \"assigneeId\": %d, \"opportunityId\": %d}";
        Api.Response unseen = admin.post("/api/v1/tasks", task.formatted(northManager, southDeal));
        assertThat(unseen.status()).isEqualTo(422);
        assertThat(Api.invalidFields(unseen)).containsExactly("assigneeId");
        assertThat(north.get("/tasks").body()).doesNotContain("South only");
        long northDeal = admin.post("/api/v1/opportunities", deal.formatted("North only", ", \"ownerId\": " + northRep)).id();
        assertThat(admin.post("/api/v1/tasks", task.formatted(northManager, northDeal)).status()).isEqualTo(201);
    }

    @Test
    void refusesTheScopeToAPartnerUserOrBothAUnitAndADepartment() {
        Api admin = new Api(port);
        long unit = admin.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(Fixtures.unique("U"))).id();
        Api.Response both = admin.post("/api/v1/users", """
                {"email": "both@example.com", "displayName": "x", "role": "ADMIN", "businessUnitId": %d, "password": "password-123456"}"""
                .formatted(unit));
        assertThat(both.status()).isEqualTo(422);
        assertThat(Api.invalidFields(both)).containsExactly("role");
    }

    @Test
    void makesAUserWithAOneTimePasswordChooseTheirOwnFirst() {
        Api admin = new Api(port);
        String email = Fixtures.unique("fresh").replace(" ", "") + "@example.com";
        admin.post("/api/v1/users", """
                {"email": "%s", "displayName": "Fresh", "role": "ANALYST", "password": "one-time-pass-123"}""".formatted(email));
        jdbc.sql("update app_user set must_change_password = true where email = :e").param("e", email).update();
        Api fresh = new Api(port, Api.basic(email, "one-time-pass-123"));

        Api.Response blocked = fresh.get("/api/v1/partners");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().get("code").asString()).isEqualTo("auth.password-change-required");
        Api.Response wrong = fresh.post("/api/v1/users/me/password", "{\"currentPassword\": \"nope\", \"newPassword\": \"my-own-password-1\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(fresh.post("/api/v1/users/me/password",
                "{\"currentPassword\": \"one-time-pass-123\", \"newPassword\": \"my-own-password-1\"}").status()).isEqualTo(204);

        assertThat(new Api(port, Api.basic(email, "my-own-password-1")).get("/api/v1/partners").status()).isEqualTo(200);
        assertThat(fresh.get("/api/v1/partners").status()).as("the one-time password no longer works").isEqualTo(401);
    }
}
