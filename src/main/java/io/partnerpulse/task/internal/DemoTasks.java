package io.partnerpulse.task.internal;

import java.util.List;

import io.partnerpulse.security.RunAs;
import io.partnerpulse.task.TaskView;
import io.partnerpulse.task.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's follow-ups: the channel manager's on its largest open deals (one overdue, one due today,
 * one next week) and partner 2's user's on its own largest. Written once, when the demo users exist
 * and no follow-up is written yet, through the follow-ups' own service as those users.
 */
@Component
@ConditionalOnBooleanProperty(name = "partnerpulse.demo.enabled", matchIfMissing = true)
class DemoTasks {

    private static final Logger log = LoggerFactory.getLogger(DemoTasks.class);

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final RunAs runAs;

    DemoTasks(JdbcClient jdbc, Tasks tasks, RunAs runAs) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.runAs = runAs;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void writeDemoTasks() {
        boolean any = jdbc.sql("select exists (select 1 from task)").query(Boolean.class).single();
        Long manager = jdbc.sql("select id from app_user where email = 'manager@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        Long partnerUser = jdbc.sql("select id from app_user where email = 'partner2@demo.partnerpulse.io'").query(Long.class).optional().orElse(null);
        if (any || manager == null || partnerUser == null) {
            return;
        }
        List<Long> largest = jdbc.sql("select id from opportunity where closed_at is null order by amount desc, id limit 3").query(Long.class).list();
        String[] titles = {"Send the revised quote", "Call the customer's buyer back", "Prepare the quarterly business review"};
        int[] inDays = {-2, 0, 7};
        for (int i = 0; i < largest.size(); i++) {
            write(manager, titles[i], inDays[i], largest.get(i));
        }
        jdbc.sql("select id from opportunity where partner_id = 2 and closed_at is null order by amount desc, id limit 1").query(Long.class)
                .optional().ifPresent(deal -> write(partnerUser, "Book the demo with the customer's IT team", 2, deal));
        log.info("Demo follow-ups written: see /tasks");
    }

    private void write(long user, String title, int inDays, long deal) {
        runAs.user(user, () -> tasks.create(new TaskView.Form(title, tasks.today().plusDays(inDays), null, deal)));
    }
}
