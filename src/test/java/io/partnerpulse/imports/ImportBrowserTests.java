package io.partnerpulse.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The import wizard in headless Chromium: upload, the guessed mapping, a check, then the import with its report. */
@PartnerPulseIntegrationTest
@ExtendWith(Browser.class)
class ImportBrowserTests {

    @LocalServerPort
    int port;
    WebDriver browser;
    String base;

    @BeforeEach
    void signIn() {
        base = "http://localhost:" + port;
        browser = Browser.open();
        Browser.signIn(browser, base, Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        Browser.close();
    }

    @Test
    void uploadsAPipelineChecksItAndImportsItWithTheGuessedMapping() throws Exception {
        String u = UUID.randomUUID().toString().substring(0, 6);
        Path file = Files.createTempFile("sales_pipeline", ".csv");
        Files.writeString(file, "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\r\n"
                + u + "-1,Page Agent " + u + ",Widget " + u + ",Page Account " + u + ",Won,2026-03-01,2026-03-10,200\r\n"
                + u + "-2,Page Agent " + u + ",Widget " + u + ",,Engaging,2026-03-07,,\r\n"
                + u + "-3,Page Agent " + u + ",Widget " + u + ",,Sleeping,2026-03-07,,\r\n", StandardCharsets.UTF_8);

        browser.get(base + "/imports");
        new Select(browser.findElement(By.name("entity"))).selectByValue("opportunities");
        browser.findElement(By.name("file")).sendKeys(file.toString());
        browser.findElement(By.cssSelector("form[action$='/imports/upload'] button[type=submit]")).click();

        // The mapping is guessed from the header.
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // the status area is replaced by htmx while it polls: an element read a moment earlier may be gone
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        wait.until(d -> !d.findElements(By.name("column.owner")).isEmpty());
        assertThat(new Select(browser.findElement(By.name("column.owner"))).getFirstSelectedOption().getText()).isEqualTo("sales_agent");
        assertThat(new Select(browser.findElement(By.name("column.closedAt"))).getFirstSelectedOption().getText()).isEqualTo("close_date");
        browser.findElement(By.name("values")).sendKeys("stage: Engaging => QUALIFICATION");
        browser.findElement(By.name("createMissing")).click();
        browser.findElement(By.cssSelector("input[name=mode][value=SKIP_BAD_ROWS]")).click();
        assertThat(browser.findElement(By.cssSelector("input[name=announce][value=CHANGES]")).isSelected())
                .as("an import of deals announces the deals it wins or loses, not the history it adds").isTrue();
        browser.findElement(By.cssSelector("input[name=announce][value=ALL]")).click();
        Browser.screenshot("import-mapping");
        browser.findElement(By.cssSelector("button[value=check]")).click();

        wait.until(d -> !d.findElements(By.cssSelector("form[action$='/import'] button")).isEmpty());
        assertThat(browser.findElement(By.id("import-status")).getText()).contains("Checked", "Sleeping");
        assertThat(new Api(port).get("/api/v1/opportunities?q=" + u).json().get("total").asLong()).isZero();

        browser.findElement(By.cssSelector("form[action$='/import'] button")).click();
        wait.until(d -> d.findElement(By.id("import-status")).getText().contains("Imported"));
        Browser.screenshot("import-report");
        String report = browser.findElement(By.id("import-status")).getText();
        assertThat(report).contains("Sleeping", "is not one of");
        assertThat(browser.findElement(By.cssSelector("table.records tbody td")).getText()).isEqualTo("4");
        assertThat(new Api(port).get("/api/v1/opportunities?q=" + u).json().get("total").asLong()).isEqualTo(2);
        Files.deleteIfExists(file);
    }
}
