package cn.qinqing.appeals.appeal.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cn.qinqing.language.MetadataKeys;
import cn.qinqing.language.appeal.AppealAnsweredEvent;
import cn.qinqing.language.appeal.AppealClosedEvent;
import cn.qinqing.language.appeal.AppealDocumentsAttachedEvent;
import cn.qinqing.language.appeal.AppealDocumentsAttachedEvent.AttachedWith;
import cn.qinqing.language.appeal.AppealFiledEvent;
import cn.qinqing.language.appeal.AppealRatedEvent;
import cn.qinqing.language.appeal.AppealRatingExpiredEvent;
import cn.qinqing.language.appeal.AppealReopenedEvent;
import cn.qinqing.language.appeal.AppealSupplementedEvent;
import cn.qinqing.language.appeal.AppealWithdrawnEvent;
import cn.qinqing.language.document.DocumentRef;
import cn.qinqing.platform.domain.NotAccessible;
import cn.qinqing.platform.domain.RuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.spring.stereotype.Aggregate;

/** An enterprise's appeal (诉求): what it asked for and whether it may still be changed by the enterprise. */
@Aggregate(type = "Appeal")
public class Appeal {

    @AggregateIdentifier
    private UUID appealId;

    private String enterpriseId;
    private AppealStatus status;
    private int round;
    private Instant ratingDueAt;
    private Integer rating;

    protected Appeal() {
        // for Axon
    }

    @CommandHandler
    public Appeal(FileAppealCommand command) {
        apply(new AppealFiledEvent(
                command.appealId(),
                command.enterpriseId(),
                command.title(),
                command.description(),
                command.category(),
                command.urgency(),
                command.attachments(),
                command.source(),
                command.meeting(),
                command.manualDispatch(),
                command.filedAt()));
        attach(command.appealId(), command.enterpriseId(), AttachedWith.FILING, command.documents(), command.filedAt());
    }

    @CommandHandler
    void handle(SupplementAppealCommand command) {
        requireOwnedBy(command.enterpriseId());
        requireVersion(command.expectedVersion());
        if (status == AppealStatus.WITHDRAWN) {
            throw new RuleViolation("appeal-withdrawn", "The appeal was withdrawn; file a new one instead.");
        }
        apply(new AppealSupplementedEvent(
                appealId, enterpriseId, command.text(), command.attachments(), command.supplementedAt()));
        attach(appealId, enterpriseId, AttachedWith.SUPPLEMENT, command.documents(), command.supplementedAt());
    }

    @CommandHandler
    void handle(WithdrawAppealCommand command) {
        requireOwnedBy(command.enterpriseId());
        requireVersion(command.expectedVersion());
        if (status == AppealStatus.WITHDRAWN) {
            throw new RuleViolation("appeal-withdrawn", "The appeal was already withdrawn.");
        }
        if (status == AppealStatus.ANSWERED || status == AppealStatus.CLOSED) {
            throw new RuleViolation(
                    "appeal-answered", "The appeal was answered; rate the answer or reopen it instead.");
        }
        apply(new AppealWithdrawnEvent(appealId, enterpriseId, command.reason(), command.withdrawnAt()));
    }

    // The answer, its rating and reopening (issue 4). The rules, also in this service's README:
    // - the enterprise rates an answer once, 1 to 5 (4 and 5 count as satisfied), within the rating window;
    // - it may reopen an answer within the window unless it rated it satisfied (unrated, or rated 1–3);
    // - at the end of the window an unrated answer is recorded as such (AppealRatingExpiredEvent), which counts as
    //   feedback for close-out; the appeal closes when the resolution service closes the case out.

    @CommandHandler
    void handle(AnswerAppealCommand command, RatingWindow window, DeadlineManager deadlines) {
        if (status == AppealStatus.WITHDRAWN || status == AppealStatus.CLOSED || command.round() <= round) {
            return; // redelivered, or nothing to show any more
        }
        Instant due = command.answeredAt().plus(window.length());
        apply(new AppealAnsweredEvent(
                appealId,
                enterpriseId,
                command.departmentId(),
                command.round(),
                command.answer(),
                command.outcome(),
                command.reason(),
                command.policyBasis(),
                command.answeredAt(),
                due));
        deadlines.cancelAllWithinScope(RatingWindowExpiry.NAME);
        deadlines.schedule(due, RatingWindowExpiry.NAME, new RatingWindowExpiry(command.round()));
    }

