package io.partnerpulse.task;

import java.time.LocalDate;
import java.util.List;

/** What the follow-ups announce. */
public final class TaskEvents {

    private TaskEvents() {
    }

    /**
     * The day's reminder for one person: the titles of its open follow-ups due that day or before
     * (the earliest due first; at most 50), how many there are, and how many of them are overdue.
     */
    public record FollowUpsDue(long userId, LocalDate day, List<String> items, int total, int overdue) {
    }
}
