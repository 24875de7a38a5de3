package cn.qinqing.meetings.meeting.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.Ids;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.meeting.AgendaChangedEvent;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.InvitationAcceptedEvent;
import cn.qinqing.language.meeting.InvitationDeclinedEvent;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A government–business breakfast meeting (政商恳谈早餐会): who is invited, which topics the enterprises brought,
 * the agenda, the minutes, and the action items its decisions raised. Its host (or an admin) runs it; the invited
 * enterprises answer and propose topics; it closes when every action item it raised is closed.
 *
 * <p>Update handlers answer with the meeting's new version, which the API hands out as the ETag.
 */
@Aggregate(type = "BreakfastMeeting")
public class BreakfastMeeting {

    /** Times in messages are shown as the city sees them. */
    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CITY);

    @AggregateIdentifier
    private UUID meetingId;

    private String hostLeaderId;
    private Instant startsAt;
    private Instant endsAt;
    private int capacity;
    private Instant topicCutOffAt;
    private final Map<String, InvitationState> invitations = new HashMap<>();
    private final Map<UUID, Topic> topics = new HashMap<>();
    private int agendaRevision;
    private Set<Integer> agendaPositions = Set.of();
    private MinutesState minutes = MinutesState.NONE;
    private int corrections;
    private Map<Integer, Integer> decisionsPerItem = Map.of();
    private final Map<UUID, Boolean> actionItemsClosed = new LinkedHashMap<>();
    private boolean closed;

    protected BreakfastMeeting() {
        // for Axon
    }

    @CommandHandler
    public BreakfastMeeting(ScheduleMeetingCommand command) {
        if (!command.endsAt().isAfter(command.startsAt())) {
            throw new RuleViolation("meeting-ends-before-it-starts", "The meeting must end after it starts.");
        }
        if (!command.startsAt().isAfter(command.scheduledAt())) {
            throw new RuleViolation(
                    "meeting-in-the-past", "A meeting is scheduled ahead: its start must lie in the future.");
        }
        if (command.topicCutOffAt().isAfter(command.startsAt())
                || !command.topicCutOffAt().isAfter(command.scheduledAt())) {
            throw new RuleViolation(
                    "topic-cut-off-invalid",
                    "The cut-off for topics must lie between now and the start of the meeting.");
        }
        if (command.capacity() < 1) {
            throw new RuleViolation("capacity-invalid", "A meeting seats at least one enterprise.");
        }
        apply(new MeetingScheduledEvent(
                command.meetingId(),
                command.hostLeaderId(),
                command.theme(),
                command.venue(),
                command.startsAt(),
                command.endsAt(),
                command.capacity(),
                command.departmentIds(),
                command.topicCutOffAt(),
                command.scheduledAt()));
    }

    @CommandHandler
    Long handle(InviteEnterprisesCommand command) {
        requireHost(command.requester());
        requireVersion(command.expectedVersion());
        requireOpen();
        requireNotStarted(command.sentAt(), "invite enterprises");
        List<InviteEnterprisesCommand.Invitee> fresh = command.invitees().stream()
                .filter(invitee -> !holdsSeat(invitee.enterpriseId()))
                .collect(java.util.stream.Collectors.toMap(
                        InviteEnterprisesCommand.Invitee::enterpriseId,
                        invitee -> invitee,
                        (first, second) -> first,
                        LinkedHashMap::new))
                .values()
                .stream()
                .toList();
        long seated = seatsTaken();
        if (seated + fresh.size() > capacity) {
            throw new RuleViolation(
                    "capacity-exceeded",
                    "The meeting seats " + capacity + " enterprises; " + seated + " hold a seat and this would invite "
                            + fresh.size() + " more.");
        }
        fresh.forEach(invitee -> apply(
                new InvitationSentEvent(meetingId, invitee.enterpriseId(), invitee.selection(), command.sentAt())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AcceptInvitationCommand command) {
        InvitationState invitation = requireInvited(command.enterpriseId());
        requireVersion(command.expectedVersion());
        requireOpen();
        requireNotStarted(command.acceptedAt(), "answer the invitation");
        if (invitation == InvitationState.DECLINED && seatsTaken() >= capacity) {
            throw new RuleViolation(
                    "capacity-exceeded", "Your seat was given away after you declined; the meeting is full.");
        }
        if (invitation != InvitationState.ACCEPTED) {
            apply(new InvitationAcceptedEvent(meetingId, command.enterpriseId(), command.acceptedAt()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(DeclineInvitationCommand command) {
        InvitationState invitation = requireInvited(command.enterpriseId());
        requireVersion(command.expectedVersion());
        requireOpen();
        requireNotStarted(command.declinedAt(), "answer the invitation");
        if (invitation != InvitationState.DECLINED) {
            apply(new InvitationDeclinedEvent(
                    meetingId, command.enterpriseId(), command.reason(), command.declinedAt()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(ProposeTopicCommand command) {
        InvitationState invitation = requireInvited(command.enterpriseId());
        if (topics.containsKey(command.topicId())) {
            return AggregateLifecycle.getVersion(); // a retry of a proposal that was made
        }
        requireOpen();
        if (invitation == InvitationState.DECLINED) {
            throw new RuleViolation(
                    "invitation-declined", "You declined the invitation; accept it again to propose topics.");
        }
        if (!command.proposedAt().isBefore(topicCutOffAt)) {
            throw new RuleViolation(
                    "topic-cut-off-passed",
                    "Topics for this meeting closed at " + SHOWN.format(topicCutOffAt)
                            + " (Asia/Shanghai); raise the matter as an appeal or at the next meeting.");
        }
        apply(new TopicProposedEvent(
                meetingId,
                command.topicId(),
                command.enterpriseId(),
                command.title(),
                command.description(),
                command.linkedAppealId(),
                command.proposedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(AcceptTopicCommand command) {
        Topic topic = requireUndecidedTopic(command.requester(), command.expectedVersion(), command.topicId());
        apply(new TopicAcceptedEvent(meetingId, command.topicId(), topic.enterpriseId(), command.acceptedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(DeclineTopicCommand command) {
        Topic topic = requireUndecidedTopic(command.requester(), command.expectedVersion(), command.topicId());
        apply(new TopicDeclinedEvent(
                meetingId, command.topicId(), topic.enterpriseId(), command.reason(), command.declinedAt()));
        return AggregateLifecycle.getVersion();
    }

    private Topic requireUndecidedTopic(Requester requester, Long expectedVersion, UUID topicId) {
        requireHost(requester);
        requireVersion(expectedVersion);
        requireOpen();
        Topic topic = topics.get(topicId);
        if (topic == null) {
            throw new NotAccessible("topic " + topicId);
        }
        if (topic.status() != TopicStatus.PROPOSED) {
            throw new RuleViolation(
                    "topic-decided",
                    "The topic was already " + topic.status().name().toLowerCase() + "; its decision stands.");
        }
        return topic;
    }

    @CommandHandler
    Long handle(SetAgendaCommand command) {
        requireHost(command.requester());
        requireVersion(command.expectedVersion());
        requireOpen();
        if (minutes != MinutesState.NONE) {
            throw new RuleViolation(
                    "agenda-frozen", "The minutes of this meeting exist; its agenda no longer changes.");
        }
        checkAgenda(command.items());
        if (agendaRevision == 0) {
            apply(new AgendaPublishedEvent(meetingId, command.items(), command.at()));
        } else {
            if (command.reason() == null || command.reason().isBlank()) {
                throw new RuleViolation(
                        "agenda-change-reason-required",
                        "The agenda was published: say why it changes (reason), everyone will see it.");
            }
            apply(new AgendaChangedEvent(
                    meetingId, agendaRevision + 1, command.items(), command.reason(), command.at()));
        }
        return AggregateLifecycle.getVersion();
    }

    private void checkAgenda(List<AgendaItem> items) {
        if (items.isEmpty()) {
            throw new RuleViolation("agenda-empty", "An agenda has at least one item.");
        }
        Instant previousEnd = null;
        for (AgendaItem item : items) {
            String name = "Item " + item.position() + " (" + item.title() + ")";
            if (!item.endsAt().isAfter(item.startsAt())) {
                throw new RuleViolation("agenda-slot-invalid", name + " must end after it starts.");
            }
            if (item.startsAt().isBefore(startsAt) || item.endsAt().isAfter(endsAt)) {
                throw new RuleViolation(
                        "agenda-slot-outside-meeting",
                        name + " runs " + SHOWN.format(item.startsAt()) + "–" + SHOWN.format(item.endsAt())
                                + ", outside the meeting's " + SHOWN.format(startsAt) + "–" + SHOWN.format(endsAt)
                                + " (Asia/Shanghai).");
            }
            if (previousEnd != null && item.startsAt().isBefore(previousEnd)) {
                throw new RuleViolation(
                        "agenda-slots-overlap", name + " starts before the item before it ends; list items in order.");
            }
            if (item.topicId() != null) {
                Topic topic = topics.get(item.topicId());
                if (topic == null || topic.status() != TopicStatus.ACCEPTED) {
                    throw new RuleViolation(
                            "agenda-topic-not-accepted", name + " names a topic that is not an accepted topic.");
                }
            }
            previousEnd = item.endsAt();
        }
    }

    @CommandHandler
    Long handle(DraftMinutesCommand command) {
        requireHost(command.requester());
        requireVersion(command.expectedVersion());
        requireOpen();
        if (command.draftedAt().isBefore(startsAt)) {
            throw new RuleViolation(
                    "meeting-not-held-yet",
                    "The meeting starts at " + SHOWN.format(startsAt) + " (Asia/Shanghai); minutes come after it.");
        }
        if (agendaRevision == 0) {
            throw new RuleViolation("agenda-not-published", "Minutes record an agenda: publish the agenda first.");
        }
        if (minutes == MinutesState.PUBLISHED) {
            throw new RuleViolation(
                    "minutes-published", "The minutes are published; change them by a correction, with its reason.");
        }
        checkMinutes(command.items());
        apply(new MinutesDraftedEvent(meetingId, command.attendance(), command.items(), command.draftedAt()));
        attach(command.requester(), command.documents(), command.draftedAt());
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(PublishMinutesCommand command) {
        requireHost(command.requester());
        requireVersion(command.expectedVersion());
        requireOpen();
        if (minutes == MinutesState.NONE) {
            throw new RuleViolation("minutes-missing", "There is no draft of the minutes to publish.");
        }
        if (minutes == MinutesState.PUBLISHED) {
            throw new RuleViolation("minutes-published", "The minutes are already published.");
        }
        apply(new MinutesPublishedEvent(meetingId, command.publishedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(CorrectMinutesCommand command) {
        requireHost(command.requester());
        requireVersion(command.expectedVersion());
        if (minutes != MinutesState.PUBLISHED) {
            throw new RuleViolation(
                    "minutes-not-published", "Only published minutes are corrected; change the draft instead.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("correction-reason-required", "A correction says why (reason).");
        }
        checkMinutes(command.items());
        apply(new MinutesCorrectedEvent(
                meetingId,
                corrections + 1,
                command.attendance(),
                command.items(),
                command.reason(),
                command.correctedAt()));
        attach(command.requester(), command.documents(), command.correctedAt());
        return AggregateLifecycle.getVersion();
    }

    /** Files uploaded with the minutes, recorded right after them by an event of their own (ADR 0009). */
    private void attach(Requester requester, List<DocumentRef> documents, Instant attachedAt) {
        if (!documents.isEmpty()) {
            apply(new MinutesDocumentsAttachedEvent(meetingId, requester.subject(), documents, attachedAt));
        }
    }

    private void checkMinutes(List<MinutesItem> items) {
        for (MinutesItem item : items) {
            if (!agendaPositions.contains(item.agendaPosition())) {
                throw new RuleViolation(
                        "minutes-item-unknown",
                        "The agenda has no item " + item.agendaPosition() + "; minutes record agenda items.");
            }
        }
    }

    @CommandHandler
    Long handle(RaiseActionItemCommand command) {
        requireHost(command.requester());
        if (actionItemsClosed.containsKey(command.actionItemId())) {
            return AggregateLifecycle.getVersion(); // a retry of an item that was raised
        }
        requireOpen();
        if (command.ownerDepartmentId() == null || command.ownerDepartmentId().isBlank() || command.dueOn() == null) {
            throw new RuleViolation(
                    "action-item-incomplete", "An action item needs an owner department and a due date.");
        }
        if (minutes == MinutesState.NONE) {
            throw new RuleViolation(
                    "minutes-missing", "Action items come from the decisions in the minutes: draft them first.");
        }
        Integer decisions = decisionsPerItem.get(command.agendaPosition());
        if (decisions == null || command.decision() < 1 || command.decision() > decisions) {
            throw new RuleViolation(
                    "decision-unknown",
                    "The minutes of agenda item " + command.agendaPosition() + " have no decision " + command.decision()
                            + ".");
        }
        if (!invitations.containsKey(command.enterpriseId())) {
            throw new RuleViolation(
                    "enterprise-not-invited", "An action item concerns one of the enterprises invited to the meeting.");
        }
        if (command.dueOn().isBefore(LocalDate.ofInstant(startsAt, CITY))) {
            throw new RuleViolation("due-date-before-meeting", "The due date lies before the meeting took place.");
        }
        apply(new ActionItemRaisedEvent(
                meetingId,
                command.actionItemId(),
                appealFor(command.actionItemId()),
                command.agendaPosition(),
                command.decision(),
                command.enterpriseId(),
                command.ownerDepartmentId(),
                command.responsibleLeaderId(),
                command.dueOn(),
                command.title(),
                command.description(),
                command.category(),
                command.urgency(),
                command.raisedAt()));
        return AggregateLifecycle.getVersion();
    }

    /** The appeal the appeals service files for an action item: both sides derive it the same way. */
    public static UUID appealFor(UUID actionItemId) {
        return Ids.derive("meeting-action-item", actionItemId.toString());
    }

    @CommandHandler
    Long handle(RecordActionItemClosedCommand command) {
        Boolean itemClosed = actionItemsClosed.get(command.actionItemId());
        if (itemClosed == null || itemClosed) {
            return AggregateLifecycle.getVersion(); // not ours, or told before
        }
        apply(new ActionItemClosedEvent(meetingId, command.actionItemId(), command.cause(), command.closedAt()));
        if (!closed && actionItemsClosed.values().stream().allMatch(Boolean::booleanValue)) {
            apply(new MeetingClosedEvent(meetingId, actionItemsClosed.size(), command.closedAt()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    Long handle(CloseMeetingCommand command) {
        requireHost(command.requester());
        requireVersion(command.expectedVersion());
        requireOpen();
        if (minutes != MinutesState.PUBLISHED) {
            throw new RuleViolation("minutes-not-published", "Publish the minutes before closing the meeting.");
        }
        long open = actionItemsClosed.values().stream().filter(done -> !done).count();
        if (open > 0) {
            throw new RuleViolation(
                    "action-items-open",
                    open + " action item(s) are still open; the meeting closes when the last one is closed.");
        }
        apply(new MeetingClosedEvent(meetingId, actionItemsClosed.size(), command.closedAt()));
        return AggregateLifecycle.getVersion();
    }

    private void requireHost(Requester requester) {
        if (!requester.admin() && !hostLeaderId.equals(requester.subject())) {
            throw new NotTheHost(hostLeaderId);
        }
    }

    /** An enterprise that is not invited learns nothing about the meeting, not even that it exists. */
    private InvitationState requireInvited(String enterpriseId) {
        InvitationState invitation = enterpriseId == null ? null : invitations.get(enterpriseId);
        if (invitation == null) {
            throw new NotAccessible("meeting " + meetingId);
        }
        return invitation;
    }

    private void requireOpen() {
        if (closed) {
            throw new RuleViolation("meeting-closed", "The meeting is closed.");
        }
    }

    private void requireNotStarted(Instant at, String what) {
        if (!at.isBefore(startsAt)) {
            throw new RuleViolation("meeting-started", "The meeting has started; it is too late to " + what + ".");
        }
    }

    private boolean holdsSeat(String enterpriseId) {
        InvitationState state = invitations.get(enterpriseId);
        return state != null && state != InvitationState.DECLINED;
    }

    private long seatsTaken() {
        return invitations.values().stream()
                .filter(state -> state != InvitationState.DECLINED)
                .count();
    }

    /**
     * An update names the version it was based on, and only that exact version may be updated (Axon alone would
     * also accept a version from the future).
     */
    private static void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected == null || !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(
                    "meeting", expected == null ? -1 : expected, actual == null ? -1 : actual);
        }
    }

    @EventSourcingHandler
    void on(MeetingScheduledEvent event) {
        meetingId = event.meetingId();
        hostLeaderId = event.hostLeaderId();
        startsAt = event.startsAt();
        endsAt = event.endsAt();
        capacity = event.capacity();
        topicCutOffAt = event.topicCutOffAt();
    }

    @EventSourcingHandler
    void on(InvitationSentEvent event) {
        invitations.put(event.enterpriseId(), InvitationState.INVITED);
    }

    @EventSourcingHandler
    void on(InvitationAcceptedEvent event) {
        invitations.put(event.enterpriseId(), InvitationState.ACCEPTED);
    }

    @EventSourcingHandler
    void on(InvitationDeclinedEvent event) {
        invitations.put(event.enterpriseId(), InvitationState.DECLINED);
    }

    @EventSourcingHandler
    void on(TopicProposedEvent event) {
        topics.put(event.topicId(), new Topic(event.enterpriseId(), TopicStatus.PROPOSED));
    }

    @EventSourcingHandler
    void on(TopicAcceptedEvent event) {
        topics.computeIfPresent(event.topicId(), (id, topic) -> new Topic(topic.enterpriseId(), TopicStatus.ACCEPTED));
    }

    @EventSourcingHandler
    void on(TopicDeclinedEvent event) {
        topics.computeIfPresent(event.topicId(), (id, topic) -> new Topic(topic.enterpriseId(), TopicStatus.DECLINED));
    }

    @EventSourcingHandler
    void on(AgendaPublishedEvent event) {
        agendaRevision = 1;
        agendaPositions = positions(event.items());
    }

    @EventSourcingHandler
    void on(AgendaChangedEvent event) {
        agendaRevision = event.revision();
        agendaPositions = positions(event.items());
    }

    private static Set<Integer> positions(List<AgendaItem> items) {
        Set<Integer> positions = new HashSet<>();
        items.forEach(item -> positions.add(item.position()));
        return Set.copyOf(positions);
    }

    @EventSourcingHandler
    void on(MinutesDraftedEvent event) {
        minutes = MinutesState.DRAFTED;
        decisionsPerItem = decisions(event.items());
    }

    @EventSourcingHandler
    void on(MinutesPublishedEvent event) {
        minutes = MinutesState.PUBLISHED;
    }

    @EventSourcingHandler
    void on(MinutesCorrectedEvent event) {
        corrections = event.correction();
        decisionsPerItem = decisions(event.items());
    }

    private static Map<Integer, Integer> decisions(List<MinutesItem> items) {
        Map<Integer, Integer> decisions = new HashMap<>();
        items.forEach(
                item -> decisions.merge(item.agendaPosition(), item.decisions().size(), Integer::sum));
        return Map.copyOf(decisions);
    }

    @EventSourcingHandler
    void on(ActionItemRaisedEvent event) {
        actionItemsClosed.put(event.actionItemId(), false);
    }

    @EventSourcingHandler
    void on(ActionItemClosedEvent event) {
        actionItemsClosed.put(event.actionItemId(), true);
    }

    @EventSourcingHandler
    void on(MeetingClosedEvent event) {
        closed = true;
    }

    private enum InvitationState {
        INVITED,
        ACCEPTED,
        DECLINED
    }

    private enum TopicStatus {
        PROPOSED,
        ACCEPTED,
        DECLINED
    }

    private enum MinutesState {
        NONE,
        DRAFTED,
        PUBLISHED
    }

    private record Topic(String enterpriseId, TopicStatus status) {}
}
