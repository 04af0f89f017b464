package io.partnerpulse.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by Selenium, with Debian's chromium and chromium-driver (which .ci/run
 * installs). Without them a developer's run skips the browser tests; CI (CI=true) fails instead.
 * A failing test leaves a screenshot in target/browser-screenshots.
 */
public final class Browser implements TestWatcher {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static WebDriver current;

    public static WebDriver open() {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium and ChromeDriver are missing: .ci/run installs them (apt-get install chromium chromium-driver)");
            }
            Assumptions.abort("Chromium and ChromeDriver are not installed here (apt-get install chromium chromium-driver)");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1400,1900", "--lang=en", "--user-data-dir=" + (profile = Files.createTempDirectory("chromium-profile")));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort().build();
            current = new ChromeDriver(service, options);
            current.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return current;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the login form and waits for the dashboard. */
    public static void signIn(WebDriver browser, String base, String email, String password) {
        browser.get(base + "/login");
        browser.findElement(org.openqa.selenium.By.name("username")).sendKeys(email);
        browser.findElement(org.openqa.selenium.By.name("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("form.login button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(base + "/"));
    }

    public static void close() {
        if (current != null) {
            current.quit();
            current = null;
        }
        if (profile != null) {
            try {
                org.springframework.util.FileSystemUtils.deleteRecursively(profile);
            } catch (IOException e) {
                // a profile left in the temporary folder is harmless
            }
            profile = null;
        }
    }

    /** The browser's profile folder, deleted when it closes. */
    private static Path profile;

    /** Saves what the browser shows. */
    public static Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "browser-screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) current).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (current != null) {
            screenshot("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName());
        }
    }
}
