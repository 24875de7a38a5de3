package cn.qinqing.appeals.appeal.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealRatingExpiredEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The answer reaches the appeal; the enterprise rates it or reopens it within the window; the appeal closes. */
class AppealFeedbackTest {

    static final String ENTERPRISE = "91150200MA0QA0001T";
    static final String OTHER_ENTERPRISE = "91150200MA0QB0002M";
    static final UUID ID = UUID.fromString("6f1c1f1e-0000-4000-8000-0000000000b1");
    static final Instant FILED = Instant.parse("2026-11-02T01:30:00Z");
    static final Instant ANSWERED = Instant.parse("2026-11-10T02:00:00Z");
    static final Duration WINDOW = Duration.ofDays(7);
    static final Instant RATING_DUE = ANSWERED.plus(WINDOW);

    private FixtureConfiguration<Appeal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Appeal.class);
        fixture.registerInjectableResource(new RatingWindow(WINDOW));
    }

    static AppealFiledEvent filed() {
        return new AppealFiledEvent(
                ID,
                ENTERPRISE,
                "变电站增容审批",
                "新建切片车间需要增容 10 MVA",
                AppealCategory.POWER,
                Urgency.URGENT,
                List.of(),
                AppealSource.ONLINE,
                null,
                false,
                FILED);
    }

    static AnswerAppealCommand answer(int round) {
        return new AnswerAppealCommand(ID, "industry-it", round, "已协调供电公司增容", Outcome.SOLVED, null, null, ANSWERED);
    }

    static AppealAnsweredEvent answered(int round) {
        return new AppealAnsweredEvent(
                ID, ENTERPRISE, "industry-it", round, "已协调供电公司增容", Outcome.SOLVED, null, null, ANSWERED, RATING_DUE);
    }

    @Test
    void theAnswerIsShownAndTheRatingWindowOpens() {
        fixture.given(filed())
                .when(answer(1))
                .expectEvents(answered(1))
                .expectScheduledDeadline(RATING_DUE, new RatingWindowExpiry(1));
    }

    @Test
    void aRedeliveredAnswerChangesNothing() {
        fixture.given(filed(), answered(1))
                .when(answer(1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWithdrawnAppealShowsNoAnswer() {
        fixture.given(filed(), new AppealWithdrawnEvent(ID, ENTERPRISE, "已自行解决", FILED))
                .when(answer(1))
                .expectNoEvents();
    }

    @Test
    void theEnterpriseRatesTheAnswerWithinTheWindow() {
        Instant now = ANSWERED.plus(Duration.ofDays(2));
        fixture.givenCommands(answerable())
                .andGivenCommands(answer(1))
                .when(new RateAnswerCommand(ID, 1L, ENTERPRISE, 5, "非常满意", now))
                .expectEvents(new AppealRatedEvent(ID, ENTERPRISE, 1, 5, "非常满意", now))
                .expectNoScheduledDeadlines();
    }

    @Test
    void anotherEnterpriseCannotRate() {
        fixture.given(filed(), answered(1))
                .when(new RateAnswerCommand(ID, 1L, OTHER_ENTERPRISE, 5, null, ANSWERED))
                .expectException(NotAccessible.class);
    }

    @Test
    void aRatingAfterTheWindowIsRefused() {
        fixture.given(filed(), answered(1))
                .when(new RateAnswerCommand(ID, 1L, ENTERPRISE, 5, null, RATING_DUE.plusSeconds(1)))
                .expectException(RuleViolation.class);
    }

    @Test
    void anAnswerIsRatedOnceAndNothingBeforeTheAnswer() {
        fixture.given(filed(), answered(1), new AppealRatedEvent(ID, ENTERPRISE, 1, 2, null, ANSWERED))
                .when(new RateAnswerCommand(ID, 2L, ENTERPRISE, 5, null, ANSWERED))
                .expectException(RuleViolation.class);
        fixture.given(filed())
                .when(new RateAnswerCommand(ID, 0L, ENTERPRISE, 5, null, ANSWERED))
                .expectException(RuleViolation.class);
    }

    @Test
    void aStaleVersionIsRefused() {
        fixture.given(filed(), answered(1))
                .when(new RateAnswerCommand(ID, 0L, ENTERPRISE, 5, null, ANSWERED))
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void aDissatisfiedEnterpriseReopensWithinTheWindow() {
        Instant now = ANSWERED.plus(Duration.ofDays(3));
        fixture.givenCommands(answerable())
                .andGivenCommands(answer(1))
                .when(new ReopenAppealCommand(ID, 1L, ENTERPRISE, "变压器仍未到位", now))
                .expectEvents(new AppealReopenedEvent(ID, ENTERPRISE, 1, "变压器仍未到位", now))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aLowRatingStillAllowsReopening() {
        Instant now = ANSWERED.plus(Duration.ofDays(3));
        fixture.given(filed(), answered(1), new AppealRatedEvent(ID, ENTERPRISE, 1, 2, "不满意", ANSWERED))
                .when(new ReopenAppealCommand(ID, 2L, ENTERPRISE, "问题未解决", now))
                .expectEvents(new AppealReopenedEvent(ID, ENTERPRISE, 1, "问题未解决", now));
    }

    @Test
    void anAnswerRatedSatisfiedCannotBeReopened() {
        fixture.given(filed(), answered(1), new AppealRatedEvent(ID, ENTERPRISE, 1, 4, "满意", ANSWERED))
                .when(new ReopenAppealCommand(ID, 2L, ENTERPRISE, "again", ANSWERED))
                .expectException(RuleViolation.class);
    }

    @Test
    void reopeningAfterTheWindowIsRefused() {
        fixture.given(filed(), answered(1))
                .when(new ReopenAppealCommand(ID, 1L, ENTERPRISE, "too late", RATING_DUE.plusSeconds(60)))
                .expectException(RuleViolation.class);
    }

    @Test
    void theNextRoundsAnswerOpensANewWindow() {
        Instant reopened = ANSWERED.plus(Duration.ofDays(1));
        Instant second = ANSWERED.plus(Duration.ofDays(5));
        fixture.given(filed(), answered(1), new AppealReopenedEvent(ID, ENTERPRISE, 1, "未解决", reopened))
                .when(new AnswerAppealCommand(ID, "industry-it", 2, "二次答复", Outcome.SOLVED, null, null, second))
                .expectEvents(new AppealAnsweredEvent(
                        ID,
                        ENTERPRISE,
                        "industry-it",
                        2,
                        "二次答复",
                        Outcome.SOLVED,
                        null,
                        null,
                        second,
                        second.plus(WINDOW)))
                .expectScheduledDeadline(second.plus(WINDOW), new RatingWindowExpiry(2));
    }

    @Test
    void anUnratedAnswerIsRecordedAsSuchWhenTheWindowCloses() {
        fixture.givenCurrentTime(ANSWERED)
                .andGivenCommands(answerable())
                .andGivenCommands(answer(1))
                .whenTimeAdvancesTo(RATING_DUE.plusSeconds(1))
                .expectEvents(new AppealRatingExpiredEvent(ID, ENTERPRISE, 1, RATING_DUE));
    }

    @Test
    void aRatedAnswerDoesNotExpire() {
        fixture.givenCurrentTime(ANSWERED)
                .andGivenCommands(answerable())
                .andGivenCommands(answer(1), new RateAnswerCommand(ID, 1L, ENTERPRISE, 3, null, ANSWERED))
                .whenTimeAdvancesTo(RATING_DUE.plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void theClosedOutCaseClosesTheAppealOnce() {
        Instant closed = RATING_DUE.plusSeconds(60);
        fixture.given(filed(), answered(1))
                .when(new CloseAppealCommand(ID, closed))
                .expectEvents(new AppealClosedEvent(ID, ENTERPRISE, closed));
        fixture.given(filed(), answered(1), new AppealClosedEvent(ID, ENTERPRISE, closed))
                .when(new CloseAppealCommand(ID, closed))
                .expectNoEvents();
    }

    @Test
    void anAnsweredOrClosedAppealCannotBeWithdrawn() {
        fixture.given(filed(), answered(1))
                .when(new WithdrawAppealCommand(ID, 1L, ENTERPRISE, "不要了", ANSWERED))
                .expectException(RuleViolation.class);
    }

    /** The filing as a command, so that deadlines scheduled by later commands are recorded by the fixture. */
    static FileAppealCommand answerable() {
        return new FileAppealCommand(
                ID,
                ENTERPRISE,
                "变电站增容审批",
                "新建切片车间需要增容 10 MVA",
                AppealCategory.POWER,
                Urgency.URGENT,
                List.of(),
                AppealSource.ONLINE,
                null,
                false,
                FILED);
    }
}
