package io.partnerpulse.shared;

/** Hears how far a long piece of work has come. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * {@code done} of {@code total} units of the named step are finished. A {@code total} of zero or
     * less is a step whose end cannot be foreseen (one database statement, say): it is running, and
     * {@code done} is how many records it handles (0 when not known).
     */
    void progress(String step, long done, long total);

    ProgressListener NONE = (step, done, total) -> { };
}
