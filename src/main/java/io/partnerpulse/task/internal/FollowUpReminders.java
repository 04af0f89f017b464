package io.partnerpulse.task.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.partnerpulse.shared.OrganizationSettings;
import io.partnerpulse.task.TaskEvents;
import io.partnerpulse.task.TaskProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once a day, from {@code partnerpulse.tasks.remind-at} in the organization's time zone, each active
 * person with open follow-ups due that day or before gets one reminder ({@link TaskEvents.FollowUpsDue},
 * which the notifications turn into an e-mail). A {@code task_reminder} row per person and day,
 * written in the same transaction, makes it once however often and wherever the job runs.
 */
@Component
public class FollowUpReminders {

    static final int ITEMS = 50;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final OrganizationSettings organization;
    private final TaskProperties properties;
    private final Clock clock;

    FollowUpReminders(JdbcClient jdbc, ApplicationEventPublisher events, OrganizationSettings organization, TaskProperties properties,
                      Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.organization = organization;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${partnerpulse.tasks.poll:5m}", initialDelayString = "${partnerpulse.tasks.poll:5m}")
    @Transactional
    public void run() {
        organization.dayOnceItIs(clock, properties.remindAt()).ifPresent(this::remind);
    }

    /** Makes the reminders of {@code day} not made yet; how many. */
    @Transactional
    public int remind(LocalDate day) {
        List<Long> people = jdbc.sql("""
                        insert into task_reminder (user_id, day)
                        select distinct t.assignee_id, :day from task t join app_user u on u.id = t.assignee_id
                        where t.done_at is null and t.due_on <= :day and u.active
                        on conflict do nothing
                        returning user_id""").param("day", day).query(Long.class).list();
        for (long person : people) {
            List<String> items = jdbc.sql("""
                            select title || ' (' || to_char(due_on, 'YYYY-MM-DD') || ')' from task
                            where assignee_id = :p and done_at is null and due_on <= :day order by due_on, id limit :n""")
                    .param("p", person).param("day", day).param("n", ITEMS).query(String.class).list();
            int[] counts = jdbc.sql("""
                            select count(*), count(*) filter (where due_on < :day) from task
                            where assignee_id = :p and done_at is null and due_on <= :day""")
                    .param("p", person).param("day", day).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
            events.publishEvent(new TaskEvents.FollowUpsDue(person, day, items, counts[0], counts[1]));
        }
        return people.size();
    }
}
