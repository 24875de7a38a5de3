package cn.qinqing.language.project;

import cn.qinqing.language.ChainLink;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A key project (重点项目) was put on the city's list, signed on {@code signedOn}, with the leader answerable for it
 * (包联领导) and its plan. The signing is its first milestone, reached on {@code signedOn}.
 *
 * @param enterpriseIds the investing enterprises' Unified Social Credit Codes, at least one
 * @param investmentCny the planned investment in yuan (CNY)
 * @param leaderId the responsible leader (包联领导), who is escalated to when a milestone is overdue
 * @param departmentId the responsible department (责任部门), whose leaders and officials record its progress
 * @param plan the planned date of every milestone after the signing, in milestone order
 */
@Revision("1")
public record KeyProjectRegisteredEvent(
        UUID projectId,
        String name,
        List<String> enterpriseIds,
        ChainLink chainLink,
        BigDecimal investmentCny,
        Capacity capacity,
        String site,
        String leaderId,
        String departmentId,
        LocalDate signedOn,
        List<PlannedMilestone> plan,
        Instant registeredAt) {

    public KeyProjectRegisteredEvent {
        enterpriseIds = enterpriseIds == null ? List.of() : List.copyOf(enterpriseIds);
        plan = plan == null ? List.of() : List.copyOf(plan);
    }
}
