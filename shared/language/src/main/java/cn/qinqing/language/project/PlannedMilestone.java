package cn.qinqing.language.project;

import java.time.LocalDate;

/** A milestone of a key project and the date (Asia/Shanghai) it is planned for. */
public record PlannedMilestone(Milestone milestone, LocalDate plannedOn) {}
