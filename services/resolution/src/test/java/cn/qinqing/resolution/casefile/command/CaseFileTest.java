package cn.qinqing.resolution.casefile.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.Role;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.resolution.CaseFileCancelledEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent.AttachedTo;
import cn.qinqing.language.resolution.CaseFileFeedbackReceivedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.CloseOutSignedOffEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.language.resolution.ExtensionDeniedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ExtensionRequestedEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Due dates in these tests were counted by hand on the 2026 notice (working hours 09:00–12:00, 13:30–17:30). */
class CaseFileTest {

    static final UUID APPEAL = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000a1");
    static final UUID CASE = CaseFile.idOf(APPEAL);
    static final String DEPARTMENT = "industry-it";
    static final Caller OFFICIAL = new Caller("official", Role.OFFICIAL, DEPARTMENT, false);
    static final Caller OTHER_OFFICIAL = new Caller("official-land", Role.OFFICIAL, "natural-resources", false);
    static final Caller HEAD = new Caller("head-industry-it", Role.LEADER, DEPARTMENT, false);
    static final Caller LEADER_IN_CHARGE = new Caller("leader", Role.LEADER, null, true);
    static final Caller SOME_LEADER = new Caller("leader-2", Role.LEADER, null, false);
    static final UUID REQUEST = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000e1");
    static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();
    static final SlaPolicy SLA = new SlaPolicy(
            new CalendarClock(CALENDAR),
            WorkingCalendar.WORKING_DAY,
            1,
            Map.of(Urgency.EMERGENCY, 2, Urgency.URGENT, 5, Urgency.NORMAL, 15));

    private FixtureConfiguration<CaseFile> fixture;

