package cn.qinqing.oversight.history;

import static cn.qinqing.oversight.history.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppealHistoryTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    @Test
    void aTransferSupersedesWhatTheFirstDepartmentOwedAndHandsTheClockToTheNext() {
        Events facts = new Events()
                .filed("2025-09-26 08:30")
                .dispatched("2025-09-26 09:00", "a", at("2025-09-26 17:30"))
                .signedFor("2025-09-26 16:00", "a", true)
                .caseOpened("2025-09-26 16:00", "a", 1, at("2025-10-17 16:00"), at("2025-09-29 16:00"))
                .transferred("2025-09-30 10:00", "a", "b", at("2025-10-09 12:00"));

        AppealHistory history = AppealHistory.of(facts.appeal, facts.list(), at("2025-10-10 09:00"), CALENDAR);

        assertThat(history.obligations())
                .extracting(Obligation::kind, Obligation::departmentId, Obligation::end)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Obligation.Kind.SIGN_FOR, "a", Obligation.End.DONE),
                        org.assertj.core.groups.Tuple.tuple(Obligation.Kind.RESOLUTION, "a", Obligation.End.SUPERSEDED),
                        org.assertj.core.groups.Tuple.tuple(Obligation.Kind.SIGN_FOR, "b", Obligation.End.OPEN));
        assertThat(history.holder()).isEqualTo(Holder.department("b"));
        assertThat(history.overdue())
                .extracting(Overdue::kind, Overdue::departmentId)
                .as("B had to sign by 9 Oct noon; A's first contact stopped being owed with the transfer")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Overdue.Kind.SIGN_FOR, "b"));
        // A: Fri 26 Sep 09:00 → Tue 30 Sep 10:00 with Sunday 28 Sep worked; B: 30 Sep 10:00 → 10 Oct 09:00 across
        // the holiday (1–8 Oct), 9 Oct worked in full
        assertThat(history.holderPeriods())
                .extracting(period -> period.holder().id(), period -> period.workingTime())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dispatch", Duration.ZERO),
                        org.assertj.core.groups.Tuple.tuple("a", Duration.ofHours(22)),
                        org.assertj.core.groups.Tuple.tuple("b", Duration.ofHours(13)));
    }

    @Test
    void aPausedClockIsNotOverdueAndItsPausedTimeIsKeptApart() {
        Events facts = new Events()
                .dispatched("2025-11-03 09:00", "c", at("2025-11-03 17:30"))
                .signedFor("2025-11-03 10:00", "c", true)
                .caseOpened("2025-11-03 10:00", "c", 1, at("2025-11-05 17:30"), at("2025-11-04 10:00"))
                .progressNoted("2025-11-03 11:00", true)
                .casePaused("2025-11-04 09:00");

        AppealHistory paused = AppealHistory.of(facts.appeal, facts.list(), at("2025-11-10 09:00"), CALENDAR);

        assertThat(paused.overdue()).isEmpty();
        assertThat(paused.holder()).isEqualTo(Holder.enterprise(null));
        Obligation resolution = paused.obligations().get(1);
        assertThat(resolution.pausedNow()).isTrue();
        // Tue 4 Nov 09:00 → Mon 10 Nov 09:00: four working days
        assertThat(resolution.pausedWorkingTime()).isEqualTo(Duration.ofHours(28));

        facts.caseResumed("2025-11-10 09:00", at("2025-11-11 17:30"));
        AppealHistory resumed = AppealHistory.of(facts.appeal, facts.list(), at("2025-11-12 09:00"), CALENDAR);
        assertThat(resumed.overdue()).extracting(Overdue::kind).containsExactly(Overdue.Kind.RESOLUTION);
        assertThat(resumed.resolutionDue()).isEqualTo(at("2025-11-11 17:30"));
    }

    @Test
    void anAnswerClosesTheNoticesOnItAndARatingOrReopeningJudgesTheRightAnswer() {
        Events facts = new Events()
                .caseOpened("2025-11-03 10:00", "c", 1, at("2025-11-14 17:30"), null)
                .noticeIssued("2025-11-05 09:00", "deputy", at("2025-11-07 17:30"))
                .resolutionSubmitted("2025-11-06 10:00", "c", 1, true)
                .answered("2025-11-06 10:05", "c", 1)
                .reopened("2025-11-07 10:00", 2)
                .caseReopened("2025-11-07 10:00", 2, at("2025-11-21 17:30"))
                .resolutionSubmitted("2025-11-20 10:00", "c", 2, true)
                .answered("2025-11-20 10:00", "c", 2)
                .rated("2025-11-21 10:00", 2, 4);

        AppealHistory history = AppealHistory.of(facts.appeal, facts.list(), Instant.now(), CALENDAR);

        assertThat(history.notices()).singleElement().satisfies(notice -> assertThat(notice.answeredAt())
                .isEqualTo(at("2025-11-06 10:00")));
        assertThat(history.answeredRounds())
                .extracting(
                        AnsweredRound::round, AnsweredRound::answeredAt, AnsweredRound::reopened, AnsweredRound::rating)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, at("2025-11-06 10:05"), true, null),
                        org.assertj.core.groups.Tuple.tuple(2, at("2025-11-20 10:00"), false, 4));
        assertThat(history.overdue()).isEmpty();
        assertThat(history.status()).isEqualTo(Status.RATED);
    }

    @Test
    void eventsRecordedAfterTheInstantAreNotPartOfTheHistory() {
        Events facts = new Events().filed("2025-11-03 08:30").withdrawn("2025-11-04 08:30");

        assertThat(AppealHistory.of(facts.appeal, facts.list(), at("2025-11-04 08:00"), CALENDAR)
                        .status())
                .isEqualTo(Status.FILED);
        assertThat(AppealHistory.of(facts.appeal, facts.list(), at("2025-11-05 08:00"), CALENDAR)
                        .status())
                .isEqualTo(Status.WITHDRAWN);
        assertThat(AppealHistory.of(facts.appeal, facts.list(), at("2025-11-03 08:00"), CALENDAR)
                        .known())
                .isFalse();
    }
}
