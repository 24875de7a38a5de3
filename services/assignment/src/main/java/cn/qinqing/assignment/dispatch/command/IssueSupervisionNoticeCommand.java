package cn.qinqing.assignment.dispatch.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A leader presses the holding department with a supervision notice (督办); a repeated notice id changes nothing. */
public record IssueSupervisionNoticeCommand(
        UUID appealId, UUID noticeId, String leaderId, String instructions, Instant dueAt, Instant issuedAt) {

    @TargetAggregateIdentifier
    public UUID assignmentId() {
        return Assignment.idFor(appealId);
    }
}
