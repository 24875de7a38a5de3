package cn.qinqing.oversight.history;

import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealDocumentsAttachedEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealRatingExpiredEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealEscalatedEvent;
import cn.qinqing.language.assignment.AppealQueuedForDispatchEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentClosedEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.LeaderTookChargeEvent;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.language.assignment.SupervisionNoticeMetEvent;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.meeting.ActionItemClosedEvent;
import cn.qinqing.language.meeting.ActionItemRaisedEvent;
import cn.qinqing.language.resolution.CaseFileClosedEvent;
import cn.qinqing.language.resolution.CaseFileDocumentsAttachedEvent;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.CloseOutSignedOffEvent;
import cn.qinqing.language.resolution.DeadlineApproachingEvent;
import cn.qinqing.language.resolution.DeadlineBreachedEvent;
import cn.qinqing.language.resolution.ExtensionDeniedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ExtensionRequestedEvent;
import cn.qinqing.language.resolution.ProgressNotedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * An appeal's published events folded in global order into what supervisors ask about: where it stands, who held it for how
 * much working time, what was owed by when and whether it was done in time, and what is past due.
 *
 * <p>The history is evaluated at one instant: give it only the events recorded by then (that is all {@code ?asOf=}
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
    private final Set<String> departmentsNamed = new LinkedHashSet<>();
    private final Set<String> leadersNamed = new LinkedHashSet<>();

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
     * @param events its events recorded by {@code evaluatedAt}, in any order (they are folded by global index)
     */
    public static AppealHistory of(
            UUID appealId, List<AppealEvent> events, Instant evaluatedAt, WorkingCalendar calendar) {
        AppealHistory history = new AppealHistory(appealId, evaluatedAt, calendar);
        events.stream()
                .filter(event -> !event.recordedAt().isAfter(evaluatedAt))
                .sorted(Comparator.comparingLong(AppealEvent::globalIndex))
                .forEach(history::apply);
        history.endOfHistory();
        return history;
    }

    /** How each published event moves the history on: one method per event record of the language. */
    private static final Map<Class<?>, Fold<?>> FOLDS = new HashMap<>();

    private interface Fold<E> {
        void apply(AppealHistory history, E event, Instant at);
    }

    private static <E> void on(Class<E> type, Fold<E> fold) {
        FOLDS.put(type, fold);
    }

    static {
        on(AppealFiledEvent.class, AppealHistory::filed);
        on(AssignmentOpenedEvent.class, AppealHistory::assignmentOpened);
        on(AppealQueuedForDispatchEvent.class, AppealHistory::queued);
        on(AppealDispatchedEvent.class, AppealHistory::dispatched);
        on(AppealTransferredEvent.class, AppealHistory::transferred);
        on(AppealReturnedEvent.class, AppealHistory::returned);
        on(AppealSignedForEvent.class, AppealHistory::signedFor);
        on(CaseFileOpenedEvent.class, AppealHistory::caseOpened);
        on(CaseFileReopenedEvent.class, AppealHistory::caseReopened);
        on(ProgressNotedEvent.class, AppealHistory::progressNoted);
        on(CaseFilePausedEvent.class, AppealHistory::paused);
        on(CaseFileResumedEvent.class, AppealHistory::resumed);
        on(ExtensionGrantedEvent.class, AppealHistory::extensionGranted);
        on(ResolutionSubmittedEvent.class, AppealHistory::resolutionSubmitted);
        on(AppealAnsweredEvent.class, AppealHistory::answered);
        on(AppealRatedEvent.class, AppealHistory::rated);
        on(AppealRatingExpiredEvent.class, AppealHistory::ratingExpired);
        on(AppealReopenedEvent.class, AppealHistory::reopened);
        on(LeaderTookChargeEvent.class, AppealHistory::leaderTookCharge);
        on(AppealEscalatedEvent.class, AppealHistory::escalated);
        on(SupervisionNoticeIssuedEvent.class, AppealHistory::noticeIssued);
        // the notice's clock stopped in assignment; the fold counts a notice met by the answer it already saw
        on(SupervisionNoticeMetEvent.class, (history, event, at) -> history.namesDepartment(event.departmentId()));
        on(AppealWithdrawnEvent.class, (history, event, at) -> history.finish(Status.WITHDRAWN, at));
        on(AppealClosedEvent.class, (history, event, at) -> history.finish(Status.CLOSED, at));
        on(CaseFileClosedEvent.class, AppealHistory::caseClosed);
        on(
                AssignmentClosedEvent.class,
                (history, event, at) -> history.finish(
                        "APPEAL_WITHDRAWN".equals(event.reason()) ? Status.WITHDRAWN : Status.CLOSED, at));
        on(ActionItemRaisedEvent.class, AppealHistory::actionItemRaised);
        on(ActionItemClosedEvent.class, AppealHistory::actionItemClosed);
        // on the timeline; they change neither holder nor what is owed
        on(AppealSupplementedEvent.class, (history, event, at) -> {});
        on(AppealDocumentsAttachedEvent.class, (history, event, at) -> {});
        on(CaseFileDocumentsAttachedEvent.class, (history, event, at) -> history.namesDepartment(event.departmentId()));
        on(ExtensionRequestedEvent.class, (history, event, at) -> {});
        on(ExtensionDeniedEvent.class, (history, event, at) -> history.namesLeader(event.leaderId()));
        on(DeadlineApproachingEvent.class, (history, event, at) -> history.namesDepartment(event.departmentId()));
        on(DeadlineBreachedEvent.class, (history, event, at) -> history.namesDepartment(event.departmentId()));
        on(CloseOutSignedOffEvent.class, (history, event, at) -> history.namesLeader(event.leaderId()));
    }

    /** Every event type oversight keeps is folded (a test holds the two lists together). */
    static boolean folds(Class<?> type) {
        return FOLDS.containsKey(type);
    }

    @SuppressWarnings("unchecked")
    private void apply(AppealEvent recorded) {
        Object event = recorded.event();
        Fold<Object> fold = (Fold<Object>) FOLDS.get(event.getClass());
        if (fold == null) {
            throw new IllegalStateException("no fold for " + event.getClass());
        }
        fold.apply(this, event, recorded.at());
        steps.add(new Step(recorded, holder, status));
    }

    private void filed(AppealFiledEvent event, Instant at) {
        enterpriseId = or(event.enterpriseId(), enterpriseId);
        title = or(event.title(), title);
        filedAt = at;
        if (status == null) {
            status = Status.FILED;
            hold(Holder.DISPATCH, at);
        }
    }

    private void assignmentOpened(AssignmentOpenedEvent event, Instant at) {
        enterpriseId = or(event.enterpriseId(), enterpriseId);
        if (status == null) {
            status = Status.FILED;
            hold(Holder.DISPATCH, at);
        }
    }

    private void queued(AppealQueuedForDispatchEvent event, Instant at) {
        supersede(signFor, at);
        status = Status.QUEUED;
        dispatchDue = event.dispatchDueAt();
        hold(Holder.DISPATCH, at);
    }

    private void dispatched(AppealDispatchedEvent event, Instant at) {
        namesDepartment(event.departmentId());
        namesDepartment(event.previousDepartmentId());
        supersede(signFor, at);
        dispatchDue = null;
        departmentId = event.departmentId();
        signFor = open(Obligation.Kind.SIGN_FOR, event.departmentId(), null, at, event.signForDueAt());
        status = Status.DISPATCHED;
        hold(Holder.department(departmentId), at);
    }

    private void transferred(AppealTransferredEvent event, Instant at) {
        namesDepartment(event.toDepartmentId());
        namesDepartment(event.fromDepartmentId());
        supersede(signFor, at);
        supersede(resolution, at);
        firstContactDue = null;
        paused = false;
        departmentId = event.toDepartmentId();
        signFor = open(Obligation.Kind.SIGN_FOR, event.toDepartmentId(), null, at, event.signForDueAt());
        status = Status.DISPATCHED;
        hold(Holder.department(departmentId), at);
    }

    private void returned(AppealReturnedEvent event, Instant at) {
        namesDepartment(event.departmentId());
        supersede(signFor, at);
        supersede(resolution, at);
        firstContactDue = null;
        paused = false;
        departmentId = null;
        status = Status.QUEUED;
        hold(Holder.DISPATCH, at);
    }

    private void signedFor(AppealSignedForEvent event, Instant at) {
        namesDepartment(event.departmentId());
        if (signFor != null) {
            done(signFor, at, event.withinLimit());
            signFor = null;
        }
        departmentId = event.departmentId() != null ? event.departmentId() : departmentId;
        status = Status.SIGNED_FOR;
        hold(Holder.department(departmentId), at);
    }

    private void caseOpened(CaseFileOpenedEvent event, Instant at) {
        namesDepartment(event.departmentId());
        supersede(resolution, at);
        if (event.departmentId() != null) {
            departmentId = event.departmentId();
        }
        round = event.round();
        resolution = open(Obligation.Kind.RESOLUTION, departmentId, round, at, event.resolutionDueAt());
        firstContactDue = event.firstContactDueAt();
        contacted = false;
        paused = false;
        status = Status.IN_PROGRESS;
        hold(Holder.department(departmentId), at);
    }

    private void caseReopened(CaseFileReopenedEvent event, Instant at) {
        supersede(resolution, at);
        markLatestRoundReopened();
        round = event.round();
        resolution = open(Obligation.Kind.RESOLUTION, departmentId, round, at, event.resolutionDueAt());
        firstContactDue = event.firstContactDueAt();
        contacted = false;
        paused = false;
        status = Status.IN_PROGRESS;
        hold(Holder.department(departmentId), at);
    }

    private void progressNoted(ProgressNotedEvent event, Instant at) {
        if (event.contactWithEnterprise()) {
            contacted = true;
        }
    }

    private void paused(CaseFilePausedEvent event, Instant at) {
        if (!paused) {
            paused = true;
            pausedAt = at;
        }
        status = Status.PAUSED;
        hold(Holder.enterprise(enterpriseId), at);
    }

    private void resumed(CaseFileResumedEvent event, Instant at) {
        unpause(at);
        if (resolution != null && event.resolutionDueAt() != null) {
            resolution.dueAt = event.resolutionDueAt();
        }
        if (event.firstContactDueAt() != null) {
            firstContactDue = event.firstContactDueAt();
        }
        status = Status.IN_PROGRESS;
        hold(Holder.department(departmentId), at);
    }

    private void extensionGranted(ExtensionGrantedEvent event, Instant at) {
        namesLeader(event.leaderId());
        if (resolution != null && event.newResolutionDueAt() != null) {
            resolution.dueAt = event.newResolutionDueAt();
            resolution.extensions++;
        }
    }

    private void resolutionSubmitted(ResolutionSubmittedEvent event, Instant at) {
        namesDepartment(event.departmentId());
        unpause(at);
        if (resolution == null) {
            // the case file's opening is not among the events: the answer still counts, its duration cannot
            resolution = open(Obligation.Kind.RESOLUTION, event.departmentId(), event.round(), null, null);
        }
        if (event.departmentId() != null) {
            resolution.departmentId = event.departmentId();
            departmentId = event.departmentId();
        }
        done(resolution, at, event.onTime());
        resolution = null;
        firstContactDue = null;
        answered(event.round(), event.departmentId(), at, false);
        answerNotices(at);
        status = Status.ANSWERED;
        hold(Holder.enterprise(enterpriseId), at);
    }

    private void answered(AppealAnsweredEvent event, Instant at) {
        namesDepartment(event.departmentId());
        answered(event.round(), event.departmentId(), at, true);
        answerNotices(at);
        if (event.departmentId() != null) {
            departmentId = event.departmentId();
        }
        if (!finished()) {
            status = Status.ANSWERED;
            hold(Holder.enterprise(enterpriseId), at);
        }
    }

    private void rated(AppealRatedEvent event, Instant at) {
        MutableRound rated = roundFor(event.round());
        if (rated != null) {
            rated.rating = event.rating();
            rated.ratedAt = at;
        }
        if (!finished()) {
            status = Status.RATED;
            hold(Holder.department(departmentId), at);
        }
    }

    private void ratingExpired(AppealRatingExpiredEvent event, Instant at) {
        MutableRound expired = roundFor(event.round());
        if (expired != null) {
            expired.ratingExpired = true;
        }
        if (!finished()) {
            status = Status.RATED;
            hold(Holder.department(departmentId), at);
        }
    }

    private void reopened(AppealReopenedEvent event, Instant at) {
        markLatestRoundReopened();
        status = Status.REOPENED;
        hold(Holder.department(departmentId), at);
    }

    private void leaderTookCharge(LeaderTookChargeEvent event, Instant at) {
        namesLeader(event.leaderId());
        leaderInCharge = event.leaderId();
        responsibleLeader = event.leaderId();
    }

    private void escalated(AppealEscalatedEvent event, Instant at) {
        namesLeader(event.toLeaderId());
        responsibleLeader = event.toLeaderId();
    }

    private void noticeIssued(SupervisionNoticeIssuedEvent event, Instant at) {
        namesDepartment(event.departmentId());
        namesLeader(event.leaderId());
        MutableNotice notice = new MutableNotice();
        notice.noticeId = event.noticeId() == null ? null : event.noticeId().toString();
        notice.leaderId = event.leaderId();
        notice.departmentId = event.departmentId() != null ? event.departmentId() : departmentId;
        notice.issuedAt = at;
        notice.dueAt = event.dueAt();
        notices.add(notice);
    }

    private void caseClosed(CaseFileClosedEvent event, Instant at) {
        namesDepartment(event.departmentId());
        finish(Status.CLOSED, at);
    }

    private void actionItemRaised(ActionItemRaisedEvent event, Instant at) {
        namesDepartment(event.ownerDepartmentId());
        namesLeader(event.responsibleLeaderId());
        actionItem = new MutableActionItem();
        actionItem.meetingId =
                event.meetingId() == null ? null : event.meetingId().toString();
        actionItem.actionItemId =
                event.actionItemId() == null ? null : event.actionItemId().toString();
        actionItem.title = event.title();
        actionItem.departmentId = event.ownerDepartmentId();
        actionItem.leaderId = event.responsibleLeaderId();
        actionItem.dueOn = event.dueOn();
        actionItem.dueAt = AppealEventTypes.actionItemDue(event);
        actionItem.raisedAt = at;
        if (title == null) {
            title = actionItem.title;
        }
        if (enterpriseId == null) {
            enterpriseId = event.enterpriseId();
        }
    }

    private void actionItemClosed(ActionItemClosedEvent event, Instant at) {
        if (actionItem != null && actionItem.closedAt == null) {
            actionItem.closedAt = at;
            actionItem.cause = event.cause();
        }
    }

    private void namesDepartment(String department) {
        if (department != null) {
            departmentsNamed.add(department);
        }
    }

    private void namesLeader(String leader) {
        if (leader != null) {
            leadersNamed.add(leader);
        }
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
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

    private void answered(int answeredRound, String department, Instant at, boolean fromAnswerEvent) {
        MutableRound existing = rounds.stream()
                .filter(candidate -> candidate.round == answeredRound && !candidate.reopened)
                .reduce((first, second) -> second)
                .orElse(null);
        if (existing == null) {
            existing = new MutableRound();
            existing.round = answeredRound;
            existing.answeredAt = at;
            rounds.add(existing);
        } else if (fromAnswerEvent) {
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

    // ---- what the history tells

    public UUID appealId() {
        return appealId;
    }

    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    /** Whether any event of it was known at the evaluation instant. */
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

    /** Every department an event of it named: dispatched to or from, signed for, answered, noticed, owner of its item. */
    public Set<String> departmentsNamed() {
        return Set.copyOf(departmentsNamed);
    }

    /** Every leader an event of it named: took charge, escalated to, issued a notice, decided an extension, ... */
    public Set<String> leadersNamed() {
        return Set.copyOf(leadersNamed);
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

    /**
     * The instants at which, with no new event, what this history owes may change by the clock alone: every due
     * instant it holds (an item is past due once the clock passes it). Between two of them its obligations' verdicts,
     * its overdue items and its action item's lateness are the same at any instant, so a fold may be used again there
     * ({@code SettledUnitQueries}). Empty when something runs with the clock itself: a paused resolution clock counts
     * paused working time up to the instant.
     */
    public Optional<NavigableSet<Instant>> clockBoundaries() {
        if (paused) {
            return Optional.empty();
        }
        NavigableSet<Instant> dues = new TreeSet<>();
        java.util.function.Consumer<Instant> add = due -> {
            if (due != null) {
                dues.add(due);
            }
        };
        add.accept(dispatchDue);
        add.accept(firstContactDue);
        // the sign-for and resolution clocks are obligations too (open() keeps every one)
        obligations.forEach(obligation -> add.accept(obligation.dueAt));
        notices.forEach(notice -> add.accept(notice.dueAt));
        if (actionItem != null) {
            add.accept(actionItem.dueAt);
        }
        return Optional.of(dues);
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
