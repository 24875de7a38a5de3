package cn.qinqing.projects.project.command;

import cn.qinqing.language.project.Milestone;
import java.time.LocalDate;

/**
 * One milestone of a project being registered: its planned date and, for a project registered while under way, the
 * date it was reached.
 */
public record MilestoneDate(Milestone milestone, LocalDate plannedOn, LocalDate reachedOn) {}
