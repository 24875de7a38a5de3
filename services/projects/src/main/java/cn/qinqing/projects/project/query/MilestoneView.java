package cn.qinqing.projects.project.query;

import cn.qinqing.language.project.Milestone;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A milestone of a project as of a day.
 *
 * @param reachedOn the day it was reached, null when not reached by the day asked about
 * @param overdue its planned day ended before the day asked about and it was not reached by then
 * @param onSchedule reached on or before its planned day; null while not reached
 */
public record MilestoneView(
        Milestone milestone,
        LocalDate plannedOn,
        LocalDate reachedOn,
        String note,
        String recordedBy,
        Instant escalatedAt,
        boolean overdue,
        Boolean onSchedule) {}
