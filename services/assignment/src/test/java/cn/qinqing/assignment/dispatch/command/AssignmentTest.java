package cn.qinqing.assignment.dispatch.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealQueuedForDispatchEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentClosedEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.language.assignment.SupervisionNoticeMetEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.DeadlineKind;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    static final UUID APPEAL = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000a1");
    static final String ENTERPRISE = "91150200MA0QA0001T";
    static final UUID RULE = UUID.fromString("0d3c52a1-7f40-4e8b-9a51-2b6c1f0e9a01");
    static final Instant T0 = Instant.parse("2026-11-02T01:30:00Z");
    static final Instant T1 = T0.plus(Duration.ofMinutes(20));
    static final Instant T2 = T0.plus(Duration.ofHours(3));
    /** In tests, sign-for is due a day after dispatch; the calendar's own rules are tested with the calendar. */
    static final TimeLimits LIMITS =
            new TimeLimits(TimeLimits.defaultDispatchLimits(), at -> at.plus(Duration.ofDays(1)));

    /**
     * The chain of command of the demo: head-industry-it → leader → mayor (the top); the head of industry-it is
     * head-industry-it; the enterprise's liaison leader is leader.
     */
    static final LeaderChain CHAIN = new LeaderChain() {
        final Map<String, String> superiors = Map.of("head-industry-it", "leader", "leader", "mayor");

        @Override
        public boolean isLeader(String leaderId) {
            return Map.of("head-industry-it", 1, "leader", 1, "mayor", 1).containsKey(leaderId);
        }

        @Override
        public Optional<String> superiorOf(String leaderId) {
            return Optional.ofNullable(superiors.get(leaderId));
        }

        @Override
        public Optional<String> headOf(String departmentId) {
            return "industry-it".equals(departmentId) ? Optional.of("head-industry-it") : Optional.empty();
        }

        @Override
        public Optional<String> liaisonOf(String enterpriseId) {
            return ENTERPRISE.equals(enterpriseId) ? Optional.of("leader") : Optional.empty();
        }

        @Override
        public Optional<String> top() {
            return Optional.of("mayor");
        }
    };

    private FixtureConfiguration<Assignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(LIMITS);
        fixture.registerInjectableResource(CHAIN);
    }

    static OpenAssignmentCommand open(String routedTo, boolean manual) {
        return new OpenAssignmentCommand(
                APPEAL,
                ENTERPRISE,
                AppealCategory.POWER,
                Urgency.URGENT,
                IndustryChainPosition.WAFER,
                "青山区",
                manual,
                routedTo,
                routedTo == null ? null : RULE,
                null,
                null,
                T0);
    }

    /** An appeal raised from a breakfast meeting's action item: the rules chose one department, the meeting another. */
    static OpenAssignmentCommand openFromMeeting(String ownerDepartment, String responsibleLeader) {
        return new OpenAssignmentCommand(
                APPEAL,
                ENTERPRISE,
                AppealCategory.POWER,
                Urgency.URGENT,
                IndustryChainPosition.WAFER,
                "青山区",
                false,
                "industry-it",
                RULE,
                ownerDepartment,
                responsibleLeader,
                T0);
    }

    static AppealDispatchedEvent dispatchedByTheMeeting(String department) {
        return new AppealDispatchedEvent(
                APPEAL,
                department,
                RoutingMode.MEETING_DECISION,
                null,
                null,
                Urgency.URGENT,
                T0,
                T0.plus(Duration.ofDays(1)));
    }

    static AssignmentOpenedEvent opened() {
        return new AssignmentOpenedEvent(
                APPEAL, ENTERPRISE, AppealCategory.POWER, Urgency.URGENT, IndustryChainPosition.WAFER, "青山区", T0);
    }

    static AppealDispatchedEvent dispatchedAutomatically() {
        return new AppealDispatchedEvent(
                APPEAL,
                "industry-it",
                RoutingMode.AUTOMATIC,
                RULE.toString(),
                null,
                Urgency.URGENT,
                T0,
                T0.plus(Duration.ofDays(1)));
    }

    static AppealQueuedForDispatchEvent queued(String reason) {
        return new AppealQueuedForDispatchEvent(APPEAL, reason, T0, T0.plus(Duration.ofHours(2)));
    }

    static AppealSignedForEvent signed() {
        return new AppealSignedForEvent(APPEAL, "industry-it", "official", T1, true);
    }

    @Nested
    class Opening {

        @Test
        void dispatchesToTheDepartmentTheRulesChoseWithASignForDueTime() {
            fixture.givenNoPriorActivity()
                    .when(open("industry-it", false))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened(), dispatchedAutomatically());
        }

        @Test
        void queuesForTheDispatcherWhenNoRuleMatchedDueByTheUrgencysDispatchLimit() {
            fixture.givenNoPriorActivity().when(open(null, false)).expectEvents(opened(), queued("NO_MATCHING_RULE"));
        }

        @Test
        void queuesWhenTheEnterpriseAskedForManualDispatchEvenIfARuleMatched() {
            fixture.givenNoPriorActivity()
                    .when(open("industry-it", true))
                    .expectEvents(opened(), queued("MANUAL_DISPATCH_REQUESTED"));
        }

        @Test
        void dispatchesAMeetingsActionItemToItsOwnerDepartmentWithItsResponsibleLeaderInCharge() {
            fixture.givenNoPriorActivity()
                    .when(openFromMeeting("natural-resources", "leader"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            opened(),
                            dispatchedByTheMeeting("natural-resources"),
                            new LeaderTookChargeEvent(APPEAL, "leader", T0));
        }

        @Test
        void dispatchesAMeetingsActionItemWithoutAResponsibleLeaderToItsOwnerDepartmentOnly() {
            fixture.givenNoPriorActivity()
                    .when(openFromMeeting("natural-resources", null))
                    .expectEvents(opened(), dispatchedByTheMeeting("natural-resources"));
        }

        @Test
        void aBreachOnAMeetingsActionItemGoesToTheLeaderAboveItsResponsibleLeader() {
            fixture.given(
                            opened(),
                            dispatchedByTheMeeting("industry-it"),
                            new LeaderTookChargeEvent(APPEAL, "leader", T0))
                    .when(new EscalateAppealCommand(APPEAL, null, "SIGN_FOR", false, T2))
                    .expectEvents(new AppealEscalatedEvent(APPEAL, "leader", "mayor", "SIGN_FOR", T2));
        }

        @Test
        void theOwnerDepartmentOfAMeetingsActionItemSignsForIt() {
            fixture.given(opened(), dispatchedByTheMeeting("natural-resources"))
                    .when(new SignForAppealCommand(APPEAL, 1L, "official-land", "natural-resources", T1))
                    .expectEvents(new AppealSignedForEvent(APPEAL, "natural-resources", "official-land", T1, true));
        }

        @Test
        void anEmergencyMustBeDispatchedWithinAnHourANormalAppealWithinADay() {
            assertThat(LIMITS.dispatchDue(Urgency.EMERGENCY, T0)).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(LIMITS.dispatchDue(Urgency.URGENT, T0)).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(LIMITS.dispatchDue(Urgency.NORMAL, T0)).isEqualTo(T0.plus(Duration.ofHours(24)));
        }
    }

    @Nested
    class Dispatching {

        @Test
        void aDispatcherRoutesAQueuedAppeal() {
            fixture.given(opened(), queued("NO_MATCHING_RULE"))
                    .when(new DispatchAppealCommand(APPEAL, 1L, "natural-resources", T1))
                    .expectResultMessagePayload(2L)
                    .expectEvents(new AppealDispatchedEvent(
                            APPEAL,
                            "natural-resources",
                            RoutingMode.MANUAL,
                            null,
                            null,
                            Urgency.URGENT,
                            T1,
                            T1.plus(Duration.ofDays(1))));
        }

        @Test
        void aDispatcherOverridesARouteNotYetSignedFor() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new DispatchAppealCommand(APPEAL, 1L, "dev-reform", T1))
                    .expectEvents(new AppealDispatchedEvent(
                            APPEAL,
                            "dev-reform",
                            RoutingMode.OVERRIDE,
                            null,
                            "industry-it",
                            Urgency.URGENT,
                            T1,
                            T1.plus(Duration.ofDays(1))));
        }

        @Test
        void rejectsOverridingARouteTheDepartmentSignedFor() {
            fixture.given(opened(), dispatchedAutomatically(), signed())
                    .when(new DispatchAppealCommand(APPEAL, 2L, "dev-reform", T2))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("signed for"))
                    .expectNoEvents();
        }

        @Test
        void rejectsDispatchingToTheDepartmentThatHasItAlready() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new DispatchAppealCommand(APPEAL, 1L, "industry-it", T1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsADispatchBasedOnAnOlderVersion() {
            fixture.given(opened(), queued("NO_MATCHING_RULE"))
                    .when(new DispatchAppealCommand(APPEAL, 0L, "natural-resources", T1))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class SigningFor {

        @Test
        void theHoldingDepartmentsOfficialSignsForItWithinTheLimit() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1))
                    .expectResultMessagePayload(2L)
                    .expectEvents(signed());
        }

        @Test
        void aSignatureAfterTheDueTimeIsRecordedAsLate() {
            Instant late = T0.plus(Duration.ofDays(2));
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", late))
                    .expectEvents(new AppealSignedForEvent(APPEAL, "industry-it", "official", late, false));
        }

        @Test
        void rejectsSigningForACaseOfAnotherDepartmentAsIfItDidNotExist() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new SignForAppealCommand(APPEAL, 1L, "official-land", "natural-resources", T1))
                    .expectException(NotAccessible.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsSigningForAQueuedAppeal() {
            fixture.given(opened(), queued("NO_MATCHING_RULE"))
                    .when(new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1))
                    .expectException(NotAccessible.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsSigningForTwice() {
            fixture.given(opened(), dispatchedAutomatically(), signed())
                    .when(new SignForAppealCommand(APPEAL, 2L, "official", "industry-it", T2))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsASignatureWithoutTheVersionItWasBasedOn() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new SignForAppealCommand(APPEAL, null, "official", "industry-it", T1))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Returning {

        @Test
        void theDepartmentReturnsAWronglyDispatchedAppealToTheQueueWithItsReason() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new ReturnAppealCommand(APPEAL, 1L, "official", "industry-it", "不属于本局职责", T1))
                    .expectResultMessagePayload(3L)
                    .expectEvents(
                            new AppealReturnedEvent(APPEAL, "industry-it", "official", "不属于本局职责", T1),
                            new AppealQueuedForDispatchEvent(
                                    APPEAL, "RETURNED_BY_DEPARTMENT", T1, T1.plus(Duration.ofHours(2))));
        }

        @Test
        void rejectsAReturnWithoutAReason() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new ReturnAppealCommand(APPEAL, 1L, "official", "industry-it", " ", T1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAReturnAfterSigningFor() {
            fixture.given(opened(), dispatchedAutomatically(), signed())
                    .when(new ReturnAppealCommand(APPEAL, 2L, "official", "industry-it", "不属于本局职责", T2))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsAReturnByAnotherDepartment() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new ReturnAppealCommand(APPEAL, 1L, "official-land", "natural-resources", "不是我们的", T1))
                    .expectException(NotAccessible.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Transferring {

        @Test
        void theDepartmentTransfersItsAppealWithAReasonAndTheNewDepartmentMustSignForIt() {
            fixture.given(opened(), dispatchedAutomatically(), signed())
                    .when(new TransferAppealCommand(
                            APPEAL, 2L, "official", "industry-it", "natural-resources", "涉及用地审批", T2))
                    .expectResultMessagePayload(3L)
                    .expectEvents(new AppealTransferredEvent(
                            APPEAL,
                            "industry-it",
                            "natural-resources",
                            "official",
                            "涉及用地审批",
                            T2,
                            T2.plus(Duration.ofDays(1))));
        }

        @Test
        void theNewDepartmentSignsForATransferredAppeal() {
            fixture.given(
                            opened(),
                            dispatchedAutomatically(),
                            signed(),
                            new AppealTransferredEvent(
                                    APPEAL,
                                    "industry-it",
                                    "natural-resources",
                                    "official",
                                    "涉及用地审批",
                                    T2,
                                    T2.plus(Duration.ofDays(1))))
                    .when(new SignForAppealCommand(APPEAL, 3L, "official-land", "natural-resources", T2))
                    .expectEvents(new AppealSignedForEvent(APPEAL, "natural-resources", "official-land", T2, true));
        }

        @Test
        void rejectsTransferringWithoutAReason() {
            fixture.given(opened(), dispatchedAutomatically(), signed())
                    .when(new TransferAppealCommand(APPEAL, 2L, "official", "industry-it", "natural-resources", "", T2))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("Say why"))
                    .expectNoEvents();
        }

        @Test
        void rejectsTransferringToTheSameDepartment() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new TransferAppealCommand(APPEAL, 1L, "official", "industry-it", "industry-it", "原因", T1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsATransferByADepartmentThatDoesNotHoldIt() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new TransferAppealCommand(
                            APPEAL, 1L, "official-land", "natural-resources", "transport", "原因", T1))
                    .expectException(NotAccessible.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class TakingCharge {

        @Test
        void aLeaderTakesChargeOfAKeyIssue() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new TakeChargeCommand(APPEAL, 1L, "leader", T1))
                    .expectResultMessagePayload(2L)
                    .expectEvents(new LeaderTookChargeEvent(APPEAL, "leader", T1));
        }

        @Test
        void rejectsTakingChargeTwice() {
            fixture.given(opened(), dispatchedAutomatically(), new LeaderTookChargeEvent(APPEAL, "leader", T1))
                    .when(new TakeChargeCommand(APPEAL, 2L, "head-industry-it", T2))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("leader is already in charge"))
                    .expectNoEvents();
        }

        @Test
        void rejectsTheSameLeaderTakingChargeAgain() {
            fixture.given(opened(), dispatchedAutomatically(), new LeaderTookChargeEvent(APPEAL, "leader", T1))
                    .when(new TakeChargeCommand(APPEAL, 2L, "leader", T2))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsALeaderTheDirectoryDoesNotKnow() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new TakeChargeCommand(APPEAL, 1L, "stranger", T1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Supervising {

        static final UUID NOTICE = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000b1");

        @Test
        void aLeaderIssuesASupervisionNoticeToTheHoldingDepartment() {
            Instant due = T1.plus(Duration.ofDays(3));
            fixture.given(opened(), dispatchedAutomatically(), signed())
                    .when(new IssueSupervisionNoticeCommand(APPEAL, NOTICE, "leader", "三日内反馈进展", due, T1))
                    .expectResultMessagePayload(3L)
                    .expectEvents(new SupervisionNoticeIssuedEvent(
                            APPEAL, NOTICE, "leader", "industry-it", "三日内反馈进展", due, T1));
        }

        @Test
        void theSameNoticeIssuedAgainChangesNothing() {
            Instant due = T1.plus(Duration.ofDays(3));
            fixture.given(
                            opened(),
                            dispatchedAutomatically(),
                            new SupervisionNoticeIssuedEvent(
                                    APPEAL, NOTICE, "leader", "industry-it", "三日内反馈进展", due, T1))
                    .when(new IssueSupervisionNoticeCommand(APPEAL, NOTICE, "leader", "三日内反馈进展", due, T1))
                    .expectResultMessagePayload(2L)
                    .expectNoEvents();
        }

        @Test
        void aRetryOfANoticeAfterTheAppealClosedAndTheNoticeFellDueStillAnswersWithTheVersion() {
            Instant due = T1.plus(Duration.ofDays(3));
            fixture.given(
                            opened(),
                            dispatchedAutomatically(),
                            new SupervisionNoticeIssuedEvent(
                                    APPEAL, NOTICE, "leader", "industry-it", "三日内反馈进展", due, T1),
                            new AssignmentClosedEvent(APPEAL, "CASE_CLOSED", T2))
                    .when(new IssueSupervisionNoticeCommand(
                            APPEAL, NOTICE, "leader", "三日内反馈进展", due, due.plus(Duration.ofHours(1))))
                    .expectResultMessagePayload(3L)
                    .expectNoEvents();
        }

        @Test
        void rejectsSupervisingAnAppealNoDepartmentHolds() {
            fixture.given(opened(), queued("NO_MATCHING_RULE"))
                    .when(new IssueSupervisionNoticeCommand(
                            APPEAL, NOTICE, "leader", "尽快派单", T1.plus(Duration.ofDays(1)), T1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsANoticeDueInThePast() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new IssueSupervisionNoticeCommand(APPEAL, NOTICE, "leader", "马上办", T0, T1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Escalating {

        @Test
        void withoutALeaderInChargeItGoesToTheHeadOfTheHoldingDepartment() {
            fixture.given(opened(), dispatchedAutomatically())
                    .when(new EscalateAppealCommand(APPEAL, null, "SIGN_FOR", false, T2))
                    .expectEvents(new AppealEscalatedEvent(APPEAL, null, "head-industry-it", "SIGN_FOR", T2));
        }

        @Test
        void withoutADepartmentItGoesToTheEnterprisesLiaisonLeader() {
            fixture.given(opened(), queued("NO_MATCHING_RULE"))
                    .when(new EscalateAppealCommand(APPEAL, null, "DISPATCH", false, T2))
                    .expectEvents(new AppealEscalatedEvent(APPEAL, null, "leader", "DISPATCH", T2));
        }

        @Test
        void fromTheLeaderInChargeItGoesToTheirSuperior() {
            fixture.given(opened(), dispatchedAutomatically(), new LeaderTookChargeEvent(APPEAL, "leader", T1))
                    .when(new EscalateAppealCommand(APPEAL, 2L, "REQUESTED: 久拖未决", true, T2))
                    .expectResultMessagePayload(3L)
                    .expectEvents(new AppealEscalatedEvent(APPEAL, "leader", "mayor", "REQUESTED: 久拖未决", T2));
        }

        @Test
        void escalatesStepByStepUpTheChain() {
            fixture.given(
                            opened(),
                            dispatchedAutomatically(),
                            new AppealEscalatedEvent(APPEAL, null, "head-industry-it", "SIGN_FOR", T1))
                    .when(new EscalateAppealCommand(APPEAL, null, "RESOLUTION", false, T2))
                    .expectEvents(new AppealEscalatedEvent(APPEAL, "head-industry-it", "leader", "RESOLUTION", T2));
        }

        @Test
        void rejectsARequestToEscalatePastTheTop() {
            fixture.given(opened(), dispatchedAutomatically(), new LeaderTookChargeEvent(APPEAL, "mayor", T1))
                    .when(new EscalateAppealCommand(APPEAL, 2L, "REQUESTED: 再升级", true, T2))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("top of the chain"))
                    .expectNoEvents();
        }

        @Test
        void aBreachedDeadlineAtTheTopLeavesTheAppealWhereItIs() {
            fixture.given(opened(), dispatchedAutomatically(), new LeaderTookChargeEvent(APPEAL, "mayor", T1))
                    .when(new EscalateAppealCommand(APPEAL, null, "RESOLUTION", false, T2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void aLeaderEscalatedToIsInChargeSoNobodyElseTakesCharge() {
            fixture.given(
                            opened(),
                            dispatchedAutomatically(),
                            new AppealEscalatedEvent(APPEAL, null, "head-industry-it", "SIGN_FOR", T1))
                    .when(new TakeChargeCommand(APPEAL, 2L, "leader", T2))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Closing {

        static final AssignmentClosedEvent CLOSED = new AssignmentClosedEvent(APPEAL, "CASE_CLOSED", T2);

        @Test
        void aClosedOutCaseClosesTheAssignment() {
            fixture.given(opened(), dispatchedAutomatically(), signed())
                    .when(new CloseAssignmentCommand(APPEAL, "CASE_CLOSED", T2))
                    .expectEvents(CLOSED);
        }

        @Test
        void closingTwiceChangesNothing() {
            fixture.given(opened(), dispatchedAutomatically(), CLOSED)
                    .when(new CloseAssignmentCommand(APPEAL, "CASE_CLOSED", T2))
                    .expectNoEvents();
        }

        @Test
        void rejectsTransferringAClosedAppeal() {
            fixture.given(opened(), dispatchedAutomatically(), signed(), CLOSED)
                    .when(new TransferAppealCommand(
                            APPEAL, 3L, "official", "industry-it", "natural-resources", "转办", T2))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aDeadlineBreachedAfterTheCloseEscalatesNothing() {
            fixture.given(opened(), dispatchedAutomatically(), CLOSED)
                    .when(new EscalateAppealCommand(APPEAL, null, "RESOLUTION", false, T2))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    /**
     * The two clocks of issue #20, on the fixture's deadline manager: sign-for (due a day after dispatch here, warned
     * two hours before) and dispatch (an urgent appeal within 2 h, warned after half of it).
     */
    @Nested
    class Clocks {

        final Instant signForDue = T0.plus(Duration.ofDays(1));
        final Instant signForWarning = signForDue.minus(Duration.ofHours(2));

        @BeforeEach
        void warnedTwoHoursBeforeSignForIsDue() {
            fixture = new AggregateTestFixture<>(Assignment.class);
            fixture.registerInjectableResource(
                    new TimeLimits(TimeLimits.defaultDispatchLimits(), new SignForDeadlines() {
                        @Override
                        public Instant dueAfter(Instant dispatchedAt) {
                            return dispatchedAt.plus(Duration.ofDays(1));
                        }

                        @Override
                        public Instant warningAt(Instant dispatchedAt, Instant dueAt) {
                            return dueAt.minus(Duration.ofHours(2));
                        }
                    }));
            fixture.registerInjectableResource(CHAIN);
            fixture.givenCurrentTime(T0);
            // the deadline handlers read the time from the events' clock: before every due time here
            GenericEventMessage.clock = Clock.fixed(T0, ZoneOffset.UTC);
        }

        @AfterEach
        void realTime() {
            GenericEventMessage.clock = Clock.systemUTC();
        }

        @Test
        void aWarningThatCameDueAfterTheClockRanOutIsNotPublished() {
            GenericEventMessage.clock = Clock.fixed(signForDue.plusSeconds(1), ZoneOffset.UTC);
            fixture.givenCommands(open("industry-it", false))
                    .whenTimeAdvancesTo(signForWarning)
                    .expectNoEvents();
        }

        /** The clock events expected, in order and no more; when they were recorded is the deadline manager's time. */
        org.hamcrest.Matcher<java.util.List<? super org.axonframework.eventhandling.EventMessage<?>>> clockEvents(
                Object... expected) {
            java.util.List<Object> wanted =
                    java.util.Arrays.stream(expected).map(Clocks::untimed).toList();
            return new org.hamcrest.CustomTypeSafeMatcher<>("clock events " + wanted) {
                @Override
                protected boolean matchesSafely(
                        java.util.List<? super org.axonframework.eventhandling.EventMessage<?>> events) {
                    return events.stream()
                            .map(event ->
                                    untimed(((org.axonframework.eventhandling.EventMessage<?>) event).getPayload()))
                            .toList()
                            .equals(wanted);
                }
            };
        }

        static Object untimed(Object event) {
            if (event instanceof DeadlineApproachingEvent e) {
                return new DeadlineApproachingEvent(e.appealId(), e.kind(), e.departmentId(), e.dueAt(), null);
            }
            if (event instanceof DeadlineBreachedEvent e) {
                return new DeadlineBreachedEvent(e.appealId(), e.kind(), e.departmentId(), e.dueAt(), null);
            }
            return event;
        }

        @Test
        void aDispatchedAppealNobodySignsForIsWarnedOnceThenBreachedOnce() {
            fixture.givenCommands(open("industry-it", false))
                    .whenTimeAdvancesTo(signForDue.plus(Duration.ofDays(3)))
                    .expectEventsMatching(clockEvents(
                            new DeadlineApproachingEvent(
                                    APPEAL, DeadlineKind.SIGN_FOR, "industry-it", signForDue, signForWarning),
                            new DeadlineBreachedEvent(
                                    APPEAL, DeadlineKind.SIGN_FOR, "industry-it", signForDue, signForDue)));
        }

        @Test
        void signingForStopsTheClock() {
            fixture.givenCommands(
                            open("industry-it", false),
                            new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1))
                    .whenTimeAdvancesTo(signForDue.plus(Duration.ofDays(3)))
                    .expectNoEvents()
                    .expectDeadlinesMet(
                            new ClockDeadline(DeadlineKind.SIGN_FOR, signForDue, true, null),
                            new ClockDeadline(DeadlineKind.SIGN_FOR, signForDue, false, null));
        }

        @Test
        void aQueuedAppealNobodyDispatchesIsWarnedAfterHalfItsLimitAndBreachedWithoutADepartment() {
            Instant due = T0.plus(Duration.ofHours(2));
            fixture.givenCommands(open(null, true))
                    .whenTimeAdvancesTo(due.plus(Duration.ofHours(1)))
                    .expectEventsMatching(clockEvents(
                            new DeadlineApproachingEvent(
                                    APPEAL, DeadlineKind.DISPATCH, null, due, T0.plus(Duration.ofHours(1))),
                            new DeadlineBreachedEvent(APPEAL, DeadlineKind.DISPATCH, null, due, due)));
        }

        @Test
        void dispatchingStopsTheDispatchClockAndStartsSignFor() {
            Instant due = T1.plus(Duration.ofDays(1));
            fixture.givenCommands(open(null, true), new DispatchAppealCommand(APPEAL, 1L, "industry-it", T1))
                    .whenTimeAdvancesTo(due.plus(Duration.ofHours(1)))
                    .expectEventsMatching(clockEvents(
                            new DeadlineApproachingEvent(
                                    APPEAL, DeadlineKind.SIGN_FOR, "industry-it", due, due.minusSeconds(7200)),
                            new DeadlineBreachedEvent(APPEAL, DeadlineKind.SIGN_FOR, "industry-it", due, due)));
        }

        @Test
        void aReturnStopsSignForAndStartsTheDispatchClockAgain() {
            Instant due = T1.plus(Duration.ofHours(2));
            fixture.givenCommands(open("industry-it", false))
                    .andGivenCommands(new ReturnAppealCommand(APPEAL, 1L, "official", "industry-it", "不属于本局职责", T1))
                    .whenTimeAdvancesTo(signForDue.plus(Duration.ofDays(1)))
                    .expectEventsMatching(clockEvents(
                            new DeadlineApproachingEvent(
                                    APPEAL, DeadlineKind.DISPATCH, null, due, T1.plus(Duration.ofHours(1))),
                            new DeadlineBreachedEvent(APPEAL, DeadlineKind.DISPATCH, null, due, due)));
        }

        @Test
        void aTransferRestartsSignForForTheNewDepartmentOnly() {
            Instant due = T2.plus(Duration.ofDays(1));
            fixture.givenCommands(
                            open("industry-it", false),
                            new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1),
                            new TransferAppealCommand(
                                    APPEAL, 2L, "official", "industry-it", "natural-resources", "涉及用地审批", T2))
                    .whenTimeAdvancesTo(due.plus(Duration.ofDays(1)))
                    .expectEventsMatching(clockEvents(
                            new DeadlineApproachingEvent(
                                    APPEAL,
                                    DeadlineKind.SIGN_FOR,
                                    "natural-resources",
                                    due,
                                    due.minus(Duration.ofHours(2))),
                            new DeadlineBreachedEvent(APPEAL, DeadlineKind.SIGN_FOR, "natural-resources", due, due)));
        }

        @Test
        void aSupervisionNoticeNobodyAnswersIsWarnedThenBreachedForItsDepartment() {
            UUID notice = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000c1");
            Instant due = T1.plus(Duration.ofHours(6));
            fixture.givenCommands(
                            open("industry-it", false),
                            new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1),
                            new IssueSupervisionNoticeCommand(APPEAL, notice, "leader", "六小时内反馈", due, T1))
                    .whenTimeAdvancesTo(due.plus(Duration.ofHours(1)))
                    .expectEventsMatching(clockEvents(
                            new DeadlineApproachingEvent(
                                    APPEAL, DeadlineKind.SUPERVISION, "industry-it", due, due.minusSeconds(7200)),
                            new DeadlineBreachedEvent(APPEAL, DeadlineKind.SUPERVISION, "industry-it", due, due)));
        }

        @Test
        void anAnswerMeetsTheNoticesIssuedBeforeItAndStopsTheirClocks() {
            UUID notice = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000c2");
            Instant due = T1.plus(Duration.ofHours(6));
            fixture.givenCommands(
                            open("industry-it", false),
                            new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1),
                            new IssueSupervisionNoticeCommand(APPEAL, notice, "leader", "六小时内反馈", due, T1))
                    .when(new MeetSupervisionNoticesCommand(APPEAL, T2))
                    .expectEvents(new SupervisionNoticeMetEvent(APPEAL, notice, "industry-it", T2));
        }

        @Test
        void aMetNoticeIsNotMetAgainNorBreached() {
            UUID notice = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000c3");
            Instant due = T1.plus(Duration.ofHours(6));
            fixture.givenCommands(
                            open("industry-it", false),
                            new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1),
                            new IssueSupervisionNoticeCommand(APPEAL, notice, "leader", "六小时内反馈", due, T1),
                            new MeetSupervisionNoticesCommand(APPEAL, T2))
                    .when(new MeetSupervisionNoticesCommand(APPEAL, T2))
                    .expectNoEvents();
        }

        @Test
        void theClockOfAMetNoticeRunsOutWithoutABreach() {
            UUID notice = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000c4");
            Instant due = T2.plus(Duration.ofHours(6));
            fixture.givenCommands(
                            open("industry-it", false),
                            new SignForAppealCommand(APPEAL, 1L, "official", "industry-it", T1),
                            new IssueSupervisionNoticeCommand(APPEAL, notice, "leader", "六小时内反馈", due, T2),
                            new MeetSupervisionNoticesCommand(APPEAL, T2.plusSeconds(60)))
                    .whenTimeAdvancesTo(due.plus(Duration.ofHours(1)))
                    .expectNoEvents();
        }

        @Test
        void aClosedAssignmentRunsNoClock() {
            fixture.givenCommands(open("industry-it", false), new CloseAssignmentCommand(APPEAL, "WITHDRAWN", T1))
                    .whenTimeAdvancesTo(signForDue.plus(Duration.ofDays(3)))
                    .expectNoEvents();
        }

        @Test
        void aBreachAlreadyPublishedIsNeitherPublishedAgainNorWarnedOfAfterwards() {
            fixture.givenCommands(open("industry-it", false))
                    .andGiven(new DeadlineBreachedEvent(
                            APPEAL, DeadlineKind.SIGN_FOR, "industry-it", signForDue, signForDue))
                    .whenTimeAdvancesTo(signForDue.plus(Duration.ofDays(3)))
                    .expectNoEvents();
        }
    }

    @Test
    void theAssignmentsIdIsDerivedFromTheAppealsButIsNotIt() {
        assertThat(Assignment.idFor(APPEAL)).isEqualTo(Assignment.idFor(APPEAL)).isNotEqualTo(APPEAL);
    }
}
