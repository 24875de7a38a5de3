package cn.qinqing.resolution.casefile.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the reaction to {@code AppealWithdrawnEvent}. */
public record CancelCaseFileCommand(@TargetAggregateIdentifier UUID caseFileId, Instant cancelledAt) {}
