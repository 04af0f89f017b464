package io.partnerpulse.database;

/**
 * The app cannot use its database. The message is one sentence a user can act on; the action says
 * what to do. Reported at start-up by {@link DatabaseUnavailableFailureAnalyzer} without a stack trace.
 */
public class DatabaseUnavailable extends RuntimeException {

    private final String action;

    public DatabaseUnavailable(String message, String action, Throwable cause) {
        super(message, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
