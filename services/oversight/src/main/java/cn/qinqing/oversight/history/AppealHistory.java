package cn.qinqing.oversight.history;

import cn.qinqing.language.calendar.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An appeal's facts folded in global order into what supervisors ask about: where it stands, who held it for how
 * much working time, what was owed by when and whether it was done in time, and what is past due.
 *
 * <p>The history is evaluated at one instant: give it only the facts recorded by then (that is all {@code ?asOf=}
 * is), and open periods and due times are judged at that instant. It has no other input, so the same facts and
 * instant always give the same history.
 */
public final class AppealHistory {

    private final UUID appealId;
    private final Instant evaluatedAt;
    private final WorkingCalendar calendar;

    private Status status;
    private Holder holder;
    private Instant holderSince;
    private final List<HolderPeriod> periods = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    private String enterpriseId;
    private String title;
    private Instant filedAt;
    private String departmentId;
    private Integer round;
    private String leaderInCharge;
    private String responsibleLeader;
    private Instant dispatchDue;
    private Instant firstContactDue;
    private boolean contacted;
    private boolean paused;
    private Instant pausedAt;

    private final List<MutableObligation> obligations = new ArrayList<>();
    private MutableObligation signFor;
    private MutableObligation resolution;
    private final List<MutableRound> rounds = new ArrayList<>();
    private final List<MutableNotice> notices = new ArrayList<>();
    private MutableActionItem actionItem;

    private AppealHistory(UUID appealId, Instant evaluatedAt, WorkingCalendar calendar) {
        this.appealId = appealId;
        this.evaluatedAt = evaluatedAt;
        this.calendar = calendar;
    }

    /**
     * The history of one appeal.
     *
     * @param facts its facts recorded by {@code evaluatedAt}, in any order (they are folded by global index)
     */
    public static AppealHistory of(UUID appealId, List<Fact> facts, Instant evaluatedAt, WorkingCalendar calendar) {
        AppealHistory history = new AppealHistory(appealId, evaluatedAt, calendar);
        facts.stream()
                .filter(fact -> !fact.recordedAt().isAfter(evaluatedAt))
                .sorted(Comparator.comparingLong(Fact::globalIndex))
                .forEach(history::apply);
        history.endOfHistory();
        return history;
    }

