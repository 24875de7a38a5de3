package cn.qinqing.oversight.chain;

import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.meeting.AgendaChangedEvent;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.AgendaPublishedEvent;
import cn.qinqing.language.meeting.Attendance;
import cn.qinqing.language.meeting.InvitationAcceptedEvent;
import cn.qinqing.language.meeting.InvitationDeclinedEvent;
import cn.qinqing.language.meeting.InvitationSentEvent;
import cn.qinqing.language.meeting.MeetingClosedEvent;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.meeting.MinutesCorrectedEvent;
import cn.qinqing.language.meeting.MinutesDraftedEvent;
import cn.qinqing.language.meeting.MinutesItem;
import cn.qinqing.language.meeting.MinutesPublishedEvent;
import cn.qinqing.language.meeting.TopicAcceptedEvent;
import cn.qinqing.language.meeting.TopicDeclinedEvent;
import cn.qinqing.language.meeting.TopicProposedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A breakfast meeting as its published events tell it, folded in stream order: the meeting, its topics and who
 * proposed them, the agenda in force, the minutes in force (decisions, attendance), the invitations' answers and the
 * action items. Plain Java: no framework.
 */
final class MeetingRecord {

    /** A topic an enterprise proposed, and what became of it: PROPOSED, ACCEPTED, DECLINED. */
    record Topic(
            UUID topicId, String enterpriseId, String title, String description, Instant proposedAt, String status) {}

    private final UUID meetingId;
    private MeetingScheduledEvent scheduled;
    private final Map<UUID, Topic> topics = new LinkedHashMap<>();
    private List<AgendaItem> agenda = List.of();
    private List<MinutesItem> minutes = List.of();
    private Attendance attendance;
    private boolean minutesPublished;
    private final Map<String, String> invitations = new LinkedHashMap<>();
    private final Map<UUID, ActionItemRaisedEvent> actionItems = new LinkedHashMap<>();
    private final Map<UUID, ActionItemClosedEvent> closedItems = new LinkedHashMap<>();
    private Instant closedAt;

    MeetingRecord(UUID meetingId) {
        this.meetingId = meetingId;
    }

    /** Folds the meeting's events, in stream order. */
    static MeetingRecord of(UUID meetingId, List<Object> events) {
        MeetingRecord record = new MeetingRecord(meetingId);
        events.forEach(record::apply);
        return record;
    }

    void apply(Object event) {
        if (event instanceof MeetingScheduledEvent e) {
            scheduled = e;
        } else if (event instanceof InvitationSentEvent e) {
            invitations.put(e.enterpriseId(), "INVITED");
        } else if (event instanceof InvitationAcceptedEvent e) {
            invitations.put(e.enterpriseId(), "ACCEPTED");
        } else if (event instanceof InvitationDeclinedEvent e) {
            invitations.put(e.enterpriseId(), "DECLINED");
        } else if (event instanceof TopicProposedEvent e) {
            topics.put(
                    e.topicId(),
                    new Topic(e.topicId(), e.enterpriseId(), e.title(), e.description(), e.proposedAt(), "PROPOSED"));
        } else if (event instanceof TopicAcceptedEvent e) {
            topic(e.topicId(), "ACCEPTED");
        } else if (event instanceof TopicDeclinedEvent e) {
            topic(e.topicId(), "DECLINED");
        } else if (event instanceof AgendaPublishedEvent e) {
            agenda = e.items();
        } else if (event instanceof AgendaChangedEvent e) {
            agenda = e.items();
        } else if (event instanceof MinutesDraftedEvent e) {
            minutes = e.items();
            attendance = e.attendance();
        } else if (event instanceof MinutesCorrectedEvent e) {
            minutes = e.items();
            attendance = e.attendance();
        } else if (event instanceof MinutesPublishedEvent) {
            minutesPublished = true;
        } else if (event instanceof ActionItemRaisedEvent e) {
            actionItems.put(e.actionItemId(), e);
        } else if (event instanceof ActionItemClosedEvent e) {
            closedItems.put(e.actionItemId(), e);
        } else if (event instanceof MeetingClosedEvent e) {
            closedAt = e.closedAt();
        }
    }

    private void topic(UUID topicId, String status) {
        Topic topic = topics.get(topicId);
        if (topic != null) {
            topics.put(
                    topicId,
                    new Topic(
                            topicId,
                            topic.enterpriseId(),
                            topic.title(),
                            topic.description(),
                            topic.proposedAt(),
                            status));
        }
    }

    UUID meetingId() {
        return meetingId;
    }

    /** The scheduling, if it was recorded (a meeting known only by an action item has none). */
    Optional<MeetingScheduledEvent> scheduled() {
        return Optional.ofNullable(scheduled);
    }

    Optional<AgendaItem> agendaItem(int position) {
        return agenda.stream().filter(item -> item.position() == position).findFirst();
    }

    Optional<Topic> topic(UUID topicId) {
        return Optional.ofNullable(topicId).map(topics::get);
    }

    /** The minutes' summary of an agenda item (several minutes items of one position are joined). */
    Optional<String> summary(int agendaPosition) {
        List<String> summaries = minutes.stream()
                .filter(item -> item.agendaPosition() == agendaPosition && item.summary() != null)
                .map(MinutesItem::summary)
                .toList();
        return summaries.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", summaries));
    }

    /** Decision {@code number} (1-based, as action items name it) of an agenda item in the minutes in force. */
    Optional<String> decision(int agendaPosition, int number) {
        List<String> decisions = new ArrayList<>();
        minutes.stream()
                .filter(item -> item.agendaPosition() == agendaPosition)
                .forEach(item -> decisions.addAll(item.decisions()));
        return number >= 1 && number <= decisions.size() ? Optional.of(decisions.get(number - 1)) : Optional.empty();
    }

    boolean minutesPublished() {
        return minutesPublished;
    }

    Optional<ActionItemRaisedEvent> actionItem(UUID actionItemId) {
        return Optional.ofNullable(actionItems.get(actionItemId));
    }

    Optional<ActionItemClosedEvent> closing(UUID actionItemId) {
        return Optional.ofNullable(closedItems.get(actionItemId));
    }

    /**
     * Whether the enterprise attended: named in the attendance of the minutes in force; before minutes exist, having
     * accepted the invitation.
     */
    boolean attendedBy(String enterpriseId) {
        if (attendance != null && !attendance.enterpriseIds().isEmpty()) {
            return attendance.enterpriseIds().contains(enterpriseId);
        }
        return "ACCEPTED".equals(invitations.get(enterpriseId));
    }

    /** What the enterprise answered: INVITED, ACCEPTED, DECLINED; null when not invited. */
    String invitation(String enterpriseId) {
        return invitations.get(enterpriseId);
    }

    long actionItemsFor(String enterpriseId) {
        return actionItems.values().stream()
                .filter(item -> enterpriseId.equals(item.enterpriseId()))
                .count();
    }

    Instant closedAt() {
        return closedAt;
    }
}
