package cn.qinqing.oversight.whatif;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.IndustryChainPosition;
import cn.qinqing.language.Urgency;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.assignment.AppealDispatchedEvent;
import cn.qinqing.language.assignment.AppealReturnedEvent;
import cn.qinqing.language.assignment.AppealSignedForEvent;
import cn.qinqing.language.assignment.AppealTransferredEvent;
import cn.qinqing.language.assignment.AssignmentOpenedEvent;
import cn.qinqing.language.assignment.RoutingMode;
import cn.qinqing.language.assignment.SupervisionNoticeIssuedEvent;
import cn.qinqing.language.calendar.WorkingCalendar;
import cn.qinqing.language.resolution.CaseFileOpenedEvent;
import cn.qinqing.language.resolution.CaseFilePausedEvent;
import cn.qinqing.language.resolution.CaseFileReopenedEvent;
import cn.qinqing.language.resolution.CaseFileResumedEvent;
import cn.qinqing.language.resolution.ExtensionGrantedEvent;
import cn.qinqing.language.resolution.ResolutionSubmittedEvent;
import cn.qinqing.oversight.history.AppealEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An appeal's published events as they would have read under a proposal: every decision stays as it was (who
 * dispatched it where and when — except an automatic route, which goes where a proposed routing catalogue sends it,
 * the department it went to replaced by the proposed one in what followed until a person moved it on — who signed for it, paused, granted an extension, answered, rated, reopened — and when);
 * only the clocks are recomputed: each due time the services set is counted again from the same start with the
 * proposed limit (or the limit it had, in working time, when none is proposed) on the proposed calendar, and the
 * verdicts that depend on a due time ({@code withinLimit} of a sign-for, {@code onTime} of an answer) are judged
 * again against the new due time. A due time that comes out the same keeps the service's own verdict, so an empty
 * proposal gives back the events unchanged. Pure: no framework, no I/O.
 */
final class Rescheduling {

    private final Proposal proposal;
    private final WorkingCalendar real;
    private final WorkingCalendar proposed;

    Rescheduling(Proposal proposal, WorkingCalendar real) {
        this.proposal = proposal;
        this.real = real;
        this.proposed = proposal.calendar(real);
    }

    WorkingCalendar proposedCalendar() {
        return proposed;
    }

    /** The appeal's events (any order) rewritten under the proposal, in stream order. */
    List<AppealEvent> apply(List<AppealEvent> events) {
        Clocks clocks = new Clocks();
        List<AppealEvent> rewritten = new ArrayList<>(events.size());
        events.stream()
                .sorted(Comparator.comparingLong(AppealEvent::globalIndex))
                .forEach(recorded -> {
                    Object after = clocks.rewrite(recorded.event());
                    after = after.equals(recorded.event()) ? recorded.event() : after;
                    rewritten.add(
                            after == recorded.event()
                                    ? recorded
                                    : new AppealEvent(
                                            recorded.eventId(),
                                            recorded.appealId(),
                                            recorded.globalIndex(),
                                            recorded.recordedAt(),
                                            recorded.actor(),
                                            recorded.role(),
                                            recorded.correlationId(),
                                            recorded.causationId(),
                                            after));
                });
        return rewritten;
    }

    /** The due times of one appeal as they were and as they would be, while its events are walked in order. */
    private final class Clocks {
        AppealCategory category;
        Urgency urgency;
        Instant signForWas;
        Instant signForWouldBe;
        Instant resolutionWas;
        Instant resolutionWouldBe;
        Instant firstContactWas;
        Instant firstContactWouldBe;
        Instant pausedAt;
        IndustryChainPosition chainPosition;
        String district;
        /** While an automatic route is replaced: the department it went to, and the one the proposal sends it to. */
        String routedFrom;

        String routedTo;

        Object rewrite(Object event) {
            return clocks(route(event));
        }

