package cn.qinqing.oversight.chain;

import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.meeting.AgendaItem;
import cn.qinqing.language.meeting.MeetingScheduledEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CloseOutSignedOffEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.oversight.directory.Directory;
import cn.qinqing.oversight.directory.DirectorySnapshot;
import cn.qinqing.oversight.eventlog.AppealEventLog;
import cn.qinqing.oversight.history.AppealEvent;
import cn.qinqing.oversight.reading.Scope;
import cn.qinqing.oversight.timeline.TimelineQueries;
import cn.qinqing.oversight.timeline.TimelineViews.Timeline;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The causal chain of one appeal as of an instant: the appeal's own events (its filing names the meeting and the
 * action item, its action item the agenda item and decision) joined with the meeting's events. Whoever may read the
 * appeal's timeline may read its chain; nobody else learns that it exists.
 */
@Service
public class ChainQueries {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final TimelineQueries timelines;
    private final AppealEventLog events;
    private final MeetingLog meetings;
    private final Directory directory;

    ChainQueries(TimelineQueries timelines, AppealEventLog events, MeetingLog meetings, Directory directory) {
        this.timelines = timelines;
        this.events = events;
        this.meetings = meetings;
        this.directory = directory;
    }

    public Optional<ChainView> chain(UUID appealId, Instant asOf, Scope scope) {
        Optional<Timeline> found = timelines.timeline(appealId, asOf, scope);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Timeline timeline = found.get();
        DirectorySnapshot snapshot = directory.snapshot(asOf);

        ActionItemRaisedEvent raised = null;
        ActionItemClosedEvent itemClosed = null;
        UUID meetingId = null;
        UUID actionItemId = null;
        List<ChainView.CaseFile> caseFiles = new ArrayList<>();
        String outcome = null;
        String answer = null;
        Instant answeredAt = null;
        Integer rating = null;
        CloseOutSignedOffEvent signedOff = null;
        Instant closedAt = null;
        for (AppealEvent stored : events.ofAppeal(appealId, asOf)) {
            Object event = stored.event();
            if (event instanceof AppealFiledEvent filed && filed.meeting() != null) {
                meetingId = filed.meeting().meetingId();
                actionItemId = filed.meeting().actionItemId();
            } else if (event instanceof ActionItemRaisedEvent item) {
                raised = item;
                meetingId = item.meetingId();
                actionItemId = item.actionItemId();
            } else if (event instanceof ActionItemClosedEvent item) {
                itemClosed = item;
            } else if (event instanceof CaseFileOpenedEvent opened) {
                caseFiles.add(new ChainView.CaseFile(
                        opened.round(),
                        opened.departmentId(),
                        snapshot.departmentName(opened.departmentId()),
                        opened.openedAt(),
                        opened.resolutionDueAt(),
                        null,
                        null,
                        null));
            } else if (event instanceof CaseFileReopenedEvent reopened) {
                String department = caseFiles.isEmpty()
                        ? null
                        : caseFiles.get(caseFiles.size() - 1).departmentId();
                caseFiles.add(new ChainView.CaseFile(
                        reopened.round(),
                        department,
                        department == null ? null : snapshot.departmentName(department),
                        reopened.reopenedAt(),
                        reopened.resolutionDueAt(),
                        null,
                        null,
                        null));
            } else if (event instanceof ResolutionSubmittedEvent submitted) {
                answered(caseFiles, submitted);
                outcome =
                        submitted.outcome() == null ? null : submitted.outcome().name();
                answer = submitted.answer();
                answeredAt = submitted.submittedAt();
            } else if (event instanceof AppealAnsweredEvent answeredEvent) {
                outcome = answeredEvent.outcome() == null
                        ? outcome
                        : answeredEvent.outcome().name();
                answer = answeredEvent.answer();
                answeredAt = answeredEvent.answeredAt();
            } else if (event instanceof AppealRatedEvent rated) {
                rating = rated.rating();
            } else if (event instanceof CloseOutSignedOffEvent signOff) {
                signedOff = signOff;
            } else if (event instanceof AppealClosedEvent closed) {
                closedAt = closed.closedAt();
            }
        }

        ChainView.Meeting meeting = null;
        ChainView.Topic topic = null;
        ChainView.Decision decision = null;
        ChainView.ActionItem actionItem = null;
        if (meetingId != null) {
            MeetingRecord record = meetings.meeting(meetingId, asOf);
            if (raised == null && actionItemId != null) {
                raised = record.actionItem(actionItemId).orElse(null);
            }
            if (itemClosed == null && actionItemId != null) {
                itemClosed = record.closing(actionItemId).orElse(null);
            }
            Optional<MeetingScheduledEvent> scheduled = record.scheduled();
            String host = scheduled.map(MeetingScheduledEvent::hostLeaderId).orElse(null);
            meeting = new ChainView.Meeting(
                    meetingId,
                    scheduled.map(MeetingScheduledEvent::theme).orElse(null),
                    host,
                    host == null ? null : snapshot.leaderName(host),
                    scheduled.map(MeetingScheduledEvent::venue).orElse(null),
                    scheduled.map(MeetingScheduledEvent::startsAt).orElse(null),
                    record.minutesPublished(),
                    record.closedAt());
            if (raised != null) {
                int position = raised.agendaPosition();
                Optional<AgendaItem> agendaItem = record.agendaItem(position);
                Optional<MeetingRecord.Topic> proposed = agendaItem.flatMap(item -> record.topic(item.topicId()));
                String raisedBy =
                        proposed.map(MeetingRecord.Topic::enterpriseId).orElse(null);
                topic = new ChainView.Topic(
                        position,
                        agendaItem.map(AgendaItem::title).orElse(null),
                        proposed.map(MeetingRecord.Topic::topicId).orElse(null),
                        proposed.map(MeetingRecord.Topic::title).orElse(null),
                        proposed.map(MeetingRecord.Topic::description).orElse(null),
                        raisedBy,
                        raisedBy == null ? null : enterpriseName(raisedBy),
                        proposed.map(MeetingRecord.Topic::proposedAt).orElse(null));
                decision = new ChainView.Decision(
                        position,
                        raised.decision(),
                        record.decision(position, raised.decision()).orElse(null),
                        record.summary(position).orElse(null));
                Instant dueAt = raised.dueOn() == null
                        ? null
                        : raised.dueOn().plusDays(1).atStartOfDay(CITY).toInstant();
                Instant itemClosedAt = itemClosed == null ? null : itemClosed.closedAt();
                actionItem = new ChainView.ActionItem(
                        raised.actionItemId(),
                        raised.title(),
                        raised.description(),
                        raised.ownerDepartmentId(),
                        snapshot.departmentName(raised.ownerDepartmentId()),
                        raised.responsibleLeaderId(),
                        raised.responsibleLeaderId() == null ? null : snapshot.leaderName(raised.responsibleLeaderId()),
                        raised.dueOn(),
                        raised.raisedAt(),
                        itemClosedAt,
                        itemClosed == null ? null : itemClosed.cause(),
                        dueAt != null && (itemClosedAt == null ? asOf.isAfter(dueAt) : itemClosedAt.isAfter(dueAt)));
            }
        }

        ChainView.Outcome end = new ChainView.Outcome(
                timeline.state().status(),
                outcome,
                answer,
                answeredAt,
                rating,
                signedOff == null ? null : signedOff.leaderId(),
                signedOff == null ? null : snapshot.leaderName(signedOff.leaderId()),
                signedOff == null ? null : signedOff.signedOffAt(),
                closedAt);
        return Optional.of(new ChainView(
                appealId,
                asOf,
                meeting,
                topic,
                decision,
                actionItem,
                timeline.appeal(),
                timeline.state(),
                timeline.steps(),
                caseFiles,
                end,
                timeline.freshness()));
    }

    private String enterpriseName(String enterpriseId) {
        Directory.Enterprise enterprise =
                directory.enterprises(List.of(enterpriseId)).get(enterpriseId);
        return enterprise == null ? null : enterprise.name();
    }

    /** The submission answers the latest round of its department. */
    private static void answered(List<ChainView.CaseFile> caseFiles, ResolutionSubmittedEvent submitted) {
        for (int i = caseFiles.size() - 1; i >= 0; i--) {
            ChainView.CaseFile file = caseFiles.get(i);
            if (file.round() == submitted.round() && file.submittedAt() == null) {
                caseFiles.set(
                        i,
                        new ChainView.CaseFile(
                                file.round(),
                                file.departmentId() == null ? submitted.departmentId() : file.departmentId(),
                                file.departmentName(),
                                file.openedAt(),
                                file.resolutionDueAt(),
                                submitted.submittedAt(),
                                submitted.outcome() == null
                                        ? null
                                        : submitted.outcome().name(),
                                submitted.onTime()));
                return;
            }
        }
    }
}
