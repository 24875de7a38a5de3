package cn.qinqing.projects.project.command;

import cn.qinqing.language.project.Milestone;
import java.time.LocalDate;

/**
 * An overdue milestone's grace running out: the working days after its planned day that its leader had to get it
 * reached before it goes over their head. Kept by db-scheduler like {@link MilestoneDeadline}, with the same care.
 *
 * @param plannedOn the planned date it was scheduled for: a deadline whose date is no longer the plan does nothing
 * @param workingDays the working days after the planned day it was set for, as the escalation names them
 */
public record MilestoneEscalationDeadline(Milestone milestone, LocalDate plannedOn, int workingDays) {

    static final String NAME = "milestone-escalation";
}
