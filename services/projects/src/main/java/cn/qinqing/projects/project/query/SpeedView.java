package cn.qinqing.projects.project.query;

import cn.qinqing.language.ChainLink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * "Baotou speed" (包头速度) as of a day: how fast projects went from signing to construction and to commissioning,
 * and how many milestones due by then were reached on schedule, per leader and per department (docs/kpis.md).
 *
 * @param averageDaysToConstruction the mean over projects that started construction, null when none did
 * @param averageDaysToCommissioning the mean over commissioned projects, null when none is
 */
public record SpeedView(
        LocalDate asOf,
        List<ProjectSpeed> projects,
        BigDecimal averageDaysToConstruction,
        BigDecimal averageDaysToCommissioning,
        List<ScheduleRate> byLeader,
        List<ScheduleRate> byDepartment) {

    /** One project's days from its signing; null where the milestone is not reached. */
    public record ProjectSpeed(
            UUID projectId,
            String name,
            ChainLink chainLink,
            String leaderId,
            String departmentId,
            LocalDate signedOn,
            Long daysToConstruction,
            Long daysToCommissioning) {}

    /**
     * @param due milestones whose planned day ended by the day asked about (the signing not counted)
     * @param onSchedule of those, the ones reached on or before their planned day
     * @param rate onSchedule / due as a percentage with one decimal, null when nothing was due
     */
    public record ScheduleRate(String id, int projects, int due, int onSchedule, BigDecimal rate) {}
}
