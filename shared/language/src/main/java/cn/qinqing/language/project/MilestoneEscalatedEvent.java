package cn.qinqing.language.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A key project's overdue milestone was still not reached a number of working days after its planned day (升级督办):
 * escalated past the project's responsible leader to the leader above them, as an appeal's breached deadline is.
 * Published once per milestone by the project's own clock (a persistent deadline set when the milestone fell
 * overdue). The project knows its leader, not the chain of command: whoever tells the superior looks them up.
 *
 * @param workingDays the working days after the planned day that the milestone was given before this escalation
 * @param leaderId the responsible leader (包联领导) who did not get it reached; the escalation goes to their superior
 * @param departmentId the responsible department
 */
@Revision("1")
public record MilestoneEscalatedEvent(
        UUID projectId,
        Milestone milestone,
        LocalDate plannedOn,
        int workingDays,
        String leaderId,
        String departmentId,
        Instant escalatedAt) {}
