package cn.qinqing.resolution.slatier.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.resolution.SlaTierSetEvent;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlaTierTest {

    static final UUID TIER = SlaTier.idOf(AppealCategory.POWER, Urgency.URGENT);
    static final LocalDate TODAY = LocalDate.parse("2026-12-06");
    static final LocalDate NEW_YEAR = LocalDate.parse("2027-01-01");
    static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    static final String BASIS = "包头市优化营商环境工作领导小组办公室关于压缩涉企诉求办理时限的通知";

    private FixtureConfiguration<SlaTier> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SlaTier.class);
    }

    static SetSlaTierCommand set(int firstContact, int resolution, LocalDate from, String basis, Long version) {
        return new SetSlaTierCommand(
                TIER,
                AppealCategory.POWER,
                Urgency.URGENT,
                firstContact,
                resolution,
                null,
                null,
                from,
                basis,
                "admin",
                NOW,
                TODAY,
                version);
    }

    static SlaTierSetEvent setEvent(int firstContact, int resolution, LocalDate from) {
        return new SlaTierSetEvent(
                TIER,
                AppealCategory.POWER,
                Urgency.URGENT,
                firstContact,
                resolution,
                null,
                null,
                from,
                BASIS,
                "admin",
                NOW);
    }

    @Test
    void anAdministratorSetsATierWithItsBasisAndEffectiveDate() {
        fixture.givenNoPriorActivity()
                .when(set(1, 3, NEW_YEAR, "  " + BASIS + " ", null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(setEvent(1, 3, NEW_YEAR));
    }

    @Test
    void aChangeAtTheVersionReadIsANewSettingInTheHistory() {
        fixture.given(setEvent(1, 3, NEW_YEAR))
                .when(set(1, 4, TODAY, BASIS, 0L))
                .expectResultMessagePayload(1L)
                .expectEvents(setEvent(1, 4, TODAY));
    }

    @Test
    void theSameSettingAgainRecordsNothing() {
        fixture.given(setEvent(1, 3, NEW_YEAR))
                .when(set(1, 3, NEW_YEAR, BASIS, 0L))
                .expectResultMessagePayload(0L)
                .expectNoEvents();
    }

    @Test
    void aTierMaySetTheDispatchAndSignForClocksToo() {
        SetSlaTierCommand command = new SetSlaTierCommand(
                TIER, AppealCategory.POWER, Urgency.URGENT, 1, 3, 1, 2, NEW_YEAR, BASIS, "admin", NOW, TODAY, null);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(new SlaTierSetEvent(
                        TIER, AppealCategory.POWER, Urgency.URGENT, 1, 3, 1, 2, NEW_YEAR, BASIS, "admin", NOW));
    }

    @Test
    void rejectsADispatchLimitOfNoHours() {
        SetSlaTierCommand command = new SetSlaTierCommand(
                TIER, AppealCategory.POWER, Urgency.URGENT, 1, 3, 0, 0, NEW_YEAR, BASIS, "admin", NOW, TODAY, null);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("dispatchHours"),
                        org.hamcrest.Matchers.containsString("signForDays")))
                .expectNoEvents();
    }

    @Test
    void rejectsAChangeAtAStaleVersion() {
        fixture.given(setEvent(1, 3, NEW_YEAR), setEvent(1, 4, NEW_YEAR))
                .when(set(2, 5, NEW_YEAR, BASIS, 0L))
                .expectException(ConflictingAggregateVersionException.class)
                .expectNoEvents();
    }

    @Test
    void rejectsAResolutionLimitShorterThanFirstContact() {
        fixture.givenNoPriorActivity()
                .when(set(3, 2, NEW_YEAR, BASIS, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("resolutionDays"))
                .expectNoEvents();
    }

    @Test
    void rejectsZeroOrNegativeLimits() {
        fixture.givenNoPriorActivity()
                .when(set(0, -1, NEW_YEAR, BASIS, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("firstContactDays"))
                .expectNoEvents();
    }

    @Test
    void rejectsAnEffectiveDateInThePastOrAMissingBasis() {
        fixture.givenNoPriorActivity()
                .when(set(1, 3, TODAY.minusDays(1), " ", null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("effectiveFrom"),
                        org.hamcrest.Matchers.containsString("basis")))
                .expectNoEvents();
    }
}
