package cn.qinqing.projects.project.command;

import cn.qinqing.language.AppealCategory;
import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param blockerId the new blocker's id; raising an id the project has already changes nothing (a retry)
 * @param enterpriseId the investing enterprise the appeal is filed for; null for the project's first investor
 */
public record RaiseBlockerCommand(
        @TargetAggregateIdentifier UUID projectId,
        UUID blockerId,
        Requester requester,
        String enterpriseId,
        String title,
        String description,
        AppealCategory category,
        Urgency urgency,
        Instant raisedAt) {}
