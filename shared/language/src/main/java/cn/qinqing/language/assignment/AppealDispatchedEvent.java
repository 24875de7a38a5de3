package cn.qinqing.language.assignment;

import cn.qinqing.language.Urgency;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An appeal was dispatched (派单) to a department, which must now sign for it by {@code signForDueAt}.
 *
 * @param ruleId the routing rule that chose the department, for automatic routes
 * @param previousDepartmentId the department that held it before, for an override
 */
@Revision("1")
public record AppealDispatchedEvent(
        UUID appealId,
        String departmentId,
        RoutingMode mode,
        String ruleId,
        String previousDepartmentId,
        Urgency urgency,
        Instant dispatchedAt,
        Instant signForDueAt) {}