    private void apply(Fact fact) {
        Instant at = fact.at();
        switch (fact.type()) {
            case FILED -> {
                enterpriseId = text(fact, "enterpriseId", enterpriseId);
                title = text(fact, "title", title);
                filedAt = at;
                if (status == null) {
                    status = Status.FILED;
                    hold(Holder.DISPATCH, at);
                }
            }
            case ASSIGNMENT_OPENED -> {
                enterpriseId = text(fact, "enterpriseId", enterpriseId);
                if (status == null) {
                    status = Status.FILED;
                    hold(Holder.DISPATCH, at);
                }
            }
            case QUEUED -> {
                supersede(signFor, at);
                status = Status.QUEUED;
                dispatchDue = fact.dueAt();
                hold(Holder.DISPATCH, at);
            }
            case DISPATCHED -> {
                supersede(signFor, at);
                dispatchDue = null;
                departmentId = fact.departmentId();
                signFor = open(Obligation.Kind.SIGN_FOR, fact.departmentId(), null, at, fact.dueAt());
                status = Status.DISPATCHED;
                hold(Holder.department(departmentId), at);
            }
            case TRANSFERRED -> {
                supersede(signFor, at);
                supersede(resolution, at);
                firstContactDue = null;
                paused = false;
                departmentId = fact.departmentId();
                signFor = open(Obligation.Kind.SIGN_FOR, fact.departmentId(), null, at, fact.dueAt());
                status = Status.DISPATCHED;
                hold(Holder.department(departmentId), at);
            }
            case RETURNED -> {
                supersede(signFor, at);
                supersede(resolution, at);
                firstContactDue = null;
                paused = false;
                departmentId = null;
                status = Status.QUEUED;
                hold(Holder.DISPATCH, at);
            }
            case SIGNED_FOR -> {
                if (signFor != null) {
                    done(signFor, at, fact.flagged());
                    signFor = null;
                }
                departmentId = fact.departmentId() != null ? fact.departmentId() : departmentId;
                status = Status.SIGNED_FOR;
                hold(Holder.department(departmentId), at);
            }
            case CASE_OPENED -> {
                supersede(resolution, at);
                if (fact.departmentId() != null) {
                    departmentId = fact.departmentId();
                }
                round = fact.round();
                resolution = open(Obligation.Kind.RESOLUTION, departmentId, round, at, fact.dueAt());
                firstContactDue = fact.due2At();
                contacted = false;
                paused = false;
                status = Status.IN_PROGRESS;
                hold(Holder.department(departmentId), at);
            }
            case CASE_REOPENED -> {
                supersede(resolution, at);
                markLatestRoundReopened();
                round = fact.round();
                resolution = open(Obligation.Kind.RESOLUTION, departmentId, round, at, fact.dueAt());
                firstContactDue = fact.due2At();
                contacted = false;
                paused = false;
                status = Status.IN_PROGRESS;
                hold(Holder.department(departmentId), at);
            }
            case PROGRESS_NOTED -> {
                if (fact.flagged()) {
                    contacted = true;
                }
            }
            case CASE_PAUSED -> {
                if (!paused) {
                    paused = true;
                    pausedAt = at;
                }
                status = Status.PAUSED;
                hold(Holder.enterprise(enterpriseId), at);
            }
            case CASE_RESUMED -> {
                unpause(at);
                if (resolution != null && fact.dueAt() != null) {
                    resolution.dueAt = fact.dueAt();
                }
                if (fact.due2At() != null) {
                    firstContactDue = fact.due2At();
                }
                status = Status.IN_PROGRESS;
                hold(Holder.department(departmentId), at);
            }
            case EXTENSION_GRANTED -> {
                if (resolution != null && fact.dueAt() != null) {
                    resolution.dueAt = fact.dueAt();
                    resolution.extensions++;
                }
            }
            case RESOLUTION_SUBMITTED -> {
                unpause(at);
                if (resolution == null) {
                    // the case file's opening is not among the facts: the answer still counts, its duration cannot
                    resolution = open(Obligation.Kind.RESOLUTION, fact.departmentId(), fact.round(), null, null);
                }
                if (fact.departmentId() != null) {
                    resolution.departmentId = fact.departmentId();
                    departmentId = fact.departmentId();
                }
                done(resolution, at, fact.flagged());
                resolution = null;
                firstContactDue = null;
                answered(fact.round() == null ? roundOr1() : fact.round(), fact.departmentId(), at, false);
                answerNotices(at);
                status = Status.ANSWERED;
                hold(Holder.enterprise(enterpriseId), at);
            }
            case ANSWERED -> {
                answered(fact.round() == null ? roundOr1() : fact.round(), fact.departmentId(), at, true);
                answerNotices(at);
                if (fact.departmentId() != null) {
                    departmentId = fact.departmentId();
                }
                if (!finished()) {
                    status = Status.ANSWERED;
                    hold(Holder.enterprise(enterpriseId), at);
                }
            }
            case RATED -> {
                MutableRound rated = roundFor(fact.round());
                if (rated != null) {
                    rated.rating = fact.rating();
                    rated.ratedAt = at;
                }
                if (!finished()) {
                    status = Status.RATED;
                    hold(Holder.department(departmentId), at);
                }
            }
            case RATING_EXPIRED -> {
                MutableRound expired = roundFor(fact.round());
                if (expired != null) {
                    expired.ratingExpired = true;
                }
                if (!finished()) {
                    status = Status.RATED;
                    hold(Holder.department(departmentId), at);
                }
            }
            case REOPENED -> {
                markLatestRoundReopened();
                status = Status.REOPENED;
                hold(Holder.department(departmentId), at);
            }
            case LEADER_TOOK_CHARGE -> {
                leaderInCharge = fact.leaderId();
                responsibleLeader = fact.leaderId();
            }
            case ESCALATED -> responsibleLeader = fact.leaderId();
            case SUPERVISION_NOTICE -> {
                MutableNotice notice = new MutableNotice();
                notice.noticeId = fact.relatedId();
                notice.leaderId = fact.leaderId();
                notice.departmentId = fact.departmentId() != null ? fact.departmentId() : departmentId;
                notice.issuedAt = at;
                notice.dueAt = fact.dueAt();
                notices.add(notice);
            }
            case WITHDRAWN -> finish(Status.WITHDRAWN, at);
            case APPEAL_CLOSED, CASE_CLOSED -> finish(Status.CLOSED, at);
            case ASSIGNMENT_CLOSED ->
                finish("APPEAL_WITHDRAWN".equals(fact.kind()) ? Status.WITHDRAWN : Status.CLOSED, at);
            case ACTION_ITEM_RAISED -> {
                actionItem = new MutableActionItem();
                actionItem.meetingId = text(fact, "meetingId", null);
                actionItem.actionItemId = fact.relatedId();
                actionItem.title = text(fact, "title", null);
                actionItem.departmentId = fact.departmentId();
                actionItem.leaderId = fact.leaderId();
                String dueOn = text(fact, "dueOn", null);
                actionItem.dueOn = dueOn == null ? null : LocalDate.parse(dueOn);
                actionItem.dueAt = fact.dueAt();
                actionItem.raisedAt = at;
                if (title == null) {
                    title = actionItem.title;
                }
                if (enterpriseId == null) {
                    enterpriseId = text(fact, "enterpriseId", null);
                }
            }
            case ACTION_ITEM_CLOSED -> {
                if (actionItem != null && actionItem.closedAt == null) {
                    actionItem.closedAt = at;
                    actionItem.cause = fact.kind();
                }
            }
            case SUPPLEMENTED, EXTENSION_REQUESTED, EXTENSION_DENIED, DEADLINE_BREACHED, CLOSE_OUT_SIGNED_OFF -> {
                // on the timeline; they change neither holder nor what is owed
            }
        }
        steps.add(new Step(fact, holder, status));
    }

