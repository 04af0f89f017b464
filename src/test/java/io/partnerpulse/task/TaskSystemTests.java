package io.partnerpulse.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.partnerpulse.PartnerPulseIntegrationTest;
import io.partnerpulse.support.Api;
import io.partnerpulse.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Follow-ups: written for oneself or given to a channel manager, about a deal one sees; listed open
 * (earliest due first), overdue and done; done and opened again at the version read; seen by nobody but
 * their assignee and their writer; a partner user's only its own, about its own deals.
 */
@PartnerPulseIntegrationTest
class TaskSystemTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Api user(String role, String name) {
        return Api.admin(port).newUser(role, name);
    }

    private long userId(String displayName) {
        return jdbc.sql("select id from app_user where display_name = ? order by id desc limit 1").param(displayName).query(Long.class).single();
    }

    @Test
    void aManagerWritesFollowUpsForItselfAndAColleagueAndTicksThemDone() {
        Api admin = Api.admin(port);
        Api manager = user("CHANNEL_MANAGER", "Mia Manager");
        Api colleague = user("CHANNEL_MANAGER", "Cole Colleague");
        Api stranger = user("CHANNEL_MANAGER", "Sam Stranger");
        long colleagueId = userId("Cole Colleague");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long deal = admin.post("/api/v1/opportunities", "{\"name\": \"%s\", \"amount\": 100, \"currency\": \"USD\"}"
                .formatted(Fixtures.unique("Followed"))).id();

        Api.Response bad = manager.post("/api/v1/tasks", "{\"title\": \"  \", \"dueOn\": \"1900-01-01\", \"assigneeId\": 999999}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(Api.invalidFields(bad)).contains("title");
        Api.Response wrong = manager.post("/api/v1/tasks", "{\"title\": \"x\", \"dueOn\": \"1900-01-01\", \"assigneeId\": 999999}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(Api.invalidFields(wrong)).containsExactlyInAnyOrder("dueOn", "assigneeId");
        assertThat(jdbc.sql("select count(*) from task t join app_user u on u.id = t.created_by_id where u.display_name = 'Mia Manager'")
                .query(Long.class).single()).as("nothing written").isZero();
        Api.Response late = manager.post("/api/v1/tasks", "{\"title\": \"Send the quote\", \"dueOn\": \"%s\", \"opportunityId\": %d}"
                .formatted(today.minusDays(2), deal));
        assertThat(late.status()).as(late.body()).isEqualTo(201);
        manager.post("/api/v1/tasks", "{\"title\": \"Call back\", \"dueOn\": \"%s\"}".formatted(today.plusDays(3)));
        Api.Response given = manager.post("/api/v1/tasks", "{\"title\": \"Book the demo\", \"dueOn\": \"%s\", \"assigneeId\": %d, \"opportunityId\": %d}"
                .formatted(today, colleagueId, deal));
        assertThat(given.json().get("assignee").asString()).isEqualTo("Cole Colleague");

        assertThat(manager.get("/api/v1/tasks").json().get("items").findValuesAsString("title"))
                .as("earliest due first, the one given away too").containsExactly("Send the quote", "Book the demo", "Call back");
        assertThat(manager.get("/api/v1/tasks?show=OVERDUE").json().get("items").findValuesAsString("title")).containsExactly("Send the quote");
        assertThat(colleague.get("/api/v1/tasks").json().get("items").findValuesAsString("title")).containsExactly("Book the demo");
        assertThat(manager.get("/api/v1/tasks?opportunityId=" + deal).json().get("total").asInt()).isEqualTo(2);
        assertThat(stranger.get("/api/v1/tasks").json().get("total").asInt()).as("nobody else sees them").isZero();
        assertThat(stranger.get("/api/v1/tasks/" + late.id()).status()).isEqualTo(404);
        assertThat(stranger.post("/api/v1/tasks/" + late.id() + "/done", "{}", "\"0\"").status()).isEqualTo(404);
        assertThat(colleague.get("/tasks").body()).contains("Book the demo", "Follow-ups (1 due)", "(from Mia Manager)");
        assertThat(manager.get("/").body()).as("the dashboard names what is due for its reader").contains("Your follow-ups due", "Send the quote")
                .doesNotContain("Call back", "Book the demo");
        assertThat(colleague.get("/").body()).contains("Your follow-ups due", "Book the demo");

        assertThat(manager.post("/api/v1/tasks/" + late.id() + "/done", "{}").status()).as("no version").isEqualTo(428);
        assertThat(manager.post("/api/v1/tasks/" + late.id() + "/done", "{}", "\"0\"").status()).isEqualTo(200);
        assertThat(manager.post("/api/v1/tasks/" + late.id() + "/done", "{}", "\"0\"").status()).as("stale").isEqualTo(409);
        assertThat(manager.get("/api/v1/tasks?show=DONE").json().get("items").findValuesAsString("title")).containsExactly("Send the quote");
        assertThat(manager.form("/tasks/" + late.id() + "/done", "version=1&done=false").status()).isEqualTo(302);
        assertThat(jdbc.sql("select done_at is null from task where id = ?").param(late.id()).query(Boolean.class).single()).isTrue();
        assertThat(manager.get("/tasks/deal/" + deal).body()).contains("Send the quote", "Book the demo").doesNotContain("Call back");
    }

    @Autowired
    io.partnerpulse.task.internal.FollowUpReminders reminders;

    @Test
    void remindsEachPersonOnceADayOfWhatIsDueOrOverdue() {
        Api manager = user("CHANNEL_MANAGER", "Rita Reminded");
        long me = userId("Rita Reminded");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String[] task : new String[][] {{"Overdue call", "-3"}, {"Quote today", "0"}, {"Later review", "4"}}) {
            assertThat(manager.post("/api/v1/tasks", "{\"title\": \"%s\", \"dueOn\": \"%s\"}".formatted(task[0],
                    today.plusDays(Long.parseLong(task[1])))).status()).isEqualTo(201);
        }
        long done = manager.post("/api/v1/tasks", "{\"title\": \"Done already\", \"dueOn\": \"%s\"}".formatted(today.minusDays(1))).id();
        manager.post("/api/v1/tasks/" + done + "/done", "{}", "\"0\"");

        assertThat(reminders.remind(today)).isPositive();
        assertThat(reminders.remind(today)).as("once a day").isZero();
        String told = jdbc.sql("select array_to_string(items, ' | ') || ' / ' || total || ' / ' || about || ' / ' || link from notification"
                + " where user_id = ? and kind = 'FOLLOW_UPS_DUE'").param(me).query(String.class).single();
        assertThat(told).isEqualTo("Overdue call (%s) | Quote today (%s) / 2 / %s / /tasks".formatted(today.minusDays(3), today, today));
        assertThat(reminders.remind(today.plusDays(4))).as("another day, another reminder").isPositive();
        assertThat(jdbc.sql("select count(*) from notification where user_id = ? and kind = 'FOLLOW_UPS_DUE'").param(me)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aPartnerUserFollowsUpItsOwnDealsOnlyAndGivesNothingAway() {
        Api admin = Api.admin(port);
        Fixtures fixtures = new Fixtures(jdbc);
        long own = fixtures.activePartner("US", "GOLD");
        long rival = fixtures.activePartner("US", "GOLD");
        long ownDeal = admin.post("/api/v1/opportunities", "{\"name\": \"Own\", \"amount\": 1, \"currency\": \"USD\", \"partnerId\": %d}".formatted(own)).id();
        long rivalDeal = admin.post("/api/v1/opportunities", "{\"name\": \"Rival\", \"amount\": 1, \"currency\": \"USD\", \"partnerId\": %d}".formatted(rival)).id();
        Api partnerUser = admin.newPartnerUser(own, "follower");
        String day = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();

        assertThat(partnerUser.post("/api/v1/tasks", "{\"title\": \"Chase\", \"dueOn\": \"%s\", \"opportunityId\": %d}".formatted(day, ownDeal))
                .status()).isEqualTo(201);
        assertThat(partnerUser.post("/api/v1/tasks", "{\"title\": \"Spy\", \"dueOn\": \"%s\", \"opportunityId\": %d}".formatted(day, rivalDeal))
                .status()).as("another partner's deal").isEqualTo(404);
        long managerId = jdbc.sql("select id from app_user where role = 'ADMIN' order by id limit 1").query(Long.class).single();
        Api.Response given = partnerUser.post("/api/v1/tasks", "{\"title\": \"Yours\", \"dueOn\": \"%s\", \"assigneeId\": %d}".formatted(day, managerId));
        assertThat(given.status()).isEqualTo(422);
        assertThat(Api.invalidFields(given)).containsExactly("assigneeId");
        assertThat(partnerUser.form("/tasks", "title=Spy&dueOn=" + day + "&opportunityId=" + rivalDeal).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from task where title in ('Spy', 'Yours')").query(Long.class).single()).isZero();
        assertThat(partnerUser.get("/tasks").body()).contains("Chase").doesNotContain("name=\"assigneeId\"");
    }
}
