package cn.qinqing.language.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A key project's milestone passed the end of its planned day (Asia/Shanghai) without being reached (逾期): escalated
 * to the project's responsible leader, whom it names. Published by the project's own clock (a persistent deadline).
 *
 * @param leaderId the responsible leader (包联领导) it is escalated to
 * @param departmentId the responsible department
 */
@Revision("1")
public record MilestoneOverdueEvent(
        UUID projectId,
        Milestone milestone,
        LocalDate plannedOn,
        String leaderId,
        String departmentId,
        Instant overdueAt) {}
