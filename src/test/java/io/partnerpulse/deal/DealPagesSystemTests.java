package io.partnerpulse.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deals list and each deal's page: staff open and change deals with references typed by name,
 * every bad field named beside it and nothing written; the stage moves from the page keep the
 * history; a closed deal's money stays as it was booked; partner users see and move their own deals
 * only, analysts only read.
 */
@PartnerPulseIntegrationTest
class DealPagesSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Api admin;
    Fixtures fixtures;
    long partner;
    String partnerName;
    String accountName;
    String ownerName;
    long productLine;

    @BeforeEach
    void aPartnerAnAccountAndAnOwner() {
        admin = Api.admin(port);
        fixtures = new Fixtures(jdbc);
        partner = fixtures.activePartner("US", "GOLD");
        partnerName = jdbc.sql("select name from partner where id = ?").param(partner).query(String.class).single();
        accountName = jdbc.sql("select name from customer_account where id = ?").param(fixtures.account()).query(String.class).single();
        ownerName = jdbc.sql("select full_name from employee where id = ?").param(fixtures.employee()).query(String.class).single();
        productLine = fixtures.productLine();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private long dealsNamed(String name) {
        return jdbc.sql("select count(*) from opportunity where name = ?").param(name).query(Long.class).single();
    }

    private Api.Response open(String name, String amount) {
        return admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": %s, "currency": "USD", "partnerId": %d}""".formatted(name, amount, partner));
    }

    @Test
    void staffOpenADealNamingItsPartnerAccountAndOwnerByNameAndFindItInTheList() {
        String name = Fixtures.unique("Paged Deal");
        Api.Response made = admin.form("/deals", "name=" + enc(name) + "&amount=12500.50&currency=usd&partner=" + enc(partnerName)
                + "&account=" + enc(accountName.toLowerCase()) + "&owner=" + enc(ownerName) + "&productLineId=" + productLine
                + "&campaign=&channelId=&expectedCloseOn=2027-03-31&country=us&region=&city=Boston");
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        long id = jdbc.sql("select id from opportunity where name = ?").param(name).query(Long.class).single();
        assertThat(jdbc.sql("""
                select o.amount || ' ' || o.currency || ' ' || p.name || ' ' || a.name || ' ' || e.full_name || ' ' || o.expected_close_on
                       || ' ' || o.country || ' ' || o.city || ' ' || o.stage
                from opportunity o join partner p on p.id = o.partner_id join customer_account a on a.id = o.account_id
                join employee e on e.id = o.owner_id where o.id = ?""").param(id).query(String.class).single())
                .isEqualTo("12500.50 USD " + partnerName + " " + accountName + " " + ownerName + " 2027-03-31 US Boston PROSPECTING");

        String page = admin.get("/deals/" + id).body();
        assertThat(page).contains(name, partnerName, accountName, ownerName, "Prospecting", "(opened)", "$12,500.50", "Boston, US",
                "/audit?entityType=opportunity&amp;entityId=" + id);
        String list = admin.get("/deals?q=" + enc(name)).body();
        assertThat(list).contains("/deals/" + id + "\"", name, partnerName, ownerName, "1 record<");
        assertThat(admin.get("/deals?show=WON&q=" + enc(name)).body()).as("not among the won").doesNotContain("/deals/" + id + "\"");
        assertThat(admin.get("/deals?show=ALL&partnerId=" + partner).body()).contains("/deals/" + id + "\"", "Only the deals of " + partnerName);
        assertThat(admin.get("/pipeline").body()).as("its card links to its page").contains("/deals/" + id + "\"");
        assertThat(list).as("it closes in 2027").doesNotContain("past its expected close");

        jdbc.sql("update opportunity set expected_close_on = current_date - 1 where id = ?").param(id).update();
        assertThat(admin.get("/deals?q=" + enc(name)).body()).as("an open deal whose expected close went by").contains("past its expected close");
    }

    @Test
    void listsTheOpenDealsPastTheirExpectedCloseToCleanUpThePipeline() {
        String u = Fixtures.unique("Stale");
        long stale = open(u + " late", "100.00").id();
        long due = open(u + " later", "100.00").id();
        long won = open(u + " won", "100.00").id();
        long undated = open(u + " undated", "100.00").id();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        jdbc.sql("update opportunity set expected_close_on = ? where id = ?").params(today.minusDays(3), stale).update();
        jdbc.sql("update opportunity set expected_close_on = ? where id = ?").params(today.plusDays(30), due).update();
        jdbc.sql("update opportunity set expected_close_on = ? where id = ?").params(today.minusDays(3), won).update();
        Api.Response wonDeal = admin.get("/api/v1/opportunities/" + won);
        assertThat(admin.post("/api/v1/opportunities/" + won + "/win", "{}", wonDeal.etag()).status()).isEqualTo(200);

        String page = admin.get("/deals?show=OVERDUE&q=" + enc(u)).body();
        assertThat(page).contains("/deals/" + stale + "\"", "Open, past their expected close", "1 record<")
                .doesNotContain("/deals/" + due + "\"", "/deals/" + won + "\"", "/deals/" + undated + "\"");
        assertThat(page).as("its files carry the same filter").contains("pastExpectedClose=true");
        var items = admin.get("/api/v1/opportunities?pastExpectedClose=true&q=" + enc(u)).json().get("items");
        assertThat(items.size()).isEqualTo(1);
        assertThat(items.get(0).get("id").asLong()).isEqualTo(stale);
        assertThat(admin.get("/api/v1/opportunities?q=" + enc(u)).json().get("total").asInt()).as("without it, every deal").isEqualTo(4);
    }

    @Test
    void namesEveryBadFieldBesideItAndWritesNothing() {
        String name = Fixtures.unique("Bad Deal");
        Api.Response bad = admin.form("/deals", "name=&amount=12x&currency=dollars&partner=No+such+partner+zz&account=&owner=Nobody+zz"
                + "&expectedCloseOn=31%2F12%2F2027&country=Pakistan");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body()).contains("Give the deal a name.", "Type an amount, such as 25000.00", "No partner is named “No such partner zz”.",
                "No employee is named “Nobody zz”.", "Type a date, such as 2026-12-31.", "field-error", "value=\"DOLLARS\"", "three-letter", "value=\"Nobody zz\"");
        Api.Response currency = admin.form("/deals", "name=" + enc(name) + "&amount=10&currency=XQZ&partner=" + enc(partnerName));
        assertThat(currency.status()).isEqualTo(200);
        assertThat(currency.body()).contains("field-error");
        assertThat(dealsNamed(name)).as("nothing written").isZero();
    }

    @Test
    void savesAChangeAtTheVersionShownAndRefusesAStaleOne() {
        String name = Fixtures.unique("Edited Deal");
        long id = open(name, "500.00").id();
        String changed = "name=" + enc(name + " v2") + "&amount=650&currency=USD&partner=" + enc(partnerName) + "&owner=" + enc(ownerName)
                + "&expectedCloseOn=2027-01-15&version=0";
        assertThat(admin.form("/deals/" + id, changed).status()).isEqualTo(302);
        assertThat(jdbc.sql("select name || ' ' || amount || ' ' || expected_close_on || ' ' || version from opportunity where id = ?")
                .param(id).query(String.class).single()).isEqualTo(name + " v2 650.00 2027-01-15 1");
        Api.Response stale = admin.form("/deals/" + id, changed.replace("amount=650", "amount=700"));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body()).contains("role=\"alert\"").containsIgnoringCase("changed");
        assertThat(jdbc.sql("select amount from opportunity where id = ?").param(id).query(String.class).single())
                .as("the stale change wrote nothing").isEqualTo("650.00");
    }

    @Test
    void keepsTheDealsPartnerWhenItsNameIsSavedUnchangedThoughAnotherPartnerHasTheSameName() {
        long twin = fixtures.activePartner("US", "GOLD");
        jdbc.sql("update partner set name = ? where id = ?").param(partnerName).param(twin).update();
        long first = Math.min(partner, twin);
        long second = Math.max(partner, twin);
        String name = Fixtures.unique("Twin Deal");
        long id = admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": 100, "currency": "USD", "partnerId": %d}""".formatted(name, second)).id();
        assertThat(admin.get("/deals/" + id).body()).contains("value=\"" + partnerName + "\"");
        assertThat(admin.form("/deals/" + id, "name=" + enc(name) + "&amount=150&currency=USD&partner=" + enc(partnerName) + "&version=0")
                .status()).isEqualTo(302);
        assertThat(jdbc.sql("select partner_id from opportunity where id = ?").param(id).query(Long.class).single())
                .as("not moved to the first partner of that name").isEqualTo(second).isNotEqualTo(first);
    }

    @Test
    void movesWinsAndReopensFromItsPageKeepingTheHistoryAndTheBookedMoney() {
        String name = Fixtures.unique("Staged Deal");
        long id = open(name, "800.00").id();
        assertThat(admin.form("/deals/" + id + "/stage", "target=PROPOSAL&version=0").status()).isEqualTo(302);
        admin.form("/deals/" + id + "/stage", "target=LOST&version=1&reason=");
        assertThat(jdbc.sql("select stage from opportunity where id = ?").param(id).query(String.class).single())
                .as("lost without a reason is refused").isEqualTo("PROPOSAL");
        assertThat(admin.form("/deals/" + id + "/stage", "target=WON&version=1&amount=900").status()).isEqualTo(302);
        assertThat(jdbc.sql("select stage || ' ' || amount from opportunity where id = ?").param(id).query(String.class).single())
                .isEqualTo("WON 900.00");
        String page = admin.get("/deals/" + id).body();
        assertThat(page).contains("(opened)", "Proposal", "Won", "Reopen in").doesNotContain("Move to");

        // a won deal's amount, currency and partner are what its revenue and commission were booked from
        String edit = "name=" + enc(name) + "&amount=1000&currency=USD&partner=" + enc(partnerName) + "&version=2";
        Api.Response refused = admin.form("/deals/" + id, edit);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("is closed: its amount, currency and partner change only after it is reopened");
        Api.Response api = admin.put("/api/v1/opportunities/" + id, """
                {"name": "%s", "amount": 1000, "currency": "USD", "partnerId": %d}""".formatted(name, partner), "\"2\"");
        assertThat(api.status()).isEqualTo(409);
        assertThat(api.json().get("code").asString()).isEqualTo("opportunity.closed-terms");
        assertThat(admin.form("/deals/" + id, edit.replace("amount=1000", "amount=900.0").replace(enc(name), enc(name + " renamed")))
                .status()).as("its name still changes").isEqualTo(302);

        assertThat(admin.form("/deals/" + id + "/stage", "target=NEGOTIATION&version=3").status()).isEqualTo(302);
        assertThat(jdbc.sql("select stage || ' ' || amount from opportunity where id = ?").param(id).query(String.class).single())
                .isEqualTo("NEGOTIATION 900.00");
        assertThat(jdbc.sql("select count(*) from stage_change where opportunity_id = ?").param(id).query(Long.class).single())
                .as("opened, proposal, won, reopened").isEqualTo(4);
        assertThat(admin.form("/deals/" + id, edit.replace("version=2", "version=4")).status()).as("reopened, its amount changes")
                .isEqualTo(302);
    }

    @Test
    void changesTheTickedDealsAtOnceEachAtTheVersionShownAndSaysWhichWereRefused() {
        String name = Fixtures.unique("Bulk");
        long first = open(name + " one", "100").id();
        long second = open(name + " two", "200").id();
        long won = open(name + " won", "300").id();
        admin.post("/api/v1/opportunities/" + won + "/win", "{}", "\"0\"");
        String ticked = "deal=" + first + ":0&deal=" + second + ":0&deal=" + won + ":1";

        Api.Response noOwner = admin.form("/deals/bulk", ticked + "&change=OWNER&owner=Nobody+zz");
        assertThat(noOwner.status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from opportunity where name like ? and owner_id is not null").param(name + "%")
                .query(Long.class).single()).as("an owner nobody is named: nothing changed").isZero();
        assertThat(admin.form("/deals/bulk", ticked + "&change=OWNER&owner=" + enc(ownerName) + "&q=" + enc(name)).status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from opportunity o join employee e on e.id = o.owner_id where o.name like ? and e.full_name = ?")
                .param(name + "%").param(ownerName).query(Long.class).single()).as("the won deal's owner changes too").isEqualTo(3);

        // the versions the list showed are stale now: every one refused, nothing written
        admin.form("/deals/bulk", ticked + "&change=CLOSE_DATE&expectedCloseOn=2027-06-30");
        assertThat(jdbc.sql("select count(*) from opportunity where name like ? and expected_close_on = date '2027-06-30'").param(name + "%")
                .query(Long.class).single()).isZero();
        String fresh = "deal=" + first + ":1&deal=" + second + ":1&deal=" + won + ":2";
        admin.form("/deals/bulk", fresh + "&change=CLOSE_DATE&expectedCloseOn=2027-06-30");
        assertThat(jdbc.sql("select count(*) from opportunity where name like ? and expected_close_on = date '2027-06-30'").param(name + "%")
                .query(Long.class).single()).isEqualTo(3);
        admin.form("/deals/bulk", "deal=" + first + ":2&deal=" + second + ":2&deal=" + won + ":3&change=STAGE&stage=PROPOSAL");
        assertThat(jdbc.sql("select string_agg(stage, ',' order by id) from opportunity where name like ?").param(name + "%")
                .query(String.class).single()).as("a won deal is not moved").isEqualTo("PROPOSAL,PROPOSAL,WON");
        assertThat(admin.form("/deals/bulk", "change=STAGE&stage=PROPOSAL").status()).as("nothing ticked").isEqualTo(302);
        Api user = admin.newPartnerUser(partner, "bulker");
        assertThat(user.form("/deals/bulk", "deal=" + first + ":3&change=STAGE&stage=NEGOTIATION").status()).isEqualTo(403);
    }

    @Test
    void thePartnerAndTheChannelTeamWriteNotesOnADealAndTheTeamsInternalOnesStayWithTheTeam() {
        long id = open(Fixtures.unique("Noted Deal"), "500").id();
        Api user = admin.newPartnerUser(partner, "noter");
        assertThat(user.form("/deals/" + id + "/notes", "body=" + enc("Customer asks for a second demo.\nNext week.")).status()).isEqualTo(302);
        assertThat(admin.form("/deals/" + id + "/notes", "body=" + enc("Margin is thin; hold the discount.") + "&internal=true").status())
                .isEqualTo(302);
        assertThat(admin.form("/deals/" + id + "/notes", "body=" + enc("Demo booked for Tuesday.")).status()).isEqualTo(302);
        admin.form("/deals/" + id + "/notes", "body=++");
        assertThat(admin.form("/deals/" + id + "/notes", "body=a%00b").status()).as("a NUL byte: refused, not a 500").isEqualTo(422);
        assertThat(user.post("/api/v1/opportunities/" + id + "/notes", "{\"body\": \"Secret?\", \"internal\": true}").status())
                .as("a partner user's note is never internal").isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from deal_note where opportunity_id = ?").param(id).query(Long.class).single())
                .as("blank and internal-by-a-partner refused").isEqualTo(3);

        String staffPage = admin.get("/deals/" + id).body();
        assertThat(staffPage).contains("Customer asks for a second demo.", "Margin is thin", "Demo booked for Tuesday.", "Internal", "Partner");
        assertThat(staffPage.indexOf("second demo")).as("in the order written").isLessThan(staffPage.indexOf("Margin is thin"));
        String partnerPage = user.get("/deals/" + id).body();
        assertThat(partnerPage).contains("Customer asks for a second demo.", "Demo booked for Tuesday.").doesNotContain("Margin is thin", "name=\"internal\"");
        Api.Response api = user.get("/api/v1/opportunities/" + id + "/notes");
        assertThat(api.json()).hasSize(2);
        assertThat(api.body()).doesNotContain("Margin");
        assertThat(admin.get("/api/v1/opportunities/" + id + "/notes").json()).hasSize(3);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'opportunity' and entity_id = ? and action = 'opportunity.note-added'")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aPartnerUserSeesAndMovesItsOwnDealsButChangesNoDetailsAndAnAnalystOnlyReads() {
        long rival = fixtures.activePartner("US", "GOLD");
        String own = Fixtures.unique("Own Deal");
        String theirs = Fixtures.unique("Rival Deal");
        long ownId = open(own, "300.00").id();
        long theirId = admin.post("/api/v1/opportunities", """
                {"name": "%s", "amount": 400, "currency": "USD", "partnerId": %d}""".formatted(theirs, rival)).id();
        Api user = admin.newPartnerUser(partner, "dealer");

        String page = user.get("/deals/" + ownId).body();
        assertThat(page).contains(own, "Move to").doesNotContain("Change its details", "/audit?", "/partners/" + partner);
        assertThat(user.get("/deals?show=ALL").body()).contains(own).doesNotContain(theirs);
        assertThat(user.get("/deals/" + theirId).status()).isEqualTo(404);
        assertThat(user.form("/deals/" + theirId + "/stage", "target=PROPOSAL&version=0").status()).isEqualTo(404);
        assertThat(user.form("/deals/" + ownId, "name=Mine&amount=1&currency=USD&version=0").status()).isEqualTo(403);
        assertThat(user.form("/deals", "name=Sneaky&amount=1&currency=USD").status()).isEqualTo(403);
        assertThat(user.form("/deals/" + ownId + "/stage", "target=QUALIFICATION&version=0").status()).isEqualTo(302);
        assertThat(jdbc.sql("select stage from opportunity where id = ?").param(theirId).query(String.class).single()).isEqualTo("PROSPECTING");
        assertThat(jdbc.sql("select stage from opportunity where id = ?").param(ownId).query(String.class).single()).isEqualTo("QUALIFICATION");

        Api analyst = admin.newUser("ANALYST", "Reader");
        assertThat(analyst.get("/deals/" + theirId).body()).contains(theirs).doesNotContain("Move to", "Change its details");
        assertThat(analyst.form("/deals/" + theirId + "/stage", "target=PROPOSAL&version=0").status()).isEqualTo(403);
    }
}