    @CommandHandler
    void handle(RateAnswerCommand command, DeadlineManager deadlines) {
        requireOwnedBy(command.enterpriseId());
        requireVersion(command.expectedVersion());
        requireAnsweredWithinWindow(command.ratedAt());
        if (rating != null) {
            throw new RuleViolation("answer-rated", "This answer was already rated.");
        }
        apply(new AppealRatedEvent(
                appealId, enterpriseId, round, command.rating(), command.comment(), command.ratedAt()));
        deadlines.cancelAllWithinScope(RatingWindowExpiry.NAME);
    }

    @CommandHandler
    void handle(ReopenAppealCommand command, DeadlineManager deadlines) {
        requireOwnedBy(command.enterpriseId());
        requireVersion(command.expectedVersion());
        requireAnsweredWithinWindow(command.reopenedAt());
        if (rating != null && rating >= 4) {
            throw new RuleViolation("answer-rated-satisfied", "An answer rated satisfied cannot be reopened.");
        }
        apply(new AppealReopenedEvent(appealId, enterpriseId, round, command.reason(), command.reopenedAt()));
        attach(appealId, enterpriseId, AttachedWith.REOPENING, command.documents(), command.reopenedAt());
        deadlines.cancelAllWithinScope(RatingWindowExpiry.NAME);
    }

    @CommandHandler
    void handle(CloseAppealCommand command) {
        if (status == AppealStatus.CLOSED || status == AppealStatus.WITHDRAWN) {
            return; // redelivered
        }
        apply(new AppealClosedEvent(appealId, enterpriseId, command.closedAt()));
    }

    /** The window closed without a rating: recorded as such, once, for the round it was scheduled for. */
    @DeadlineHandler
    void on(RatingWindowExpiry expiry) {
        if (status != AppealStatus.ANSWERED || expiry.round() != round || rating != null) {
            return;
        }
        apply(
                new AppealRatingExpiredEvent(appealId, enterpriseId, round, ratingDueAt),
                MetaData.with(MetadataKeys.ACTOR, "system:appeals").and(MetadataKeys.ROLE, "SYSTEM"));
    }

    /**
     * The documents uploaded with a step, recorded right after it in the same commit (ADR 0009): a step without
     * documents records none, so its version arithmetic stays as before.
     */
    private static void attach(
            UUID appealId, String enterpriseId, AttachedWith with, List<DocumentRef> documents, Instant at) {
        if (!documents.isEmpty()) {
            apply(new AppealDocumentsAttachedEvent(appealId, enterpriseId, with, documents, at));
        }
    }

    private void requireAnsweredWithinWindow(Instant now) {
        if (status != AppealStatus.ANSWERED) {
            throw new RuleViolation("appeal-not-answered", "There is no answer waiting for your feedback.");
        }
        if (now.isAfter(ratingDueAt)) {
            throw new RuleViolation("rating-window-closed", "The time to rate or reopen this answer has passed.");
        }
    }

    /** Another enterprise learns nothing, not even that the appeal exists. */
    private void requireOwnedBy(String callerEnterprise) {
        if (!enterpriseId.equals(callerEnterprise)) {
            throw new NotAccessible("appeal " + appealId);
        }
    }

    /**
     * An update names the version it was based on, and only that exact version may be updated (Axon alone would
     * also accept a version from the future).
     */
    private static void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected == null || !expected.equals(actual)) {
            throw new ConflictingAggregateVersionException(
                    "appeal", expected == null ? -1 : expected, actual == null ? -1 : actual);
        }
    }

    @EventSourcingHandler
    void on(AppealFiledEvent event) {
        appealId = event.appealId();
        enterpriseId = event.enterpriseId();
        status = AppealStatus.OPEN;
    }

    @EventSourcingHandler
    void on(AppealWithdrawnEvent event) {
        status = AppealStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(AppealAnsweredEvent event) {
        status = AppealStatus.ANSWERED;
        round = event.round();
        ratingDueAt = event.ratingDueAt();
        rating = null;
    }

    @EventSourcingHandler
    void on(AppealRatedEvent event) {
        rating = event.rating();
    }

    @EventSourcingHandler
    void on(AppealReopenedEvent event) {
        status = AppealStatus.REOPENED;
    }

    @EventSourcingHandler
    void on(AppealClosedEvent event) {
        status = AppealStatus.CLOSED;
    }
}
