package io.partnerpulse.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A verified password is remembered for a few minutes; a wrong one, a changed one or an old one goes to bcrypt again. */
class RememberingPasswordEncoderTests {

    /** Stands in for bcrypt: "hash:" + the password, counting how often it is asked. */
    static final class Counting implements PasswordEncoder {
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            asked.incrementAndGet();
            return encoded.equals("hash:" + raw);
        }
    }

    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aVerifiedPasswordIsNotCheckedByBcryptAgainUntilItsTimeIsUp() {
        Counting bcrypt = new Counting();
        Ticking clock = new Ticking();
        PasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, clock);

        assertThat(encoder.matches("secret", "hash:secret")).isTrue();
        assertThat(encoder.matches("secret", "hash:secret")).isTrue();
        assertThat(bcrypt.asked).as("asked once for two requests").hasValue(1);

        clock.now = clock.now.plus(RememberingPasswordEncoder.KEEP).plus(Duration.ofSeconds(1));
        assertThat(encoder.matches("secret", "hash:secret")).isTrue();
        assertThat(bcrypt.asked).as("asked again once the time is up").hasValue(2);
    }

    @Test
    void aWrongPasswordIsAlwaysCheckedAndNeverRemembered() {
        Counting bcrypt = new Counting();
        PasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, new Ticking());

        assertThat(encoder.matches("guess", "hash:secret")).isFalse();
        assertThat(encoder.matches("guess", "hash:secret")).isFalse();
        assertThat(bcrypt.asked).hasValue(2);
    }

    @Test
    void aChangedPasswordMakesTheRememberedOneWorthNothing() {
        Counting bcrypt = new Counting();
        PasswordEncoder encoder = new RememberingPasswordEncoder(bcrypt, new Ticking());
        assertThat(encoder.matches("old", "hash:old")).isTrue();

        assertThat(encoder.matches("old", "hash:new")).as("the old password against the new stored hash").isFalse();
        assertThat(encoder.matches("new", "hash:new")).isTrue();
        assertThat(bcrypt.asked).hasValue(3);
        assertThat(encoder.encode("x")).isEqualTo("hash:x");
    }
}
