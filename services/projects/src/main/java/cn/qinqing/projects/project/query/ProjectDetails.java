package cn.qinqing.projects.project.query;

import java.time.LocalDate;
import java.util.List;

/** A project with everything on its page, as of a day. */
public record ProjectDetails(
        LocalDate asOf,
        ProjectView project,
        List<MilestoneView> milestones,
        List<ProgressView> progress,
        List<BlockerView> blockers) {}
