package cn.qinqing.assignment.dispatch.command;

import static cn.qinqing.assignment.dispatch.command.AssignmentTest.APPEAL;
import static cn.qinqing.assignment.dispatch.command.AssignmentTest.CHAIN;
import static cn.qinqing.assignment.dispatch.command.AssignmentTest.RULE;
import static cn.qinqing.assignment.dispatch.command.AssignmentTest.T0;
import static cn.qinqing.assignment.dispatch.command.AssignmentTest.T1;
import static cn.qinqing.assignment.dispatch.command.AssignmentTest.open;
import static cn.qinqing.assignment.dispatch.command.AssignmentTest.opened;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealQueuedForDispatchEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.RoutingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SLA tiers (ADR 0016): an appeal filed while a tier of its category and urgency is in force is dispatched and signed
 * for within the tier's limits, for its whole life; one filed before keeps the defaults.
 */
class AssignmentSlaTierTest {

    // POWER × URGENT: 5 hours in the dispatcher's queue, 3 (test) days to sign for, for appeals filed from T0 on
    static final TimeLimits.TierClocks TIERS = (category, urgency, filedAt) ->
            category == AppealCategory.POWER && urgency == Urgency.URGENT && !filedAt.isBefore(T0)
                    ? Optional.of(new TimeLimits.TierClocks.Clocks(5, 3))
                    : Optional.empty();
    static final TimeLimits LIMITS = new TimeLimits(
            TimeLimits.defaultDispatchLimits(), at -> at.plus(Duration.ofDays(1)), TimeLimits.DEFAULT_WARNING, TIERS);

    private FixtureConfiguration<Assignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assignment.class);
        fixture.registerInjectableResource(LIMITS);
        fixture.registerInjectableResource(CHAIN);
    }

    @Test
    void anAppealFiledUnderATierIsDueForSignForAfterTheTiersWorkingDays() {
        fixture.givenNoPriorActivity()
                .when(open("industry-it", false))
                .expectEvents(
                        opened(),
                        new AppealDispatchedEvent(
                                APPEAL,
                                "industry-it",
                                RoutingMode.AUTOMATIC,
                                RULE.toString(),
                                null,
                                Urgency.URGENT,
                                T0,
                                T0.plus(Duration.ofDays(3))));
    }

    @Test
    void anAppealFiledUnderATierWaitsInTheQueueForTheTiersHours() {
        fixture.givenNoPriorActivity()
                .when(open(null, false))
                .expectEvents(
                        opened(),
                        new AppealQueuedForDispatchEvent(APPEAL, "NO_MATCHING_RULE", T0, T0.plus(Duration.ofHours(5))));
    }

    @Test
    void aReturnLaterStillCountsWithTheTierInForceWhenTheAppealWasFiled() {
        fixture.given(
                        opened(),
                        new AppealDispatchedEvent(
                                APPEAL,
                                "industry-it",
                                RoutingMode.AUTOMATIC,
                                RULE.toString(),
                                null,
                                Urgency.URGENT,
                                T0,
                                T0.plus(Duration.ofDays(3))))
                .when(new ReturnAppealCommand(APPEAL, 1L, "official", "industry-it", "不属于本局职责", T1))
                .expectEvents(
                        new AppealReturnedEvent(APPEAL, "industry-it", "official", "不属于本局职责", T1),
                        new AppealQueuedForDispatchEvent(
                                APPEAL, "RETURNED_BY_DEPARTMENT", T1, T1.plus(Duration.ofHours(5))));
    }

    @Test
    void anAppealFiledBeforeTheTierKeepsTheDefaults() {
        Instant before = T0.minus(Duration.ofMinutes(1));
        fixture.givenNoPriorActivity()
                .when(new OpenAssignmentCommand(
                        APPEAL,
                        AssignmentTest.ENTERPRISE,
                        AppealCategory.POWER,
                        Urgency.URGENT,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        before))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.matches(event -> true),
                                org.axonframework.test.matchers.Matchers.matches(
                                        event -> event.equals(new AppealQueuedForDispatchEvent(
                                                APPEAL, "NO_MATCHING_RULE", before, before.plus(Duration.ofHours(2))))),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }
}
