package io.partnerpulse.deal;

import java.time.Instant;

/** One entry of an opportunity's stage history. */
public record StageChangeView(long id, Stage fromStage, Stage toStage, Instant changedAt, String changedBy) {
}
