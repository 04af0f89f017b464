package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard in headless Chromium: sign in, read the cards, change the period, drill through, read it in Urdu. */
@PartnerPulseIntegrationTest
@ExtendWith(Browser.class)
class DashboardBrowserTests {

    @LocalServerPort
    int port;

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

    private String card(String kpi) {
        return browser.findElement(By.cssSelector("[data-kpi='" + kpi + "'] .kpi-value")).getText();
    }

    private static long digits(String text) {
        String d = text.replaceAll("[^0-9]", "");
        return d.isEmpty() ? 0 : Long.parseLong(d);
    }

    @Test
    void showsTheSameDealCountAsTheApiAndFollowsThePeriod() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"Browser deal\", \"amount\": 4321.00, \"currency\": \"USD\"}");
        api.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag());
        String query = "from=%s&to=%s".formatted(today, today.plusDays(1));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                api.get("/api/v1/kpis?" + query).json().at("/groups/0/kpis/dealCount/value").asLong() > 0);
        // other tests win deals today too: compare at a moment when the number holds still
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
            long before = api.get("/api/v1/kpis?" + query).json().at("/groups/0/kpis/dealCount/value").asLong();
            d.get(base + "/?period=custom&" + query);
            long shown = digits(card("dealCount"));
            long after = api.get("/api/v1/kpis?" + query).json().at("/groups/0/kpis/dealCount/value").asLong();
            return before == after && shown == before && shown > 0;
        });
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                "true".equals(d.findElement(By.id("charts")).getAttribute("data-ready")));
        Browser.screenshot("dashboard");

        browser.get(base + "/?period=custom&from=2001-01-01&to=2001-02-01");
        assertThat(digits(card("dealCount"))).isZero();
        assertThat(browser.findElement(By.cssSelector(".empty")).isDisplayed()).isTrue();
    }

    @Test
    void listsTheDealsBehindTheDealCount() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Api.Response deal = api.post("/api/v1/opportunities", "{\"name\": \"Drilled deal\", \"amount\": 99.00, \"currency\": \"USD\"}");
        api.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag());
        String query = "from=%s&to=%s".formatted(today, today.plusDays(1));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                api.get("/api/v1/kpis/dealCount/records?" + query + "&size=500").body().contains("\"id\":" + deal.id() + ","));

        browser.get(base + "/?period=custom&" + query);
        browser.findElement(By.cssSelector("[data-kpi='dealCount'] a.kpi-value")).click();

        assertThat(browser.getCurrentUrl()).contains("/dashboard/records");
        assertThat(browser.findElements(By.cssSelector("tr[data-id='" + deal.id() + "']"))).hasSize(1);
    }

    @Test
    void readsRightToLeftInUrdu() {
        browser.get(base + "/?lang=ur");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("پروگرام ڈیش بورڈ");
        browser.get(base + "/");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("dir")).as("the choice is remembered").isEqualTo("rtl");
        browser.get(base + "/?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Program dashboard");
    }
}
