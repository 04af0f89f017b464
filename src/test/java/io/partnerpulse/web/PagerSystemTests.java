package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A work page's list longer than one page has a pager whose links keep the search and filters of the page. */
@PartnerPulseIntegrationTest
class PagerSystemTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecondPageOfPartnersIsOneClickAwayAndKeepsTheSearch() {
        String prefix = "Pagerco " + UUID.randomUUID().toString().substring(0, 6);
        Fixtures fixtures = new Fixtures(jdbc);
        for (int i = 0; i < 53; i++) {
            long id = fixtures.activePartner("DE", "GOLD");
            jdbc.sql("update partner set name = :n where id = :id").param("n", prefix + " " + (100 + i)).param("id", id).update();
        }
        Api admin = Api.admin(port);
        String first = admin.get("/partners?tier=GOLD&q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8)).body();

        assertThat(count(first, prefix)).isEqualTo(50);
        assertThat(first).contains("Page 1 of 2 (53 in all)").doesNotContain("rel=\"prev\"");
        Matcher next = Pattern.compile("<a href=\"([^\"]*)\" rel=\"next\"").matcher(first);
        assertThat(next.find()).isTrue();
        String nextPath = next.group(1).replace("&amp;", "&");
        assertThat(nextPath).startsWith("/partners?").contains("tier=GOLD").contains("q=").contains("page=1");

        String second = admin.get(nextPath).body();
        assertThat(count(second, prefix)).isEqualTo(3);
        assertThat(second).contains("Page 2 of 2 (53 in all)").contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(admin.get("/partners?q=" + URLEncoder.encode(prefix + " 100", StandardCharsets.UTF_8)).body())
                .as("one page: no pager").doesNotContain("class=\"pager\"");
    }

    private static int count(String html, String prefix) {
        Matcher m = Pattern.compile(">" + Pattern.quote(prefix) + " \\d+</a>").matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
