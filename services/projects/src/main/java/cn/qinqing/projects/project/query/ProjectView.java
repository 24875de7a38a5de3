package cn.qinqing.projects.project.query;

import cn.qinqing.language.ChainLink;
import cn.qinqing.language.project.CapacityUnit;
import cn.qinqing.language.project.Milestone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A key project as of a day.
 *
 * @param status the last milestone it reached by that day (签约 … 达产)
 * @param statusReachedOn the day it reached that milestone
 * @param commissioningPlannedOn the day it is planned to be commissioned (达产)
 * @param next the next milestone and its planned day, null once commissioned
 * @param overdue whether a milestone is overdue on that day
 * @param openBlockers blockers raised by that day whose appeal is not closed or withdrawn
 */
public record ProjectView(
        UUID projectId,
        String name,
        List<String> enterpriseIds,
        ChainLink chainLink,
        BigDecimal investmentCny,
        BigDecimal capacityAmount,
        CapacityUnit capacityUnit,
        String site,
        String leaderId,
        String departmentId,
        LocalDate signedOn,
        Milestone status,
        LocalDate statusReachedOn,
        LocalDate commissioningPlannedOn,
        Milestone next,
        LocalDate nextPlannedOn,
        boolean overdue,
        int openBlockers,
        long version) {}