    private void finish(Status finalStatus, Instant at) {
        if (finished()) {
            return;
        }
        unpause(at);
        supersede(signFor, at);
        supersede(resolution, at);
        signFor = null;
        resolution = null;
        firstContactDue = null;
        dispatchDue = null;
        answerNotices(at);
        status = finalStatus;
        hold(null, at);
    }

    private boolean finished() {
        return status != null && status.isFinished();
    }

    private void hold(Holder next, Instant at) {
        if (Objects.equals(next, holder)) {
            return;
        }
        if (holder != null) {
            Instant to = at.isBefore(holderSince) ? holderSince : at;
            periods.add(new HolderPeriod(holder, holderSince, to, false, calendar.workingTimeBetween(holderSince, to)));
        }
        holder = next;
        holderSince = at;
    }

    private MutableObligation open(
            Obligation.Kind kind, String department, Integer inRound, Instant start, Instant due) {
        MutableObligation obligation = new MutableObligation();
        obligation.kind = kind;
        obligation.departmentId = department;
        obligation.round = inRound;
        obligation.start = start;
        obligation.dueAt = due;
        obligations.add(obligation);
        return obligation;
    }

    private void supersede(MutableObligation obligation, Instant at) {
        if (obligation != null && obligation.end == Obligation.End.OPEN) {
            obligation.end = Obligation.End.SUPERSEDED;
            obligation.endedAt = at;
        }
        if (obligation == signFor) {
            signFor = null;
        }
        if (obligation == resolution) {
            resolution = null;
        }
    }

    private static void done(MutableObligation obligation, Instant at, boolean inTime) {
        obligation.end = Obligation.End.DONE;
        obligation.endedAt = at;
        obligation.inTime = inTime;
    }

