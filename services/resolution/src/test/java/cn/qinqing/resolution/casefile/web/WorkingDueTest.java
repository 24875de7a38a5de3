package cn.qinqing.resolution.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.resolution.casefile.command.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WorkingDueTest {

    private static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    private static final SlaClock WORKING = new SlaClock() {
        @Override
        public Instant add(Instant start, Duration time) {
            return CALENDAR.addWorkingTime(start, time);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return CALENDAR.workingTimeBetween(from, to);
        }

        @Override
        public boolean provisional(Instant from, Instant to) {
            return false;
        }
    };

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(WorkingCalendar.ZONE).toInstant();
    }

    @Test
    void aSaturdayMovesToMondayMorningAndSaysSo() {
        WorkingDue due = WorkingDue.of(WORKING, shanghai("2026-12-12T10:00"));

        assertThat(due.dueAt()).isEqualTo(shanghai("2026-12-14T09:00"));
        assertThat(due.describe().asked()).isEqualTo(shanghai("2026-12-12T10:00"));
        assertThat(due.describe().note()).contains("next working instant");
    }

    @Test
    void theLunchBreakAndTheNightMoveToWhereWorkResumes() {
        assertThat(WorkingDue.of(WORKING, shanghai("2026-12-10T12:45")).dueAt())
                .isEqualTo(shanghai("2026-12-10T13:30"));
        assertThat(WorkingDue.of(WORKING, shanghai("2026-12-10T20:00")).dueAt())
                .isEqualTo(shanghai("2026-12-11T09:00"));
    }

    @Test
    void workingTimeAndTheEndOfAWorkingDayStayAsAsked() {
        for (String local : new String[] {"2026-12-10T09:00", "2026-12-10T15:20", "2026-12-10T17:30"}) {
            WorkingDue due = WorkingDue.of(WORKING, shanghai(local));
            assertThat(due.moved()).as(local).isFalse();
            assertThat(due.describe()).isNull();
        }
    }
}
