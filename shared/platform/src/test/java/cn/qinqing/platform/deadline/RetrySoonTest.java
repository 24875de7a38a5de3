package cn.qinqing.platform.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetrySoonTest {

    private final RetrySoon<Object> retry = new RetrySoon<>(Duration.ofSeconds(1), Duration.ofMinutes(1));

    @Test
    void aFirstFailureIsTriedAgainWithinSecondsNotFiveMinutes() {
        assertThat(retry.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.delay(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.delay(5)).isEqualTo(Duration.ofSeconds(32));
    }

    @Test
    void aDeadlineThatKeepsFailingIsTriedOnceAMinuteForever() {
        assertThat(retry.delay(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(1));
    }
}