    static Instant at(String shanghai) {
        return LocalDateTime.parse(shanghai).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /** Working time on the bundled calendar, as the service's WORKING clock counts it. */
    record CalendarClock(WorkingCalendar calendar) implements SlaClock {
        @Override
        public Instant add(Instant start, Duration time) {
            return calendar.addWorkingTime(start, time);
        }

        @Override
        public Duration between(Instant from, Instant to) {
            return calendar.workingTimeBetween(from, to);
        }

        @Override
        public boolean provisional(Instant from, Instant to) {
            return calendar.dependsOnProvisionalYear(from, to);
        }
    }

    /** The events' payloads, one predicate each, in order, and no more. */
    @SafeVarargs
    @SuppressWarnings({"unchecked", "rawtypes"})
    static org.hamcrest.Matcher<List<Message<?>>> payloads(Predicate<Object>... each) {
        org.hamcrest.Matcher[] matchers = new org.hamcrest.Matcher[each.length + 1];
        for (int i = 0; i < each.length; i++) {
            matchers[i] = Matchers.matches(each[i]);
        }
        matchers[each.length] = Matchers.andNoMore();
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(matchers));
    }

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(SLA);
    }

    // Monday 2 March 2026 09:00, urgent: first contact due that day 17:30, the answer Friday 6 March 17:30
    static final Instant MONDAY = at("2026-03-02T09:00");
    static final Instant FIRST_CONTACT_DUE = at("2026-03-02T17:30");
    static final Instant RESOLUTION_DUE = at("2026-03-06T17:30");

    static OpenCaseFileCommand signedFor(Instant at) {
        return new OpenCaseFileCommand(CASE, APPEAL, DEPARTMENT, Urgency.URGENT, at);
    }

    static CaseFileOpenedEvent opened() {
        return new CaseFileOpenedEvent(
                APPEAL, DEPARTMENT, Urgency.URGENT, 1, MONDAY, FIRST_CONTACT_DUE, RESOLUTION_DUE, false);
    }

    static ProgressNotedEvent contacted() {
        return new ProgressNotedEvent(
                APPEAL, UUID.randomUUID(), "official", "电话联系企业", true, true, at("2026-03-02T10:00"));
    }

    static ResolutionSubmittedEvent answered(int round) {
        return new ResolutionSubmittedEvent(
                APPEAL,
                DEPARTMENT,
                "official",
                round,
                "已协调供电公司增容",
                Outcome.SOLVED,
                null,
                null,
                at("2026-03-04T10:00"),
                true);
    }

    @Nested
    class Opening {
        @Test
        void aSignForOpensTheCaseFileWithDueDatesOnTheWorkingCalendar() {
            fixture.givenNoPriorActivity()
                    .when(signedFor(MONDAY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened())
                    .expectScheduledDeadline(
                            FIRST_CONTACT_DUE, new SlaDeadline(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectScheduledDeadline(RESOLUTION_DUE, new SlaDeadline(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void dueDatesSkipTheSpringFestivalAndCountTheMakeUpSaturday() {
            // Friday 13 Feb 2026 10:00: 6 h that day, the 7th on Saturday 14 Feb (worked); five days run out on
            // 27 Feb 10:00 (13 Feb 6 h, 14 Feb, 24, 25, 26 Feb 28 h, 27 Feb 1 h)
            Instant signed = at("2026-02-13T10:00");
            fixture.givenNoPriorActivity()
                    .when(signedFor(signed))
                    .expectEvents(new CaseFileOpenedEvent(
                            APPEAL,
                            DEPARTMENT,
                            Urgency.URGENT,
                            1,
                            signed,
                            at("2026-02-14T10:00"),
                            at("2026-02-27T10:00"),
                            false));
        }

        @Test
        void aDueDateInAProvisionalYearIsFlagged() {
            Instant signed = at("2026-12-28T10:00");
            fixture.givenNoPriorActivity()
                    .when(new OpenCaseFileCommand(CASE, APPEAL, DEPARTMENT, Urgency.NORMAL, signed))
                    .expectEventsMatching(payloads(event -> ((CaseFileOpenedEvent) event).provisionalCalendar()));
        }

        @Test
        void aRedeliveredSignForChangesNothing() {
            fixture.given(opened())
                    .when(signedFor(MONDAY))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherDepartmentSigningAfterATransferTakesTheCaseOverWithANewClock() {
            Instant tuesday = at("2026-03-03T09:00");
            fixture.given(opened())
                    .when(new OpenCaseFileCommand(CASE, APPEAL, "natural-resources", Urgency.URGENT, tuesday))
                    .expectEvents(new CaseFileOpenedEvent(
                            APPEAL,
                            "natural-resources",
                            Urgency.URGENT,
                            1,
                            tuesday,
                            at("2026-03-03T17:30"),
                            at("2026-03-09T17:30"),
                            false));
        }
    }

    @Nested
    class Progress {
        @Test
        void aNoteOfContactWithTheEnterpriseStopsTheFirstContactClock() {
            UUID note = UUID.randomUUID();
            Instant now = at("2026-03-02T10:00");
            fixture.givenCommands(signedFor(MONDAY))
                    .when(new NoteProgressCommand(CASE, 0L, OFFICIAL, note, "电话联系企业", true, true, now))
                    .expectEvents(new ProgressNotedEvent(APPEAL, note, "official", "电话联系企业", true, true, now))
                    .expectNoScheduledDeadlineWithName(
                            FIRST_CONTACT_DUE, CaseFile.deadlineName(DeadlineKind.FIRST_CONTACT))
                    .expectScheduledDeadline(RESOLUTION_DUE, new SlaDeadline(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void anOfficialOfAnotherDepartmentCannotNoteProgress() {
            fixture.given(opened())
                    .when(new NoteProgressCommand(
                            CASE, 0L, OTHER_OFFICIAL, UUID.randomUUID(), "x", false, false, MONDAY))
                    .expectException(NotAccessible.class);
        }

        @Test
        void aRetriedNoteAddsNothingThoughTheCaseFileMovedOnSinceItsIfMatch() {
            UUID note = UUID.randomUUID();
            Instant now = at("2026-03-02T10:00");
            fixture.given(
                            opened(),
                            new ProgressNotedEvent(APPEAL, note, "official", "电话联系企业", true, true, now),
                            new CaseFilePausedEvent(APPEAL, "official", "等待", at("2026-03-03T10:00")))
                    .when(new NoteProgressCommand(CASE, 0L, OFFICIAL, note, "电话联系企业", true, true, now))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aNoteOnAStaleVersionIsRefused() {
            fixture.given(opened(), contacted())
                    .when(new NoteProgressCommand(CASE, 0L, OFFICIAL, UUID.randomUUID(), "x", false, false, MONDAY))
                    .expectException(ConflictingAggregateVersionException.class);
        }
    }

    @Nested
    class PauseAndResume {
        @Test
        void pausingStopsBothClocks() {
            Instant pausedAt = at("2026-03-03T10:00");
            fixture.givenCommands(signedFor(MONDAY))
                    .when(new PauseCaseFileCommand(CASE, 0L, OFFICIAL, "等待企业补充用电负荷表", pausedAt))
                    .expectEvents(new CaseFilePausedEvent(APPEAL, "official", "等待企业补充用电负荷表", pausedAt))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void resumingMovesTheDueDateByThePausedWorkingTime() {
            // paused Tue 3 Mar 10:00 with 27 working hours left to Fri 6 Mar 17:30; resumed Thu 5 Mar 10:00
            // (14 working hours later): due Tue 10 Mar 17:30
            Instant resolutionDue = at("2026-03-10T17:30");
            fixture.givenCommands(
                            signedFor(MONDAY),
                            new NoteProgressCommand(CASE, 0L, OFFICIAL, UUID.randomUUID(), "已联系", false, true, MONDAY),
                            new PauseCaseFileCommand(CASE, 1L, OFFICIAL, "等待补充材料", at("2026-03-03T10:00")))
                    .when(new ResumeCaseFileCommand(CASE, 2L, OFFICIAL, at("2026-03-05T10:00")))
                    .expectEvents(new CaseFileResumedEvent(APPEAL, at("2026-03-05T10:00"), null, resolutionDue))
                    .expectScheduledDeadline(resolutionDue, new SlaDeadline(DeadlineKind.RESOLUTION, resolutionDue))
                    .expectNoScheduledDeadlineWithName(
                            at("2026-03-01T00:00"),
                            at("2027-01-01T00:00"),
                            CaseFile.deadlineName(DeadlineKind.FIRST_CONTACT));
        }

        @Test
        void aPauseOverTheSpringFestivalMovesTheDueDateByTheWorkingDaysPausedOnly() {
            // opened Thu 12 Feb 09:00, urgent: due Wed 25 Feb 17:30 (12, 13, 14 (Sat, worked), 24, 25 Feb).
            // Paused Fri 13 Feb 09:00, resumed Tue 24 Feb 09:00: 14 working hours paused (13 and 14 Feb), so the
            // answer is due Fri 27 Feb 17:30, and first contact (due 12 Feb 17:30, before the pause) stays breached.
            Instant opened = at("2026-02-12T09:00");
            fixture.given(
                            new CaseFileOpenedEvent(
                                    APPEAL,
                                    DEPARTMENT,
                                    Urgency.URGENT,
                                    1,
                                    opened,
                                    at("2026-02-12T17:30"),
                                    at("2026-02-25T17:30"),
                                    false),
                            contacted(),
                            new CaseFilePausedEvent(APPEAL, "official", "等待补充材料", at("2026-02-13T09:00")))
                    .when(new ResumeCaseFileCommand(CASE, null, null, at("2026-02-24T09:00")))
                    .expectEvents(
                            new CaseFileResumedEvent(APPEAL, at("2026-02-24T09:00"), null, at("2026-02-27T17:30")));
        }

        @Test
        void aSupplementResumesOnlyAPausedClock() {
            fixture.given(opened())
                    .when(new ResumeCaseFileCommand(CASE, null, null, at("2026-03-03T10:00")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRunningClockCannotBeResumedNorAPausedOnePaused() {
            fixture.given(opened())
                    .when(new ResumeCaseFileCommand(CASE, 0L, OFFICIAL, at("2026-03-03T10:00")))
                    .expectException(RuleViolation.class);
            fixture.given(opened(), new CaseFilePausedEvent(APPEAL, "official", "等待", at("2026-03-03T10:00")))
                    .when(new PauseCaseFileCommand(CASE, 1L, OFFICIAL, "again", at("2026-03-03T11:00")))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class Extensions {
        static final Instant REQUESTED = at("2026-03-13T17:30");

        static ExtensionRequestedEvent requested() {
            return new ExtensionRequestedEvent(APPEAL, REQUEST, "official", REQUESTED, "需要现场勘查", MONDAY);
        }

        @Test
        void anOfficialAsksForMoreTime() {
            fixture.given(opened())
                    .when(new RequestExtensionCommand(CASE, 0L, OFFICIAL, REQUEST, REQUESTED, "需要现场勘查", MONDAY))
                    .expectEvents(requested());
        }

        @Test
        void theSameRequestAgainChangesNothing() {
            fixture.given(opened(), requested())
                    .when(new RequestExtensionCommand(CASE, 1L, OFFICIAL, REQUEST, REQUESTED, "需要现场勘查", MONDAY))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aRetriedRequestAddsNothingAfterItWasDecided() {
            fixture.given(
                            opened(),
                            requested(),
                            new ExtensionGrantedEvent(APPEAL, REQUEST, "leader", REQUESTED, at("2026-03-03T09:00")))
                    .when(new RequestExtensionCommand(CASE, 0L, OFFICIAL, REQUEST, REQUESTED, "需要现场勘查", MONDAY))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aSecondRequestWaitsForTheFirstDecision() {
            fixture.given(opened(), requested())
                    .when(new RequestExtensionCommand(
                            CASE, 1L, OFFICIAL, UUID.randomUUID(), REQUESTED.plusSeconds(3600), "再延", MONDAY))
                    .expectException(RuleViolation.class);
        }

        @Test
        void anExtensionMustEndLaterThanTheDueDateInForce() {
            fixture.given(opened())
                    .when(new RequestExtensionCommand(CASE, 0L, OFFICIAL, REQUEST, RESOLUTION_DUE, "x", MONDAY))
                    .expectException(RuleViolation.class);
        }

        @Test
        void theLeaderInChargeGrantsAndTheResolutionDeadlineMoves() {
            Instant decided = at("2026-03-03T09:00");
            fixture.givenCommands(
                            signedFor(MONDAY),
                            new RequestExtensionCommand(CASE, 0L, OFFICIAL, REQUEST, REQUESTED, "需要现场勘查", MONDAY))
                    .when(new DecideExtensionCommand(CASE, 1L, LEADER_IN_CHARGE, REQUEST, true, null, null, decided))
                    .expectEvents(new ExtensionGrantedEvent(APPEAL, REQUEST, "leader", REQUESTED, decided))
                    .expectScheduledDeadline(REQUESTED, new SlaDeadline(DeadlineKind.RESOLUTION, REQUESTED))
                    .expectNoScheduledDeadline(
                            RESOLUTION_DUE, new SlaDeadline(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void theDepartmentHeadMayGrantAnotherDueDate() {
            Instant decided = at("2026-03-03T09:00");
            Instant other = at("2026-03-11T17:30");
            fixture.given(opened(), requested())
                    .when(new DecideExtensionCommand(CASE, 1L, HEAD, REQUEST, true, other, null, decided))
                    .expectEvents(new ExtensionGrantedEvent(APPEAL, REQUEST, "head-industry-it", other, decided));
        }

        @Test
        void theHeadDeniesWithAReasonAndTheDueDateStays() {
            Instant decided = at("2026-03-03T09:00");
            fixture.given(opened(), requested())
                    .when(new DecideExtensionCommand(CASE, 1L, HEAD, REQUEST, false, null, "时限内可办结", decided))
                    .expectEvents(new ExtensionDeniedEvent(APPEAL, REQUEST, "head-industry-it", "时限内可办结", decided));
        }

        @Test
        void aLeaderNeitherInChargeNorHeadingTheDepartmentCannotDecide() {
            fixture.given(opened(), requested())
                    .when(new DecideExtensionCommand(CASE, 1L, SOME_LEADER, REQUEST, true, null, null, MONDAY))
                    .expectException(NotAccessible.class);
        }

        @Test
        void noDecisionWithoutAWaitingRequest() {
            fixture.given(opened())
                    .when(new DecideExtensionCommand(CASE, 0L, HEAD, REQUEST, true, null, null, MONDAY))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class Answering {
        @Test
        void theAnswerStopsTheClocksAndSaysItWasOnTime() {
            Instant now = at("2026-03-04T10:00");
            fixture.givenCommands(signedFor(MONDAY))
                    .when(new SubmitResolutionCommand(CASE, 0L, OFFICIAL, "已协调供电公司增容", Outcome.SOLVED, null, null, now))
                    .expectEvents(answered(1))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void theAnswersFilesAreRecordedRightAfterItForTheEnterprise() {
            Instant now = at("2026-03-04T10:00");
            DocumentRef reply = new DocumentRef(UUID.randomUUID(), "增容批复.pdf", "application/pdf", 1024, "a".repeat(64));
            fixture.givenCommands(signedFor(MONDAY))
                    .when(new SubmitResolutionCommand(
                            CASE, 0L, OFFICIAL, "已协调供电公司增容", Outcome.SOLVED, null, null, now, List.of(reply)))
                    .expectEvents(
                            answered(1),
                            new CaseFileDocumentsAttachedEvent(
                                    APPEAL,
                                    DEPARTMENT,
                                    "official",
                                    AttachedTo.ANSWER,
                                    null,
                                    true,
                                    List.of(reply),
                                    now));
        }

        @Test
        void anInternalNotesFilesAreNotForTheEnterprise() {
            UUID note = UUID.randomUUID();
            Instant now = at("2026-03-02T10:00");
            DocumentRef memo = new DocumentRef(UUID.randomUUID(), "纪要.txt", "text/plain", 12, "b".repeat(64));
            fixture.given(opened())
                    .when(new NoteProgressCommand(CASE, 0L, OFFICIAL, note, "内部协调", false, false, now, List.of(memo)))
                    .expectEvents(
                            new ProgressNotedEvent(APPEAL, note, "official", "内部协调", false, false, now),
                            new CaseFileDocumentsAttachedEvent(
                                    APPEAL, DEPARTMENT, "official", AttachedTo.NOTE, note, false, List.of(memo), now));
        }

        @Test
        void anAnswerAfterTheDueDateIsLate() {
            Instant late = at("2026-03-09T10:00");
            fixture.given(opened())
                    .when(new SubmitResolutionCommand(CASE, 0L, OFFICIAL, "答复", Outcome.SOLVED, null, null, late))
                    .expectEventsMatching(payloads(event -> !((ResolutionSubmittedEvent) event).onTime()));
        }

        @Test
        void cannotBeSolvedNeedsAReasonAndAPolicyBasis() {
            fixture.given(opened())
                    .when(new SubmitResolutionCommand(
                            CASE, 0L, OFFICIAL, "无法办理", Outcome.CANNOT_BE_SOLVED, "不符合用地规划", null, MONDAY))
                    .expectException(RuleViolation.class);
            fixture.given(opened())
                    .when(new SubmitResolutionCommand(
                            CASE, 0L, OFFICIAL, "部分解决", Outcome.PARTLY_SOLVED, null, null, MONDAY))
                    .expectException(RuleViolation.class);
        }

        @Test
        void onlyTheHoldingDepartmentAnswers() {
            fixture.given(opened())
                    .when(new SubmitResolutionCommand(
                            CASE, 0L, OTHER_OFFICIAL, "答复", Outcome.SOLVED, null, null, MONDAY))
                    .expectException(NotAccessible.class);
        }

        @Test
        void anAnsweredCaseCannotBeAnsweredAgain() {
            fixture.given(opened(), answered(1))
                    .when(new SubmitResolutionCommand(CASE, 1L, OFFICIAL, "再答复", Outcome.SOLVED, null, null, MONDAY))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class CloseOut {
        static final Instant LATER = at("2026-03-05T10:00");

        @Test
        void signOffAfterTheRatingClosesTheCase() {
            fixture.given(opened(), answered(1), new CaseFileFeedbackReceivedEvent(APPEAL, 1, "RATED", 5, LATER))
                    .when(new SignOffCloseOutCommand(CASE, 2L, HEAD, LATER))
                    .expectEvents(
                            new CloseOutSignedOffEvent(APPEAL, "head-industry-it", LATER),
                            new CaseFileClosedEvent(APPEAL, DEPARTMENT, "RATED", LATER));
        }

        @Test
        void aRatingAfterTheSignOffClosesTheCase() {
            fixture.given(opened(), answered(1), new CloseOutSignedOffEvent(APPEAL, "leader", LATER))
                    .when(new RecordFeedbackCommand(CASE, 1, 4, LATER))
                    .expectEvents(
                            new CaseFileFeedbackReceivedEvent(APPEAL, 1, "RATED", 4, LATER),
                            new CaseFileClosedEvent(APPEAL, DEPARTMENT, "RATED", LATER));
        }

        @Test
        void withoutFeedbackTheSignOffAloneDoesNotClose() {
            fixture.given(opened(), answered(1))
                    .when(new SignOffCloseOutCommand(CASE, 1L, LEADER_IN_CHARGE, LATER))
                    .expectEvents(new CloseOutSignedOffEvent(APPEAL, "leader", LATER));
        }

        @Test
        void anExpiredRatingWindowCountsAsFeedback() {
            fixture.given(opened(), answered(1), new CloseOutSignedOffEvent(APPEAL, "leader", LATER))
                    .when(new RecordFeedbackCommand(CASE, 1, 0, LATER))
                    .expectEvents(
                            new CaseFileFeedbackReceivedEvent(APPEAL, 1, "FEEDBACK_EXPIRED", 0, LATER),
                            new CaseFileClosedEvent(APPEAL, DEPARTMENT, "FEEDBACK_EXPIRED", LATER));
        }

        @Test
        void feedbackAloneDoesNotClose() {
            fixture.given(opened(), answered(1))
                    .when(new RecordFeedbackCommand(CASE, 1, 2, LATER))
                    .expectEvents(new CaseFileFeedbackReceivedEvent(APPEAL, 1, "RATED", 2, LATER));
        }

        @Test
        void feedbackOnAnEarlierRoundIsIgnored() {
            fixture.given(opened(), answered(1), new CaseFileReopenedEvent(APPEAL, 2, LATER, LATER, LATER), answered(2))
                    .when(new RecordFeedbackCommand(CASE, 1, 5, LATER))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void nothingToSignOffBeforeTheAnswer() {
            fixture.given(opened())
                    .when(new SignOffCloseOutCommand(CASE, 0L, HEAD, LATER))
                    .expectException(RuleViolation.class);
        }

        @Test
        void anOfficialOrAnotherLeaderCannotSignOff() {
            fixture.given(opened(), answered(1))
                    .when(new SignOffCloseOutCommand(CASE, 1L, SOME_LEADER, LATER))
                    .expectException(NotAccessible.class);
            fixture.given(opened(), answered(1))
                    .when(new SignOffCloseOutCommand(CASE, 1L, OFFICIAL, LATER))
                    .expectException(NotAccessible.class);
        }

        @Test
        void aSecondSignOffIsRefused() {
            fixture.given(opened(), answered(1), new CloseOutSignedOffEvent(APPEAL, "leader", LATER))
                    .when(new SignOffCloseOutCommand(CASE, 2L, HEAD, LATER))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class Reopening {
        static final Instant REOPENED = at("2026-03-09T09:00");

        @Test
        void aReopenedAppealGetsANewRoundWithANewClock() {
            // Mon 9 Mar 09:00: first contact due 17:30 that day, the answer Fri 13 Mar 17:30
            Instant firstContact = at("2026-03-09T17:30");
            Instant resolution = at("2026-03-13T17:30");
            fixture.given(opened(), answered(1), new CaseFileFeedbackReceivedEvent(APPEAL, 1, "RATED", 2, REOPENED))
                    .when(new ReopenCaseFileCommand(CASE, 1, REOPENED))
                    .expectEvents(new CaseFileReopenedEvent(APPEAL, 2, REOPENED, firstContact, resolution))
                    .expectScheduledDeadline(firstContact, new SlaDeadline(DeadlineKind.FIRST_CONTACT, firstContact))
                    .expectScheduledDeadline(resolution, new SlaDeadline(DeadlineKind.RESOLUTION, resolution));
        }

        @Test
        void theNewRoundIsWorkedAndAnsweredAgain() {
            fixture.given(opened(), answered(1), new CaseFileReopenedEvent(APPEAL, 2, REOPENED, REOPENED, REOPENED))
                    .when(new SubmitResolutionCommand(CASE, 2L, OFFICIAL, "二次答复", Outcome.SOLVED, null, null, REOPENED))
                    .expectEventsMatching(payloads(event -> ((ResolutionSubmittedEvent) event).round() == 2));
        }

        @Test
        void aRedeliveredReopeningChangesNothing() {
            fixture.given(opened(), answered(1), new CaseFileReopenedEvent(APPEAL, 2, REOPENED, REOPENED, REOPENED))
                    .when(new ReopenCaseFileCommand(CASE, 1, REOPENED))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aClosedCaseIsNotReopened() {
            fixture.given(
                            opened(),
                            answered(1),
                            new CloseOutSignedOffEvent(APPEAL, "leader", REOPENED),
                            new CaseFileFeedbackReceivedEvent(APPEAL, 1, "RATED", 5, REOPENED),
                            new CaseFileClosedEvent(APPEAL, DEPARTMENT, "RATED", REOPENED))
                    .when(new ReopenCaseFileCommand(CASE, 1, REOPENED))
                    .expectNoEvents();
        }
    }

    @Nested
    class Deadlines {
        @Test
        void anUnmetFirstContactIsRecordedAsABreach() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(signedFor(MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-02T18:00"))
                    .expectEventsMatching(payloads(breach(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE)));
        }

        @Test
        void bothClocksBreachOnceEach() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(signedFor(MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-20T18:00"))
                    .expectEventsMatching(payloads(
                            breach(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE),
                            breach(DeadlineKind.RESOLUTION, RESOLUTION_DUE)));
        }

        @Test
        void aMetFirstContactIsNoBreach() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(
                            signedFor(MONDAY),
                            new NoteProgressCommand(CASE, 0L, OFFICIAL, UUID.randomUUID(), "已联系", false, true, MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-03T09:00"))
                    .expectNoEvents();
        }

        @Test
        void aGrantedExtensionMovesTheResolutionBreach() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(
                            signedFor(MONDAY),
                            new NoteProgressCommand(CASE, 0L, OFFICIAL, UUID.randomUUID(), "已联系", false, true, MONDAY),
                            new RequestExtensionCommand(
                                    CASE, 1L, OFFICIAL, REQUEST, at("2026-03-13T17:30"), "需勘查", MONDAY),
                            new DecideExtensionCommand(CASE, 2L, HEAD, REQUEST, true, null, null, MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-09T09:00"))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnAppealStopsTheClocks() {
            Instant now = at("2026-03-02T10:00");
            fixture.givenCommands(signedFor(MONDAY))
                    .when(new CancelCaseFileCommand(CASE, now))
                    .expectEvents(new CaseFileCancelledEvent(APPEAL, "APPEAL_WITHDRAWN", now))
                    .expectNoScheduledDeadlines();
        }

        static Predicate<Object> breach(DeadlineKind kind, Instant due) {
            return event -> event instanceof DeadlineBreachedEvent breached
                    && breached.kind() == kind
                    && breached.dueAt().equals(due)
                    && breached.departmentId().equals(DEPARTMENT);
        }
    }

    /**
     * The warnings before the clocks run out (临期预警), on the fixture's deadline manager. Signed for Monday 09:00:
     * first contact is due 17:30 after a window of seven working hours, so it is warned halfway, 14:00; the answer is
     * due Friday 17:30, warned one working day before, Thursday 17:30.
     */
    @Nested
    class Warnings {
        static final Instant FIRST_CONTACT_WARNING = at("2026-03-02T14:00");
        static final Instant RESOLUTION_WARNING = at("2026-03-05T17:30");

        @BeforeEach
        void beforeEveryDueTime() {
            // the deadline handlers read the time from the events' clock
            GenericEventMessage.clock = Clock.fixed(MONDAY, ZoneOffset.UTC);
        }

        @AfterEach
        void realTime() {
            GenericEventMessage.clock = Clock.systemUTC();
        }

        @Test
        void bothClocksAreWarnedOneWorkingDayAheadOrHalfwayThroughAShorterWindow() {
            fixture.givenNoPriorActivity()
                    .when(signedFor(MONDAY))
                    .expectScheduledDeadline(
                            FIRST_CONTACT_WARNING, new SlaWarning(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectScheduledDeadline(
                            RESOLUTION_WARNING, new SlaWarning(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void eachUnmetClockIsWarnedOnceBeforeItRunsOut() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(signedFor(MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-20T18:00"))
                    .expectEventsMatching(payloads(
                            warning(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE),
                            Deadlines.breach(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE),
                            warning(DeadlineKind.RESOLUTION, RESOLUTION_DUE),
                            Deadlines.breach(DeadlineKind.RESOLUTION, RESOLUTION_DUE)));
        }

        @Test
        void theWarningIsTheSystemsDoingAndSaysWhenItWasGiven() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(signedFor(MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-02T15:00"))
                    .expectEvents(new DeadlineApproachingEvent(
                            APPEAL, DeadlineKind.FIRST_CONTACT, DEPARTMENT, FIRST_CONTACT_DUE, MONDAY))
                    .expectEventsMatching(Matchers.exactSequenceOf(
                            Matchers.predicate(event -> "system:resolution"
                                    .equals(((Message<?>) event).getMetaData().get("actor"))),
                            Matchers.andNoMore()));
        }

        @Test
        void aWarningDeliveredAgainIsNotPublishedTwice() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(signedFor(MONDAY))
                    .andGiven(new DeadlineApproachingEvent(
                            APPEAL, DeadlineKind.FIRST_CONTACT, DEPARTMENT, FIRST_CONTACT_DUE, FIRST_CONTACT_WARNING))
                    .whenTimeAdvancesTo(at("2026-03-02T15:00"))
                    .expectNoEvents();
        }

        @Test
        void aWarningThatArrivesAfterItsClockRanOutSaysNothing() {
            GenericEventMessage.clock = Clock.fixed(FIRST_CONTACT_DUE, ZoneOffset.UTC);
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(signedFor(MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-02T15:00"))
                    .expectNoEvents();
        }

        @Test
        void noWarningOnceFirstContactWasMade() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(
                            signedFor(MONDAY),
                            new NoteProgressCommand(
                                    CASE, 0L, OFFICIAL, UUID.randomUUID(), "已联系", false, true, at("2026-03-02T10:00")))
                    .whenTimeAdvancesTo(at("2026-03-03T09:00"))
                    .expectNoEvents()
                    .expectScheduledDeadline(
                            RESOLUTION_WARNING, new SlaWarning(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void noWarningOnceTheAnswerIsIn() {
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(
                            signedFor(MONDAY),
                            new SubmitResolutionCommand(
                                    CASE, 0L, OFFICIAL, "已办结", Outcome.SOLVED, null, null, at("2026-03-02T10:00")))
                    .whenTimeAdvancesTo(at("2026-03-20T18:00"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aGrantedExtensionMovesTheWarningWithTheDueDate() {
            // granted Tue 3 Mar 09:00 until Fri 13 Mar 17:30: warned Thu 12 Mar 17:30, no longer Thu 5 Mar
            Instant requested = at("2026-03-13T17:30");
            Instant decided = at("2026-03-03T09:00");
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(
                            signedFor(MONDAY),
                            new NoteProgressCommand(CASE, 0L, OFFICIAL, UUID.randomUUID(), "已联系", false, true, MONDAY),
                            new RequestExtensionCommand(CASE, 1L, OFFICIAL, REQUEST, requested, "需勘查", MONDAY))
                    .when(new DecideExtensionCommand(CASE, 2L, HEAD, REQUEST, true, null, null, decided))
                    .expectScheduledDeadline(at("2026-03-12T17:30"), new SlaWarning(DeadlineKind.RESOLUTION, requested))
                    .expectNoScheduledDeadline(
                            RESOLUTION_WARNING, new SlaWarning(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void aGrantedExtensionWarnsOfTheNewDueDateOnly() {
            Instant requested = at("2026-03-13T17:30");
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(
                            signedFor(MONDAY),
                            new NoteProgressCommand(CASE, 0L, OFFICIAL, UUID.randomUUID(), "已联系", false, true, MONDAY),
                            new RequestExtensionCommand(CASE, 1L, OFFICIAL, REQUEST, requested, "需勘查", MONDAY),
                            new DecideExtensionCommand(CASE, 2L, HEAD, REQUEST, true, null, null, MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-13T09:00"))
                    .expectEventsMatching(payloads(warning(DeadlineKind.RESOLUTION, requested)));
        }

        @Test
        void aPauseStopsTheWarningsAndResumingWarnsOfTheMovedDueDate() {
            // as in PauseAndResume: due Tue 10 Mar 17:30 after resuming Thu 5 Mar 10:00, warned Mon 9 Mar 17:30
            Instant resolutionDue = at("2026-03-10T17:30");
            fixture.givenCommands(
                            signedFor(MONDAY),
                            new NoteProgressCommand(CASE, 0L, OFFICIAL, UUID.randomUUID(), "已联系", false, true, MONDAY),
                            new PauseCaseFileCommand(CASE, 1L, OFFICIAL, "等待补充材料", at("2026-03-03T10:00")))
                    .when(new ResumeCaseFileCommand(CASE, 2L, OFFICIAL, at("2026-03-05T10:00")))
                    .expectScheduledDeadline(
                            at("2026-03-09T17:30"), new SlaWarning(DeadlineKind.RESOLUTION, resolutionDue))
                    .expectNoScheduledDeadline(
                            RESOLUTION_WARNING, new SlaWarning(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void aTransferStartsTheNewDepartmentsWarnings() {
            // signed for again Tue 3 Mar 09:00: first contact due 17:30, warned 14:00; the answer due Mon 9 Mar
            // 17:30, warned Fri 6 Mar 17:30
            Instant tuesday = at("2026-03-03T09:00");
            fixture.givenCommands(signedFor(MONDAY))
                    .when(new OpenCaseFileCommand(CASE, APPEAL, "natural-resources", Urgency.URGENT, tuesday))
                    .expectScheduledDeadline(
                            at("2026-03-03T14:00"), new SlaWarning(DeadlineKind.FIRST_CONTACT, at("2026-03-03T17:30")))
                    .expectScheduledDeadline(
                            at("2026-03-06T17:30"), new SlaWarning(DeadlineKind.RESOLUTION, at("2026-03-09T17:30")))
                    .expectNoScheduledDeadline(
                            FIRST_CONTACT_WARNING, new SlaWarning(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE))
                    .expectNoScheduledDeadline(
                            RESOLUTION_WARNING, new SlaWarning(DeadlineKind.RESOLUTION, RESOLUTION_DUE));
        }

        @Test
        void aReopenedRoundIsWarnedAgain() {
            Instant reopened = at("2026-03-09T09:00");
            fixture.given(opened(), answered(1), new CaseFileFeedbackReceivedEvent(APPEAL, 1, "RATED", 2, reopened))
                    .when(new ReopenCaseFileCommand(CASE, 1, reopened))
                    .expectScheduledDeadline(
                            at("2026-03-09T14:00"), new SlaWarning(DeadlineKind.FIRST_CONTACT, at("2026-03-09T17:30")))
                    .expectScheduledDeadline(
                            at("2026-03-12T17:30"), new SlaWarning(DeadlineKind.RESOLUTION, at("2026-03-13T17:30")));
        }

        @Test
        void aWithdrawalStopsTheWarnings() {
            fixture.givenCommands(signedFor(MONDAY))
                    .when(new CancelCaseFileCommand(CASE, at("2026-03-02T10:00")))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void noWarningWithoutTimeForOne() {
            fixture = new AggregateTestFixture<>(CaseFile.class);
            fixture.registerInjectableResource(new SlaPolicy(
                    new CalendarClock(CALENDAR),
                    WorkingCalendar.WORKING_DAY,
                    Duration.ZERO,
                    1,
                    Map.of(Urgency.EMERGENCY, 2, Urgency.URGENT, 5, Urgency.NORMAL, 15),
                    null));
            fixture.givenCurrentTime(MONDAY)
                    .andGivenCommands(signedFor(MONDAY))
                    .whenTimeAdvancesTo(at("2026-03-20T18:00"))
                    .expectEventsMatching(payloads(
                            Deadlines.breach(DeadlineKind.FIRST_CONTACT, FIRST_CONTACT_DUE),
                            Deadlines.breach(DeadlineKind.RESOLUTION, RESOLUTION_DUE)));
        }

        static Predicate<Object> warning(DeadlineKind kind, Instant due) {
            return event -> event instanceof DeadlineApproachingEvent warned
                    && warned.kind() == kind
                    && warned.dueAt().equals(due)
                    && warned.departmentId().equals(DEPARTMENT);
        }
    }

    @Test
    void theCaseFileIdIsDerivedFromTheAppealAndNotTheAppealsOwn() {
        assertThat(CaseFile.idOf(APPEAL)).isNotEqualTo(APPEAL).isEqualTo(CaseFile.idOf(APPEAL));
        assertThat(List.of(CASE)).doesNotContain(APPEAL);
    }
}
