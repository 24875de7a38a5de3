package cn.qinqing.projects.market.command;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.Role;
import cn.qinqing.language.market.NeedReferredToMeetingEvent;
import cn.qinqing.language.market.NeedType;
import cn.qinqing.language.market.PostClosedEvent;
import cn.qinqing.language.market.PostDraftedEvent;
import cn.qinqing.language.market.PostKind;
import cn.qinqing.language.market.PostPublishedEvent;
import cn.qinqing.language.project.Capacity;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostTest {

    static final UUID POST = UUID.fromString("7a1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3b01");
    static final String ENTERPRISE_A = "91150200MA0QA0001T";
    static final String ENTERPRISE_B = "91150200MA0QB0002M";
    static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    static final Requester USER_A = new Requester("user-a", Role.ENTERPRISE, ENTERPRISE_A, null);
    static final Requester USER_B = new Requester("user-b", Role.ENTERPRISE, ENTERPRISE_B, null);
    static final Capacity TONNES_3000 = new Capacity(new BigDecimal("3000"), CapacityUnit.TONNES);

    AggregateTestFixture<Post> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Post.class);
    }

    static DraftPostCommand draftNeed(Requester by, Capacity quantity) {
        return new DraftPostCommand(
                POST,
                by,
                ENTERPRISE_A,
                PostKind.NEED,
                NeedType.SUPPLY,
                "N型致密料多晶硅",
                ChainLink.POLYSILICON,
                quantity,
                "每月250吨",
                null,
                T0);
    }

    static PostDraftedEvent drafted() {
        return new PostDraftedEvent(
                POST,
                ENTERPRISE_A,
                PostKind.NEED,
                NeedType.SUPPLY,
                "N型致密料多晶硅",
                ChainLink.POLYSILICON,
                TONNES_3000,
                "每月250吨",
                null,
                T0);
    }

    @Test
    void anEnterpriseUserDraftsANeedForItsOwnEnterprise() {
        fixture.givenNoPriorActivity().when(draftNeed(USER_A, TONNES_3000)).expectEvents(drafted());
    }

    @Test
    void refusesAPostByAUserOfAnotherEnterprise() {
        fixture.givenNoPriorActivity()
                .when(draftNeed(USER_B, TONNES_3000))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesANegativeQuantity() {
        fixture.givenNoPriorActivity()
                .when(draftNeed(USER_A, new Capacity(new BigDecimal("-5"), CapacityUnit.TONNES)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesANeedThatSaysNotWhatItAsksFor() {
        fixture.givenNoPriorActivity()
                .when(new DraftPostCommand(
                        POST,
                        USER_A,
                        ENTERPRISE_A,
                        PostKind.NEED,
                        null,
                        "硅料",
                        ChainLink.POLYSILICON,
                        TONNES_3000,
                        null,
                        null,
                        T0))
                .expectException(RuleViolation.class);
    }

    @Test
    void theOwnerPublishesAndClosesItsPost() {
        fixture.given(drafted())
                .when(new PublishPostCommand(POST, USER_A, T0))
                .expectEvents(new PostPublishedEvent(POST, ENTERPRISE_A, T0));
        fixture.given(drafted(), new PostPublishedEvent(POST, ENTERPRISE_A, T0))
                .when(new ClosePostCommand(POST, USER_A, "已签约", T0))
                .expectEvents(new PostClosedEvent(POST, ENTERPRISE_A, "已签约", T0));
    }

    @Test
    void anotherEnterpriseFindsNoSuchPost() {
        fixture.given(drafted())
                .when(new PublishPostCommand(POST, USER_B, T0))
                .expectException(NotAccessible.class)
                .expectNoEvents();
    }

    @Test
    void aClosedPostIsNotPublishedAgain() {
        fixture.given(drafted(), new PostClosedEvent(POST, ENTERPRISE_A, null, T0))
                .when(new PublishPostCommand(POST, USER_A, T0))
                .expectException(RuleViolation.class);
    }

    @Test
    void aPublishedNeedGoesToTheNextBreakfastMeetingOnceWithTheEnterprisesConsent() {
        fixture.given(drafted(), new PostPublishedEvent(POST, ENTERPRISE_A, T0))
                .when(new ReferNeedToMeetingCommand(POST, USER_A, "本地暂无", List.of(), T0))
                .expectEvents(new NeedReferredToMeetingEvent(
                        POST,
                        Post.topicFor(POST),
                        ENTERPRISE_A,
                        ChainLink.POLYSILICON,
                        "找市场：本地缺少N型致密料多晶硅 (no local supply of N型致密料多晶硅)",
                        "本地暂无",
                        T0));
        fixture.given(
                        drafted(),
                        new PostPublishedEvent(POST, ENTERPRISE_A, T0),
                        new NeedReferredToMeetingEvent(
                                POST, Post.topicFor(POST), ENTERPRISE_A, ChainLink.POLYSILICON, "t", "d", T0))
                .when(new ReferNeedToMeetingCommand(POST, USER_A, null, List.of(), T0))
                .expectNoEvents();
    }

    @Test
    void aDraftIsNotReferredToAMeeting() {
        fixture.given(drafted())
                .when(new ReferNeedToMeetingCommand(POST, USER_A, null, List.of(), T0))
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesToReferANeedThatLocalOffersCouldStillServeNamingTheirProductsNotTheirEnterprises() {
        fixture.given(drafted(), new PostPublishedEvent(POST, ENTERPRISE_A, T0))
                .when(new ReferNeedToMeetingCommand(POST, USER_A, null, List.of("N型致密料 (polysilicon)", "颗粒硅"), T0))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("本地仍有 2 条供应可对接（N型致密料 (polysilicon)、颗粒硅）"),
                        org.hamcrest.Matchers.containsString("2 open local offer(s) could still serve this need")))
                .expectNoEvents();
    }
}
