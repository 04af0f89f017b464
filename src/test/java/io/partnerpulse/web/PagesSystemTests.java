package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every page answers, in both languages, for every period, and shows the friendly error page when it must. */
@PartnerPulseIntegrationTest
class PagesSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Api admin() {
        return Api.admin(port);
    }

    @Test
    void aLinkThatAsksForUrduKeepsItsLanguageThroughTheRedirectToTheSignInPage() throws Exception {
        var client = java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        var first = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/partners?lang=ur"))
                .header("Accept", "text/html").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(first.statusCode()).isEqualTo(302);
        String cookie = first.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("partnerpulse-lang=ur"))
                .findFirst().orElseThrow().split(";")[0];

        var signIn = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(first.headers().firstValue("Location").orElseThrow()
                        .replaceFirst("^/", "http://localhost:" + port + "/"))).header("Cookie", cookie).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(signIn.body()).contains("اپنے چینل پارٹنر سی آر ایم میں سائن ان کریں۔").contains("dir=\"rtl\"")
                .as("no links into the app for a visitor who has not signed in").doesNotContain("href=\"/partners\"");
    }

    @Autowired
    org.thymeleaf.spring6.view.ThymeleafViewResolver views;

    @Test
    void aPageIsRenderedWholeBeforeItIsSentSoThatAnErrorInItGetsTheErrorPageNotHalfAPage() {
        assertThat(views.getProducePartialOutputWhileProcessing()).isFalse();
    }

    @Test
    void answersTheDashboardForEveryPeriodInBothLanguages() {
        Api admin = admin();
        for (String period : Selection.PERIODS) {
            for (String lang : new String[] {"en", "ur"}) {
                Api.Response page = admin.get("/?period=" + period + "&lang=" + lang);
                assertThat(page.status()).as(period + " " + lang).isEqualTo(200);
                assertThat(page.body()).contains("data-kpi=\"dealSuccess\"");
            }
        }
        assertThat(admin.get("/?lang=ur").body()).contains("dir=\"rtl\"", "پروگرام ڈیش بورڈ");
        assertThat(admin.get("/?period=custom&from=not-a-date&to=2026-13-45&tier=DIAMOND&unitId=abc").status()).isEqualTo(200);
    }

    @Test
    void showsTheKpisOfAUnitADepartmentAndAnEmployee() {
        Api admin = admin();
        long unit = admin.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(Fixtures.unique("Pages unit"))).id();
        long department = admin.post("/api/v1/departments", "{\"name\": \"Pages dept\", \"businessUnitId\": %d}".formatted(unit)).id();
        long employee = admin.post("/api/v1/employees", "{\"fullName\": \"Page Person\", \"departmentId\": %d, \"hireDate\": \"2021-01-01\"}"
                .formatted(department)).id();

        assertThat(admin.get("/organization").body()).contains("Page Person");
        for (String path : new String[] {"/organization/unit/" + unit, "/organization/department/" + department, "/organization/employee/" + employee}) {
            Api.Response page = admin.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body().split("data-kpi=").length - 1).as(path).isEqualTo(8);
        }
        assertThat(admin.get("/organization/employee/" + employee).body())
                .as("the cards drill through to the employee's own records").contains("employeeId=" + employee);
        assertThat(admin.get("/dashboard/records?kpi=dealCount&period=this-year&employeeId=" + employee).status()).isEqualTo(200);
        assertThat(admin.get("/organization/team/1").status()).isEqualTo(404);
        assertThat(admin.get("/organization/unit/987654321").status()).isEqualTo(404);
    }

    @Test
    void keepsPartnerUsersOutOfTheOrganizationPages() throws Exception {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api portal = admin().newPartnerUser(partner, "pageuser");
        assertThat(portal.get("/organization").status()).isEqualTo(403);
        // as a browser asks for it: the error page says what happened in its title and heading
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/organization")).header("Accept", "text/html")
                .header("Authorization", portal.authorization()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("<title>Not allowed", "<h1>Not allowed</h1>", "You may not see this page.");
        assertThat(portal.get("/").status()).isEqualTo(200);
        String partnerName = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();
        assertThat(portal.get("/").body()).as("the partner's own dashboard, without the program's organization filters")
                .contains("<h1>" + partnerName + ": dashboard</h1>").doesNotContain("name=\"unitId\"", "name=\"tier\"");
        assertThat(admin().get("/").body()).contains("<h1>Program dashboard</h1>", "name=\"unitId\"");
        assertThat(portal.get("/partners/" + partner).status()).isEqualTo(200);
        long other = new Fixtures(jdbc).activePartner("US", "GOLD");
        String otherName = jdbc.sql("select name from partner where id = ?").param(other).query(String.class).single();
        assertThat(portal.get("/partners/" + partner).body()).as("a partner user is offered no other partner to compare with")
                .doesNotContain(otherName).doesNotContain("name=\"compareWith\"");
        assertThat(admin().get("/partners/" + partner).body()).as("staff pick a peer by name")
                .contains("name=\"compareWith\"", "<option value=\"" + otherName + "\">");
    }

    @Test
    void showsEveryInvalidFieldOfANewPartnerBesideIt() {
        Api admin = admin();
        Api.Response invalid = admin.form("/partners", "name=&tier=GOLD&country=Pakistan&commissionRate=7");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body().split("class=\"field-error\"").length - 1).isEqualTo(3);
        Api.Response wrongType = admin.form("/partners", "name=Typed&tier=GOLD&country=PK&commissionRate=abc");
        assertThat(wrongType.status()).isEqualTo(200);
        assertThat(wrongType.body()).contains("field-error");

        Api.Response created = admin.form("/partners", "name=" + Fixtures.unique("Form partner").replace(" ", "+") + "&tier=GOLD&country=PK&city=Lahore");
        assertThat(created.status()).isEqualTo(302);
        assertThat(admin.get("/partners?q=Form+partner").body()).contains("Form partner");
    }

    @Test
    void namesAPartnersManagerByNameWhenAddingOrEditingItAndShowsItOnItsPage() {
        Api admin = admin();
        Api api = new Api(port);
        long unit = api.post("/api/v1/business-units", "{\"name\": \"%s\"}".formatted(Fixtures.unique("Managers"))).id();
        long department = api.post("/api/v1/departments", "{\"name\": \"Channel\", \"businessUnitId\": %d}".formatted(unit)).id();
        String first = Fixtures.unique("Managing Mona");
        String second = Fixtures.unique("Managing Omar");
        long mona = api.post("/api/v1/employees", "{\"fullName\": \"%s\", \"departmentId\": %d, \"hireDate\": \"2020-01-01\"}".formatted(first, department)).id();
        long omar = api.post("/api/v1/employees", "{\"fullName\": \"%s\", \"departmentId\": %d, \"hireDate\": \"2020-01-01\"}".formatted(second, department)).id();
        String name = Fixtures.unique("Managed partner");

        Api.Response unknown = admin.form("/partners", "name=" + name.replace(" ", "+") + "&tier=GOLD&country=PK&partnerManager=Nobody+at+all+" + unit);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains("No employee is named");
        assertThat(api.get("/api/v1/partners?q=" + name.replace(" ", "+")).json().get("total").asLong()).as("nothing written").isZero();

        Api.Response created = admin.form("/partners", "name=" + name.replace(" ", "+") + "&tier=GOLD&country=PK&partnerManager=" + first.replace(" ", "+"));
        assertThat(created.status()).isEqualTo(302);
        long partner = api.get("/api/v1/partners?q=" + name.replace(" ", "+")).json().get("items").get(0).get("id").asLong();
        assertThat(api.get("/api/v1/partners/" + partner).json().get("partnerManagerId").asLong()).isEqualTo(mona);
        assertThat(admin.get("/partners/" + partner).body()).contains(first);
        assertThat(admin.get("/partners/" + partner + "/edit").body()).contains("value=\"" + first + "\"");

        long version = api.get("/api/v1/partners/" + partner).json().get("version").asLong();
        assertThat(admin.form("/partners/" + partner + "/edit", "version=%d&name=%s&country=PK&partnerManager=%s"
                .formatted(version, name.replace(" ", "+"), second.replace(" ", "+"))).status()).isEqualTo(302);
        assertThat(api.get("/api/v1/partners/" + partner).json().get("partnerManagerId").asLong()).isEqualTo(omar);
        version = api.get("/api/v1/partners/" + partner).json().get("version").asLong();
        assertThat(admin.form("/partners/" + partner + "/edit", "version=%d&name=%s&country=PK&partnerManager="
                .formatted(version, name.replace(" ", "+"))).status()).as("cleared: nobody manages it").isEqualTo(302);
        assertThat(api.get("/api/v1/partners/" + partner).json().get("partnerManagerId").isNull()).isTrue();
    }

    @Test
    void setsATargetAndRecordsCampaignSpendFromTheirPages() {
        Api admin = admin();
        Api.Response bad = admin.form("/targets", "scope=PARTNER&metric=REVENUE&periodStart=2031-01-01&periodEnd=2030-01-01&value=10");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("field-error");
        assertThat(admin.form("/targets", "scope=PROGRAM&metric=DEAL_COUNT&periodStart=2032-01-01&periodEnd=2032-04-01&value=40").status())
                .isEqualTo(302);
        // its days as people write them, the last one included (the form's end, April 1, is the day after)
        assertThat(admin.get("/targets?when=all&scope=PROGRAM").body()).contains(">Jan 1, 2032</td>", ">Mar 31, 2032</td>")
                .doesNotContain("2032-01-01</td>");

        Api api = new Api(port);
        long channel = api.post("/api/v1/channels", "{\"name\": \"%s\", \"type\": \"PAID\"}".formatted(Fixtures.unique("Page channel"))).id();
        Api.Response campaign = api.post("/api/v1/campaigns", """
                {"name": "Page campaign", "channelId": %d, "startsOn": "2026-01-01", "endsOn": "2026-01-31", "cost": 100.00, "currency": "USD"}"""
                .formatted(channel));
        assertThat(admin.form("/campaigns/" + campaign.id() + "/spend", "version=0&amount=25.50").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/campaigns/" + campaign.id()).json().get("cost").decimalValue()).isEqualByComparingTo("125.50");
        assertThat(admin.get("/campaigns?channelId=" + channel).body()).contains("Page campaign");
    }

    @Test
    void listsEachLeadWithTheChannelItCameFromAndTheDayItCame() {
        long channel = new Fixtures(jdbc).channel("PAID");
        String channelName = jdbc.sql("select name from marketing_channel where id = ?").param(channel).query(String.class).single();
        String company = Fixtures.unique("Sourced lead");
        Api.Response lead = new Api(port).post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"US\", \"channelId\": %d}"
                .formatted(company, channel));
        assertThat(lead.status()).as(lead.body()).isEqualTo(201);
        String row = admin().get("/leads?q=" + company.replace(" ", "+")).body();
        row = row.substring(row.indexOf("data-id=\"" + lead.id() + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        String today = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(java.util.Locale.ENGLISH)
                .format(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
        assertThat(row).contains(channelName, today);
    }

    @Test
    void qualifiesAndDisqualifiesLeadsFromTheirPage() {
        Api api = new Api(port);
        Api.Response lead = api.post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(Fixtures.unique("Page lead")));
        Api admin = admin();
        assertThat(admin.get("/leads?q=Page+lead").body()).contains("data-id=\"" + lead.id() + "\"");
        assertThat(admin.form("/leads/" + lead.id() + "/qualify", "version=0").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + lead.id()).json().get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(admin.form("/leads/" + lead.id() + "/disqualify", "version=1&reason=No+budget").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + lead.id()).json().get("status").asString()).isEqualTo("DISQUALIFIED");
        assertThat(admin.form("/leads/distribute", "").status()).isEqualTo(302);
    }

    @Test
    void listsTheOpenLeadsByDefaultAndEveryLeadWhenAskedWithExportsOfTheSameLeads() {
        Api api = new Api(port);
        Api admin = admin();
        String company = Fixtures.unique("Every status");
        long open = api.post("/api/v1/leads", "{\"companyName\": \"%s open\", \"country\": \"US\"}".formatted(company)).id();
        long dropped = api.post("/api/v1/leads", "{\"companyName\": \"%s dropped\", \"country\": \"US\"}".formatted(company)).id();
        assertThat(admin.form("/leads/" + dropped + "/disqualify", "version=0&reason=No+budget").status()).isEqualTo(302);
        String q = company.replace(" ", "+");

        String opened = admin.get("/leads?q=" + q).body();
        assertThat(opened).contains("data-id=\"" + open + "\"").doesNotContain("data-id=\"" + dropped + "\"");
        assertThat(opened).as("the export holds what the page lists").contains("/api/v1/leads?status=NEW,QUALIFIED&amp;unassigned=&amp;q=" + company.replace(" ", "%20"));
        String every = admin.get("/leads?status=ALL&q=" + q).body();
        assertThat(every).contains("data-id=\"" + open + "\"", "data-id=\"" + dropped + "\"", "<option value=\"ALL\" selected=\"selected\"");
        assertThat(every).contains("/api/v1/leads?status=&amp;unassigned=&amp;q=" + company.replace(" ", "%20"));
        assertThat(api.get("/api/v1/leads?status=&q=" + q).json().get("total").asLong()).as("no status: every lead").isEqualTo(2);
        assertThat(api.get("/api/v1/leads?status=NEW,QUALIFIED&q=" + q).json().get("total").asLong()).isEqualTo(1);
        assertThat(admin.get("/leads?status=DISQUALIFIED&q=" + q).body()).contains("data-id=\"" + dropped + "\"")
                .doesNotContain("data-id=\"" + open + "\"");
        assertThat(admin.get("/leads?status=SOMETHING").status()).isBetween(400, 499);
    }

    @Test
    void assignsOnlyTheTickedLeadsTheOthersHaveNotChangedSinceThePageShowedThem() {
        Api api = new Api(port);
        Api admin = admin();
        String company = Fixtures.unique("Assigned lead");
        long fresh = api.post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(company)).id();
        long changed = api.post("/api/v1/leads", "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(company)).id();
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String name = jdbc.sql("select name from partner where id = :id").param("id", partner).query(String.class).single();
        String page = admin.get("/leads?q=" + company.replace(" ", "+")).body();
        assertThat(page).contains("value=\"" + fresh + ":0\"", "id=\"ticked-leads\"", "<option value=\"" + name + "\"");
        // someone qualifies one of them after the page was shown
        assertThat(admin.form("/leads/" + changed + "/qualify", "version=0").status()).isEqualTo(302);

        String ticked = "lead=" + fresh + ":0&lead=" + changed + ":0&reason=Trade+show&q=" + company.replace(" ", "+");
        Api.Response nobody = admin.form("/leads/assign", ticked + "&partner=No+such+partner+anywhere");
        assertThat(nobody.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + fresh).json().get("partnerId").isNull()).as("an unknown partner assigns nothing").isTrue();

        Api.Response assigned = admin.form("/leads/assign", ticked + "&partner=" + name.toUpperCase(java.util.Locale.ROOT).replace(" ", "+"));
        assertThat(assigned.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + fresh).json().get("partnerId").asLong()).isEqualTo(partner);
        assertThat(api.get("/api/v1/leads/" + fresh + "/assignments").body()).contains("Trade show");
        assertThat(api.get("/api/v1/leads/" + changed).json().get("partnerId").isNull())
                .as("changed since the page showed it: refused, not overwritten").isTrue();
        assertThat(admin.form("/leads/assign", "partner=" + name.replace(" ", "+")).status()).as("nothing ticked").isEqualTo(302);
    }

    @Test
    void qualifiesOrDisqualifiesTheTickedLeadsAtOnceTheDisqualifiedWithTheOneReasonGiven() {
        Api api = new Api(port);
        Api admin = admin();
        String company = Fixtures.unique("Ticked for review");
        long[] leads = new long[3];
        for (int i = 0; i < 3; i++) {
            leads[i] = api.post("/api/v1/leads", "{\"companyName\": \"%s %d\", \"country\": \"US\"}".formatted(company, i)).id();
        }
        String two = "lead=" + leads[0] + ":0&lead=" + leads[1] + ":0";
        assertThat(admin.form("/leads/disqualify", two + "&reason=").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + leads[0]).json().get("status").asString()).as("no reason, nothing disqualified").isEqualTo("NEW");
        assertThat(admin.form("/leads/disqualify", two + "&reason=Students,+not+buyers").status()).isEqualTo(302);
        for (int i = 0; i < 2; i++) {
            tools.jackson.databind.JsonNode lead = api.get("/api/v1/leads/" + leads[i]).json();
            assertThat(lead.get("status").asString()).isEqualTo("DISQUALIFIED");
            assertThat(lead.get("disqualifiedReason").asString()).isEqualTo("Students, not buyers");
        }
        assertThat(admin.form("/leads/qualify", "lead=" + leads[2] + ":0&lead=" + leads[0] + ":1").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + leads[2]).json().get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(api.get("/api/v1/leads/" + leads[0]).json().get("status").asString()).as("disqualified leads stay so").isEqualTo("DISQUALIFIED");

        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api portal = admin.newPartnerUser(partner, "ticker");
        long own = api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s own\", \"country\": \"US\"}".formatted(company)).id();
        assertThat(portal.get("/leads").body()).as("a partner user ticks its own leads, but assigns none")
                .contains("id=\"ticked-leads\"", "value=\"" + own + ":0\"").doesNotContain("name=\"partner\" list=");
        assertThat(portal.form("/leads/qualify", "lead=" + own + ":0&lead=" + leads[1] + ":1").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + own).json().get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(api.get("/api/v1/leads/" + leads[1]).json().get("status").asString()).as("not its partner's").isEqualTo("DISQUALIFIED");
    }

    @Test
    void routesOnlyTheTickedLeadsWithoutAPartnerByTheDistributionRules() {
        Api api = new Api(port);
        Api admin = admin();
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String company = Fixtures.unique("Routed lead");
        long ticked = api.post("/api/v1/leads", "{\"companyName\": \"%s 1\", \"country\": \"US\"}".formatted(company)).id();
        long left = api.post("/api/v1/leads", "{\"companyName\": \"%s 2\", \"country\": \"US\"}".formatted(company)).id();
        long owned = api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s 3\", \"country\": \"US\"}".formatted(company)).id();
        assertThat(admin.form("/leads/route", "lead=" + ticked + ":0&lead=" + owned + ":0").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + ticked).json().get("partnerId").isNull()).as("routed to someone").isFalse();
        assertThat(api.get("/api/v1/leads/" + ticked + "/assignments").body()).contains("Routed: ");
        assertThat(api.get("/api/v1/leads/" + left).json().get("partnerId").isNull()).as("not ticked, not routed").isTrue();
        assertThat(api.get("/api/v1/leads/" + owned).json().get("partnerId").asLong()).as("had a partner, kept it").isEqualTo(partner);
        assertThat(admin.newPartnerUser(partner, "router").form("/leads/route", "lead=" + left + ":0").status()).isEqualTo(403);
        long deal = api.post("/api/v1/opportunities", "{\"name\": \"%s deal\", \"amount\": 10, \"currency\": \"USD\"}".formatted(company)).id();
        assertThat(admin.get("/pipeline").body()).as("a deal card links to its changes")
                .contains("/audit?entityType=opportunity&amp;entityId=" + deal + "\"");
    }

    @Test
    void theLeadsPagesFormsAnswerHostileValuesWithoutA500() {
        Api admin = admin();
        for (String[] post : new String[][] {
                {"/leads/qualify", "lead=abc&lead=1:x&lead=:&lead=99999999999999999999:0&status=BOGUS&page=-3&q=%00"},
                {"/leads/disqualify", "lead=1:0&reason=" + "x".repeat(5000)},
                {"/leads/assign", "lead=1:0&partner=%27%3B+drop+table+lead%3B--&reason="},
                {"/leads/assign", "lead=1:0&partner=P&unassigned=maybe&shownPartnerId=NaN"},
                {"/leads", "companyName=" + "x".repeat(300) + "&channelId=abc&country=%F0%9F%98%80&email=a@b@c"},
                {"/leads", "companyName=Real&channelId=-1&campaign=" + "y".repeat(300)}}) {
            Api.Response response = admin.form(post[0], post[1]);
            assertThat(response.status()).as(post[0] + "?" + post[1].substring(0, Math.min(80, post[1].length()))).isLessThan(500);
        }
        assertThat(admin.get("/leads?partnerId=abc").status()).isLessThan(500);
        assertThat(admin.get("/audit?entityId=%27&actorName=%00&through=9999-12-31&from=0000-01-01").status()).isLessThan(500);
    }

    @Test
    void aPartnersPageCountsItsOpenLeadsAndLinksToThemAlone() {
        Api api = new Api(port);
        Api admin = admin();
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String name = jdbc.sql("select name from partner where id = :id").param("id", partner).query(String.class).single();
        String company = Fixtures.unique("Partner's own lead");
        long mine = api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(company)).id();
        api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s 2\", \"country\": \"US\"}".formatted(company));
        long disqualified = api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s 3\", \"country\": \"US\"}".formatted(company)).id();
        assertThat(admin.form("/leads/" + disqualified + "/disqualify", "version=0&reason=Gone").status()).isEqualTo(302);
        long someoneElses = api.post("/api/v1/leads", "{\"companyName\": \"%s elsewhere\", \"country\": \"US\"}".formatted(company)).id();

        assertThat(admin.get("/partners/" + partner).body()).contains("Open leads: 2", "href=\"/leads?partnerId=" + partner + "\"",
                "<strong>Gold</strong>", "<strong>Active</strong>");
        assertThat(admin.get("/leads?partnerId=" + partner + "&status=DISQUALIFIED").body()).as("statuses in words")
                .contains("<td>Disqualified</td>", "<option value=\"DISQUALIFIED\" selected=\"selected\">Disqualified</option>");
        assertThat(admin.get("/leads?partnerId=" + partner + "&lang=ur").body()).contains("<td>نئی</td>");
        assertThat(admin.get("/partners/" + partner + "?lang=ur").body()).contains("<strong>گولڈ</strong>", "<strong>فعال</strong>");
        String narrowed = admin.get("/leads?partnerId=" + partner + "&q=" + company.replace(" ", "+")).body();
        assertThat(narrowed).contains("data-id=\"" + mine + "\"", "Only the leads of " + name + ".", "Show every partner&#39;s",
                "name=\"shownPartnerId\" value=\"" + partner + "\"", "partnerId=" + partner + "&amp;format=csv")
                .doesNotContain("data-id=\"" + someoneElses + "\"", "data-id=\"" + disqualified + "\"");
        assertThat(admin.get("/leads?q=" + company.replace(" ", "+")).body()).contains("data-id=\"" + someoneElses + "\"")
                .doesNotContain("Only the leads of");
    }

    @Test
    void addsALeadFromTheLeadsPageAndSaysWhatIsWrongBesideEachField() {
        Api admin = admin();
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String name = jdbc.sql("select name from partner where id = :id").param("id", partner).query(String.class).single();
        Api api = new Api(port);
        String channelName = Fixtures.unique("Lead page channel");
        long channel = api.post("/api/v1/channels", "{\"name\": \"%s\", \"type\": \"EARNED\"}".formatted(channelName)).id();
        String campaignName = Fixtures.unique("Lead page campaign");
        long campaign = api.post("/api/v1/campaigns", """
                {"name": "%s", "channelId": %d, "startsOn": "2026-01-01", "endsOn": "2026-12-31", "cost": 0, "currency": "USD"}"""
                .formatted(campaignName, channel)).id();
        Api.Response bad = admin.form("/leads", "companyName=&contactName=&email=not-an-address&country=us&partner=No+such+partner+anywhere"
                + "&campaign=No+such+campaign+anywhere&channelId=" + channel);
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Give the company or the contact.", "must be a well-formed email address",
                "No partner is named \u201cNo such partner anywhere\u201d.", "No campaign is named \u201cNo such campaign anywhere\u201d.",
                "value=\"not-an-address\"", "<details open=\"open\">", "<option value=\"" + channel + "\" selected=\"selected\">" + channelName);
        Api.Response country = admin.form("/leads", "companyName=Somewhere+Ltd&country=QQ");
        assertThat(country.status()).isEqualTo(200);
        assertThat(country.body()).as("the service's check, beside its field").contains("field-error", "value=\"QQ\"");

        String company = Fixtures.unique("Page-made lead");
        Api.Response made = admin.form("/leads", "companyName=" + company.replace(" ", "+") + "&contactName=Ayesha+Khan"
                + "&email=ayesha%40example.com&country=pk&city=Lahore&partner=" + name.replace(" ", "+") + "&channelId=" + channel
                + "&campaign=" + campaignName.toLowerCase(java.util.Locale.ROOT).replace(" ", "+"));
        assertThat(made.status()).isEqualTo(302);
        tools.jackson.databind.JsonNode lead = new Api(port).get("/api/v1/leads?q=" + company.replace(" ", "+")).json().get("items").get(0);
        assertThat(lead.get("country").asString()).isEqualTo("PK");
        assertThat(lead.get("contactName").asString()).isEqualTo("Ayesha Khan");
        assertThat(lead.get("partnerId").asLong()).isEqualTo(partner);
        assertThat(lead.get("status").asString()).isEqualTo("NEW");
        assertThat(lead.get("channelId").asLong()).as("counted for its channel in the KPIs").isEqualTo(channel);
        assertThat(lead.get("campaignId").asLong()).isEqualTo(campaign);
    }

    @Test
    void aPartnerUserConvertsItsQualifiedLeadIntoADealFromTheLeadsPage() {
        Api api = new Api(port);
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api portal = admin().newPartnerUser(partner, "converter");
        String company = Fixtures.unique("Convertible lead");
        Api.Response lead = api.post("/api/v1/leads?partnerId=" + partner, "{\"companyName\": \"%s\", \"country\": \"US\"}".formatted(company));
        assertThat(portal.form("/leads/" + lead.id() + "/qualify", "version=0").status()).isEqualTo(302);
        assertThat(portal.get("/leads?q=" + company.replace(" ", "+")).body()).contains("/leads/" + lead.id() + "/convert", "Convert to a deal");

        assertThat(portal.form("/leads/" + lead.id() + "/convert", "version=1&amount=lots&currency=USD").status()).isEqualTo(302);
        assertThat(api.get("/api/v1/leads/" + lead.id()).json().get("status").asString()).as("a bad amount converts nothing").isEqualTo("QUALIFIED");
        assertThat(portal.form("/leads/" + lead.id() + "/convert", "version=1&amount=4200.50&currency=").status()).isEqualTo(302);
        tools.jackson.databind.JsonNode after = api.get("/api/v1/leads/" + lead.id()).json();
        assertThat(after.get("status").asString()).isEqualTo("CONVERTED");
        tools.jackson.databind.JsonNode deal = api.get("/api/v1/opportunities/" + after.get("opportunityId").asLong()).json();
        assertThat(deal.get("name").asString()).isEqualTo(company);
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("4200.50");
        assertThat(deal.get("currency").asString()).as("the organization's currency when none is given").isEqualTo("USD");
        assertThat(deal.get("partnerId").asLong()).isEqualTo(partner);
    }

    @Test
    void showsWhatEachCampaignBroughtInAgainstItsSpendOverTheChosenPeriod() throws InterruptedException {
        io.partnerpulse.support.CampaignResults made = io.partnerpulse.support.CampaignResults.make(new Api(port),
                new Fixtures(jdbc).channel("PAID"));
        String name = made.name();
        long campaign = made.campaign();
        long deal = made.deal();
        java.time.LocalDate today = made.today();

        // from nine days ago through today: 10 of its 30 days, spend 1,000; won 4,000: ROI (4,000 - 1,000) / 1,000 = 300%
        String page = "/campaigns?q=" + name.replace(" ", "+") + "&from=" + today.minusDays(9) + "&through=" + today;
        Eventually.until(() -> cell(rowOf(admin().get(page).body(), campaign), "won").equals("1"));
        String row = rowOf(admin().get(page).body(), campaign);
        assertThat(cell(row, "leads")).isEqualTo("2");
        assertThat(cell(row, "revenue")).isEqualTo("$4,000");
        assertThat(cell(row, "spend")).isEqualTo("$1,000");
        assertThat(cell(row, "roi")).isEqualTo("300%");

        assertThat(admin().get(page).body()).as("the chart's data: the campaign's revenue beside its spend")
                .contains("id=\"chart-campaigns\"", name, "4000.00", "1000.00");
        String otherSearch = "/campaigns?q=Nothing+like+it&from=" + today.minusDays(9) + "&through=" + today;
        assertThat(admin().get(otherSearch).body()).as("the chart follows the list's search").doesNotContain(name, "id=\"chart-campaigns\"");

        // each count links to the records behind it, and back
        java.util.regex.Matcher leadsLink = java.util.regex.Pattern.compile("data-col=\"leads\"><a href=\"([^\"]+)\"").matcher(row);
        assertThat(leadsLink.find()).isTrue();
        String leads = admin().get(leadsLink.group(1).replace("&amp;", "&")).body();
        assertThat(leads.split("<tr data-id=").length - 1).as("the campaign's two leads").isEqualTo(2);
        assertThat(leads).contains("Back to the campaigns", "href=\"/campaigns?from=" + today.minusDays(9) + "&amp;through=" + today + "\"",
                "Only the numbers of the campaign " + name + ".");
        java.util.regex.Matcher wonLink = java.util.regex.Pattern.compile("data-col=\"won\"><a href=\"([^\"]+)\"").matcher(row);
        assertThat(wonLink.find()).isTrue();
        String won = admin().get(wonLink.group(1).replace("&amp;", "&")).body();
        assertThat(won).contains("data-id=\"" + deal + "\"");
        assertThat(won.split("<tr data-id=").length - 1).isEqualTo(1);
        assertThat(rowOf(admin().get("/campaigns?q=" + name.replace(" ", "+") + "&from=" + today.minusDays(40) + "&through="
                + today.minusDays(30)).body(), campaign)).as("a period before it: nothing").contains("data-col=\"leads\"><span>—<");
        assertThat(admin().get("/campaigns?from=yesterday&through=2026-02-30").status()).as("a mistyped period: the default").isEqualTo(200);
        assertThat(admin().get("/api/v1/kpis/channels?from=%s&to=%s&campaignId=%d&format=csv".formatted(today.minusDays(9),
                today.plusDays(1), campaign)).body()).as("the same figures to download").contains(name, "4000.00", "1000.00");
    }

    @Test
    void aPartnerToCompareWithIsFoundByNameAndSeveralMatchesAreOfferedToChooseFrom() {
        Fixtures fixtures = new Fixtures(jdbc);
        long partner = fixtures.activePartner("US", "GOLD");
        String word = "Twin" + Fixtures.unique("").strip().replace(" ", "");
        long[] twins = new long[2];
        for (int i = 0; i < 2; i++) {
            twins[i] = fixtures.activePartner("PK", "SILVER");
            jdbc.sql("update partner set name = ? where id = ?").params(word + " " + (i + 1), twins[i]).update();
        }

        String several = admin().get("/partners/" + partner + "?compareWith=" + word.toLowerCase(java.util.Locale.ROOT)).body();
        String none = admin().get("/partners/" + partner + "?compareWith=Nobody+" + word).body();
        String one = admin().get("/partners/" + partner + "?compareWith=" + word + "+2").body();

        assertThat(several).contains("Several partners are named like &quot;" + word.toLowerCase(java.util.Locale.ROOT) + "&quot;: choose one.",
                "?compare=" + twins[0] + "&amp;", "?compare=" + twins[1] + "&amp;").doesNotContain("side-by-side");
        assertThat(none).contains("No other partner is named like &quot;Nobody " + word + "&quot;.");
        assertThat(one).contains("side-by-side", "value=\"" + word + " 2\"");
    }

    @Test
    void theChartsNameTheirMonthsAsPeopleDoInTheReadersLanguage() {
        // the twelve months up to the period's last day, March 2026
        var months = admin().get("/dashboard/series?period=custom&from=2026-01-01&through=2026-03-31").json().get("months");
        assertThat(months.size()).isEqualTo(12);
        assertThat(months.get(0).asString()).isEqualTo("Apr 2025");
        assertThat(months.get(11).asString()).isEqualTo("Mar 2026");
        assertThat(admin().get("/dashboard/series?period=custom&from=2026-01-01&through=2026-03-31&lang=ur").json().get("months").get(11)
                .asString()).isEqualTo("مارچ 2026");
    }

    @Test
    void aPeriodsLastDayIsIncludedOnThePagesWhileTheirLinksAndTheApiCarryTheDayAfterIt() {
        String byThrough = admin().get("/?period=custom&from=2026-03-01&through=2026-03-31&lang=en").body();
        String byTo = admin().get("/?period=custom&from=2026-03-01&to=2026-04-01").body();
        String board = admin().get("/leaderboard?from=2026-03-01&through=2026-03-31").body();

        assertThat(byThrough).contains("<time datetime=\"2026-03-01\">Mar 1, 2026</time> – <time datetime=\"2026-03-31\">Mar 31, 2026</time>", "Through (included)",
                "name=\"through\" value=\"2026-03-31\"", "/api/v1/kpis?from=2026-03-01&amp;to=2026-04-01");
        assertThat(byThrough.substring(byThrough.indexOf("<section"))).as("the same period, whichever way it is asked")
                .isEqualTo(byTo.substring(byTo.indexOf("<section")));
        assertThat(board).contains("name=\"through\" value=\"2026-03-31\"", "from=2026-03-01&amp;to=2026-04-01");
        assertThat(admin().get("/?period=custom&from=2026-03-01&through=%2B999999999-12-31").status()).as("the last day there is").isEqualTo(200);
    }

    @Test
    void aDashboardNarrowedToAPartnerEmployeeOrCampaignSaysSoKeepsItThroughTheFormAndLinksToTheWholeProgram() {
        io.partnerpulse.support.CampaignResults made = io.partnerpulse.support.CampaignResults.make(new Api(port),
                new Fixtures(jdbc).channel("PAID"));
        long partner = new Fixtures(jdbc).activePartner("DE", "GOLD");
        String partnerName = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();

        String byCampaign = admin().get("/?period=this-year&campaignId=" + made.campaign()).body();
        String byPartner = admin().get("/?period=this-year&partnerId=" + partner + "&lang=ur").body();
        String whole = admin().get("/?period=this-year&lang=en").body();
        String missing = admin().get("/?period=this-year&employeeId=987654321").body();

        assertThat(byCampaign).contains("Only the numbers of the campaign " + made.name() + ".",
                "<input type=\"hidden\" name=\"campaignId\" value=\"" + made.campaign() + "\">",
                "Show the whole program");
        java.time.LocalDate year = java.time.LocalDate.now().withDayOfYear(1);
        assertThat(byCampaign).as("the link keeps the period and drops the campaign")
                .contains("href=\"/?period=this-year&amp;from=" + year + "&amp;to=" + year.plusYears(1) + "\"");
        assertThat(byPartner).contains("صرف شراکت دار " + partnerName + " کے اعداد۔", "پورا پروگرام دکھائیں",
                "href=\"/partners/" + partner + "/scorecard.pdf?period=this-year");
        assertThat(byCampaign).as("no scorecard is of a campaign").doesNotContain("scorecard.pdf");
        assertThat(whole).contains("href=\"/scorecard.pdf?period=this-year");
        assertThat(whole).doesNotContain("class=\"narrowed\"", "name=\"campaignId\"");
        assertThat(missing).as("an id that names nobody is still said").contains("Only the numbers of the employee #987654321.");
        long employee = new Fixtures(jdbc).employee();
        String employeeName = jdbc.sql("select full_name from employee where id = ?").param(employee).query(String.class).single();
        String asPartner = admin().newPartnerUser(partner, "narrowed").get("/?period=this-year&lang=en&employeeId=" + employee).body();
        assertThat(asPartner).as("a partner user is not told the organization's names")
                .contains("Only the numbers of the employee #" + employee + ".").doesNotContain(employeeName);
    }

    /** The text of a row's cell named by its data-col, without the tags around it. */
    private static String cell(String row, String column) {
        int start = row.indexOf("data-col=\"" + column + "\">");
        assertThat(start).as(column).isNotNegative();
        return row.substring(row.indexOf('>', start) + 1, row.indexOf("</td>", start)).replaceAll("<[^>]+>", "").strip();
    }

    private static String rowOf(String page, long campaign) {
        int start = page.indexOf("data-id=\"" + campaign + "\"");
        assertThat(start).as("the campaign's row").isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    @Test
    void showsTheFriendlyErrorPageForAnUnknownPartner() {
        Api.Response page = admin().get("/partners/987654321");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("That page does not exist.").doesNotContain("Exception");
    }

    @Test
    void answersAPersonWithTheErrorPageAndAScriptWithAProblemWhenNothingIsAtTheAddress() {
        Api.Response stale = admin().get("/no-such-page");
        assertThat(stale.status()).isEqualTo(404);
        assertThat(stale.contentType()).startsWith("text/html");
        assertThat(stale.body()).contains("<title>Page not found", "<h1>Page not found</h1>", "That page does not exist.")
                .as("with the navigation to go on from").contains("href=\"/leaderboard\"");
        assertThat(admin().get("/no-such-page?lang=ur").body()).as("in the reader's language").contains("یہ صفحہ موجود نہیں");
        Api.Response wrongId = admin().get("/partners/abc");
        assertThat(wrongId.status()).isEqualTo(400);
        assertThat(wrongId.contentType()).startsWith("text/html");
        assertThat(wrongId.body()).contains("Something went wrong").doesNotContain("Failed to convert");

        Api.Response api = admin().get("/api/v1/no-such-list");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
        assertThat(api.json().get("code").asString()).isEqualTo("request.not-found");
        assertThat(api.json().get("detail").asString()).isEqualTo("Nothing answers GET /api/v1/no-such-list.");
        Api.Response method = admin().send("DELETE", "/api/v1/partners", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.json().get("code").asString()).isEqualTo("request.method-not-allowed");
        assertThat(method.json().get("detail").asString()).contains("does not take DELETE", "GET", "POST");
        assertThat(admin().get("/api/v1/partners/abc").json().get("code").asString()).as("the API's own answer stays")
                .isEqualTo("request.invalid-parameter");
    }

    @Test
    void answersAnAddressTheFirewallRefusesAndAnUnreadableUploadWithA400NotAnError() {
        Api.Response doubled = admin().get("/api/v1/partners//1");
        assertThat(doubled.status()).isEqualTo(400);
        assertThat(doubled.contentType()).startsWith("application/problem+json");
        assertThat(doubled.json().get("code").asString()).isEqualTo("request.rejected");
        assertThat(doubled.json().get("detail").asString()).contains("//");
        assertThat(admin().get("/partners//1").status()).as("a page's address: the error page for a browser").isEqualTo(400);

        Api.Response cutOff = admin().send("POST", "/api/v1/imports/partners", "multipart/form-data; boundary=x", "--x\r\n\r\n");
        assertThat(cutOff.status()).isEqualTo(400);
        assertThat(cutOff.json().get("code").asString()).isEqualTo("request.unreadable-upload");
        assertThat(admin().send("POST", "/api/v1/imports/partners/preview", "multipart/form-data; boundary=x", "--x\r\n\r\n")
                .status()).isEqualTo(400);
        Api.Response pageUpload = admin().send("POST", "/imports/upload", "multipart/form-data; boundary=x", "--x\r\n\r\n");
        assertThat(pageUpload.status()).isEqualTo(400);
        assertThat(pageUpload.contentType()).startsWith("text/html");

        String malformed = raw("GET /api/v1/partners/a%ZZ HTTP/1.1");
        assertThat(malformed).as("refused by Tomcat itself, before Spring: still a problem document")
                .startsWith("HTTP/1.1 400").contains("application/problem+json", "\"code\":\"request.malformed\"")
                .doesNotContain("Apache Tomcat");
        assertThat(raw("GET /partners/a%ZZ HTTP/1.1")).as("a page's address: a short page naming no server")
                .startsWith("HTTP/1.1 400").contains("text/html").doesNotContain("Apache Tomcat", "problem+json");
    }

    /** A request line sent as is (an HTTP client would refuse to send a malformed address), and the whole answer. */
    private String raw(String requestLine) {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void editsAPartnersFieldsTierAndStatusFromItsPageWithErrorsBesideTheFields() {
        Api admin = admin();
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api.Response page = admin.get("/partners/" + partner + "/edit");
        assertThat(page.status()).isEqualTo(200);
        long version = admin.get("/api/v1/partners/" + partner).version();

        Api.Response refused = admin.form("/partners/" + partner + "/edit",
                "name=&country=usa&commissionRate=2&version=" + version);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"field-error\"", "must be a two-letter ISO 3166 code");
        assertThat(admin.get("/api/v1/partners/" + partner).version()).as("nothing was written").isEqualTo(version);

        Api.Response saved = admin.form("/partners/" + partner + "/edit",
                "name=Renamed+Partner&country=PK&city=Lahore&commissionRate=0.2&joinedOn=2024-02-01&version=" + version);
        assertThat(saved.status()).as(saved.body()).isIn(200, 302);
        var after = admin.get("/api/v1/partners/" + partner).json();
        assertThat(after.get("name").asString()).isEqualTo("Renamed Partner");
        assertThat(after.get("city").asString()).isEqualTo("Lahore");
        assertThat(after.get("joinedOn").asString()).isEqualTo("2024-02-01");

        Api.Response stale = admin.form("/partners/" + partner + "/edit", "name=Again&country=PK&version=" + version);
        assertThat(stale.body()).as("a stale form says so instead of overwriting").contains("role=\"alert\"");
        assertThat(admin.get("/api/v1/partners/" + partner).json().get("name").asString()).isEqualTo("Renamed Partner");

        long current = admin.get("/api/v1/partners/" + partner).version();
        admin.form("/partners/" + partner + "/tier", "tier=PLATINUM&reason=Top+seller&version=" + current);
        assertThat(admin.get("/api/v1/partners/" + partner).json().get("tier").asString()).isEqualTo("PLATINUM");
        current = admin.get("/api/v1/partners/" + partner).version();
        Api.Response illegal = admin.form("/partners/" + partner + "/status", "status=PROSPECT&version=" + current);
        assertThat(illegal.body()).contains("is ACTIVE; it can become INACTIVE, TERMINATED.");
        admin.form("/partners/" + partner + "/status", "status=INACTIVE&note=Paused&version=" + current);
        assertThat(admin.get("/api/v1/partners/" + partner).json().get("status").asString()).isEqualTo("INACTIVE");
    }

    @Test
    void keepsAnalystsFromChangingAnythingThroughThePages() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String email = Fixtures.unique("analyst").replace(" ", "") + "@staff.example";
        admin().post("/api/v1/users", """
                {"email": "%s", "displayName": "Reader", "role": "ANALYST", "password": "analyst-password-1"}""".formatted(email));
        Api analyst = new Api(port, Api.basic(email, "analyst-password-1"));
        Api.Response page = analyst.get("/partners/" + partner);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().replaceAll("\\s+", " ")).as("no link to change its directory listing, nor the dot before it")
                .doesNotContain("/listing\"").doesNotContain("· ·");
        assertThat(analyst.form("/partners", "name=Sneaky&country=US").status()).isEqualTo(403);
        assertThat(analyst.form("/partners/" + partner + "/status", "status=TERMINATED&version=0").status()).isEqualTo(403);
        assertThat(analyst.form("/targets", "kpi=dealCount").status()).isEqualTo(403);
        assertThat(analyst.form("/campaigns/1/spend", "amount=1").status()).isEqualTo(403);
        assertThat(analyst.form("/pipeline/1/move", "target=WON").status()).isEqualTo(403);
        assertThat(admin().get("/api/v1/partners/" + partner).json().get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void namesWhomEachTargetIsForAndShowsItsValueAsMoneyOrACount() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String name = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();
        Api api = new Api(port);
        assertThat(api.post("/api/v1/targets", """
                {"scope": "PARTNER", "scopeId": %d, "metric": "REVENUE", "periodStart": "2034-01-01", "periodEnd": "2034-04-01", "value": 125000.00}"""
                .formatted(partner)).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/targets", """
                {"scope": "PARTNER", "scopeId": %d, "metric": "DEAL_COUNT", "periodStart": "2034-01-01", "periodEnd": "2034-04-01", "value": 12}"""
                .formatted(partner)).status()).isEqualTo(201);
        String page = admin().get("/targets?when=all&scope=PARTNER").body();
        assertThat(page).contains("<td>" + name + " (" + partner + ")</td>", "$125,000", "<td class=\"n\">12</td>");
    }

    @Test
    void showsWhatATargetOfThePeriodRunningTodayHasReachedAndOtherPeriodsWhenAsked() throws Exception {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api api = new Api(port);
        java.time.LocalDate month = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1);
        Api.Response running = api.post("/api/v1/targets", """
                {"scope": "PARTNER", "scopeId": %d, "metric": "REVENUE", "periodStart": "%s", "periodEnd": "%s", "value": 2000.00}"""
                .formatted(partner, month, month.plusMonths(1)));
        assertThat(running.status()).as(running.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/targets", """
                {"scope": "PARTNER", "scopeId": %d, "metric": "REVENUE", "periodStart": "2035-01-01", "periodEnd": "2035-04-01", "value": 9000.00}"""
                .formatted(partner)).status()).isEqualTo(201);
        Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"%s\", \"amount\": 500.00, \"currency\": \"USD\", \"partnerId\": %d}"
                .formatted(Fixtures.unique("Target deal"), partner));
        api.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag());

        // $500 won of $2,000 this month: 25%
        Eventually.until(() -> rowOf(admin().get("/targets?scope=PARTNER").body(), "/targets/" + running.id() + "/value").contains("$500.00 · 25%"));
        assertThat(admin().get("/targets?scope=PARTNER").body()).as("the periods running today only").doesNotContain("Jan 1, 2035");
        String all = admin().get("/targets?when=all&scope=PARTNER").body();
        assertThat(all).contains("Jan 1, 2035");
        assertThat(rowOf(all, "Jan 1, 2035")).as("not started: nothing reached yet").doesNotContain("%");
    }

    private static String rowOf(String page, String text) {
        int at = page.indexOf(text);
        return at < 0 ? "" : page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    @Test
    void changesATargetsValueFromItsRowAndRefusesABadOrStaleOneWithoutWriting() {
        Api admin = admin();
        Api api = new Api(port);
        Api.Response target = api.post("/api/v1/targets", """
                {"scope": "PROGRAM", "metric": "REVENUE", "periodStart": "2033-01-01", "periodEnd": "2033-04-01", "value": 100000.00}""");
        long id = target.id();
        assertThat(admin.get("/targets?when=all&scope=PROGRAM").body()).contains("/targets/" + id + "/value");

        assertThat(admin.form("/targets/" + id + "/value", "value=150000.50&version=" + target.version()).status()).isEqualTo(302);
        Api.Response changed = api.get("/api/v1/targets/" + id);
        assertThat(changed.json().get("value").decimalValue()).isEqualByComparingTo("150000.50");
        assertThat(changed.json().get("periodStart").asString()).as("the rest stays").isEqualTo("2033-01-01");

        for (String bad : new String[] {"value=12x&version=" + changed.version(), "value=-1&version=" + changed.version(),
                "value=1.234&version=" + changed.version(), "value=&version=" + changed.version(), "value=99",
                "value=200000&version=" + target.version()}) {
            assertThat(admin.form("/targets/" + id + "/value", bad).status()).as(bad).isEqualTo(302);
            assertThat(api.get("/api/v1/targets/" + id).json().get("value").decimalValue()).as(bad).isEqualByComparingTo("150000.50");
        }
        assertThat(admin.form("/targets/987654321/value", "value=1&version=0").status()).isEqualTo(404);
    }

    @Test
    void createsACampaignFromItsPageWithEveryBadFieldNamedBesideIt() {
        Api admin = admin();
        Api api = new Api(port);
        long channel = api.post("/api/v1/channels", "{\"name\": \"%s\", \"type\": \"OWNED\"}".formatted(Fixtures.unique("Form channel"))).id();
        String name = Fixtures.unique("Form campaign");

        Api.Response refused = admin.form("/campaigns", "name=&channelId=%d&startsOn=2026-03-01&endsOn=2026-03-31&cost=-5&currency=us"
                .formatted(channel));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body().split("class=\"field-error\"").length - 1).as("name, cost and currency").isEqualTo(3);
        assertThat(refused.body()).contains("must be a three-letter ISO 4217 code");
        Api.Response notANumber = admin.form("/campaigns", "name=X&channelId=%d&startsOn=2026-03-01&endsOn=2026-03-31&cost=abc&currency=USD"
                .formatted(channel));
        assertThat(notANumber.body()).contains("class=\"field-error\">has a value of the wrong type or format");
        Api.Response both = admin.form("/campaigns", "name=&channelId=%d&startsOn=2026-03-01&endsOn=2026-03-31&cost=abc&currency=us"
                .formatted(channel));
        assertThat(both.body().split("class=\"field-error\"").length - 1).as("a cost of letters beside a blank name and a bad currency")
                .isEqualTo(3);
        assertThat(both.body()).contains("has a value of the wrong type or format", "must be a three-letter ISO 4217 code");
        assertThat(admin.form("/partners", "name=&tier=GOLD&country=us&commissionRate=abc").body().split("class=\"field-error\"").length - 1)
                .as("the partner form too: the rate, the name and the country").isEqualTo(3);
        assertThat(admin.form("/campaigns", "name=X&channelId=%d&startsOn=2026-03-01&endsOn=2026-03-31&cost=abc&currency=USD"
                .formatted(channel), "ur").body()).as("in the page's language").contains("class=\"field-error\">کی قدر غلط قسم یا شکل کی ہے");

        Api.Response created = admin.form("/campaigns", "name=%s&channelId=%d&startsOn=2026-03-01&endsOn=2026-03-31&cost=2500.00&currency=USD"
                .formatted(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), channel));
        assertThat(created.status()).isEqualTo(302);
        assertThat(api.get("/api/v1/campaigns?channelId=" + channel).body()).contains(name, "2500");
    }
}
