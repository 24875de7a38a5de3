package cn.qinqing.projects.project.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Role;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.project.BlockerRaisedEvent;
import cn.qinqing.language.project.Capacity;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.language.project.KeyProjectRegisteredEvent;
import cn.qinqing.language.project.Milestone;
import cn.qinqing.language.project.MilestoneEscalatedEvent;
import cn.qinqing.language.project.MilestoneOverdueEvent;
import cn.qinqing.language.project.MilestoneReachedEvent;
import cn.qinqing.language.project.PlannedMilestone;
import cn.qinqing.language.project.ProjectProgressNotedEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyProjectTest {

    static final UUID PROJECT = UUID.fromString("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a01");
    static final String ENTERPRISE_B = "91150200MA0QB0002M";
    static final Instant T0 = Instant.parse("2026-03-01T02:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2026-03-01");
    static final LocalDate SIGNED = LocalDate.parse("2026-02-18");
    static final LocalDate LAND = LocalDate.parse("2026-04-30");
    static final Requester LEADER = new Requester("leader", Role.LEADER, null);
    static final Requester OFFICIAL = new Requester("official", Role.OFFICIAL, "industry-it");
    static final Requester OTHER_OFFICIAL = new Requester("official-land", Role.OFFICIAL, "natural-resources");
    static final Requester OTHER_LEADER = new Requester("head-finance", Role.LEADER, "finance-office");

    AggregateTestFixture<KeyProject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(KeyProject.class);
        fixture.registerInjectableResource(new MilestoneEscalation(5, WorkingCalendar.bundled()));
        fixture.givenCurrentTime(T0);
    }

    @AfterEach
    void realTime() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    static List<MilestoneDate> plan() {
        return List.of(
                new MilestoneDate(Milestone.LAND_AND_PERMITS, LAND, null),
                new MilestoneDate(Milestone.CONSTRUCTION_STARTED, LocalDate.parse("2026-05-20"), null),
                new MilestoneDate(Milestone.EQUIPMENT_INSTALLED, LocalDate.parse("2026-09-30"), null),
                new MilestoneDate(Milestone.TRIAL_PRODUCTION, LocalDate.parse("2026-11-15"), null),
                new MilestoneDate(Milestone.COMMISSIONED, LocalDate.parse("2026-12-28"), null));
    }

    static RegisterKeyProjectCommand register(Requester by, BigDecimal capacity, List<MilestoneDate> plan) {
        return new RegisterKeyProjectCommand(
                PROJECT,
                by,
                "年产10万吨高纯多晶硅项目",
                List.of(ENTERPRISE_B),
                ChainLink.POLYSILICON,
                new BigDecimal("8500000000"),
                new Capacity(capacity, CapacityUnit.TONNES),
                "包头稀土高新区希望工业园",
                "leader",
                "industry-it",
                SIGNED,
                plan,
                TODAY,
                T0);
    }

    static RegisterKeyProjectCommand register() {
        return register(OFFICIAL, new BigDecimal("100000"), plan());
    }

    static KeyProjectRegisteredEvent registered() {
        return new KeyProjectRegisteredEvent(
                PROJECT,
                "年产10万吨高纯多晶硅项目",
                List.of(ENTERPRISE_B),
                ChainLink.POLYSILICON,
                new BigDecimal("8500000000"),
                new Capacity(new BigDecimal("100000"), CapacityUnit.TONNES),
                "包头稀土高新区希望工业园",
                "leader",
                "industry-it",
                SIGNED,
                plan().stream()
                        .map(m -> new PlannedMilestone(m.milestone(), m.plannedOn()))
                        .toList(),
                T0);
    }

    static RecordMilestoneCommand record(Requester by, Milestone milestone, LocalDate on) {
        return new RecordMilestoneCommand(PROJECT, null, by, milestone, on, "按期完成", TODAY, T0);
    }

    @Test
    void registersAProjectWithItsPlanAndAClockAtTheEndOfEachPlannedDay() {
        fixture.givenNoPriorActivity()
                .when(register())
                .expectEvents(registered())
                .expectScheduledDeadline(
                        Duration.between(T0, Instant.parse("2026-04-30T16:00:00Z")),
                        new MilestoneDeadline(Milestone.LAND_AND_PERMITS, LAND));
    }

    @Test
    void registersAProjectUnderWayWithTheMilestonesItReachedAndNoClockForThem() {
        List<MilestoneDate> plan = new ArrayList<>(plan());
        plan.set(0, new MilestoneDate(Milestone.LAND_AND_PERMITS, LAND, LocalDate.parse("2026-02-25")));
        fixture.givenNoPriorActivity()
                .when(register(LEADER, new BigDecimal("100000"), plan))
                .expectEvents(
                        registered(),
                        new MilestoneReachedEvent(
                                PROJECT, Milestone.LAND_AND_PERMITS, LAND, LocalDate.parse("2026-02-25"), null, T0))
                .expectNoScheduledDeadlineMatching(org.hamcrest.Matchers.hasProperty(
                        "payload",
                        org.hamcrest.Matchers.equalTo(new MilestoneDeadline(Milestone.LAND_AND_PERMITS, LAND))));
    }

    @Test
    void rejectsAMilestonePlannedBeforeTheSigning() {
        List<MilestoneDate> plan = new ArrayList<>(plan());
        plan.set(0, new MilestoneDate(Milestone.LAND_AND_PERMITS, SIGNED.minusDays(1), null));
        fixture.givenNoPriorActivity()
                .when(register(OFFICIAL, new BigDecimal("100000"), plan))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before the signing"))
                .expectNoEvents();
    }

    @Test
    void rejectsANegativeCapacity() {
        fixture.givenNoPriorActivity()
                .when(register(OFFICIAL, new BigDecimal("-5"), plan()))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnOfficialRegisteringForAnotherDepartment() {
        fixture.givenNoPriorActivity()
                .when(register(OTHER_OFFICIAL, new BigDecimal("100000"), plan()))
                .expectException(NotResponsible.class)
                .expectNoEvents();
    }

    @Test
    void recordsAMilestoneReachedAsAnOfficialOfTheDepartmentSaysWithItsPlannedDate() {
        fixture.given(registered())
                .when(record(OFFICIAL, Milestone.LAND_AND_PERMITS, LocalDate.parse("2026-02-27")))
                .expectEvents(new MilestoneReachedEvent(
                        PROJECT, Milestone.LAND_AND_PERMITS, LAND, LocalDate.parse("2026-02-27"), "按期完成", T0))
                .expectResultMessagePayload(1L);
    }

    @Test
    void theResponsibleLeaderRecordsProgressWithoutBelongingToTheDepartment() {
        fixture.given(registered())
                .when(new NoteProgressCommand(PROJECT, LEADER, "还原炉到货 36 台", T0))
                .expectEvents(new ProjectProgressNotedEvent(PROJECT, "还原炉到货 36 台", T0));
    }

    @Test
    void refusesProgressFromALeaderWhoIsNotResponsible() {
        fixture.given(registered())
                .when(new NoteProgressCommand(PROJECT, OTHER_LEADER, "不相干", T0))
                .expectException(NotResponsible.class)
                .expectNoEvents();
    }

    @Test
    void refusesAMilestoneFromAnOfficialOfAnotherDepartment() {
        fixture.given(registered())
                .when(record(OTHER_OFFICIAL, Milestone.LAND_AND_PERMITS, TODAY))
                .expectException(NotResponsible.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAMilestoneReachedBeforeTheSigning() {
        fixture.given(registered())
                .when(record(OFFICIAL, Milestone.LAND_AND_PERMITS, SIGNED.minusDays(3)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("signed on 2026-02-18"))
                .expectNoEvents();
    }

    @Test
    void rejectsAMilestoneWhoseForerunnerIsNotReached() {
        fixture.given(registered())
                .when(record(OFFICIAL, Milestone.CONSTRUCTION_STARTED, TODAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("LAND_AND_PERMITS first"))
                .expectNoEvents();
    }

    @Test
    void aMilestoneNotReachedByTheEndOfItsPlannedDayIsOverdueAndEscalatedToTheLeader() {
        Instant ended = Instant.parse("2026-04-30T16:00:00Z");
        GenericEventMessage.clock = Clock.fixed(ended, ZoneOffset.UTC);
        fixture.givenCommands(register())
                .whenTimeAdvancesTo(ended.plusSeconds(1))
                .expectEvents(new MilestoneOverdueEvent(
                        PROJECT, Milestone.LAND_AND_PERMITS, LAND, "leader", "industry-it", ended));
    }

    @Test
    void anOverdueMilestoneStartsItsGraceOfFiveWorkingDaysPastTheMayDayHoliday() {
        // planned 2026-04-30; 1–5 May are holidays and 9 May a make-up working day: the fifth is Monday 11 May
        fixture.givenCommands(register())
                .whenTimeAdvancesTo(Instant.parse("2026-04-30T16:00:01Z"))
                .expectScheduledDeadline(
                        Instant.parse("2026-05-11T16:00:00Z"),
                        new MilestoneEscalationDeadline(Milestone.LAND_AND_PERMITS, LAND, 5));
    }

    @Test
    void aMilestoneStillNotReachedWhenItsGraceRunsOutIsEscalatedPastTheLeaderOnce() {
        Instant graceOver = Instant.parse("2026-05-11T16:00:00Z");
        GenericEventMessage.clock = Clock.fixed(graceOver, ZoneOffset.UTC);
        fixture.givenCommands(register())
                .whenTimeAdvancesTo(graceOver.plus(Duration.ofDays(3)))
                .expectEvents(
                        new MilestoneOverdueEvent(
                                PROJECT, Milestone.LAND_AND_PERMITS, LAND, "leader", "industry-it", graceOver),
                        new MilestoneEscalatedEvent(
                                PROJECT, Milestone.LAND_AND_PERMITS, LAND, 5, "leader", "industry-it", graceOver));
    }

    @Test
    void aMilestoneReachedInTimeNeverGoesOverdue() {
        fixture.givenCommands(register(), record(OFFICIAL, Milestone.LAND_AND_PERMITS, TODAY))
                .whenTimeAdvancesTo(Instant.parse("2026-05-01T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void raisesABlockerThatBecomesTheInvestorsAppealWithTheProjectsLeaderAndDepartment() {
        UUID blocker = UUID.fromString("6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a02");
        RaiseBlockerCommand raise = new RaiseBlockerCommand(
                PROJECT, blocker, OFFICIAL, null, "变电站接入未批", "供电方案两月未批", AppealCategory.POWER, Urgency.URGENT, T0);
        fixture.given(registered())
                .when(raise)
                .expectEvents(new BlockerRaisedEvent(
                        PROJECT,
                        blocker,
                        KeyProject.appealFor(blocker),
                        "年产10万吨高纯多晶硅项目",
                        ENTERPRISE_B,
                        "变电站接入未批",
                        "供电方案两月未批",
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        "industry-it",
                        "leader",
                        T0));
    }

    @Test
    void aBlockerRaisedAgainIsARetryAndRaisesNothing() {
        UUID blocker = UUID.randomUUID();
        RaiseBlockerCommand raise = new RaiseBlockerCommand(
                PROJECT, blocker, OFFICIAL, null, "变电站接入未批", "供电方案两月未批", AppealCategory.POWER, Urgency.URGENT, T0);
        fixture.givenCommands(register(), raise).when(raise).expectNoEvents();
    }

    @Test
    void rejectsABlockerForAnEnterpriseThatDoesNotInvest() {
        RaiseBlockerCommand raise = new RaiseBlockerCommand(
                PROJECT,
                UUID.randomUUID(),
                OFFICIAL,
                "91150200MA0QA0001T",
                "变电站接入未批",
                "供电方案两月未批",
                AppealCategory.POWER,
                Urgency.URGENT,
                T0);
        fixture.given(registered())
                .when(raise)
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
