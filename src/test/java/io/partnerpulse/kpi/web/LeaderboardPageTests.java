package io.partnerpulse.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.shared.Format;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Eventually;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The leaderboard's trend line: each partner's quality score over the last six periods. */
@PartnerPulseIntegrationTest
class LeaderboardPageTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void drawsTheScoresOnAFixedScaleAndLeavesOutPeriodsWithoutAScore() {
        // 90 px wide, 24 high, 2 px margins: x = i × 90 ÷ 5, y = 22 − score ÷ 100 × 20
        LeaderboardPage.Sparkline line = LeaderboardPage.Sparkline.of(Arrays.asList(
                BigDecimal.ZERO, new BigDecimal("50"), new BigDecimal("100"), null, new BigDecimal("100"), new BigDecimal("25")),
                new Format(Locale.ENGLISH, "USD"));

        assertThat(line.points()).isEqualTo("0.0,22.0 18.0,12.0 36.0,2.0 72.0,2.0 90.0,17.0");
        assertThat(line.values()).isEqualTo("0, 50, 100, —, 100, 25");
    }

    @Test
    void drawsNothingForAPartnerWithoutAnyScore() {
        LeaderboardPage.Sparkline line = LeaderboardPage.Sparkline.of(Arrays.asList(null, null, null, null, null, null),
                new Format(Locale.ENGLISH, "USD"));

        assertThat(line.points()).isEmpty();
    }

    @Test
    void showsEveryPartnerOnTheBoardWithItsTrendOverSixPeriods() throws Exception {
        long partner = new Fixtures(jdbc).activePartner("US", "GOLD");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        Api admin = Api.admin(port);
        String name = jdbc.sql("select name from partner where id = :id").param("id", partner).query(String.class).single();
        String path = "/leaderboard?from=%s&to=%s&q=%s".formatted(month, month.plusMonths(1),
                java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
        String row = null;
        for (int attempt = 0; attempt < 50 && row == null; attempt++) {
            Matcher found = Pattern.compile("<tr data-partner=\"" + partner + "\">(.*?)</tr>", Pattern.DOTALL).matcher(admin.get(path).body());
            if (found.find()) {
                row = found.group(1);
            } else {
                Thread.sleep(200);
            }
        }

        assertThat(row).as("the new partner is on the board").isNotNull();
        Matcher label = Pattern.compile("aria-label=\"Quality score over the last six periods: ([^\"]*)\"").matcher(row);
        assertThat(label.find()).isTrue();
        assertThat(label.group(1).split(", ")).hasSize(6);
        assertThat(row).contains("<polyline");
    }

    @Test
    void showsFiftyPartnersAPageWithAPagerThatKeepsTheSearch() throws Exception {
        String prefix = "Pagedboard " + java.util.UUID.randomUUID().toString().substring(0, 6);
        Fixtures fixtures = new Fixtures(jdbc);
        for (int i = 0; i < 55; i++) {
            long id = fixtures.activePartner("US", "SILVER");
            jdbc.sql("update partner set name = :n where id = :id").param("n", prefix + " " + (100 + i)).param("id", id).update();
        }
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        Api admin = Api.admin(port);
        String path = "/leaderboard?from=%s&to=%s&sort=name&q=%s".formatted(month, month.plusMonths(1),
                java.net.URLEncoder.encode(prefix, java.nio.charset.StandardCharsets.UTF_8));
        Eventually.until(() -> rows(admin.get(path).body()).size() == 50);
        String first = admin.get(path).body();

        assertThat(first).contains("Page 1 of 2 (55 in all)");
        assertThat(rows(first)).first().asString().contains(prefix + " 100");
        Matcher next = Pattern.compile("<a href=\"([^\"]*)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();
        String nextPath = next.group(1).replace("&amp;", "&");
        assertThat(nextPath).contains("page=1").contains("sort=name").contains("q=");
        String second = admin.get(nextPath).body();
        assertThat(rows(second)).hasSize(5);
        assertThat(second).contains("Page 2 of 2 (55 in all)").contains(prefix + " 154").doesNotContain(prefix + " 100<");
    }

    private static java.util.List<String> rows(String html) {
        java.util.List<String> rows = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("<tr data-partner=\"\\d+\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            rows.add(m.group(1));
        }
        return rows;
    }
}
