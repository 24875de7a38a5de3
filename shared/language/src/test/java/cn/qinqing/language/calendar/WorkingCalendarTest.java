package cn.qinqing.language.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every expected value below was counted by hand on the published notices. */
class WorkingCalendarTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.ZONE).toInstant();
    }

    static LocalDate date(String date) {
        return LocalDate.parse(date);
    }

    @Nested
    class WorkingDays {
        @Test
        void aMakeUpSundayIsAWorkingDay() {
            assertThat(CALENDAR.isWorkingDay(date("2025-01-26"))).isTrue(); // Sunday, 调休上班
            assertThat(CALENDAR.isWorkingDay(date("2026-01-04"))).isTrue(); // Sunday, 调休上班
        }

        @Test
        void aMakeUpSaturdayIsAWorkingDay() {
            assertThat(CALENDAR.isWorkingDay(date("2025-02-08"))).isTrue();
            assertThat(CALENDAR.isWorkingDay(date("2026-02-14"))).isTrue();
            assertThat(CALENDAR.isWorkingDay(date("2026-10-10"))).isTrue();
        }

        @Test
        void aWeekdayInAHolidayIsNoWorkingDay() {
            assertThat(CALENDAR.isWorkingDay(date("2025-01-28"))).isFalse(); // Tuesday, 春节
            assertThat(CALENDAR.isWorkingDay(date("2025-10-08"))).isFalse(); // Wednesday, 国庆中秋
            assertThat(CALENDAR.isWorkingDay(date("2026-02-23"))).isFalse(); // Monday, 春节
            assertThat(CALENDAR.isWorkingDay(date("2026-01-02"))).isFalse(); // Friday, 元旦
        }

        @Test
        void anOrdinaryWeekendIsNoWorkingDayAndAnOrdinaryWeekdayIs() {
            assertThat(CALENDAR.isWorkingDay(date("2025-03-08"))).isFalse(); // Saturday
            assertThat(CALENDAR.isWorkingDay(date("2025-03-09"))).isFalse(); // Sunday
            assertThat(CALENDAR.isWorkingDay(date("2025-03-10"))).isTrue(); // Monday
            assertThat(CALENDAR.isWorkingDay(date("2025-02-05"))).isTrue(); // first day back after 春节
        }

        @Test
        void addingWorkingDaysSkipsTheSpringFestivalAndCountsTheMakeUpDays() {
            // Friday before 春节 2025: the next working day is the make-up Sunday
            assertThat(CALENDAR.addWorkingDays(date("2025-01-24"), 1)).isEqualTo(date("2025-01-26"));
            // Monday 27 January: 28 January to 4 February are off
            assertThat(CALENDAR.addWorkingDays(date("2025-01-27"), 1)).isEqualTo(date("2025-02-05"));
            // Friday 7 February: the make-up Saturday comes next
            assertThat(CALENDAR.addWorkingDays(date("2025-02-07"), 1)).isEqualTo(date("2025-02-08"));
            // 5 working days from 27 January 2025: 5, 6, 7, 8 (Sat), 10 February
            assertThat(CALENDAR.addWorkingDays(date("2025-01-27"), 5)).isEqualTo(date("2025-02-10"));
        }

        @Test
        void addingWorkingDaysAcrossTheSpringFestivalOf2026() {
            // Friday 13 February 2026: Saturday 14 is worked, then 15–23 are off
            assertThat(CALENDAR.addWorkingDays(date("2026-02-13"), 1)).isEqualTo(date("2026-02-14"));
            assertThat(CALENDAR.addWorkingDays(date("2026-02-13"), 2)).isEqualTo(date("2026-02-24"));
            // 24, 25, 26, 27, 28 (Sat, worked)
            assertThat(CALENDAR.addWorkingDays(date("2026-02-23"), 5)).isEqualTo(date("2026-02-28"));
        }

        @Test
        void addingNoWorkingDaysGivesTheSameDate() {
            assertThat(CALENDAR.addWorkingDays(date("2025-01-28"), 0)).isEqualTo(date("2025-01-28"));
        }
    }

    @Nested
    class WorkingTime {
        @Test
        void oneWorkingDayFromMidMorningBeforeTheSpringFestivalRunsOutOnTheFirstDayBack() {
            // 27 Jan 10:00: 2 h till noon + 4 h afternoon = 6 h; the 7th hour is 5 Feb 09:00–10:00
            assertThat(CALENDAR.addWorkingDays(shanghai("2025-01-27T10:00"), 1))
                    .isEqualTo(shanghai("2025-02-05T10:00"));
        }

        @Test
        void fiveWorkingDaysAcrossTheMakeUpSaturday() {
            // Fri 7 Feb 16:00: 1.5 h + Sat 8 Feb 7 h + 10, 11, 12 Feb 21 h = 29.5 h; 5.5 h more on 13 Feb:
            // 09:00–12:00 (3 h) and 13:30–16:00 (2.5 h)
            assertThat(CALENDAR.addWorkingDays(shanghai("2025-02-07T16:00"), 5))
                    .isEqualTo(shanghai("2025-02-13T16:00"));
        }

        @Test
        void twoWorkingDaysAcrossNationalDay2026() {
            // Wed 30 Sep 17:00: 0.5 h; 1–7 Oct off; Thu 8 Oct 7 h; Fri 9 Oct 6.5 h more ends at 17:00
            assertThat(CALENDAR.addWorkingDays(shanghai("2026-09-30T17:00"), 2))
                    .isEqualTo(shanghai("2026-10-09T17:00"));
            // and the third working day is the make-up Saturday 10 Oct
            assertThat(CALENDAR.addWorkingDays(shanghai("2026-09-30T17:00"), 3))
                    .isEqualTo(shanghai("2026-10-10T17:00"));
        }

        @Test
        void workingHoursSkipTheLunchBreak() {
            assertThat(CALENDAR.addWorkingHours(shanghai("2025-03-03T11:00"), 2))
                    .isEqualTo(shanghai("2025-03-03T14:30"));
        }

        @Test
        void aClockThatRunsOutAtNoonEndsAtNoon() {
            assertThat(CALENDAR.addWorkingHours(shanghai("2025-03-03T09:00"), 3))
                    .isEqualTo(shanghai("2025-03-03T12:00"));
        }

        @Test
        void aClockStartedOutsideWorkingHoursStartsAtTheNextOpening() {
            assertThat(CALENDAR.addWorkingHours(shanghai("2025-03-03T07:00"), 1))
                    .isEqualTo(shanghai("2025-03-03T10:00"));
            assertThat(CALENDAR.addWorkingHours(shanghai("2025-03-03T12:30"), 1))
                    .isEqualTo(shanghai("2025-03-03T14:30"));
            assertThat(CALENDAR.addWorkingHours(shanghai("2025-03-03T19:00"), 1))
                    .isEqualTo(shanghai("2025-03-04T10:00"));
            // Saturday noon: one working day is all of Monday
            assertThat(CALENDAR.addWorkingDays(shanghai("2025-03-08T12:00"), 1))
                    .isEqualTo(shanghai("2025-03-10T17:30"));
        }

        @Test
        void workingTimeBetweenCountsOnlyWorkingHoursOfWorkingDays() {
            assertThat(CALENDAR.workingTimeBetween(shanghai("2025-01-27T10:00"), shanghai("2025-02-05T10:00")))
                    .isEqualTo(Duration.ofHours(7));
            assertThat(CALENDAR.workingTimeBetween(shanghai("2025-03-03T11:00"), shanghai("2025-03-03T14:00")))
                    .isEqualTo(Duration.ofMinutes(90));
            assertThat(CALENDAR.workingTimeBetween(shanghai("2025-03-08T00:00"), shanghai("2025-03-09T23:00")))
                    .isZero();
            assertThat(CALENDAR.workingTimeBetween(shanghai("2025-03-04T00:00"), shanghai("2025-03-03T00:00")))
                    .isZero();
        }

        @Test
        void workingTimeBetweenUndoesAddingWorkingTime() {
            Instant start = shanghai("2026-02-12T15:10");
            for (int minutes : List.of(1, 59, 420, 3000, 7 * 60 * 15)) {
                Instant end = CALENDAR.addWorkingTime(start, Duration.ofMinutes(minutes));
                assertThat(CALENDAR.workingTimeBetween(start, end)).isEqualTo(Duration.ofMinutes(minutes));
            }
        }

        @Test
        void workingTimeIsWithinOfficeHoursOfWorkingDays() {
            assertThat(CALENDAR.isWorkingTime(shanghai("2025-02-08T09:00"))).isTrue();
            assertThat(CALENDAR.isWorkingTime(shanghai("2025-03-03T12:00"))).isFalse();
            assertThat(CALENDAR.isWorkingTime(shanghai("2025-01-29T10:00"))).isFalse();
        }

        @Test
        void negativeAmountsAreRefused() {
            assertThatThrownBy(() -> CALENDAR.addWorkingDays(shanghai("2025-03-03T09:00"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CALENDAR.addWorkingTime(shanghai("2025-03-03T09:00"), Duration.ofHours(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ProvisionalYears {
        @Test
        void theBundledYearsAreTwentyTwentyFiveToTwentyTwentySeven() {
            assertThat(CALENDAR.years()).extracting(CalendarYear::year).contains(2025, 2026, 2027);
            assertThat(CALENDAR.isProvisional(2025)).isFalse();
            assertThat(CALENDAR.isProvisional(2026)).isFalse();
            assertThat(CALENDAR.isProvisional(2027)).isTrue();
            assertThat(CALENDAR.isProvisional(2031)).as("no data at all").isTrue();
        }

        @Test
        void aProvisionalYearCountsWeekendsOnly() {
            // 1 January 2027 is a Friday: without the notice it counts as a working day
            assertThat(CALENDAR.isWorkingDay(date("2027-01-01"))).isTrue();
            assertThat(CALENDAR.isWorkingDay(date("2027-01-02"))).isFalse();
            assertThat(CALENDAR.isWorkingDay(date("2031-06-02"))).isTrue();
        }

        @Test
        void aDueDateReachingIntoAProvisionalYearSaysSo() {
            Instant start = shanghai("2026-12-25T10:00");
            Instant due = CALENDAR.addWorkingDays(start, 15);
            assertThat(CALENDAR.dependsOnProvisionalYear(start, due)).isTrue();
            Instant early = shanghai("2026-03-02T10:00");
            assertThat(CALENDAR.dependsOnProvisionalYear(early, CALENDAR.addWorkingDays(early, 15)))
                    .isFalse();
        }

        @Test
        void loadingTheOfficialYearReplacesTheProvisionalOne() {
            CalendarYear official = new CalendarYear(
                    2027,
                    false,
                    "test notice",
                    List.of(new Holiday("元旦", date("2027-01-01"), date("2027-01-03"))),
                    List.of());
            WorkingCalendar loaded = CALENDAR.with(official);

            assertThat(loaded.isProvisional(2027)).isFalse();
            assertThat(loaded.isWorkingDay(date("2027-01-01"))).isFalse();
            assertThat(CALENDAR.isWorkingDay(date("2027-01-01")))
                    .as("the original is unchanged")
                    .isTrue();
        }
    }
}
