package io.partnerpulse.task;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A follow-up as the API shows it: what, by when, for whom (and by whom), about which deal, and when
 * it was done (null while open).
 */
public record TaskView(long id, String title, LocalDate dueOn, long assigneeId, String assignee, long createdById, String createdBy,
                       Long opportunityId, String opportunity, Instant createdAt, Instant doneAt, long version)
        implements io.partnerpulse.shared.Versioned {

    /** What a client sends to write a follow-up; {@code assigneeId} absent means the writer. */
    public record Form(@NotBlank @Size(max = 300) String title, @NotNull LocalDate dueOn, @Positive Long assigneeId,
                       @Positive Long opportunityId) {
    }
}
