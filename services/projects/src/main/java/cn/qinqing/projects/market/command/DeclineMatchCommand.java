package cn.qinqing.projects.market.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineMatchCommand(
        @TargetAggregateIdentifier UUID matchId, Requester requester, String reason, Instant declinedAt) {}
