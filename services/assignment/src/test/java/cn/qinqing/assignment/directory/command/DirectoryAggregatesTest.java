package cn.qinqing.assignment.directory.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.directory.DepartmentChangedEvent;
import cn.qinqing.language.directory.DepartmentRegisteredEvent;
import cn.qinqing.language.directory.EnterpriseLiaisonChangedEvent;
import cn.qinqing.language.directory.LeaderChangedEvent;
import cn.qinqing.language.directory.LeaderRank;
import cn.qinqing.language.directory.LeaderRegisteredEvent;
import cn.qinqing.language.directory.OfficialChangedEvent;
import cn.qinqing.language.directory.OfficialRegisteredEvent;
import cn.qinqing.language.directory.RoutingRuleAddedEvent;
import cn.qinqing.language.directory.RoutingRuleChangedEvent;
import cn.qinqing.language.directory.RoutingRuleRemovedEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DirectoryAggregatesTest {

    static final Instant T0 = Instant.parse("2026-10-01T02:00:00Z");
    static final Instant T1 = Instant.parse("2026-11-01T02:00:00Z");

    @Nested
    class Departments {

        FixtureConfiguration<Department> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Department.class);
        }

        static final DepartmentRegisteredEvent REGISTERED =
                new DepartmentRegisteredEvent("industry-it", "工业和信息化局", "city", T0);

        @Test
        void registersADepartmentUnderItsParent() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDepartmentCommand("industry-it", "工业和信息化局", "city", T0))
                    .expectEvents(REGISTERED);
        }

        @Test
        void rejectsADepartmentThatIsItsOwnParent() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDepartmentCommand("city", "市委市政府", "city", T0))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aChangeSaysWhatItReplaced() {
            fixture.given(REGISTERED)
                    .when(new ChangeDepartmentCommand("industry-it", 0L, "工业和信息化局（大数据局）", "city", T1))
                    .expectResultMessagePayload(1L)
                    .expectEvents(
                            new DepartmentChangedEvent("industry-it", "工业和信息化局（大数据局）", "city", "工业和信息化局", "city", T1));
        }

        @Test
        void aChangeThatChangesNothingRecordsNothing() {
            fixture.given(REGISTERED)
                    .when(new ChangeDepartmentCommand("industry-it", 0L, "工业和信息化局", "city", T1))
                    .expectResultMessagePayload(0L)
                    .expectNoEvents();
        }

        @Test
        void rejectsAChangeBasedOnAnOlderVersion() {
            fixture.given(REGISTERED, new DepartmentChangedEvent("industry-it", "工信局", "city", "工业和信息化局", "city", T1))
                    .when(new ChangeDepartmentCommand("industry-it", 0L, "工业和信息化局", "city", T1))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Leaders {

        FixtureConfiguration<Leader> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Leader.class);
        }

        static final LeaderRegisteredEvent REGISTERED = new LeaderRegisteredEvent(
                "head-industry-it", "郑局长", "局长", LeaderRank.DEPARTMENT_HEAD, "industry-it", "leader", T0);

        @Test
        void registersALeaderWithRankAndSuperior() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterLeaderCommand(
                            "head-industry-it", "郑局长", "局长", LeaderRank.DEPARTMENT_HEAD, "industry-it", "leader", T0))
                    .expectEvents(REGISTERED);
        }

        @Test
        void rejectsALeaderWhoIsTheirOwnSuperior() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterLeaderCommand("mayor", "周市长", "市长", LeaderRank.MAYOR, null, "mayor", T0))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aNewSuperiorIsRecordedWithTheOneItReplaced() {
            fixture.given(REGISTERED)
                    .when(new ChangeLeaderCommand(
                            "head-industry-it",
                            0L,
                            "郑局长",
                            "局长",
                            LeaderRank.DEPARTMENT_HEAD,
                            "industry-it",
                            "mayor",
                            T1))
                    .expectEvents(new LeaderChangedEvent(
                            "head-industry-it",
                            "郑局长",
                            "局长",
                            LeaderRank.DEPARTMENT_HEAD,
                            "industry-it",
                            "mayor",
                            "leader",
                            T1));
        }

        @Test
        void rejectsAChangeWithoutTheVersionItWasBasedOn() {
            fixture.given(REGISTERED)
                    .when(new ChangeLeaderCommand(
                            "head-industry-it", null, "郑局长", "局长", LeaderRank.DEPARTMENT_HEAD, null, "mayor", T1))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Officials {

        FixtureConfiguration<Official> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(Official.class);
        }

        @Test
        void registersAnOfficialInTheirDepartment() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOfficialCommand("official", "孙经办", "industry-it", T0))
                    .expectEvents(new OfficialRegisteredEvent("official", "孙经办", "industry-it", T0));
        }

        @Test
        void movingAnOfficialSaysFromWhichDepartment() {
            fixture.given(new OfficialRegisteredEvent("official", "孙经办", "industry-it", T0))
                    .when(new ChangeOfficialCommand("official", 0L, "孙经办", "dev-reform", T1))
                    .expectEvents(new OfficialChangedEvent("official", "孙经办", "dev-reform", "industry-it", T1));
        }
    }

    @Nested
    class Liaisons {

        FixtureConfiguration<EnterpriseLiaison> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(EnterpriseLiaison.class);
        }

        static final String ENTERPRISE = "91150200MA0QA0001T";

        @Test
        void assignsALiaisonLeaderAndTheKeyEnterpriseFlag() {
            fixture.givenNoPriorActivity()
                    .when(new AssignLiaisonCommand(ENTERPRISE, "leader", true, T0))
                    .expectEvents(new EnterpriseLiaisonChangedEvent(ENTERPRISE, "leader", true, null, T0));
        }

        @Test
        void aNewLiaisonLeaderIsRecordedWithTheOneReplaced() {
            fixture.given(new EnterpriseLiaisonChangedEvent(ENTERPRISE, "leader", true, null, T0))
                    .when(new ChangeLiaisonCommand(ENTERPRISE, 0L, "head-industry-it", true, T1))
                    .expectEvents(
                            new EnterpriseLiaisonChangedEvent(ENTERPRISE, "head-industry-it", true, "leader", T1));
        }

        @Test
        void rejectsAChangeBasedOnAnOlderVersion() {
            fixture.given(
                            new EnterpriseLiaisonChangedEvent(ENTERPRISE, "leader", true, null, T0),
                            new EnterpriseLiaisonChangedEvent(ENTERPRISE, "leader", false, "leader", T1))
                    .when(new ChangeLiaisonCommand(ENTERPRISE, 0L, "head-industry-it", true, T1))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RoutingRules {

        static final UUID RULE = UUID.fromString("0d3c52a1-7f40-4e8b-9a51-2b6c1f0e9a01");
        static final RoutingConditions POWER_IN_QINGSHAN =
                new RoutingConditions(AppealCategory.POWER, IndustryChainPosition.WAFER, "青山区");
        static final RoutingRuleAddedEvent ADDED = new RoutingRuleAddedEvent(
                RULE, AppealCategory.POWER, IndustryChainPosition.WAFER, "青山区", "industry-it", T0);

        FixtureConfiguration<RoutingRule> fixture;

        @BeforeEach
        void setUp() {
            fixture = new AggregateTestFixture<>(RoutingRule.class);
        }

        @Test
        void addsARuleThatComesIntoForceNow() {
            fixture.givenNoPriorActivity()
                    .when(new AddRoutingRuleCommand(RULE, POWER_IN_QINGSHAN, "industry-it", T0))
                    .expectEvents(ADDED);
        }

        @Test
        void addsTheDefaultRule() {
            fixture.givenNoPriorActivity()
                    .when(new AddRoutingRuleCommand(RULE, RoutingConditions.DEFAULT, "business-environment", T0))
                    .expectEvents(new RoutingRuleAddedEvent(RULE, null, null, null, "business-environment", T0));
        }

        @Test
        void rejectsADefaultRuleWithConditions() {
            fixture.givenNoPriorActivity()
                    .when(new AddRoutingRuleCommand(
                            RULE, new RoutingConditions(null, null, "青山区"), "business-environment", T0))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void aChangedRuleReadsInFullAndNamesTheDepartmentItNoLongerRoutesTo() {
            fixture.given(ADDED)
                    .when(new ChangeRoutingRuleCommand(RULE, 0L, POWER_IN_QINGSHAN, "dev-reform", T1))
                    .expectResultMessagePayload(1L)
                    .expectEvents(new RoutingRuleChangedEvent(
                            RULE,
                            AppealCategory.POWER,
                            IndustryChainPosition.WAFER,
                            "青山区",
                            "dev-reform",
                            "industry-it",
                            T1));
        }

        @Test
        void aRemovedRuleRepeatsHowItRead() {
            fixture.given(ADDED)
                    .when(new RemoveRoutingRuleCommand(RULE, 0L, T1))
                    .expectEvents(new RoutingRuleRemovedEvent(
                            RULE, AppealCategory.POWER, IndustryChainPosition.WAFER, "青山区", "industry-it", T1));
        }

        @Test
        void rejectsChangingARemovedRule() {
            fixture.given(
                            ADDED,
                            new RoutingRuleRemovedEvent(
                                    RULE, AppealCategory.POWER, IndustryChainPosition.WAFER, "青山区", "industry-it", T1))
                    .when(new ChangeRoutingRuleCommand(RULE, 1L, POWER_IN_QINGSHAN, "dev-reform", T1))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsRemovingARuleSomebodyChangedSinceItWasRead() {
            fixture.given(
                            ADDED,
                            new RoutingRuleChangedEvent(
                                    RULE,
                                    AppealCategory.POWER,
                                    IndustryChainPosition.WAFER,
                                    "青山区",
                                    "dev-reform",
                                    "industry-it",
                                    T1))
                    .when(new RemoveRoutingRuleCommand(RULE, 0L, T1))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }
}