    private void unpause(Instant at) {
        if (paused) {
            if (resolution != null && at.isAfter(pausedAt)) {
                resolution.pausedWorkingTime =
                        resolution.pausedWorkingTime.plus(calendar.workingTimeBetween(pausedAt, at));
            }
            paused = false;
            pausedAt = null;
        }
    }

    private void answered(int answeredRound, String department, Instant at, boolean fromAnswerFact) {
        MutableRound existing = rounds.stream()
                .filter(candidate -> candidate.round == answeredRound && !candidate.reopened)
                .reduce((first, second) -> second)
                .orElse(null);
        if (existing == null) {
            existing = new MutableRound();
            existing.round = answeredRound;
            existing.answeredAt = at;
            rounds.add(existing);
        } else if (fromAnswerFact) {
            existing.answeredAt = at; // the enterprise saw it now: this is the answer's time
        }
        if (department != null) {
            existing.departmentId = department;
        }
    }

    /** The answered round a rating refers to: the one with its number, else the latest one not yet judged. */
    private MutableRound roundFor(Integer number) {
        if (number != null) {
            for (int i = rounds.size() - 1; i >= 0; i--) {
                MutableRound candidate = rounds.get(i);
                if (candidate.round == number && candidate.rating == null && !candidate.ratingExpired) {
                    return candidate;
                }
            }
        }
        for (int i = rounds.size() - 1; i >= 0; i--) {
            MutableRound candidate = rounds.get(i);
            if (candidate.rating == null && !candidate.ratingExpired && !candidate.reopened) {
                return candidate;
            }
        }
        return null;
    }

    private void markLatestRoundReopened() {
        if (!rounds.isEmpty()) {
            rounds.get(rounds.size() - 1).reopened = true;
        }
    }

    private void answerNotices(Instant at) {
        for (MutableNotice notice : notices) {
            if (notice.answeredAt == null) {
                notice.answeredAt = at;
            }
        }
    }

    private int roundOr1() {
        return round == null ? 1 : round;
    }

    private void finishPeriods() {
        if (holder != null) {
            Instant to = evaluatedAt.isBefore(holderSince) ? holderSince : evaluatedAt;
            periods.add(new HolderPeriod(holder, holderSince, to, true, calendar.workingTimeBetween(holderSince, to)));
        }
    }

    private void endOfHistory() {
        finishPeriods();
        if (paused && resolution != null) {
            resolution.pausedNow = true;
            if (evaluatedAt.isAfter(pausedAt)) {
                resolution.pausedWorkingTime =
                        resolution.pausedWorkingTime.plus(calendar.workingTimeBetween(pausedAt, evaluatedAt));
            }
        }
    }

    private static String text(Fact fact, String key, String otherwise) {
        Object value = fact.details().get(key);
        return value == null ? otherwise : value.toString();
    }

    // ---- what the history tells

    public UUID appealId() {
        return appealId;
    }

    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** Whether any fact was known at the evaluation instant. */
    public boolean known() {
        return !steps.isEmpty();
    }

    public Status status() {
        return status;
    }

    /** Who holds it now; null once it is finished. */
    public Holder holder() {
        return holder;
    }

    public String enterpriseId() {
        return enterpriseId;
    }

    public String title() {
        return title;
    }

    public Instant filedAt() {
        return filedAt;
    }

    /** The department that holds it, or held it last. */
    public String departmentId() {
        return departmentId;
    }

    public Integer round() {
        return round;
    }

    public String leaderInCharge() {
        return leaderInCharge;
    }

    /** The leader who answers for it now: the last one it was escalated to, else the one who took charge. */
    public String responsibleLeader() {
        return responsibleLeader;
    }

    public boolean paused() {
        return paused;
    }

    public Instant dispatchDue() {
        return status == Status.QUEUED ? dispatchDue : null;
    }

    public Instant signForDue() {
        return signFor == null ? null : signFor.dueAt;
    }

    public Instant firstContactDue() {
        return resolution == null || contacted ? null : firstContactDue;
    }

