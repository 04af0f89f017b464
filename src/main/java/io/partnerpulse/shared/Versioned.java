package io.partnerpulse.shared;

/** A record that changes under optimistic locking: its version is its ETag. */
public interface Versioned {
    long version();
}
