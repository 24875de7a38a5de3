package cn.qinqing.projects.market.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The enterprise agrees that its need, which local supply cannot serve, goes to the next breakfast meeting. */
public record ReferNeedToMeetingCommand(
        @TargetAggregateIdentifier UUID postId, Requester requester, String description, Instant referredAt) {}
