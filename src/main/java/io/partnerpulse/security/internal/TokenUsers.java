package io.partnerpulse.security.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The users of live API tokens as lately read, so that a script's requests do not each read the
 * token and its user (a statement and a connection per request: about a tenth of a write's time in
 * the benchmark, stop 17). An entry is used for {@link #FRESH} after it was read. Revoking a token
 * or changing, locking or deactivating a user through this instance forgets every entry when that
 * transaction commits, so it takes effect here at once; other instances see it within
 * {@link #FRESH}. Unknown tokens are not kept: each one is looked up.
 */
@Component
public class TokenUsers {

    /** How long a token's user, once read, is taken as it was. */
    public static final Duration FRESH = Duration.ofSeconds(2);
    /** More live tokens than this in use at once: all are forgotten rather than the map grown. */
    static final int MOST = 10_000;

    private record Entry(AppUser user, long readAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Counts the times everything was forgotten: a read that raced with one is not kept. */
    private final AtomicLong forgotten = new AtomicLong();
    private final LongSupplier nanoTime;

    TokenUsers() {
        this(System::nanoTime);
    }

    TokenUsers(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The user of the token with this hash: kept, or read by {@code read} (empty: no such live token). */
    public Optional<AppUser> user(String tokenHash, Function<String, Optional<AppUser>> read) {
        long now = nanoTime.getAsLong();
        Entry entry = entries.get(tokenHash);
        if (entry != null && now - entry.readAt() < FRESH.toNanos()) {
            return Optional.of(entry.user());
        }
        long generation = forgotten.get();
        Optional<AppUser> user = read.apply(tokenHash);
        if (user.isEmpty()) {
            entries.remove(tokenHash);
            return user;
        }
        if (entries.size() >= MOST) {
            entries.clear();
        }
        entries.put(tokenHash, new Entry(user.get(), now));
        if (forgotten.get() != generation) {
            entries.remove(tokenHash);   // forgotten while it was read: the read may be of the state before
        }
        return user;
    }

    /**
     * Forgets every entry now and, inside a transaction, again when it commits (a request in between
     * may have read the state before the change).
     */
    public void forgetAll() {
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget();
                }
            });
        }
    }

    private void forget() {
        forgotten.incrementAndGet();
        entries.clear();
    }
}
