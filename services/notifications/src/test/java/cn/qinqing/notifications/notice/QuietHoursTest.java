package cn.qinqing.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.notifications.config.NotificationsProperties;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private final QuietHours night = new QuietHours(new NotificationsProperties.QuietHours(
            LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Shanghai")));

    @Test
    void aMessageOfTheNightWaitsUntilSevenInTheMorningShanghaiTime() {
        // 23:30 and 02:00 in Shanghai are 15:30 and 18:00 UTC
        assertThat(night.release(Instant.parse("2027-03-01T15:30:00Z")))
                .isEqualTo(Instant.parse("2027-03-01T23:00:00Z"));
        assertThat(night.release(Instant.parse("2027-03-01T18:00:00Z")))
                .isEqualTo(Instant.parse("2027-03-01T23:00:00Z"));
    }

    @Test
    void aMessageOfTheDayGoesAtOnce() {
        Instant tenInTheMorning = Instant.parse("2027-03-01T02:00:00Z");
        assertThat(night.release(tenInTheMorning)).isEqualTo(tenInTheMorning);
        Instant sevenSharp = Instant.parse("2027-03-01T23:00:00Z");
        assertThat(night.release(sevenSharp)).isEqualTo(sevenSharp);
    }

    @Test
    void equalStartAndEndMeanNoQuietHours() {
        QuietHours none = new QuietHours(new NotificationsProperties.QuietHours(
                LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZoneId.of("Asia/Shanghai")));
        Instant midnight = Instant.parse("2027-03-01T16:00:00Z");
        assertThat(none.release(midnight)).isEqualTo(midnight);
    }
}
