package cn.qinqing.projects.market.command;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Role;
import cn.qinqing.language.market.EnterprisesIntroducedEvent;
import cn.qinqing.language.market.MatchConsentedEvent;
import cn.qinqing.language.market.MatchDeclinedEvent;
import cn.qinqing.language.market.MatchOutcome;
import cn.qinqing.language.market.MatchOutcomeRecordedEvent;
import cn.qinqing.language.market.MatchProposedEvent;
import cn.qinqing.language.market.ScorePart;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatchTest {

    static final UUID NEED = UUID.fromString("7a1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3b01");
    static final UUID OFFER = UUID.fromString("7a1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3b02");
    static final UUID MATCH = Match.idFor(NEED, OFFER);
    static final String A = "91150200MA0QA0001T";
    static final String B = "91150200MA0QB0002M";
    static final String DEPARTMENT = "industry-it";
    static final Instant T0 = Instant.parse("2026-11-03T03:00:00Z");
    static final Requester DISPATCHER = new Requester("dispatcher", Role.DISPATCHER, null, null);
    static final Requester OFFICIAL = new Requester("official", Role.OFFICIAL, null, DEPARTMENT);
    static final Requester OTHER_OFFICIAL = new Requester("official-land", Role.OFFICIAL, null, "natural-resources");
    static final Requester USER_A = new Requester("user-a", Role.ENTERPRISE, A, null);
    static final Requester USER_B = new Requester("user-b", Role.ENTERPRISE, B, null);
    static final Requester USER_C = new Requester("user-c", Role.ENTERPRISE, "91150200MA0QC0003X", null);
    static final List<ScorePart> WHY = List.of(
            new ScorePart("CHAIN_LINK", 50, "same link: POLYSILICON"),
            new ScorePart("PRODUCT", 30, "product words in common: 多晶"),
            new ScorePart("QUANTITY", 20, "capacity covers"));

    AggregateTestFixture<Match> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Match.class);
    }

    static ProposeMatchCommand propose(Requester by) {
        return new ProposeMatchCommand(MATCH, by, DEPARTMENT, NEED, OFFER, A, B, ChainLink.POLYSILICON, WHY, T0);
    }

    static MatchProposedEvent proposed() {
        return new MatchProposedEvent(MATCH, NEED, OFFER, A, B, ChainLink.POLYSILICON, 100, WHY, "official", T0);
    }

    @Test
    void anOfficialOfTheMarketsDepartmentProposesAMatchWithItsExplanation() {
        fixture.givenNoPriorActivity().when(propose(OFFICIAL)).expectEvents(proposed());
    }

    @Test
    void refusesAProposalByAnOfficialOfAnotherDepartment() {
        fixture.givenNoPriorActivity()
                .when(propose(OTHER_OFFICIAL))
                .expectException(NotABroker.class)
                .expectNoEvents();
    }

    @Test
    void theEnterprisesAreIntroducedOnceBothConsented() {
        fixture.given(proposed())
                .when(new ConsentToMatchCommand(MATCH, USER_B, T0))
                .expectEvents(new MatchConsentedEvent(MATCH, B, T0));
        fixture.given(proposed(), new MatchConsentedEvent(MATCH, B, T0))
                .when(new ConsentToMatchCommand(MATCH, USER_A, T0))
                .expectEvents(
                        new MatchConsentedEvent(MATCH, A, T0),
                        new EnterprisesIntroducedEvent(MATCH, A, B, ChainLink.POLYSILICON, T0));
    }

    @Test
    void aSecondConsentOfTheSameEnterpriseChangesNothing() {
        fixture.given(proposed(), new MatchConsentedEvent(MATCH, B, T0))
                .when(new ConsentToMatchCommand(MATCH, USER_B, T0))
                .expectNoEvents();
    }

    @Test
    void aThirdPartyFindsNoSuchMatch() {
        fixture.given(proposed())
                .when(new ConsentToMatchCommand(MATCH, USER_C, T0))
                .expectException(NotAccessible.class)
                .expectNoEvents();
    }

    @Test
    void aContractIsSignedOnlyAfterTheIntroductionAndWithAnAmountAboveZero() {
        fixture.given(proposed())
                .when(new RecordMatchOutcomeCommand(
                        MATCH, DISPATCHER, DEPARTMENT, MatchOutcome.CONTRACT_SIGNED, BigDecimal.TEN, null, T0))
                .expectException(RuleViolation.class);
        fixture.given(introduced())
                .when(new RecordMatchOutcomeCommand(
                        MATCH, DISPATCHER, DEPARTMENT, MatchOutcome.CONTRACT_SIGNED, BigDecimal.ZERO, null, T0))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(introduced())
                .when(new RecordMatchOutcomeCommand(
                        MATCH,
                        DISPATCHER,
                        DEPARTMENT,
                        MatchOutcome.CONTRACT_SIGNED,
                        new BigDecimal("186000000"),
                        "ignored",
                        T0))
                .expectEvents(new MatchOutcomeRecordedEvent(
                        MATCH,
                        NEED,
                        ChainLink.POLYSILICON,
                        MatchOutcome.CONTRACT_SIGNED,
                        new BigDecimal("186000000"),
                        null,
                        T0));
    }

    @Test
    void noDealSaysWhyAndMayBeRecordedBeforeAnIntroduction() {
        fixture.given(proposed())
                .when(new RecordMatchOutcomeCommand(MATCH, DISPATCHER, DEPARTMENT, MatchOutcome.NO_DEAL, null, " ", T0))
                .expectException(RuleViolation.class);
        fixture.given(proposed())
                .when(new RecordMatchOutcomeCommand(
                        MATCH, DISPATCHER, DEPARTMENT, MatchOutcome.NO_DEAL, null, "价格未谈拢", T0))
                .expectEvents(new MatchOutcomeRecordedEvent(
                        MATCH, NEED, ChainLink.POLYSILICON, MatchOutcome.NO_DEAL, null, "价格未谈拢", T0));
    }

    @Test
    void anOutcomeStands() {
        fixture.given(
                        proposed(),
                        new MatchOutcomeRecordedEvent(
                                MATCH, NEED, ChainLink.POLYSILICON, MatchOutcome.NO_DEAL, null, "x", T0))
                .when(new RecordMatchOutcomeCommand(MATCH, DISPATCHER, DEPARTMENT, MatchOutcome.MET, null, null, T0))
                .expectException(RuleViolation.class);
    }

    @Test
    void eitherEnterpriseMayDeclineBeforeTheIntroductionAndTheMatchEndsThere() {
        MatchDeclinedEvent declined = new MatchDeclinedEvent(MATCH, A, "本季度产能已排满", T0);
        fixture.given(proposed(), new MatchConsentedEvent(MATCH, B, T0))
                .when(new DeclineMatchCommand(MATCH, USER_A, "本季度产能已排满", T0))
                .expectEvents(declined);
        // a retry changes nothing; the other side can no longer consent, nor the broker record a meeting
        fixture.given(proposed(), declined)
                .when(new DeclineMatchCommand(MATCH, USER_A, "本季度产能已排满", T0))
                .expectNoEvents();
        fixture.given(proposed(), declined)
                .when(new ConsentToMatchCommand(MATCH, USER_B, T0))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(proposed(), declined)
                .when(new DeclineMatchCommand(MATCH, USER_B, "不需要了", T0))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(proposed(), declined)
                .when(new RecordMatchOutcomeCommand(
                        MATCH, DISPATCHER, DEPARTMENT, MatchOutcome.NO_DEAL, null, "企业拒绝", T0))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void noDeclineOnceIntroducedAndNoneByAThirdParty() {
        fixture.given(introduced())
                .when(new DeclineMatchCommand(MATCH, USER_A, "改变主意", T0))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.given(proposed())
                .when(new DeclineMatchCommand(MATCH, USER_C, "x", T0))
                .expectException(NotAccessible.class)
                .expectNoEvents();
    }

    static Object[] introduced() {
        return new Object[] {
            proposed(),
            new MatchConsentedEvent(MATCH, A, T0),
            new MatchConsentedEvent(MATCH, B, T0),
            new EnterprisesIntroducedEvent(MATCH, A, B, ChainLink.POLYSILICON, T0)
        };
    }
}
