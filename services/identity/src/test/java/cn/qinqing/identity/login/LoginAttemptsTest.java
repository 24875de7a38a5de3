package cn.qinqing.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {

    private final MovableClock clock = new MovableClock();
    private final LoginAttempts attempts = new LoginAttempts(3, 5, Duration.ofMinutes(5), clock);
    private final String key = LoginAttempts.key("Enterprise-A", "10.0.0.7");

    @Test
    void locksAfterTheLimitOfFailuresWithinTheWindow() {
        attempts.failed(key);
        attempts.failed(key);
        assertThat(attempts.isLocked(key)).isFalse();

        attempts.failed(key);

        assertThat(attempts.isLocked(key)).isTrue();
    }

    @Test
    void unlocksWhenTheOldestFailureIsAWindowOld() {
        attempts.failed(key);
        clock.advance(Duration.ofMinutes(2));
        attempts.failed(key);
        attempts.failed(key);
        assertThat(attempts.isLocked(key)).isTrue();

        clock.advance(Duration.ofMinutes(3));

        assertThat(attempts.isLocked(key)).isFalse();
    }

    @Test
    void aSuccessClearsTheCount() {
        attempts.failed(key);
        attempts.failed(key);

        attempts.succeeded(key);
        attempts.failed(key);

        assertThat(attempts.isLocked(key)).isFalse();
    }

    @Test
    void countsPerUserNameIgnoringCaseAndPerAddress() {
        for (int i = 0; i < 3; i++) {
            attempts.failed(key);
        }

        assertThat(attempts.isLocked(LoginAttempts.key("enterprise-a ", "10.0.0.7")))
                .isTrue();
        assertThat(attempts.isLocked(LoginAttempts.key("enterprise-a", "10.0.0.8")))
                .isFalse();
        assertThat(attempts.isLocked(LoginAttempts.key("enterprise-b", "10.0.0.7")))
                .isFalse();
    }

    @Test
    void anAddressThatFailsForManyUserNamesIsLockedForEveryUserName() {
        for (int i = 0; i < 4; i++) {
            attempts.failedFrom("10.0.0.9");
        }
        assertThat(attempts.isAddressLocked("10.0.0.9")).isFalse();

        attempts.failedFrom("10.0.0.9");

        assertThat(attempts.isAddressLocked("10.0.0.9")).isTrue();
        assertThat(attempts.isAddressLocked("10.0.0.7")).as("another address").isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(attempts.isAddressLocked("10.0.0.9")).as("a window later").isFalse();
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-02T01:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
