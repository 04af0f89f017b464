package io.partnerpulse.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Browser;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The administrator's webhooks pages in headless Chromium: subscribe, the secret shown once, the log, a replay, switching off. */
@PartnerPulseIntegrationTest
@ExtendWith(Browser.class)
class WebhookBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    WebDriver browser;
    String base;
    HttpServer receiver;
    final List<String> signedBodies = new CopyOnWriteArrayList<>();
    volatile String secret;
    long subscription;

    @BeforeEach
    void signInAndListen() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/erp", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-PartnerPulse-Timestamp");
            if (secret != null && ("t=" + timestamp + ",v1=" + WebhookSystemTests.hmac(secret, timestamp + "." + body))
                    .equals(exchange.getRequestHeaders().getFirst("X-PartnerPulse-Signature"))) {
                signedBodies.add(body);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        base = "http://localhost:" + port;
        browser = Browser.open();
        Browser.signIn(browser, base, Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    @AfterEach
    void closeBrowserAndStopListening() {
        Browser.close();
        jdbc.sql("update webhook_subscription set active = false where id = ?").param(subscription).update();
        receiver.stop(0);
    }

    @Test
    void anAdministratorSubscribesSeesTheSecretOnceFollowsTheLogSendsADeliveryAgainAndSwitchesItOff() throws InterruptedException {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(base + "/webhooks");
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/erp";
        browser.findElement(By.cssSelector("form.entity input[name=url]")).sendKeys(url);
        browser.findElement(By.cssSelector("form.entity input[name=events][value='deal.won']")).click();
        browser.findElement(By.cssSelector("form.entity button[type=submit]")).click();

        wait.until(d -> d.getCurrentUrl().matches(".*/webhooks/\\d+$"));
        subscription = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
        secret = browser.findElement(By.cssSelector(".secret code")).getText();
        assertThat(secret).as("the secret made for it, shown once")
                .isEqualTo(jdbc.sql("select secret from webhook_subscription where id = ?").param(subscription).query(String.class).single())
                .hasSizeGreaterThanOrEqualTo(32);
        assertThat(browser.findElement(By.cssSelector("input[name=url]")).getDomAttribute("value")).isEqualTo(url);

        Api admin = new Api(port);
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        Api.Response deal = admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": 640.00, "currency": "USD", "partnerId": %d}""".formatted(Fixtures.unique("Paged hook deal"), partner));
        assertThat(admin.post("/api/v1/opportunities/" + deal.id() + "/win", "{}", deal.etag()).status()).isEqualTo(200);
        Eventually.until(() -> won(deal.id()) == 1, Duration.ofSeconds(20));

        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector(".secret"))).as("the secret is not shown again").isEmpty();
        WebElement row = browser.findElement(By.xpath("//tbody/tr[td/details/pre[contains(., '\"opportunityId\":" + deal.id() + ",')]]"));
        assertThat(row.getText()).contains("deal.won", "Delivered", "204");
        Browser.screenshot("webhook-log");
        row.findElement(By.cssSelector("td.actions button")).click();
        wait.until(d -> d.findElement(By.cssSelector(".message.ok")).getText().contains("will be sent again"));
        Eventually.until(() -> won(deal.id()) == 2, Duration.ofSeconds(20));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.xpath("//tbody/tr[1]")).getText()).contains("deal.won", "again of", "Delivered");

        browser.findElement(By.cssSelector("input[name=active]")).click();
        browser.findElement(By.cssSelector("form.entity button[type=submit]")).click();
        wait.until(d -> d.findElement(By.cssSelector(".message.ok")).getText().contains("changed"));
        assertThat(browser.findElement(By.cssSelector(".lede")).getText()).contains("Off");
        assertThat(browser.findElements(By.cssSelector("td.actions button"))).as("a switched-off subscriber sends nothing again").isEmpty();
        browser.get(base + "/webhooks");
        assertThat(browser.findElement(By.xpath("//tbody/tr[td/a[text()='" + subscription + "']]")).getText()).contains(url, "deal.won", "Off");
    }

    private long won(long deal) {
        return signedBodies.stream().filter(b -> b.contains("\"type\":\"deal.won\"") && b.contains("\"opportunityId\":" + deal + ",")).count();
    }
}
