package cn.qinqing.meetings.meeting.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Ids;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.meeting.AgendaChangedEvent;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.InvitationAcceptedEvent;
import cn.qinqing.language.meeting.InvitationDeclinedEvent;
import cn.qinqing.language.meeting.InvitationSelection;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingClosedEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.meeting.MinutesCorrectedEvent;
import cn.qinqing.language.meeting.MinutesDocumentsAttachedEvent;
import cn.qinqing.language.meeting.MinutesDraftedEvent;
import cn.qinqing.language.meeting.MinutesItem;
import cn.qinqing.language.meeting.MinutesPublishedEvent;
import cn.qinqing.language.meeting.TopicAcceptedEvent;
import cn.qinqing.language.meeting.TopicDeclinedEvent;
import cn.qinqing.language.meeting.TopicProposedEvent;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BreakfastMeetingTest {

    static final UUID ID = UUID.fromString("3e0c6a52-8f2b-4d7e-9c41-5a1b2c3d4e01");
    static final String A = "91150200MA0QA0001T";
    static final String B = "91150200MA0QB0002M";
    static final String C = "91150200MA0QC0003G";
    static final Requester HOST = new Requester("leader", false);
    static final Requester OTHER_LEADER = new Requester("head-industry-it", false);
    static final Requester ADMIN = new Requester("admin", true);
    // the meeting: 2026-12-11 07:30–09:00 in Baotou; topics until 2026-12-09 18:00 there
    static final Instant SCHEDULED = Instant.parse("2026-11-30T02:00:00Z");
    static final Instant STARTS = Instant.parse("2026-12-10T23:30:00Z");
    static final Instant ENDS = Instant.parse("2026-12-11T01:00:00Z");
    static final Instant CUT_OFF = Instant.parse("2026-12-09T10:00:00Z");
    static final Instant BEFORE = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant AFTER = Instant.parse("2026-12-11T03:00:00Z");
    static final UUID TOPIC = UUID.fromString("3e0c6a52-8f2b-4d7e-9c41-5a1b2c3d4e02");
    static final UUID ITEM = UUID.fromString("3e0c6a52-8f2b-4d7e-9c41-5a1b2c3d4e04");
    static final UUID ITEM_2 = UUID.fromString("3e0c6a52-8f2b-4d7e-9c41-5a1b2c3d4e06");
    static final LocalDate DUE = LocalDate.parse("2026-12-31");

    private FixtureConfiguration<BreakfastMeeting> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BreakfastMeeting.class);
    }

    // fixture factories

    static ScheduleMeetingCommand scheduling() {
        return new ScheduleMeetingCommand(
                ID, "leader", "光伏产业链：硅片与电池片", "市政府第一会议室", STARTS, ENDS, 2, List.of("industry-it"), CUT_OFF, SCHEDULED);
    }

    static MeetingScheduledEvent scheduled() {
        return new MeetingScheduledEvent(
                ID, "leader", "光伏产业链：硅片与电池片", "市政府第一会议室", STARTS, ENDS, 2, List.of("industry-it"), CUT_OFF, SCHEDULED);
    }

    static InvitationSentEvent invited(String enterprise) {
        return new InvitationSentEvent(ID, enterprise, InvitationSelection.BY_HAND, BEFORE);
    }

    static TopicProposedEvent proposed() {
        return new TopicProposedEvent(ID, TOPIC, A, "切片车间增容", "需要增容 10 MVA", null, BEFORE);
    }

    static List<AgendaItem> agenda() {
        return List.of(
                new AgendaItem(1, "切片车间增容", STARTS, STARTS.plusSeconds(1200), "industry-it", TOPIC),
                new AgendaItem(2, "电池片项目用地", STARTS.plusSeconds(1200), ENDS, "natural-resources", null));
    }

    static final Attendance ATTENDANCE = new Attendance(List.of(A), List.of("industry-it"), List.of());

    static List<MinutesItem> minutes() {
        return List.of(new MinutesItem(1, "企业介绍增容需求", List.of("工信局牵头协调供电公司")));
    }

    static RaiseActionItemCommand raising(UUID item, String owner, LocalDate due) {
        return new RaiseActionItemCommand(
                ID,
                item,
                HOST,
                1,
                1,
                A,
                owner,
                "head-industry-it",
                due,
                "协调增容",
                "工信局牵头协调供电公司",
                AppealCategory.POWER,
                Urgency.URGENT,
                AFTER);
    }

    static ActionItemRaisedEvent raised(UUID item) {
        return new ActionItemRaisedEvent(
                ID,
                item,
                Ids.derive("meeting-action-item", item.toString()),
                1,
                1,
                A,
                "industry-it",
                "head-industry-it",
                DUE,
                "协调增容",
                "工信局牵头协调供电公司",
                AppealCategory.POWER,
                Urgency.URGENT,
                AFTER);
    }

    /** A meeting that took place: A accepted, its topic accepted, the agenda published, the minutes drafted. */
    static Object[] held() {
        return new Object[] {
            scheduled(),
            invited(A),
            new InvitationAcceptedEvent(ID, A, BEFORE),
            proposed(),
            new TopicAcceptedEvent(ID, TOPIC, A, BEFORE),
            new AgendaPublishedEvent(ID, agenda(), BEFORE),
            new MinutesDraftedEvent(ID, ATTENDANCE, minutes(), AFTER)
        };
    }

    static Object[] plus(Object[] events, Object... more) {
        Object[] all = java.util.Arrays.copyOf(events, events.length + more.length);
        System.arraycopy(more, 0, all, events.length, more.length);
        return all;
    }

    static Matcher<?> code(String code) {
        return Matchers.predicate(
                e -> e instanceof RuleViolation violation && violation.code().equals(code));
    }

    @Nested
    class Scheduling {
        @Test
        void schedulesAMeetingWithEverythingTheLeaderSaid() {
            fixture.givenNoPriorActivity().when(scheduling()).expectEvents(scheduled());
        }

        @Test
        void rejectsAMeetingThatEndsBeforeItStarts() {
            var command =
                    new ScheduleMeetingCommand(ID, "leader", "t", "v", ENDS, STARTS, 2, List.of(), CUT_OFF, SCHEDULED);
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectExceptionMessage(Matchers.predicate(m -> m.toString().contains("end after")))
                    .expectNoEvents();
        }

        @Test
        void rejectsAMeetingInThePast() {
            var command = new ScheduleMeetingCommand(
                    ID, "leader", "t", "v", STARTS, ENDS, 2, List.of(), CUT_OFF, STARTS.plusSeconds(60));
            fixture.givenNoPriorActivity().when(command).expectException(code("meeting-in-the-past"));
        }

        @Test
        void rejectsATopicCutOffAfterTheStart() {
            var command =
                    new ScheduleMeetingCommand(ID, "leader", "t", "v", STARTS, ENDS, 2, List.of(), ENDS, SCHEDULED);
            fixture.givenNoPriorActivity().when(command).expectException(code("topic-cut-off-invalid"));
        }

        @Test
        void rejectsAMeetingWithoutSeats() {
            var command =
                    new ScheduleMeetingCommand(ID, "leader", "t", "v", STARTS, ENDS, 0, List.of(), CUT_OFF, SCHEDULED);
            fixture.givenNoPriorActivity().when(command).expectException(code("capacity-invalid"));
        }
    }

    @Nested
    class Invitations {
        @Test
        void invitesEnterprisesAndAnswersWithTheNewVersion() {
            fixture.given(scheduled())
                    .when(new InviteEnterprisesCommand(
                            ID,
                            0L,
                            HOST,
                            List.of(
                                    new InviteEnterprisesCommand.Invitee(A, InvitationSelection.BY_HAND),
                                    new InviteEnterprisesCommand.Invitee(B, InvitationSelection.BY_CHAIN_POSITION)),
                            BEFORE))
                    .expectEvents(
                            invited(A), new InvitationSentEvent(ID, B, InvitationSelection.BY_CHAIN_POSITION, BEFORE))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void leavesAnEnterpriseThatHoldsASeatAsItIs() {
            fixture.given(scheduled(), invited(A))
                    .when(new InviteEnterprisesCommand(
                            ID,
                            1L,
                            HOST,
                            List.of(new InviteEnterprisesCommand.Invitee(A, InvitationSelection.BY_HAND)),
                            BEFORE))
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void rejectsInvitationsBeyondTheCapacity() {
            fixture.given(scheduled(), invited(A), invited(B))
                    .when(new InviteEnterprisesCommand(
                            ID,
                            2L,
                            HOST,
                            List.of(new InviteEnterprisesCommand.Invitee(C, InvitationSelection.BY_HAND)),
                            BEFORE))
                    .expectException(code("capacity-exceeded"))
                    .expectNoEvents();
        }

        @Test
        void aDeclinedInvitationFreesItsSeat() {
            fixture.given(scheduled(), invited(A), invited(B), new InvitationDeclinedEvent(ID, B, "检修", BEFORE))
                    .when(new InviteEnterprisesCommand(
                            ID,
                            3L,
                            HOST,
                            List.of(new InviteEnterprisesCommand.Invitee(C, InvitationSelection.BY_HAND)),
                            BEFORE))
                    .expectEvents(invited(C));
        }

        @Test
        void rejectsInvitationsFromALeaderWhoDoesNotHost() {
            fixture.given(scheduled())
                    .when(new InviteEnterprisesCommand(
                            ID,
                            0L,
                            OTHER_LEADER,
                            List.of(new InviteEnterprisesCommand.Invitee(A, InvitationSelection.BY_HAND)),
                            BEFORE))
                    .expectException(NotTheHost.class)
                    .expectNoEvents();
        }

        @Test
        void anAdminMayRunAnyMeeting() {
            fixture.given(scheduled())
                    .when(new InviteEnterprisesCommand(
                            ID,
                            0L,
                            ADMIN,
                            List.of(new InviteEnterprisesCommand.Invitee(A, InvitationSelection.BY_HAND)),
                            BEFORE))
                    .expectEvents(invited(A));
        }

        @Test
        void rejectsInvitationsOnAStaleVersion() {
            fixture.given(scheduled(), invited(A))
                    .when(new InviteEnterprisesCommand(
                            ID,
                            0L,
                            HOST,
                            List.of(new InviteEnterprisesCommand.Invitee(B, InvitationSelection.BY_HAND)),
                            BEFORE))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsInvitationsOnceTheMeetingStarted() {
            fixture.given(scheduled())
                    .when(new InviteEnterprisesCommand(
                            ID,
                            0L,
                            HOST,
                            List.of(new InviteEnterprisesCommand.Invitee(A, InvitationSelection.BY_HAND)),
                            STARTS))
                    .expectException(code("meeting-started"));
        }

        @Test
        void theInvitedEnterpriseAccepts() {
            fixture.given(scheduled(), invited(A))
                    .when(new AcceptInvitationCommand(ID, 1L, A, BEFORE))
                    .expectEvents(new InvitationAcceptedEvent(ID, A, BEFORE));
        }

        @Test
        void theInvitedEnterpriseDeclinesWithItsReason() {
            fixture.given(scheduled(), invited(A))
                    .when(new DeclineInvitationCommand(ID, 1L, A, "当天检修", BEFORE))
                    .expectEvents(new InvitationDeclinedEvent(ID, A, "当天检修", BEFORE));
        }

        @Test
        void anEnterpriseThatIsNotInvitedCannotAnswer() {
            fixture.given(scheduled(), invited(A))
                    .when(new AcceptInvitationCommand(ID, 1L, B, BEFORE))
                    .expectException(NotAccessible.class);
        }

        @Test
        void acceptingAgainAfterDecliningNeedsAFreeSeat() {
            fixture.given(
                            scheduled(),
                            invited(A),
                            new InvitationDeclinedEvent(ID, A, "检修", BEFORE),
                            invited(B),
                            invited(C))
                    .when(new AcceptInvitationCommand(ID, 4L, A, BEFORE))
                    .expectException(code("capacity-exceeded"));
        }
    }

    @Nested
    class Topics {
        @Test
        void anInvitedEnterpriseProposesATopicBeforeTheCutOff() {
            fixture.given(scheduled(), invited(A))
                    .when(new ProposeTopicCommand(ID, TOPIC, A, "切片车间增容", "需要增容 10 MVA", null, BEFORE))
                    .expectEvents(proposed());
        }

        @Test
        void rejectsATopicAfterTheCutOffSayingUntilWhen() {
            fixture.given(scheduled(), invited(A))
                    .when(new ProposeTopicCommand(ID, TOPIC, A, "迟到的议题", "说明", null, CUT_OFF))
                    .expectException(code("topic-cut-off-passed"))
                    .expectExceptionMessage(Matchers.predicate(m -> m.toString().contains("2026-12-09 18:00")))
                    .expectNoEvents();
        }

        @Test
        void anEnterpriseThatIsNotInvitedProposesNothing() {
            fixture.given(scheduled(), invited(A))
                    .when(new ProposeTopicCommand(ID, TOPIC, B, "不请自来", "说明", null, BEFORE))
                    .expectException(NotAccessible.class)
                    .expectNoEvents();
        }

        @Test
        void anEnterpriseThatDeclinedProposesNothing() {
            fixture.given(scheduled(), invited(A), new InvitationDeclinedEvent(ID, A, "检修", BEFORE))
                    .when(new ProposeTopicCommand(ID, TOPIC, A, "t", "d", null, BEFORE))
                    .expectException(code("invitation-declined"));
        }

        @Test
        void proposingTheSameTopicAgainChangesNothing() {
            fixture.given(scheduled(), invited(A), proposed())
                    .when(new ProposeTopicCommand(ID, TOPIC, A, "切片车间增容", "需要增容 10 MVA", null, BEFORE))
                    .expectNoEvents()
                    .expectResultMessagePayload(2L);
        }

        @Test
        void aRetryOfAProposalAfterTheCutOffAndADeclineStillAnswersWithTheVersion() {
            fixture.given(scheduled(), invited(A), proposed(), new InvitationDeclinedEvent(ID, A, "另有安排", BEFORE))
                    .when(new ProposeTopicCommand(ID, TOPIC, A, "切片车间增容", "需要增容 10 MVA", null, AFTER))
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void theHostAcceptsATopic() {
            fixture.given(scheduled(), invited(A), proposed())
                    .when(new AcceptTopicCommand(ID, 2L, HOST, TOPIC, BEFORE))
                    .expectEvents(new TopicAcceptedEvent(ID, TOPIC, A, BEFORE));
        }

        @Test
        void theHostDeclinesATopicWithItsReason() {
            fixture.given(scheduled(), invited(A), proposed())
                    .when(new DeclineTopicCommand(ID, 2L, HOST, TOPIC, "已在上次会议议定", BEFORE))
                    .expectEvents(new TopicDeclinedEvent(ID, TOPIC, A, "已在上次会议议定", BEFORE));
        }

        @Test
        void aDecidedTopicStaysDecided() {
            fixture.given(scheduled(), invited(A), proposed(), new TopicAcceptedEvent(ID, TOPIC, A, BEFORE))
                    .when(new DeclineTopicCommand(ID, 3L, HOST, TOPIC, "改主意", BEFORE))
                    .expectException(code("topic-decided"));
        }

        @Test
        void anUnknownTopicIsNotThere() {
            fixture.given(scheduled())
                    .when(new AcceptTopicCommand(ID, 0L, HOST, TOPIC, BEFORE))
                    .expectException(NotAccessible.class);
        }

        @Test
        void onlyTheHostDecidesTopics() {
            fixture.given(scheduled(), invited(A), proposed())
                    .when(new AcceptTopicCommand(ID, 2L, OTHER_LEADER, TOPIC, BEFORE))
                    .expectException(NotTheHost.class);
        }
    }

    @Nested
    class Agenda {
        Object[] withAcceptedTopic() {
            return new Object[] {scheduled(), invited(A), proposed(), new TopicAcceptedEvent(ID, TOPIC, A, BEFORE)};
        }

        @Test
        void theFirstAgendaIsPublished() {
            fixture.given(withAcceptedTopic())
                    .when(new SetAgendaCommand(ID, 3L, HOST, agenda(), null, BEFORE))
                    .expectEvents(new AgendaPublishedEvent(ID, agenda(), BEFORE));
        }

        @Test
        void aLaterAgendaIsARecordedChangeWithItsReason() {
            fixture.given(plus(withAcceptedTopic(), new AgendaPublishedEvent(ID, agenda(), BEFORE)))
                    .when(new SetAgendaCommand(ID, 4L, HOST, agenda(), "自然资源局议题提前", BEFORE))
                    .expectEvents(new AgendaChangedEvent(ID, 2, agenda(), "自然资源局议题提前", BEFORE));
        }

        @Test
        void aChangeWithoutReasonIsRefused() {
            fixture.given(plus(withAcceptedTopic(), new AgendaPublishedEvent(ID, agenda(), BEFORE)))
                    .when(new SetAgendaCommand(ID, 4L, HOST, agenda(), " ", BEFORE))
                    .expectException(code("agenda-change-reason-required"));
        }

        @Test
        void rejectsASlotOutsideTheMeetingNamingItAndTheMeetingsTime() {
            var late = List.of(new AgendaItem(1, "会后议题", ENDS, ENDS.plusSeconds(600), "industry-it", null));
            fixture.given(withAcceptedTopic())
                    .when(new SetAgendaCommand(ID, 3L, HOST, late, null, BEFORE))
                    .expectException(code("agenda-slot-outside-meeting"))
                    .expectExceptionMessage(Matchers.predicate(m -> m.toString().contains("07:30–2026-12-11 09:00")))
                    .expectNoEvents();
        }

        @Test
        void rejectsOverlappingSlots() {
            var overlapping = List.of(
                    new AgendaItem(1, "一", STARTS, STARTS.plusSeconds(1200), "industry-it", null),
                    new AgendaItem(2, "二", STARTS.plusSeconds(600), ENDS, "industry-it", null));
            fixture.given(withAcceptedTopic())
                    .when(new SetAgendaCommand(ID, 3L, HOST, overlapping, null, BEFORE))
                    .expectException(code("agenda-slots-overlap"));
        }

        @Test
        void rejectsASlotThatEndsBeforeItStarts() {
            var backwards = List.of(new AgendaItem(1, "一", ENDS, STARTS, "industry-it", null));
            fixture.given(withAcceptedTopic())
                    .when(new SetAgendaCommand(ID, 3L, HOST, backwards, null, BEFORE))
                    .expectException(code("agenda-slot-invalid"));
        }

        @Test
        void rejectsATopicThatWasNotAccepted() {
            fixture.given(scheduled(), invited(A), proposed())
                    .when(new SetAgendaCommand(ID, 2L, HOST, agenda(), null, BEFORE))
                    .expectException(code("agenda-topic-not-accepted"));
        }

        @Test
        void rejectsAnEmptyAgenda() {
            fixture.given(scheduled())
                    .when(new SetAgendaCommand(ID, 0L, HOST, List.of(), null, BEFORE))
                    .expectException(code("agenda-empty"));
        }

        @Test
        void theAgendaIsFrozenOnceMinutesExist() {
            fixture.given(held())
                    .when(new SetAgendaCommand(ID, 6L, HOST, agenda(), "会后修改", AFTER))
                    .expectException(code("agenda-frozen"));
        }
    }

    @Nested
    class Minutes {
        Object[] withAgenda() {
            return java.util.Arrays.copyOf(held(), 6);
        }

        @Test
        void theHostDraftsMinutesAfterTheMeeting() {
            fixture.given(withAgenda())
                    .when(new DraftMinutesCommand(ID, 5L, HOST, ATTENDANCE, minutes(), AFTER))
                    .expectEvents(new MinutesDraftedEvent(ID, ATTENDANCE, minutes(), AFTER));
        }

        @Test
        void theMinutesFilesAreRecordedRightAfterTheDraft() {
            DocumentRef sheet = new DocumentRef(UUID.randomUUID(), "签到表.xlsx", "text/plain", 10, "c".repeat(64));
            fixture.given(withAgenda())
                    .when(new DraftMinutesCommand(ID, 5L, HOST, ATTENDANCE, minutes(), AFTER, List.of(sheet)))
                    .expectEvents(
                            new MinutesDraftedEvent(ID, ATTENDANCE, minutes(), AFTER),
                            new MinutesDocumentsAttachedEvent(ID, HOST.subject(), List.of(sheet), AFTER));
        }

        @Test
        void rejectsMinutesBeforeTheMeetingStarts() {
            fixture.given(withAgenda())
                    .when(new DraftMinutesCommand(ID, 5L, HOST, ATTENDANCE, minutes(), BEFORE))
                    .expectException(code("meeting-not-held-yet"));
        }

        @Test
        void rejectsMinutesWithoutAnAgenda() {
            fixture.given(scheduled())
                    .when(new DraftMinutesCommand(ID, 0L, HOST, ATTENDANCE, minutes(), AFTER))
                    .expectException(code("agenda-not-published"));
        }

        @Test
        void rejectsMinutesOfAnItemTheAgendaDoesNotHave() {
            fixture.given(withAgenda())
                    .when(new DraftMinutesCommand(
                            ID, 5L, HOST, ATTENDANCE, List.of(new MinutesItem(9, "?", List.of())), AFTER))
                    .expectException(code("minutes-item-unknown"));
        }

        @Test
        void publishesTheDraft() {
            fixture.given(held())
                    .when(new PublishMinutesCommand(ID, 6L, HOST, AFTER))
                    .expectEvents(new MinutesPublishedEvent(ID, AFTER));
        }

        @Test
        void thereIsNoDraftToPublishBeforeOneIsWritten() {
            fixture.given(withAgenda())
                    .when(new PublishMinutesCommand(ID, 5L, HOST, AFTER))
                    .expectException(code("minutes-missing"));
        }

        @Test
        void publishedMinutesAreNotRedrafted() {
            fixture.given(plus(held(), new MinutesPublishedEvent(ID, AFTER)))
                    .when(new DraftMinutesCommand(ID, 7L, HOST, ATTENDANCE, minutes(), AFTER))
                    .expectException(code("minutes-published"));
        }

        @Test
        void publishedMinutesChangeByANumberedCorrection() {
            fixture.given(plus(held(), new MinutesPublishedEvent(ID, AFTER)))
                    .when(new CorrectMinutesCommand(ID, 7L, HOST, ATTENDANCE, minutes(), "更正完成时间", AFTER))
                    .expectEvents(new MinutesCorrectedEvent(ID, 1, ATTENDANCE, minutes(), "更正完成时间", AFTER));
        }

        @Test
        void aDraftIsNotCorrected() {
            fixture.given(held())
                    .when(new CorrectMinutesCommand(ID, 6L, HOST, ATTENDANCE, minutes(), "更正", AFTER))
                    .expectException(code("minutes-not-published"));
        }

        @Test
        void onlyTheHostWritesMinutes() {
            fixture.given(withAgenda())
                    .when(new DraftMinutesCommand(ID, 5L, OTHER_LEADER, ATTENDANCE, minutes(), AFTER))
                    .expectException(NotTheHost.class);
        }
    }

    @Nested
    class ActionItems {
        @Test
        void aDecisionRaisesAnActionItemNamingTheAppealItBecomes() {
            fixture.given(held())
                    .when(raising(ITEM, "industry-it", DUE))
                    .expectEvents(raised(ITEM))
                    .expectResultMessagePayload(7L);
        }

        @Test
        void theAppealIdIsWhatTheAppealsServiceDerives() {
            assertThat(BreakfastMeeting.appealFor(ITEM)).isEqualTo(Ids.derive("meeting-action-item", ITEM.toString()));
        }

        @Test
        void raisingTheSameItemAgainChangesNothing() {
            fixture.given(plus(held(), raised(ITEM)))
                    .when(raising(ITEM, "industry-it", DUE))
                    .expectNoEvents();
        }

        @Test
        void aRetryOfAnItemAfterTheMeetingClosedStillAnswersWithTheVersion() {
            fixture.given(plus(
                            held(),
                            raised(ITEM),
                            new ActionItemClosedEvent(ID, ITEM, "CASE_FILE_CLOSED", AFTER),
                            new MeetingClosedEvent(ID, 1, AFTER)))
                    .when(raising(ITEM, "industry-it", DUE))
                    .expectNoEvents()
                    .expectResultMessagePayload(9L);
        }

        @Test
        void rejectsAnItemWithoutOwner() {
            fixture.given(held()).when(raising(ITEM, null, DUE)).expectException(code("action-item-incomplete"));
        }

        @Test
        void rejectsAnItemWithoutDueDate() {
            fixture.given(held())
                    .when(raising(ITEM, "industry-it", null))
                    .expectException(code("action-item-incomplete"));
        }

        @Test
        void rejectsAnItemBeforeThereAreMinutes() {
            fixture.given(java.util.Arrays.copyOf(held(), 6))
                    .when(raising(ITEM, "industry-it", DUE))
                    .expectException(code("minutes-missing"));
        }

        @Test
        void rejectsAnItemForADecisionTheMinutesDoNotHave() {
            var command = new RaiseActionItemCommand(
                    ID,
                    ITEM,
                    HOST,
                    1,
                    2,
                    A,
                    "industry-it",
                    "head-industry-it",
                    DUE,
                    "t",
                    "d",
                    AppealCategory.POWER,
                    Urgency.NORMAL,
                    AFTER);
            fixture.given(held()).when(command).expectException(code("decision-unknown"));
        }

        @Test
        void rejectsAnItemForAnEnterpriseThatWasNotInvited() {
            var command = new RaiseActionItemCommand(
                    ID,
                    ITEM,
                    HOST,
                    1,
                    1,
                    B,
                    "industry-it",
                    "head-industry-it",
                    DUE,
                    "t",
                    "d",
                    AppealCategory.POWER,
                    Urgency.NORMAL,
                    AFTER);
            fixture.given(held()).when(command).expectException(code("enterprise-not-invited"));
        }

        @Test
        void rejectsADueDateBeforeTheMeeting() {
            fixture.given(held())
                    .when(raising(ITEM, "industry-it", LocalDate.parse("2026-12-10")))
                    .expectException(code("due-date-before-meeting"));
        }

        @Test
        void onlyTheHostRaisesItems() {
            var command = new RaiseActionItemCommand(
                    ID,
                    ITEM,
                    OTHER_LEADER,
                    1,
                    1,
                    A,
                    "industry-it",
                    "head-industry-it",
                    DUE,
                    "t",
                    "d",
                    AppealCategory.POWER,
                    Urgency.NORMAL,
                    AFTER);
            fixture.given(held()).when(command).expectException(NotTheHost.class);
        }
    }

    @Nested
    class Closing {
        @Test
        void closingTheLastOpenItemClosesTheMeeting() {
            fixture.given(plus(held(), raised(ITEM)))
                    .when(new RecordActionItemClosedCommand(ID, ITEM, "CASE_FILE_CLOSED", AFTER))
                    .expectEvents(
                            new ActionItemClosedEvent(ID, ITEM, "CASE_FILE_CLOSED", AFTER),
                            new MeetingClosedEvent(ID, 1, AFTER));
        }

        @Test
        void closingOneOfTwoItemsKeepsTheMeetingOpen() {
            fixture.given(plus(held(), raised(ITEM), raised(ITEM_2)))
                    .when(new RecordActionItemClosedCommand(ID, ITEM, "APPEAL_CLOSED", AFTER))
                    .expectEvents(new ActionItemClosedEvent(ID, ITEM, "APPEAL_CLOSED", AFTER));
        }

        @Test
        void hearingAgainThatAnItemClosedChangesNothing() {
            fixture.given(plus(
                            held(),
                            raised(ITEM),
                            new ActionItemClosedEvent(ID, ITEM, "CASE_FILE_CLOSED", AFTER),
                            new MeetingClosedEvent(ID, 1, AFTER)))
                    .when(new RecordActionItemClosedCommand(ID, ITEM, "APPEAL_CLOSED", AFTER))
                    .expectNoEvents();
        }

        @Test
        void anItemTheMeetingDoesNotHaveChangesNothing() {
            fixture.given(plus(held(), raised(ITEM)))
                    .when(new RecordActionItemClosedCommand(ID, ITEM_2, "APPEAL_CLOSED", AFTER))
                    .expectNoEvents();
        }

        @Test
        void aClosedMeetingTakesNoMoreItems() {
            fixture.given(plus(
                            held(),
                            raised(ITEM),
                            new ActionItemClosedEvent(ID, ITEM, "CASE_FILE_CLOSED", AFTER),
                            new MeetingClosedEvent(ID, 1, AFTER)))
                    .when(raising(ITEM_2, "industry-it", DUE))
                    .expectException(code("meeting-closed"));
        }

        @Test
        void theHostClosesAMeetingThatRaisedNoItemsOnceTheMinutesArePublished() {
            fixture.given(plus(held(), new MinutesPublishedEvent(ID, AFTER)))
                    .when(new CloseMeetingCommand(ID, 7L, HOST, AFTER))
                    .expectEvents(new MeetingClosedEvent(ID, 0, AFTER));
        }

        @Test
        void theHostCannotCloseAMeetingWithOpenItems() {
            fixture.given(plus(held(), new MinutesPublishedEvent(ID, AFTER), raised(ITEM)))
                    .when(new CloseMeetingCommand(ID, 8L, HOST, AFTER))
                    .expectException(code("action-items-open"));
        }

        @Test
        void theHostCannotCloseBeforeTheMinutesArePublished() {
            fixture.given(held())
                    .when(new CloseMeetingCommand(ID, 6L, HOST, AFTER))
                    .expectException(code("minutes-not-published"));
        }
    }
}
