package cn.qinqing.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private Instant now = Instant.parse("2026-11-28T08:00:00Z");
    private final Clock clock = new Clock() {
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
    };

    private final RateLimiter limiter = new RateLimiter("filings", 3, Duration.ofHours(1), clock);

    @Test
    void refusesTheActionAfterTheCapacityAndSaysWhenTheNextIsAllowed() {
        limiter.acquire("enterprise-a");
        limiter.acquire("enterprise-a");
        limiter.acquire("enterprise-a");

        TooManyRequestsException refused =
                catchThrowableOfType(TooManyRequestsException.class, () -> limiter.acquire("enterprise-a"));

        assertThat(refused).isNotNull();
        assertThat(refused.retryAfterSeconds()).isEqualTo(20 * 60);
        assertThat(refused.getMessage()).contains("filings");
    }

    @Test
    void refillsEvenlyOverTheWindow() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("enterprise-a");
        }
        now = now.plus(Duration.ofMinutes(19));
        assertThatThrownBy(() -> limiter.acquire("enterprise-a"))
                .isInstanceOf(TooManyRequestsException.class)
                .extracting(e -> ((TooManyRequestsException) e).retryAfterSeconds())
                .isEqualTo(60L);

        now = now.plus(Duration.ofMinutes(1));
        limiter.acquire("enterprise-a");
        assertThatThrownBy(() -> limiter.acquire("enterprise-a")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void countsEachKeyOnItsOwn() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("enterprise-a");
        }
        limiter.acquire("enterprise-b");
        assertThatThrownBy(() -> limiter.acquire("enterprise-a")).isInstanceOf(TooManyRequestsException.class);
    }

    @Test
    void aCapacityOfZeroSwitchesTheLimitOff() {
        RateLimiter off = new RateLimiter("filings", 0, Duration.ofHours(1), clock);
        for (int i = 0; i < 10_000; i++) {
            off.acquire("bench");
        }
        assertThat(off.isEnabled()).isFalse();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(new TooManyRequestsException("x", Duration.ofMillis(1)).retryAfterSeconds())
                .isEqualTo(1);
        assertThat(new TooManyRequestsException("x", Duration.ofMillis(1_001)).retryAfterSeconds())
                .isEqualTo(2);
    }
}
