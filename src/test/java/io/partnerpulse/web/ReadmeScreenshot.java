package io.partnerpulse.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.partnerpulse.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Makes the README's screenshot from the running app with the demo data, signed in as the demo
 * channel manager. Not part of the suite (its name does not end in Tests); run it with
 * {@code ./mvnw test -Dtest=ReadmeScreenshot -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "partnerpulse.demo.enabled=true")
@ActiveProfiles("test")
class ReadmeScreenshot {

    @LocalServerPort
    int port;

    @Test
    void savesTheDashboardAsDocsScreenshotPng() throws Exception {
        WebDriver browser = Browser.open();
        try {
            String base = "http://localhost:" + port;
            Browser.signIn(browser, base, "manager@demo.partnerpulse.io", "partnerpulse-demo");
            browser.get(base + "/?period=last-quarter");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> "true".equals(d.findElement(By.id("charts")).getAttribute("data-ready")));
            Thread.sleep(1500); // let the charts finish their entry animation
            Path shot = Browser.screenshot("readme-dashboard");
            Files.createDirectories(Path.of("docs"));
            Files.copy(shot, Path.of("docs", "screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Browser.close();
        }
    }
}
