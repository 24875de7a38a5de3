package cn.qinqing.projects.market.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ClosePostCommand(
        @TargetAggregateIdentifier UUID postId, Requester requester, String reason, Instant closedAt) {}
