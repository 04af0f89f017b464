package io.partnerpulse.shared;

import java.time.Duration;

/**
 * What the outboxes (webhooks, scheduled reports, notifications) share about a failed attempt: how
 * long to wait before the next, and how to say what went wrong in their logs.
 */
public final class Retries {

    private Retries() {
    }

    /** The wait after the given number of failed attempts: {@code first}, doubling after each further one, at most {@code max}. */
    public static Duration backoff(Duration first, Duration max, int attempts) {
        Duration wait = first.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The failure's kind and the first message on its chain ("ConnectException: Connection refused"), at most 500 characters. */
    public static String describe(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                String said = e.getClass().getSimpleName() + ": " + cause.getMessage().strip();
                return said.length() > 500 ? said.substring(0, 500) : said;
            }
        }
        return e.getClass().getSimpleName();
    }
}