        /**
         * An automatic dispatch goes where the proposed catalogue sends it; what the department it went to then did
         * with the appeal (signed for, opened the case, answered, was noticed) is done by the proposed one, at the same
         * times, until a person moves the appeal on (a transfer, a return, another dispatch).
         */
        private Object route(Object event) {
            if (event instanceof AssignmentOpenedEvent opened) {
                category = opened.category() != null ? opened.category() : category;
                urgency = opened.urgency() != null ? opened.urgency() : urgency;
                chainPosition = opened.chainPosition();
                district = opened.district();
                return event;
            }
            if (event instanceof AppealDispatchedEvent dispatched) {
                routedFrom = routedTo = null;
                if (dispatched.mode() != RoutingMode.AUTOMATIC
                        || proposal.routing().isEmpty()) {
                    return event;
                }
                String to = proposal.route(category, chainPosition, district).orElse(null);
                if (to == null || to.equals(dispatched.departmentId())) {
                    return event;
                }
                routedFrom = dispatched.departmentId();
                routedTo = to;
                return new AppealDispatchedEvent(
                        dispatched.appealId(),
                        to,
                        dispatched.mode(),
                        null,
                        dispatched.previousDepartmentId(),
                        dispatched.urgency(),
                        dispatched.dispatchedAt(),
                        dispatched.signForDueAt());
            }
            if (routedFrom == null) {
                return event;
            }
            if (event instanceof AppealSignedForEvent signed && routedFrom.equals(signed.departmentId())) {
                return new AppealSignedForEvent(
                        signed.appealId(), routedTo, signed.officialId(), signed.signedAt(), signed.withinLimit());
            }
            if (event instanceof CaseFileOpenedEvent opened && routedFrom.equals(opened.departmentId())) {
                return new CaseFileOpenedEvent(
                        opened.appealId(),
                        routedTo,
                        opened.urgency(),
                        opened.round(),
                        opened.openedAt(),
                        opened.firstContactDueAt(),
                        opened.resolutionDueAt(),
                        opened.provisionalCalendar());
            }
            if (event instanceof ResolutionSubmittedEvent submitted && routedFrom.equals(submitted.departmentId())) {
                return new ResolutionSubmittedEvent(
                        submitted.appealId(),
                        routedTo,
                        submitted.officialId(),
                        submitted.round(),
                        submitted.answer(),
                        submitted.outcome(),
                        submitted.reason(),
                        submitted.policyBasis(),
                        submitted.submittedAt(),
                        submitted.onTime());
            }
            if (event instanceof AppealAnsweredEvent answered && routedFrom.equals(answered.departmentId())) {
                return new AppealAnsweredEvent(
                        answered.appealId(),
                        answered.enterpriseId(),
                        routedTo,
                        answered.round(),
                        answered.answer(),
                        answered.outcome(),
                        answered.reason(),
                        answered.policyBasis(),
                        answered.answeredAt(),
                        answered.ratingDueAt());
            }
            if (event instanceof SupervisionNoticeIssuedEvent notice && routedFrom.equals(notice.departmentId())) {
                return new SupervisionNoticeIssuedEvent(
                        notice.appealId(),
                        notice.noticeId(),
                        notice.leaderId(),
                        routedTo,
                        notice.instructions(),
                        notice.dueAt(),
                        notice.issuedAt());
            }
            if (event instanceof AppealTransferredEvent transferred) {
                String from = routedFrom;
                String to = routedTo;
                routedFrom = routedTo = null;
                return from.equals(transferred.fromDepartmentId())
                        ? new AppealTransferredEvent(
                                transferred.appealId(),
                                to,
                                transferred.toDepartmentId(),
                                transferred.byActor(),
                                transferred.reason(),
                                transferred.transferredAt(),
                                transferred.signForDueAt())
                        : event;
            }
            if (event instanceof AppealReturnedEvent returned) {
                String from = routedFrom;
                String to = routedTo;
                routedFrom = routedTo = null;
                return from.equals(returned.departmentId())
                        ? new AppealReturnedEvent(
                                returned.appealId(),
                                to,
                                returned.officialId(),
                                returned.reason(),
                                returned.returnedAt())
                        : event;
            }
            return event;
        }

