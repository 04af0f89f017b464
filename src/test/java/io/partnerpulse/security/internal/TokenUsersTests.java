package io.partnerpulse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.partnerpulse.security.Role;
import org.junit.jupiter.api.Test;

class TokenUsersTests {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final TokenUsers users = new TokenUsers(now::get);
    final AtomicInteger reads = new AtomicInteger();
    final AppUser ann = new AppUser(1, "ann@example.com", "Ann", "hash", Role.ANALYST, null, null, null, true, null, false);

    Optional<AppUser> read(String hash) {
        reads.incrementAndGet();
        return hash.equals("ann") ? Optional.of(ann) : Optional.empty();
    }

    @Test
    void aTokensUserIsReadOnceWhileFreshAndAgainAfterwards() {
        assertThat(users.user("ann", this::read)).contains(ann);
        now.addAndGet(TokenUsers.FRESH.toNanos() - 1);
        assertThat(users.user("ann", this::read)).contains(ann);
        assertThat(reads).hasValue(1);
        now.addAndGet(1);
        assertThat(users.user("ann", this::read)).contains(ann);
        assertThat(reads).hasValue(2);
    }

    @Test
    void unknownTokensAreLookedUpEveryTime() {
        assertThat(users.user("nobody", this::read)).isEmpty();
        assertThat(users.user("nobody", this::read)).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void forgettingAllMakesTheNextRequestReadAgain() {
        users.user("ann", this::read);
        users.forgetAll();
        users.user("ann", this::read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadDuringWhichEverythingWasForgottenIsNotKept() {
        users.user("ann", hash -> {
            users.forgetAll();   // a revocation committed while this request read the old state
            return read(hash);
        });
        users.user("ann", this::read);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aMapFullOfLiveTokensIsEmptiedRatherThanGrown() {
        for (int i = 0; i < TokenUsers.MOST + 5; i++) {
            users.user("t" + i, hash -> Optional.of(ann));
        }
        users.user("t0", this::read);
        assertThat(reads).as("t0 was forgotten when the map filled").hasValue(1);
    }
}
