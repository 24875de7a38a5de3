package cn.qinqing.oversight.history;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealRatingExpiredEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSource;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.Outcome;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The published events of one appeal built in memory, each recorded when it happened, in the order given: the records
 * of {@code shared/language} with what a test does not care about filled in.
 */
public final class Events {

    public final UUID appeal = UUID.randomUUID();
    private final UUID meeting = UUID.randomUUID();
    private final UUID actionItem = UUID.randomUUID();
    private final List<AppealEvent> events = new ArrayList<>();

    public static Instant at(String localTime) {
        return OffsetDateTime.parse(localTime.replace(' ', 'T') + ":00+08:00").toInstant();
    }

    /** Any published event about this appeal, recorded at the time it says it happened. */
    public Events add(Object event) {
        AppealEvent recorded = new AppealEvent(
                "e" + events.size(), appeal, events.size() + 1, null, "actor", "ROLE", "corr", null, event);
        Instant when = recorded.at();
        events.add(new AppealEvent(
                recorded.eventId(), appeal, recorded.globalIndex(), when, "actor", "ROLE", "corr", null, event));
        return this;
    }

    public Events filed(String at) {
        return add(new AppealFiledEvent(
                appeal,
                "91150200MA0TEST00X",
                "title",
                "description",
                AppealCategory.PERMITS,
                Urgency.NORMAL,
                List.of(),
                AppealSource.ONLINE,
                null,
                false,
                at(at)));
    }

    public Events withdrawn(String at) {
        return add(new AppealWithdrawnEvent(appeal, null, "reason", at(at)));
    }

    public Events dispatched(String at, String department, Instant signForDue) {
        return add(new AppealDispatchedEvent(
                appeal, department, RoutingMode.MANUAL, null, null, Urgency.NORMAL, at(at), signForDue));
    }

    public Events signedFor(String at, String department, boolean withinLimit) {
        return add(new AppealSignedForEvent(appeal, department, "official", at(at), withinLimit));
    }

    public Events returned(String at, String department) {
        return add(new AppealReturnedEvent(appeal, department, "official", "reason", at(at)));
    }

    public Events transferred(String at, String from, String to, Instant signForDue) {
        return add(new AppealTransferredEvent(appeal, from, to, "official", "reason", at(at), signForDue));
    }

    public Events noticeIssued(String at, String leader, Instant due) {
        return add(
                new SupervisionNoticeIssuedEvent(appeal, UUID.randomUUID(), leader, null, "instructions", due, at(at)));
    }

    public Events caseOpened(String at, String department, int round, Instant resolutionDue, Instant firstContactDue) {
        return add(new CaseFileOpenedEvent(
                appeal, department, Urgency.NORMAL, round, at(at), firstContactDue, resolutionDue, false));
    }

    public Events progressNoted(String at, boolean contactWithEnterprise) {
        return add(new ProgressNotedEvent(
                appeal, UUID.randomUUID(), "official", "text", false, contactWithEnterprise, at(at)));
    }

    public Events casePaused(String at) {
        return add(new CaseFilePausedEvent(appeal, "official", "reason", at(at)));
    }

    public Events caseResumed(String at, Instant resolutionDue) {
        return add(new CaseFileResumedEvent(appeal, at(at), null, resolutionDue));
    }

    public Events resolutionSubmitted(String at, String department, int round, boolean onTime) {
        return add(new ResolutionSubmittedEvent(
                appeal, department, "official", round, "answer", Outcome.SOLVED, null, null, at(at), onTime));
    }

    public Events answered(String at, String department, int round) {
        return add(new AppealAnsweredEvent(
                appeal, null, department, round, "answer", Outcome.SOLVED, null, null, at(at), null));
    }

    public Events reopened(String at, int round) {
        return add(new AppealReopenedEvent(appeal, null, round, "reason", at(at)));
    }

    public Events caseReopened(String at, int round, Instant resolutionDue) {
        return add(new CaseFileReopenedEvent(appeal, round, at(at), null, resolutionDue));
    }

    public Events rated(String at, int round, int rating) {
        return add(new AppealRatedEvent(appeal, null, round, rating, "comment", at(at)));
    }

    public Events ratingExpired(String at, int round) {
        return add(new AppealRatingExpiredEvent(appeal, null, round, at(at)));
    }

    public Events actionItemRaised(String at, String department, String leader, LocalDate dueOn) {
        return add(new ActionItemRaisedEvent(
                meeting,
                actionItem,
                appeal,
                1,
                1,
                "91150200MA0TEST00X",
                department,
                leader,
                dueOn,
                "title",
                "description",
                AppealCategory.PERMITS,
                Urgency.NORMAL,
                at(at)));
    }

    public Events actionItemClosed(String at, String cause) {
        return add(new ActionItemClosedEvent(meeting, actionItem, cause, at(at)));
    }

    public List<AppealEvent> list() {
        return List.copyOf(events);
    }
}