        private Object clocks(Object event) {
            if (event instanceof AppealFiledEvent filed) {
                category = filed.category();
                urgency = filed.urgency();
                return event;
            }
            if (event instanceof AppealDispatchedEvent dispatched) {
                urgency = dispatched.urgency() != null ? dispatched.urgency() : urgency;
                signForWas = dispatched.signForDueAt();
                signForWouldBe = due(dispatched.dispatchedAt(), signForWas, proposal.signForLimit());
                return Objects.equals(signForWas, signForWouldBe)
                        ? event
                        : new AppealDispatchedEvent(
                                dispatched.appealId(),
                                dispatched.departmentId(),
                                dispatched.mode(),
                                dispatched.ruleId(),
                                dispatched.previousDepartmentId(),
                                dispatched.urgency(),
                                dispatched.dispatchedAt(),
                                signForWouldBe);
            }
            if (event instanceof AppealTransferredEvent transferred) {
                signForWas = transferred.signForDueAt();
                signForWouldBe = due(transferred.transferredAt(), signForWas, proposal.signForLimit());
                resolutionWas = resolutionWouldBe = null;
                firstContactWas = firstContactWouldBe = null;
                pausedAt = null;
                return Objects.equals(signForWas, signForWouldBe)
                        ? event
                        : new AppealTransferredEvent(
                                transferred.appealId(),
                                transferred.fromDepartmentId(),
                                transferred.toDepartmentId(),
                                transferred.byActor(),
                                transferred.reason(),
                                transferred.transferredAt(),
                                signForWouldBe);
            }
            if (event instanceof AppealSignedForEvent signed) {
                Object after = event;
                if (signForWouldBe != null && !signForWouldBe.equals(signForWas) && signed.signedAt() != null) {
                    after = new AppealSignedForEvent(
                            signed.appealId(),
                            signed.departmentId(),
                            signed.officialId(),
                            signed.signedAt(),
                            !signed.signedAt().isAfter(signForWouldBe));
                }
                signForWas = signForWouldBe = null;
                return after;
            }
            if (event instanceof CaseFileOpenedEvent opened) {
                urgency = opened.urgency() != null ? opened.urgency() : urgency;
                open(opened.openedAt(), opened.resolutionDueAt(), opened.firstContactDueAt());
                return Objects.equals(resolutionWas, resolutionWouldBe)
                                && Objects.equals(firstContactWas, firstContactWouldBe)
                        ? event
                        : new CaseFileOpenedEvent(
                                opened.appealId(),
                                opened.departmentId(),
                                opened.urgency(),
                                opened.round(),
                                opened.openedAt(),
                                firstContactWouldBe,
                                resolutionWouldBe,
                                opened.provisionalCalendar());
            }
            if (event instanceof CaseFileReopenedEvent reopened) {
                open(reopened.reopenedAt(), reopened.resolutionDueAt(), reopened.firstContactDueAt());
                return Objects.equals(resolutionWas, resolutionWouldBe)
                                && Objects.equals(firstContactWas, firstContactWouldBe)
                        ? event
                        : new CaseFileReopenedEvent(
                                reopened.appealId(),
                                reopened.round(),
                                reopened.reopenedAt(),
                                firstContactWouldBe,
                                resolutionWouldBe);
            }
            if (event instanceof CaseFilePausedEvent paused) {
                if (pausedAt == null) {
                    pausedAt = paused.pausedAt();
                }
                return event;
            }
            if (event instanceof CaseFileResumedEvent resumed) {
                return resumed(resumed);
            }
            if (event instanceof ExtensionGrantedEvent granted) {
                if (granted.newResolutionDueAt() == null || resolutionWas == null) {
                    return event;
                }
                // the leader granted this much more working time; granted under the proposal it is as much again
                Duration more = real.workingTimeBetween(resolutionWas, granted.newResolutionDueAt());
                Instant wouldBe = unchanged(resolutionWas, resolutionWouldBe)
                        ? granted.newResolutionDueAt()
                        : proposed.addWorkingTime(resolutionWouldBe, more);
                resolutionWas = granted.newResolutionDueAt();
                resolutionWouldBe = wouldBe;
                return Objects.equals(resolutionWas, resolutionWouldBe)
                        ? event
                        : new ExtensionGrantedEvent(
                                granted.appealId(),
                                granted.requestId(),
                                granted.leaderId(),
                                resolutionWouldBe,
                                granted.decidedAt());
            }
            if (event instanceof ResolutionSubmittedEvent submitted) {
                Object after = event;
                if (resolutionWouldBe != null
                        && !resolutionWouldBe.equals(resolutionWas)
                        && submitted.submittedAt() != null) {
                    Instant clockStopped = pausedAt != null && pausedAt.isBefore(submitted.submittedAt())
                            ? pausedAt
                            : submitted.submittedAt();
                    after = new ResolutionSubmittedEvent(
                            submitted.appealId(),
                            submitted.departmentId(),
                            submitted.officialId(),
                            submitted.round(),
                            submitted.answer(),
                            submitted.outcome(),
                            submitted.reason(),
                            submitted.policyBasis(),
                            submitted.submittedAt(),
                            !clockStopped.isAfter(resolutionWouldBe));
                }
                resolutionWas = resolutionWouldBe = null;
                firstContactWas = firstContactWouldBe = null;
                pausedAt = null;
                return after;
            }
            return event;
        }

