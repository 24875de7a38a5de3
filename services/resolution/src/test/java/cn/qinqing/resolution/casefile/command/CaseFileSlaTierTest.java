package cn.qinqing.resolution.casefile.command;

import static cn.qinqing.resolution.casefile.command.CaseFileTest.APPEAL;
import static cn.qinqing.resolution.casefile.command.CaseFileTest.CALENDAR;
import static cn.qinqing.resolution.casefile.command.CaseFileTest.CASE;
import static cn.qinqing.resolution.casefile.command.CaseFileTest.DEPARTMENT;
import static cn.qinqing.resolution.casefile.command.CaseFileTest.at;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA tiers (ADR 0016): a case counts with the tier in force when it began, in every round; a case of a category
 * without a tier, or whose category is unknown, with the defaults.
 */
class CaseFileSlaTierTest {

    // a tier for POWER × URGENT set on Tuesday 3 March 2026 09:00: 2 days to first contact, 3 to the answer
    static final Instant TIER_SET = at("2026-03-03T09:00");
    static final SlaTierLookup TIERS = (category, urgency, began) ->
            category == AppealCategory.POWER && urgency == Urgency.URGENT && !began.isBefore(TIER_SET)
                    ? Optional.of(new SlaTierLookup.Limits(2, 3))
                    : Optional.empty();
    static final SlaPolicy SLA = new SlaPolicy(
            new CaseFileTest.CalendarClock(CALENDAR),
            WorkingCalendar.WORKING_DAY,
            1,
            Map.of(Urgency.EMERGENCY, 2, Urgency.URGENT, 5, Urgency.NORMAL, 15),
            TIERS);

    private FixtureConfiguration<CaseFile> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseFile.class);
        fixture.registerInjectableResource(SLA);
    }

    @Test
    void aCaseBegunUnderATierCountsWithItsLimits() {
        Instant wednesday = at("2026-03-04T09:00");
        fixture.givenNoPriorActivity()
                .when(new OpenCaseFileCommand(
                        CASE, APPEAL, DEPARTMENT, AppealCategory.POWER, Urgency.URGENT, wednesday))
                .expectEvents(new CaseFileOpenedEvent(
                        APPEAL,
                        DEPARTMENT,
                        Urgency.URGENT,
                        1,
                        wednesday,
                        at("2026-03-05T17:30"),
                        at("2026-03-06T17:30"),
                        false));
    }

    @Test
    void aCaseBegunBeforeTheTierKeepsTheDefaults() {
        Instant monday = at("2026-03-02T09:00");
        fixture.givenNoPriorActivity()
                .when(new OpenCaseFileCommand(CASE, APPEAL, DEPARTMENT, AppealCategory.POWER, Urgency.URGENT, monday))
                .expectEvents(new CaseFileOpenedEvent(
                        APPEAL,
                        DEPARTMENT,
                        Urgency.URGENT,
                        1,
                        monday,
                        at("2026-03-02T17:30"),
                        at("2026-03-06T17:30"),
                        false));
    }

    @Test
    void anotherCategoryOrAnUnknownOneCountsWithTheDefaults() {
        Instant wednesday = at("2026-03-04T09:00");
        fixture.givenNoPriorActivity()
                .when(new OpenCaseFileCommand(CASE, APPEAL, DEPARTMENT, Urgency.URGENT, wednesday))
                .expectEvents(new CaseFileOpenedEvent(
                        APPEAL,
                        DEPARTMENT,
                        Urgency.URGENT,
                        1,
                        wednesday,
                        at("2026-03-04T17:30"),
                        at("2026-03-10T17:30"),
                        false));
    }

    @Test
    void aReopeningOfACaseBegunBeforeTheTierKeepsTheLimitsItBeganWith() {
        Instant monday = at("2026-03-02T09:00");
        Instant reopened = at("2026-03-09T09:00");
        fixture.given(
                        new CaseFileOpenedEvent(
                                APPEAL,
                                DEPARTMENT,
                                Urgency.URGENT,
                                1,
                                monday,
                                at("2026-03-02T17:30"),
                                at("2026-03-06T17:30"),
                                false),
                        new ResolutionSubmittedEvent(
                                APPEAL,
                                DEPARTMENT,
                                "official",
                                1,
                                "已答复",
                                Outcome.SOLVED,
                                null,
                                null,
                                at("2026-03-04T10:00"),
                                true))
                .when(new ReopenCaseFileCommand(CASE, 1, reopened, AppealCategory.POWER))
                .expectEvents(
                        new CaseFileReopenedEvent(APPEAL, 2, reopened, at("2026-03-09T17:30"), at("2026-03-13T17:30")));
    }
}
