package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Browser;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The work pages in headless Chromium: approving from the registration queue, winning and dragging deals on the board. */
@PartnerPulseIntegrationTest
@ExtendWith(Browser.class)
class WorkPagesBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    Api api;
    String base;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        base = "http://localhost:" + port;
        browser = Browser.open();
        Browser.signIn(browser, base, Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        Browser.close();
    }

    @Test
    void everyPageFitsAPhonesWidthWithItsWideTablesScrollingInsideThemselves() {
        // a name without a space to break it at, long as a channel's name may be: the filters' lists hold it
        api.post("/api/v1/channels", "{\"name\": \"%s\", \"type\": \"PAID\"}".formatted("W".repeat(180) + java.util.UUID.randomUUID()));
        api.post("/api/v1/certifications", "{\"partnerId\": %d, \"personName\": \"%s\", \"name\": \"%s\", \"earnedOn\": \"2026-01-01\"}"
                .formatted(new Fixtures(jdbc).activePartner("US", "GOLD"), "P".repeat(150), "C".repeat(150)));
        // a distributor whose reseller has a long name and a won deal: its resellers' table and chart
        long distributor = new Fixtures(jdbc).activePartner("US", "PLATINUM");
        long reseller = new Fixtures(jdbc).activePartner("US", "SILVER");
        jdbc.sql("update partner set name = :n where id = :r").param("n", "R".repeat(150) + reseller).param("r", reseller).update();
        api.put("/api/v1/partners/" + distributor + "/distribution", "{\"distributor\": true}", "\"0\"");
        api.put("/api/v1/partners/" + reseller + "/distribution", "{\"distributorId\": %d}".formatted(distributor), "\"0\"");
        Api.Response sold = api.post("/api/v1/opportunities", "{\"name\": \"Resold\", \"amount\": 10, \"currency\": \"USD\", \"partnerId\": %d}"
                .formatted(reseller));
        api.post("/api/v1/opportunities/" + sold.id() + "/win", "{}", sold.etag());
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String path : java.util.List.of("/", "/partners/" + distributor + "/resellers", "/partners/" + distributor + "/edit", "/leaderboard", "/plan", "/partners", "/leads", "/pipeline", "/registrations", "/campaigns",
                "/targets", "/organization", "/imports", "/users", "/webhooks", "/dashboard/records?kpi=dealCount&period=last-year",
                "/?lang=ur", "/leads", "/registrations", "/audit", "/funds?show=requests", "/funds?show=claims", "/funds?show=returns", "/tiers", "/reports", "/account/notifications", "/pivot?rows=employee&period=last-year", "/onboarding",
                "/deals?show=ALL", "/organization/employee/new", "/settings", "/tasks", "/search?q=a", "/certifications", "/directory", "/accounts", "/accounts/" + api.post("/api/v1/accounts", "{\"name\": \"%s\", \"sector\": \"%s\"}"
                        .formatted("A".repeat(150), "S".repeat(100))).id(), "/deals/" + api.post("/api/v1/opportunities", "{\"name\": \"%s\", \"amount\": 10, \"currency\": \"USD\"}"
                        .formatted("D".repeat(150))).id())) {
            browser.get(base + path);
            // measured once the page has settled (a stylesheet or a font still arriving can widen it for a moment)
            java.util.function.Supplier<Long> overflowing = () -> ((Number) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
            try {
                new WebDriverWait(browser, Duration.ofSeconds(3)).until(d -> overflowing.get() <= 0);
            } catch (org.openqa.selenium.TimeoutException e) {
                // said below, with what is too wide
            }
            Long overflow = overflowing.get();
            if (overflow > 0) {
                // which elements reach past the screen's edge, to say what to mend
                Object wide = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                        var w = document.documentElement.clientWidth, out = [];
                        document.querySelectorAll('body *').forEach(function (e) {
                          if (out.length >= 6) { return; }
                          var r = e.getBoundingClientRect();
                          if (r.right > w + 1) { out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                              + ' ' + Math.round(r.right) + 'px: ' + (e.textContent || '').trim().substring(0, 60)); }
                        });
                        return out.join(' | ');""");
                Browser.screenshot("too-wide-" + path.replaceAll("[^a-z0-9]+", "-"));
                assertThat(overflow).as("how far " + path + " scrolls sideways; too wide: " + wide).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void assignsTheTickedLeadsToAPartnerTypedByNameAndSaysWhichWentWhere() {
        String company = Fixtures.unique("Ticked lead");
        long first = api.post("/api/v1/leads", "{\"companyName\": \"%s one\", \"country\": \"US\"}".formatted(company)).id();
        long second = api.post("/api/v1/leads", "{\"companyName\": \"%s two\", \"country\": \"US\"}".formatted(company)).id();
        long untouched = api.post("/api/v1/leads", "{\"companyName\": \"%s three\", \"country\": \"US\"}".formatted(company)).id();
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String name = jdbc.sql("select name from partner where id = :id").param("id", partner).query(String.class).single();

        browser.get(base + "/leads?q=" + company.replace(" ", "+"));
        browser.findElement(By.cssSelector("tr[data-id='" + first + "'] input[type='checkbox']")).click();
        browser.findElement(By.cssSelector("tr[data-id='" + second + "'] input[type='checkbox']")).click();
        browser.findElement(By.cssSelector("#ticked-leads input[name='partner']")).sendKeys(name.toLowerCase(java.util.Locale.ROOT));
        browser.findElement(By.cssSelector("#ticked-leads input[name='reason']")).sendKeys("Met them at the trade show");
        Browser.screenshot("leads-assign");
        browser.findElement(By.cssSelector("#ticked-leads button.assign")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".flash-area .message.ok")).size() == 1);
        assertThat(browser.findElement(By.cssSelector(".flash-area .message.ok")).getText()).isEqualTo("Leads assigned to " + name + ": 2.");
        assertThat(browser.getCurrentUrl()).as("back to the same search").contains("q=");
        Browser.screenshot("leads-assigned");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + first + "']")).getText()).contains(name);
        assertThat(api.get("/api/v1/leads/" + second).json().get("partnerId").asLong()).isEqualTo(partner);
        assertThat(api.get("/api/v1/leads/" + second + "/assignments").body()).contains("Met them at the trade show");
        assertThat(api.get("/api/v1/leads/" + untouched).json().get("partnerId").isNull()).as("not ticked, not assigned").isTrue();
    }

    @Test
    void approvesARegistrationFromTheQueue() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api.Response registration = api.post("/api/v1/registrations", """
                {"partnerId": %d, "customerName": "%s", "estimatedAmount": 2500.00, "currency": "USD"}"""
                .formatted(partner, Fixtures.unique("Queue customer")));

        browser.get(base + "/registrations");
        Browser.screenshot("registrations");
        WebElement row = browser.findElement(By.cssSelector("tr[data-id='" + registration.id() + "']"));
        row.findElement(By.cssSelector("form.approve button")).click();

        // htmx swaps the row's actions for the outcome, without reloading the page
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                !d.findElements(By.cssSelector("tr[data-id='" + registration.id() + "'] .outcome.ok")).isEmpty());
        Api.Response approved = api.get("/api/v1/registrations/" + registration.id());
        assertThat(approved.json().get("outcome").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().get("opportunityId").isNull()).isFalse();
        browser.get(base + "/registrations");
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + registration.id() + "']"))).isEmpty();
    }

    @Test
    void winsADealOnTheBoardAndTheDashboardCountsIt() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String dashboard = base + "/?period=custom&from=%s&to=%s".formatted(today, today.plusDays(1));
        Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"%s\", \"amount\": 9999999.00, \"currency\": \"USD\"}"
                .formatted(Fixtures.unique("Board deal")));
        String query = "from=%s&to=%s".formatted(today, today.plusDays(1));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                api.get("/api/v1/kpis/pipeline/records?" + query).status() == 200);

        browser.get(base + "/pipeline");
        Browser.screenshot("pipeline");
        WebElement card = browser.findElement(By.cssSelector(".deal[data-id='" + deal.id() + "']"));
        assertThat(card.findElement(By.name("target")).isDisplayed()).as("the move form folded away").isFalse();
        card.findElement(By.cssSelector("details.move summary")).click();
        new Select(card.findElement(By.name("target"))).selectByValue("WON");
        card.findElement(By.cssSelector("form.move button")).click();
        movedSaysSo();
        assertThat(api.get("/api/v1/opportunities/" + deal.id()).json().get("stage").asString()).isEqualTo("WON");

        // the dashboard's deal count shows the won deal: the records behind it list it
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            d.get(dashboard);
            d.findElement(By.cssSelector("[data-kpi='dealCount'] a.kpi-value")).click();
            return !d.findElements(By.cssSelector("tr[data-id='" + deal.id() + "']")).isEmpty();
        });
    }

    @Test
    void movesADealByDraggingItsCardToAnotherStageAndAsksForTheReasonBeforeLosingIt() {
        Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"%s\", \"amount\": 9999998.00, \"currency\": \"USD\"}"
                .formatted(Fixtures.unique("Dragged deal")));
        browser.get(base + "/pipeline");
        drag(deal.id(), "QUALIFICATION");
        movedSaysSo();
        assertThat(api.get("/api/v1/opportunities/" + deal.id()).json().get("stage").asString()).isEqualTo("QUALIFICATION");
        assertThat(browser.findElements(By.cssSelector(".column[data-stage='QUALIFICATION'] .deal[data-id='" + deal.id() + "']"))).hasSize(1);

        drag(deal.id(), "LOST");
        WebElement reason = browser.findElement(By.cssSelector(".deal[data-id='" + deal.id() + "'] input[name='reason']"));
        assertThat(reason.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement()).isEqualTo(reason);
        assertThat(api.get("/api/v1/opportunities/" + deal.id()).json().get("stage").asString()).as("not lost without a reason")
                .isEqualTo("QUALIFICATION");
    }

    /**
     * Waits for the board to say a move was made. Generous: on a loaded two-core CI machine the move's
     * round trip (the post, the redirect, the board's page) once took more than 10 s; a failure says
     * what the page showed instead.
     */
    private void movedSaysSo() {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "the page after the move, " + browser.getCurrentUrl() + ", says: "
                        + browser.findElements(By.cssSelector(".flash-area")).stream().map(WebElement::getText).toList())
                .until(d -> d.findElements(By.cssSelector(".flash-area .message.ok")).size() == 1);
    }

    /** What the browser does when a person drags a card onto a column (HTML5 drag and drop events). */
    private void drag(long dealId, String stage) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const card = document.querySelector('.deal[data-id="' + arguments[0] + '"]');
                const column = document.querySelector('.column[data-stage="' + arguments[1] + '"]');
                const data = new DataTransfer();
                card.dispatchEvent(new DragEvent('dragstart', {dataTransfer: data, bubbles: true}));
                column.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
                column.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));
                card.dispatchEvent(new DragEvent('dragend', {dataTransfer: data, bubbles: true}));""", Long.toString(dealId), stage);
    }

    @Test
    void showsAPartnersScorecardBesideAnothersWithItsDeals() {
        Fixtures fixtures = new Fixtures(jdbc);
        long first = fixtures.activePartner("US", "GOLD");
        long second = fixtures.activePartner("PK", "SILVER");
        Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"Scorecard deal\", \"amount\": 1500.00, \"currency\": \"USD\", \"partnerId\": %d}"
                .formatted(first));

        String secondName = jdbc.sql("select name from partner where id = ?").param(second).query(String.class).single();

        browser.get(base + "/partners/" + first);
        // its last twelve months charted: won revenue by month beside the win rate
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "true".equals(d.findElement(By.id("chart-history")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#chart-history canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("chart-history")).getDomAttribute("data-chart")).contains("\"months\":[\"", "\"winRate\":[");
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).hasSize(12);
        assertThat(browser.findElement(By.name("through")).isDisplayed()).as("a custom date, for this quarter").isFalse();
        new Select(browser.findElement(By.id("period"))).selectByValue("custom");
        assertThat(browser.findElement(By.name("through")).isDisplayed()).as("a custom date, for a custom period").isTrue();
        WebElement compareWith = browser.findElement(By.name("compareWith"));
        compareWith.sendKeys(secondName.toLowerCase(java.util.Locale.ROOT));
        compareWith.submit();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("compareWith="));
        assertThat(browser.findElements(By.cssSelector(".side-by-side .cards"))).as("found by its name, any case").hasSize(2);
        assertThat(browser.findElement(By.name("compareWith")).getDomAttribute("value")).isEqualTo(secondName);
        assertThat(browser.findElements(By.cssSelector(".side-by-side .cards"))).allSatisfy(
                cards -> assertThat(cards.findElements(By.cssSelector(".card"))).hasSize(8));
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + deal.id() + "']"))).hasSize(1);
        Browser.screenshot("partner");
    }

    @Test
    void ranksPartnersOnTheLeaderboard() {
        browser.get(base + "/leaderboard");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Partner leaderboard");
        browser.get(base + "/leaderboard?sort=revenue");
        Browser.screenshot("leaderboard");
        assertThat(browser.findElements(By.cssSelector("table.leaderboard, p.empty"))).isNotEmpty();
    }

    @Test
    void chartsTheCampaignsThatBroughtInTheMostAgainstTheirSpend() {
        io.partnerpulse.support.CampaignResults made = io.partnerpulse.support.CampaignResults.make(api, new Fixtures(jdbc).channel("PAID"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            d.get(base + "/campaigns?from=" + made.today().minusDays(9) + "&through=" + made.today());
            return !d.findElements(By.id("chart-campaigns")).isEmpty();
        });
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "true".equals(d.findElement(By.id("chart-campaigns")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#chart-campaigns canvas"))).isNotEmpty();
        Browser.screenshot("campaigns");
    }

    @Test
    void chartsADistributorsResellersAndTurnsASecondPartnerIntoOneOfThemFromItsEditPage() {
        long distributor = new Fixtures(jdbc).activePartner("US", "PLATINUM");
        long reseller = new Fixtures(jdbc).activePartner("US", "SILVER");
        long newcomer = new Fixtures(jdbc).activePartner("US", "REGISTERED");
        String distributorName = jdbc.sql("select name from partner where id = :p").param("p", distributor).query(String.class).single();
        api.put("/api/v1/partners/" + distributor + "/distribution", "{\"distributor\": true}", "\"0\"");
        api.put("/api/v1/partners/" + reseller + "/distribution", "{\"distributorId\": %d}".formatted(distributor), "\"0\"");
        Api.Response sold = api.post("/api/v1/opportunities", "{\"name\": \"Resold\", \"amount\": 700, \"currency\": \"USD\", \"partnerId\": %d}"
                .formatted(reseller));
        api.post("/api/v1/opportunities/" + sold.id() + "/win", "{}", sold.etag());

        // the newcomer starts buying through the distributor, typed by name on its edit page
        browser.get(base + "/partners/" + newcomer + "/edit");
        WebElement through = browser.findElement(By.cssSelector("form.distribution input[name=buysThrough]"));
        through.sendKeys(distributorName);
        browser.findElement(By.cssSelector("form.distribution button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> d.getPageSource().contains("Saved"));

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            d.get(base + "/partners/" + distributor + "/resellers?period=this-month");
            return !d.findElements(By.id("chart-resellers")).isEmpty();
        });
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "true".equals(d.findElement(By.id("chart-resellers")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("#chart-resellers canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("table.resellers tbody tr"))).hasSize(2);
        Browser.screenshot("resellers");
    }

    @Test
    void approvesPartOfAFundRequestAndChartsWhatTheFundBroughtBack() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        long channel = new Fixtures(jdbc).channel("PAID");
        long campaign = api.post("/api/v1/campaigns", """
                {"name": "%s", "channelId": %d, "partnerId": %d, "startsOn": "2026-02-01", "endsOn": "2026-02-28", "cost": 900, "currency": "USD"}"""
                .formatted(Fixtures.unique("Funded webinar"), channel, partner)).id();
        long fund = api.post("/api/v1/funds/allocations", """
                {"partnerId": %d, "periodStart": "2026-01-01", "periodEnd": "2026-07-01", "amount": 5000, "currency": "USD"}"""
                .formatted(partner)).id();
        long request = api.post("/api/v1/funds/requests", """
                {"allocationId": %d, "activity": "Browser webinar", "campaignId": %d, "startsOn": "2026-02-01", "endsOn": "2026-02-28",
                 "requestedAmount": 1200}""".formatted(fund, campaign)).id();

        browser.get(base + "/funds?show=requests&partnerId=" + partner);
        WebElement row = browser.findElement(By.cssSelector("tr[data-id='" + request + "']"));
        row.findElement(By.name("approvedAmount")).sendKeys("1000");
        row.findElement(By.cssSelector("form.approve button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".message.ok")).size() > 0);
        assertThat(browser.findElement(By.cssSelector(".message.ok")).getText()).contains("approved for $1,000");
        assertThat(browser.findElement(By.cssSelector("tr[data-id='" + request + "'] [data-col=status]")).getText()).isEqualTo("Approved");

        long claim = api.post("/api/v1/funds/claims", """
                {"requestId": %d, "amount": 800, "proof": "Invoice 1"}""".formatted(request)).id();
        api.post("/api/v1/funds/claims/" + claim + "/approve", "{}", "\"0\"");
        api.post("/api/v1/funds/claims/" + claim + "/pay", "{\"paidOn\": \"2026-03-01\"}", "\"1\"");
        Api.Response deal = api.post("/api/v1/opportunities", """
                {"name": "Funded win", "amount": 3000, "currency": "USD", "partnerId": %d, "campaignId": %d, "createdAt": "2026-02-10T09:00:00Z"}"""
                .formatted(partner, campaign));
        api.post("/api/v1/opportunities/" + deal.id() + "/win", "{\"at\": \"2026-03-05T10:00:00Z\"}", deal.etag());

        browser.get(base + "/funds?show=returns&partnerId=" + partner);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "true".equals(d.findElement(By.id("chart-funds")).getAttribute("data-ready")));
        WebElement returned = browser.findElement(By.cssSelector("tr[data-id='" + request + "']"));
        assertThat(returned.findElement(By.cssSelector("[data-col=revenue]")).getText()).isEqualTo("$3,000");
        assertThat(returned.findElement(By.cssSelector("[data-col=roi]")).getText()).as("(3,000 − 800) ÷ 800").isEqualTo("275%");
        Browser.screenshot("funds-returns");
    }

    @Test
    void schedulesAPartnersMonthlyScorecardAndSendsItNowWithThePdfInTheLog() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        String name = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();
        browser.get(base + "/reports");
        browser.findElement(By.name("name")).sendKeys("Monthly scorecard for " + name);
        new Select(browser.findElement(By.name("subject"))).selectByValue("partner:" + partner);
        new Select(browser.findElement(By.name("frequency"))).selectByValue("MONTHLY");
        browser.findElement(By.name("recipients")).sendKeys("not-an-address");
        submit(By.cssSelector("form.entity button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).isEqualTo("“not-an-address” is not an e-mail address");
        WebElement recipients = browser.findElement(By.name("recipients"));
        recipients.clear();
        recipients.sendKeys("finance@example.com, partners@example.com");
        submit(By.cssSelector("form.entity button[type=submit]"));
        assertThat(browser.getCurrentUrl()).matches(".*/reports/\\d+$");
        assertThat(browser.findElement(By.cssSelector(".flash-area")).getText()).contains("is scheduled: the first goes out",
                LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1) + " 07:00");

        submit(By.xpath("//button[normalize-space()='Send now']"));
        assertThat(browser.findElement(By.cssSelector(".flash-area")).getText()).contains("is on its way to finance@example.com, partners@example.com");
        // the log shows the delivery once the scheduler has sent it (to the outbox folder: no SMTP server in the tests)
        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.cssSelector("table.records a[href$='scorecard.pdf']")).size() == 1;
        });
        assertThat(browser.findElement(By.cssSelector("table.records tbody")).getText()).contains("Sent", "finance@example.com", Api.ADMIN_EMAIL);
        Browser.screenshot("scheduled-report");
        String pdf = browser.findElement(By.cssSelector("table.records a[href$='scorecard.pdf']")).getAttribute("href");
        assertThat(Api.admin(port).download(pdf.substring(base.length())).statusCode()).isEqualTo(200);

        // deleting asks a second click
        browser.findElement(By.cssSelector("details.delete summary")).click();
        submit(By.cssSelector("details.delete button"));
        assertThat(browser.getCurrentUrl()).endsWith("/reports");
        assertThat(browser.findElement(By.cssSelector(".flash-area")).getText()).contains("is deleted; nothing more will be sent");
        assertThat(browser.findElements(By.linkText("Monthly scorecard for " + name))).as("no longer listed").isEmpty();
    }

    @Test
    void opensADealFromItsCardChangesItsDetailsAndWinsItFromItsPage() {
        Fixtures fixtures = new Fixtures(jdbc);
        String owner = jdbc.sql("select full_name from employee where id = ?").param(fixtures.employee()).query(String.class).single();
        String name = Fixtures.unique("Carded deal");
        Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"%s\", \"amount\": 9999997.00, \"currency\": \"USD\"}".formatted(name));
        browser.get(base + "/pipeline");
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(By.linkText(name)).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        assertThat(browser.getCurrentUrl()).endsWith("/deals/" + deal.id());
        assertThat(browser.findElement(By.cssSelector("table.history tbody")).getText()).contains("(opened)", "Prospecting");

        browser.findElement(By.xpath("//summary[normalize-space()='Change its details']")).click();
        WebElement amount = browser.findElement(By.cssSelector("form.entity input[name='amount']"));
        amount.clear();
        amount.sendKeys("12,5x");
        browser.findElement(By.cssSelector("form.entity input[name='owner']")).sendKeys(owner.substring(0, owner.length() - 2));
        submit(By.xpath("//form[contains(@class,'entity')]//button[normalize-space()='Save']"));
        assertThat(browser.findElement(By.cssSelector("form.entity .field-error")).getText()).startsWith("Type an amount");
        amount = browser.findElement(By.cssSelector("form.entity input[name='amount']"));
        amount.clear();
        amount.sendKeys("15000,50");
        submit(By.xpath("//form[contains(@class,'entity')]//button[normalize-space()='Save']"));
        assertThat(browser.findElement(By.cssSelector(".flash-area")).getText()).contains("Saved.");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains(owner);
        assertThat(browser.findElement(By.cssSelector(".lede .amount")).getText()).isEqualTo("$15,000.50");

        // a follow-up written on the deal's page shows there (the part loaded into it) and on the follow-ups page
        WebElement followUp = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#tasks input[name='title']")));
        followUp.sendKeys("Send the signed order");
        submit(By.cssSelector("#tasks button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("#tasks table")).getText().contains("Send the signed order"));
        assertThat(browser.findElement(By.cssSelector("header nav")).getText()).as("due tomorrow: nothing due yet").contains("Follow-ups");

        new Select(browser.findElement(By.cssSelector(".stage-actions select[name='target']"))).selectByValue("WON");
        submit(By.cssSelector(".stage-actions button[type=submit]"));
        assertThat(browser.findElement(By.cssSelector(".flash-area")).getText()).contains("Now Won.");
        assertThat(browser.findElement(By.cssSelector("table.history tbody")).getText()).contains("Won", Api.ADMIN_EMAIL);
        Browser.screenshot("deal-page");
        assertThat(api.get("/api/v1/opportunities/" + deal.id()).json().get("amount").decimalValue()).isEqualByComparingTo("15000.50");
    }

    /** Clicks a button that sends a form, and waits until the page it was on has gone and the next one is there. */
    private void submit(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.findElements(By.tagName("main")).size() == 1);
    }

    @Test
    void pivotsWonRevenueBySalespersonAndMonthWithTheirTotalsAndAChart() {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        long owner = new Fixtures(jdbc).employee();
        String name = jdbc.sql("select full_name from employee where id = ?").param(owner).query(String.class).single();
        for (String[] deal : new String[][] {{"200", "2025-03-02", "2025-03-16"}, {"400", "2025-03-03", "2025-03-18"}, {"900", "2025-05-01", "2025-05-20"}}) {
            Api.Response made = api.post("/api/v1/opportunities", """
                    {"name": "%s", "amount": %s, "currency": "USD", "partnerId": %d, "ownerId": %d, "createdAt": "%sT09:00:00Z"}"""
                    .formatted(Fixtures.unique("Pivoted"), deal[0], partner, owner, deal[1]));
            api.post("/api/v1/opportunities/" + made.id() + "/win", "{\"at\": \"" + deal[2] + "T09:00:00Z\"}", made.etag());
        }
        // reached from the dashboard narrowed to the partner, then by salesperson
        browser.get(base + "/?period=custom&from=2025-01-01&through=2025-12-31&partnerId=" + partner);
        String pivotLink = browser.findElement(By.xpath("//a[starts-with(normalize-space(), 'Break these numbers down')]")).getAttribute("href");
        assertThat(pivotLink).contains("/pivot?", "partnerId=" + partner, "from=2025-01-01", "rows=partner");
        String page = pivotLink.replace("rows=partner", "rows=employee") + "&measure=wonRevenue";
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            d.get(page);
            // once the read model has the three wins
            return d.findElements(By.xpath("//table[contains(@class,'pivot')]//tbody/tr[th/a[normalize-space()='" + name + "']]"
                    + "/td[last()][normalize-space()='$1,500']")).size() == 1;
        });
        WebElement row = browser.findElement(By.xpath("//table[contains(@class,'pivot')]//tbody/tr[th/a[normalize-space()='" + name + "']]"));
        java.util.List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(cells).hasSize(13);
        assertThat(cells.get(2)).as("March: 200 + 400").isEqualTo("$600.00");
        assertThat(cells.get(4)).as("May").isEqualTo("$900.00");
        assertThat(cells.get(12)).as("the year").isEqualTo("$1,500");
        assertThat(row.findElements(By.cssSelector("td.heat-5"))).as("the largest cell is the darkest").hasSize(1);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "true".equals(d.findElement(By.id("chart-pivot")).getAttribute("data-ready")));
        Browser.screenshot("pivot");

        new Select(browser.findElement(By.name("measure"))).selectByValue("averageDealSize");
        submit(By.cssSelector("form.selection button[type=submit]"));
        assertThat(browser.getCurrentUrl()).contains("measure=averageDealSize");
        WebElement average = browser.findElement(By.xpath("//table[contains(@class,'pivot')]//tbody/tr[th/a[normalize-space()='" + name + "']]"));
        java.util.List<String> averages = average.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertThat(averages.get(2)).as("the brief's example: 200 and 400 won in March").isEqualTo("$300.00");
        assertThat(averages.get(0)).as("nothing won in January").isEqualTo("—");
        assertThat(averages.get(12)).as("1,500 ÷ 3, not a sum").isEqualTo("$500.00");
    }
}
