package io.partnerpulse.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lists page: staff add and rename marketing channels and product lines and set exchange rates;
 * what is not a name, a type, a day or a rate is refused with its reason and writes nothing;
 * analysts read, partner users are kept out.
 */
@PartnerPulseIntegrationTest
class ReferenceDataPageSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long count(String sql, Object value) {
        return jdbc.sql(sql).param(value).query(Long.class).single();
    }

    @Test
    void staffAddAndRenameChannelsAndProductLinesAndSetARateThatDealsThenUse() {
        Api admin = Api.admin(port);
        String channel = Fixtures.unique("Podcast");
        assertThat(admin.form("/settings/channels", "name=" + enc(channel) + "&type=").status()).isEqualTo(302);
        assertThat(count("select count(*) from marketing_channel where name = ?", channel)).as("no type, nothing written").isZero();
        assertThat(admin.form("/settings/channels", "name=" + enc(channel) + "&type=PAID").status()).isEqualTo(302);
        long id = jdbc.sql("select id from marketing_channel where name = ?").param(channel).query(Long.class).single();
        assertThat(admin.form("/settings/channels/" + id, "name=" + enc(channel + " ads") + "&type=OWNED&version=0").status()).isEqualTo(302);
        assertThat(jdbc.sql("select name || ' ' || type from marketing_channel where id = ?").param(id).query(String.class).single())
                .isEqualTo(channel + " ads OWNED");
        admin.form("/settings/channels/" + id, "name=Stale&type=PAID&version=0");
        assertThat(jdbc.sql("select name from marketing_channel where id = ?").param(id).query(String.class).single())
                .as("a stale version writes nothing").isEqualTo(channel + " ads");

        String line = Fixtures.unique("Edge Router");
        admin.form("/settings/product-lines", "name=++");
        assertThat(admin.form("/settings/product-lines", "name=" + enc(line)).status()).isEqualTo(302);
        long lineId = jdbc.sql("select id from product_line where name = ?").param(line).query(Long.class).single();
        assertThat(admin.form("/settings/product-lines", "name=" + enc(line)).status()).as("a name taken: said, not a 500").isEqualTo(302);
        assertThat(count("select count(*) from product_line where name = ?", line)).isEqualTo(1);
        assertThat(admin.form("/settings/product-lines/" + lineId, "name=a%00b&version=0").status()).as("a NUL byte: refused, not a 500")
                .isEqualTo(422);
        admin.form("/settings/product-lines/" + lineId, "name=" + enc(line + " 2") + "&version=0");
        assertThat(count("select count(*) from product_line where name = ?", line + " 2")).isEqualTo(1);

        // a currency no other test uses, and three letters that are none
        String code = "ISK";
        jdbc.sql("delete from exchange_rate where currency = ?").param(code).update();
        jdbc.sql("delete from opportunity where currency = ?").param(code).update();
        assertThat(admin.form("/settings/rates", "currency=XQZ&day=2026-01-01&rate=1.5").status()).isEqualTo(302);
        assertThat(count("select count(*) from exchange_rate where currency = ?", "XQZ")).as("not a currency").isZero();
        for (String bad : new String[] {"currency=" + code + "&day=2026-13-01&rate=1.5", "currency=" + code + "&day=2026-01-01&rate=-2",
                "currency=" + code + "&day=2026-01-01&rate=abc", "currency=EURO&day=2026-01-01&rate=1.5", "currency=USD&day=2026-01-01&rate=1.5"}) {
            assertThat(admin.form("/settings/rates", bad).status()).as(bad).isEqualTo(302);
        }
        assertThat(count("select count(*) from exchange_rate where currency = ?", code)).as("nothing written").isZero();
        Api.Response noRate = admin.post("/api/v1/opportunities", "{\"name\": \"Rated\", \"amount\": 100, \"currency\": \"%s\"}".formatted(code));
        assertThat(noRate.status()).isEqualTo(422);
        assertThat(admin.form("/settings/rates", "currency=" + code.toLowerCase() + "&day=2026-01-01&rate=1,25").status()).isEqualTo(302);
        assertThat(jdbc.sql("select rate_to_base::text from exchange_rate where currency = ?").param(code).query(String.class).single())
                .isEqualTo("1.2500000000");
        assertThat(admin.post("/api/v1/opportunities", "{\"name\": \"Rated\", \"amount\": 100, \"currency\": \"%s\"}".formatted(code)).status())
                .as("a deal in that currency is taken now").isEqualTo(201);
        assertThat(admin.get("/settings").body()).contains(channel + " ads", line + " 2", code, "1.25", ">Jan 1, 2026<");
    }

    @Test
    void analystsReadTheListsAndPartnerUsersAreKeptOut() {
        Api admin = Api.admin(port);
        Api analyst = admin.newUser("ANALYST", "Reader");
        Api.Response page = analyst.get("/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Exchange rates").doesNotContain("action=\"/settings/");
        assertThat(analyst.form("/settings/product-lines", "name=Mine").status()).isEqualTo(403);
        Api partnerUser = admin.newPartnerUser(new Fixtures(jdbc).activePartner("US", "GOLD"), "outsider");
        assertThat(partnerUser.get("/settings").status()).isEqualTo(403);
        assertThat(partnerUser.form("/settings/rates", "currency=EUR&day=2026-01-01&rate=2").status()).isEqualTo(403);
        assertThat(count("select count(*) from product_line where name = ?", "Mine")).isZero();
    }
}
