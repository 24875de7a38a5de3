package cn.qinqing.projects.project.command;

import cn.qinqing.language.project.Milestone;
import java.time.LocalDate;

/**
 * A milestone's planned day ending (Asia/Shanghai) — kept by db-scheduler in the service's {@code scheduled_tasks}
 * (ADR 0006), serialized with the platform's Jackson serializer: a change of shape needs the care of an event's.
 *
 * @param plannedOn the planned date it was scheduled for: a deadline whose date is no longer the plan does nothing
 */
public record MilestoneDeadline(Milestone milestone, LocalDate plannedOn) {

    static final String NAME = "milestone-due";
}