        private void open(Instant start, Instant resolutionDue, Instant firstContactDue) {
            resolutionWas = resolutionDue;
            resolutionWouldBe = due(start, resolutionDue, proposal.resolutionLimit(category, urgency));
            firstContactWas = firstContactDue;
            firstContactWouldBe = due(start, firstContactDue, proposal.firstContactLimit());
            pausedAt = null;
        }

        private Object resumed(CaseFileResumedEvent resumed) {
            Instant from = pausedAt;
            pausedAt = null;
            if (from == null || resumed.resumedAt() == null) {
                resolutionWas = resolutionWouldBe = resumed.resolutionDueAt();
                firstContactWas = firstContactWouldBe = resumed.firstContactDueAt();
                return resumed;
            }
            Instant at = resumed.resumedAt().isBefore(from) ? from : resumed.resumedAt();
            Instant resolution = moved(resolutionWas, resolutionWouldBe, resumed.resolutionDueAt(), from, at);
            Instant firstContact = moved(firstContactWas, firstContactWouldBe, resumed.firstContactDueAt(), from, at);
            resolutionWas = resumed.resolutionDueAt();
            resolutionWouldBe = resolution;
            firstContactWas = resumed.firstContactDueAt();
            firstContactWouldBe = firstContact;
            return Objects.equals(resolutionWas, resolutionWouldBe)
                            && Objects.equals(firstContactWas, firstContactWouldBe)
                    ? resumed
                    : new CaseFileResumedEvent(resumed.appealId(), resumed.resumedAt(), firstContact, resolution);
        }

        /** As the resolution service moves a due time on resuming: what was left at the pause, from the resumption. */
        private Instant moved(Instant was, Instant wouldBe, Instant movedWas, Instant pausedFrom, Instant resumedAt) {
            if (movedWas == null) {
                return null;
            }
            if (wouldBe == null || unchanged(was, wouldBe)) {
                return movedWas;
            }
            Duration left = proposed.workingTimeBetween(pausedFrom, wouldBe);
            return proposed.addWorkingTime(resumedAt, left);
        }

        /** Whether a due time, and the calendar counting on from it, are as they were. */
        private boolean unchanged(Instant was, Instant wouldBe) {
            return Objects.equals(was, wouldBe) && !proposal.changesCalendar();
        }
    }

    /**
     * The due time counted from {@code start} with the proposed limit, or with the limit it had (the working time
     * between start and the due time as it was) when none is proposed; the due time as it was when neither the limit
     * nor the calendar changes.
     */
    private Instant due(Instant start, Instant was, Optional<Duration> limit) {
        if (was == null || start == null) {
            return was;
        }
        if (limit.isEmpty() && !proposal.changesCalendar()) {
            return was;
        }
        if (limit.isEmpty()) {
            Duration had = real.workingTimeBetween(start, was);
            // the proposed calendar leaves this stretch alone: the due time stays to the minute
            return had.equals(proposed.workingTimeBetween(start, was)) ? was : proposed.addWorkingTime(start, had);
        }
        return proposed.addWorkingTime(start, limit.get());
    }
}
