package cn.qinqing.projects.project.command;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.project.Capacity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts a key project on the city's list.
 *
 * @param milestones every milestone after the signing with its planned date, and the date it was reached for a project
 *     registered while already under way
 */
public record RegisterKeyProjectCommand(
        @TargetAggregateIdentifier UUID projectId,
        Requester requester,
        String name,
        List<String> enterpriseIds,
        ChainLink chainLink,
        BigDecimal investmentCny,
        Capacity capacity,
        String site,
        String leaderId,
        String departmentId,
        LocalDate signedOn,
        List<MilestoneDate> milestones,
        LocalDate today,
        Instant registeredAt) {}
