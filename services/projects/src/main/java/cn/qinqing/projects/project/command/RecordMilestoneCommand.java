package cn.qinqing.projects.project.command;

import cn.qinqing.language.project.Milestone;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param expectedVersion the version the caller read (If-Match), or null to record against whatever is current */
public record RecordMilestoneCommand(
        @TargetAggregateIdentifier UUID projectId,
        Long expectedVersion,
        Requester requester,
        Milestone milestone,
        LocalDate reachedOn,
        String note,
        LocalDate today,
        Instant recordedAt) {}
