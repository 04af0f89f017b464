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
        Api admin = new Api(port, Api.basic(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD));
        String path = "/leaderboard?from=%s&to=%s".formatted(month, month.plusMonths(1));
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
}
