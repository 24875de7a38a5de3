package cn.qinqing.projects.market.command;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PublishPostCommand(@TargetAggregateIdentifier UUID postId, Requester requester, Instant publishedAt) {}
