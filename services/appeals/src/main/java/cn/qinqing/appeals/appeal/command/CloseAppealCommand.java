package cn.qinqing.appeals.appeal.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the reaction to {@code CaseFileClosedEvent}: the case was closed out (销号). */
public record CloseAppealCommand(@TargetAggregateIdentifier UUID appealId, Instant closedAt) {}