    public Instant resolutionDue() {
        return resolution == null ? null : resolution.dueAt;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<HolderPeriod> holderPeriods() {
        return List.copyOf(periods);
    }

    public List<Obligation> obligations() {
        return obligations.stream().map(MutableObligation::freeze).toList();
    }

    public List<AnsweredRound> answeredRounds() {
        return rounds.stream().map(MutableRound::freeze).toList();
    }

    public List<Notice> notices() {
        return notices.stream().map(MutableNotice::freeze).toList();
    }

    public Optional<ActionItem> actionItem() {
        return Optional.ofNullable(actionItem).map(MutableActionItem::freeze);
    }

    /** What is past due at the evaluation instant; nothing once the appeal is finished. */
    public List<Overdue> overdue() {
        List<Overdue> overdue = new ArrayList<>();
        if (status == null || finished()) {
            return overdue;
        }
        if (status == Status.QUEUED && past(dispatchDue)) {
            overdue.add(new Overdue(Overdue.Kind.DISPATCH, dispatchDue, null, null, null));
        }
        if (signFor != null && past(signFor.dueAt)) {
            overdue.add(new Overdue(Overdue.Kind.SIGN_FOR, signFor.dueAt, signFor.departmentId, null, null));
        }
        if (resolution != null && !paused) {
            if (!contacted && past(firstContactDue)) {
                overdue.add(
                        new Overdue(Overdue.Kind.FIRST_CONTACT, firstContactDue, resolution.departmentId, null, null));
            }
            if (past(resolution.dueAt)) {
                overdue.add(
                        new Overdue(Overdue.Kind.RESOLUTION, resolution.dueAt, resolution.departmentId, null, null));
            }
        }
        for (MutableNotice notice : notices) {
            if (notice.answeredAt == null && past(notice.dueAt)) {
                overdue.add(new Overdue(
                        Overdue.Kind.SUPERVISION,
                        notice.dueAt,
                        notice.departmentId != null ? notice.departmentId : departmentId,
                        notice.leaderId,
                        notice.noticeId));
            }
        }
        return overdue;
    }

    private boolean past(Instant due) {
        return due != null && due.isBefore(evaluatedAt);
    }

    // ---- mutable state while folding

    private static final class MutableObligation {
        Obligation.Kind kind;
        String departmentId;
        Integer round;
        Instant start;
        Instant dueAt;
        Obligation.End end = Obligation.End.OPEN;
        Instant endedAt;
        boolean inTime;
        Duration pausedWorkingTime = Duration.ZERO;
        boolean pausedNow;
        int extensions;

        Obligation freeze() {
            return new Obligation(
                    kind,
                    departmentId,
                    round,
                    start,
                    dueAt,
                    end,
                    endedAt,
                    inTime,
                    pausedWorkingTime,
                    pausedNow,
                    extensions);
        }
    }

    private static final class MutableRound {
        int round;
        String departmentId;
        Instant answeredAt;
        Integer rating;
        Instant ratedAt;
        boolean ratingExpired;
        boolean reopened;

        AnsweredRound freeze() {
            return new AnsweredRound(round, departmentId, answeredAt, rating, ratedAt, ratingExpired, reopened);
        }
    }

    private static final class MutableNotice {
        String noticeId;
        String leaderId;
        String departmentId;
        Instant issuedAt;
        Instant dueAt;
        Instant answeredAt;

        Notice freeze() {
            return new Notice(noticeId, leaderId, departmentId, issuedAt, dueAt, answeredAt);
        }
    }

    private static final class MutableActionItem {
        String meetingId;
        String actionItemId;
        String title;
        String departmentId;
        String leaderId;
        LocalDate dueOn;
        Instant dueAt;
        Instant raisedAt;
        Instant closedAt;
        String cause;

        ActionItem freeze() {
            return new ActionItem(
                    meetingId, actionItemId, title, departmentId, leaderId, dueOn, dueAt, raisedAt, closedAt, cause);
        }
    }
}
